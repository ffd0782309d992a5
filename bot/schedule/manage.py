"""Subscribing, listing and unsubscribing, as ``/trade subscribe|subscriptions|unsubscribe`` do it (no Slack here).

Each function returns the text to show the user (mrkdwn; the renderer escapes ``&``, ``<`` and ``>``, so what the
user typed and echoes of it cannot ping or link anyone).
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Callable

from pydantic import BaseModel, ConfigDict

from bot.kb.base import KnowledgeBase
from bot.schedule.errors import ScheduleError
from bot.schedule.floor import check_floor
from bot.schedule.limits import DEFAULT_LIMITS, SubscriptionLimits
from bot.schedule.slots import next_slot
from bot.schedule.spec import USAGE, parse_schedule
from bot.schedule.timezones import canonical_timezone
from bot.schedule.topics import topic_resolver
from bot.store import NewSubscription, Store, Subscription
from bot.store.subscriptions import CapReached

MAX_LISTED = 20
# Ids are 64-bit in both databases; a longer number cannot be one (and would overflow the query).
MAX_ID = 2**63 - 1
_ID = re.compile(r"[0-9]{1,30}")  # ASCII digits only: "²" is a digit to str.isdigit but not to int()
FALLBACK_TIMEZONE = "UTC"

TimezoneOf = Callable[[str], "str | None"]


def subscribe(
    store: Store,
    kb: KnowledgeBase,
    *,
    channel: str,
    user: str,
    text: str,
    timezone_of: TimezoneOf | None,
    now: dt.datetime,
    limits: SubscriptionLimits | None = None,
) -> tuple[bool, str]:
    """Make a subscription for ``channel`` from ``text``; return (ok, message). Nothing is stored on error.

    The time zone is the one typed, else the user's Slack zone (``timezone_of``), else UTC, which the reply says.
    Typing the schedule of a paused subscription of this channel again resumes it instead of adding another.
    A new subscription past the channel's or the user's cap (``limits``) is refused.
    """
    try:
        spec = parse_schedule(text, topic_resolver(kb))
    except ScheduleError as exc:
        return False, _unreadable(exc)
    note = ""
    timezone = spec.timezone
    if timezone is None:
        found = timezone_of(user) if timezone_of else None
        timezone = canonical_timezone(found) if found else None
        if timezone is None:
            timezone = FALLBACK_TIMEZONE
            note = (
                " I could not read your Slack time zone, so I used UTC; add a zone such as Asia/Shanghai to change it."
            )
    try:
        check_floor(spec.cron, timezone)  # in the zone it will run in: daylight saving can bring two posts closer
    except ScheduleError as exc:
        return False, _unreadable(exc)
    new = NewSubscription(
        channel=channel,
        creator=user,
        kind=spec.kind,
        cron=spec.cron,
        timezone=timezone,
        topic=spec.topic,
        spec=spec.spec,
    )
    same = next((s for s in store.subscriptions.for_channel(channel) if _same(s, new)), None)
    if same is not None and not same.paused:
        return True, f"This channel already has that subscription (#{same.id}). {_next(same, now)}"
    if same is not None:
        store.subscriptions.resume(same.id)
        return True, f"Resumed subscription #{same.id}: {_describe(kb, same)}. {_next(same, now)}"
    limits = limits or DEFAULT_LIMITS
    made = store.subscriptions.add_within(new, per_channel=limits.per_channel, per_user=limits.per_user)
    if isinstance(made, CapReached):
        return False, _cap_text(made)
    return True, (
        f"Subscribed this channel (#{made.id}): {_describe(kb, made)}. {_next(made, now)}"
        f" Stop it with `/trade unsubscribe {made.id}`.{note}"
    )


def list_subscriptions(store: Store, kb: KnowledgeBase, *, channel: str, now: dt.datetime) -> str:
    """The channel's subscriptions, each with its next run (or why it is paused)."""
    subscriptions = store.subscriptions.for_channel(channel)
    if not subscriptions:
        return "This channel has no subscriptions. Start one with `/trade subscribe daily 09:00`."
    lines = [f"*Subscriptions in this channel* ({len(subscriptions)}):"]
    for subscription in subscriptions[:MAX_LISTED]:
        if subscription.paused:
            state = f"paused: {subscription.paused_reason or 'unknown reason'}"
        else:
            state = _next(subscription, now)
        origin = " (from the bot's configuration)" if subscription.config_key else ""
        lines.append(f"• *#{subscription.id}* {_describe(kb, subscription)}{origin} — {state}")
    if len(subscriptions) > MAX_LISTED:
        lines.append(f"… and {len(subscriptions) - MAX_LISTED} more.")
    return "\n".join(lines)


class Removed(BaseModel):
    """A subscription was removed. ``announce`` is True when someone other than its creator removed it: the
    channel is then told who did, so removing a colleague's digest is never silent."""

    model_config = ConfigDict(frozen=True)

    id: int
    spec: str
    creator: str | None
    by: str
    announce: bool


def unsubscribe(store: Store, *, channel: str, user: str, text: str) -> tuple[bool, str] | Removed:
    """Remove the subscription whose id is ``text`` if it belongs to ``channel``; (False, why) when it cannot.

    Any member of the channel may remove a subscription made there (a digest outlives its creator's interest, or
    their account); when it is not their own, the result says to announce it in the channel.
    """
    wanted = text.strip().removeprefix("#").strip()
    if not _ID.fullmatch(wanted):
        return (
            False,
            "Say which subscription to remove by its number, for example `/trade unsubscribe 3` "
            "(see `/trade subscriptions`).",
        )
    number = int(wanted)
    subscription = store.subscriptions.get(number) if number <= MAX_ID else None
    if subscription is None or subscription.channel != channel:
        return False, f"This channel has no subscription #{number}; `/trade subscriptions` lists them."
    if subscription.config_key:
        return False, (
            f"Subscription #{subscription.id} comes from the bot's configuration (DIGEST_CHANNEL, DIGEST_SCHEDULE); "
            "ask whoever runs the bot to change it."
        )
    store.subscriptions.remove(subscription.id)
    return Removed(
        id=subscription.id,
        spec=subscription.spec,
        creator=subscription.creator,
        by=user,
        announce=subscription.creator != user,
    )


def usage() -> str:
    """The schedule forms, for help and errors."""
    return USAGE


def _unreadable(error: ScheduleError) -> str:
    return f"I could not read that schedule: {error.problem}.\nFor example: `/trade subscribe {error.example}`"


def _cap_text(cap: CapReached) -> str:
    if cap.scope == "channel":
        return (
            f"This channel has {cap.limit} subscriptions already, the most it may have. "
            "Remove one first (`/trade subscriptions` lists them, `/trade unsubscribe ID` removes one)."
        )
    return (
        f"You have made {cap.limit} subscriptions already (in all channels), the most one person may have. "
        "Remove one of yours first with `/trade unsubscribe ID` in its channel."
    )


def _same(existing: Subscription, new: NewSubscription) -> bool:
    keys = ("kind", "cron", "timezone", "topic")
    return all(getattr(existing, k) == getattr(new, k) for k in keys)


def _describe(kb: KnowledgeBase, subscription: Subscription) -> str:
    if subscription.kind == "figure-of-the-day":
        what = (
            "one key figure a day"
            if not subscription.topic
            else f"one {_topic_name(kb, subscription.topic)} figure a day"
        )
    else:
        what = "the key figures" if not subscription.topic else f"the {_topic_name(kb, subscription.topic)} figures"
    return f"{what}, {subscription.spec} ({subscription.timezone})"


def _next(subscription: Subscription, now: dt.datetime) -> str:
    when = next_slot(subscription.cron, subscription.timezone, now).astimezone(zoneinfo.ZoneInfo(subscription.timezone))
    return f"Next post: {when:%a} {when.day} {when:%b %Y}, {when:%H:%M} {subscription.timezone}."


def _topic_name(kb: KnowledgeBase, topic_id: str) -> str:
    topic = kb.topic(topic_id)
    return topic.name if topic else topic_id
