"""``/trade subscribe``, ``/trade subscriptions`` and ``/trade unsubscribe``: scheduled digests, from Slack.

The handlers use ``RouteContext.services`` (``RouteServices``; the Slack runtime supplies them): ``store``, the
database, ``timezone_of``, a Slack user id to the user's IANA time zone (``users.info``) or None, ``limits``, the
caps on subscriptions (the documented defaults when None), and ``clock``.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from bot.outcomes import NoticeOutcome, Outcome, SubscriptionRemovedOutcome
from bot.router.table import COMMAND, RouteContext, Subcommand, register
from bot.schedule import manage
from bot.store import Store, StoreError

logger = logging.getLogger(__name__)

NOT_HERE = "Subscriptions are made in a Slack channel: type this command there."
UNAVAILABLE = "The bot's database is unavailable right now, so I cannot change subscriptions. Try again in a minute."


def subscribe_outcome(args: str, ctx: RouteContext) -> Outcome:
    """Subscribe the channel to a digest on a schedule."""
    return _guarded(
        ctx,
        lambda store, now: manage.subscribe(
            store,
            ctx.kb,
            channel=ctx.channel_id or "",
            user=ctx.user_id or "",
            text=args,
            timezone_of=ctx.services.timezone_of,
            now=now,
            limits=ctx.services.limits,
        ),
    )


def subscriptions_outcome(args: str, ctx: RouteContext) -> Outcome:
    """List the channel's subscriptions with their next run."""
    return _guarded(
        ctx, lambda store, now: (True, manage.list_subscriptions(store, ctx.kb, channel=ctx.channel_id or "", now=now))
    )


def unsubscribe_outcome(args: str, ctx: RouteContext) -> Outcome:
    """Remove one of the channel's subscriptions by id."""
    return _guarded(
        ctx,
        lambda store, now: manage.unsubscribe(store, channel=ctx.channel_id or "", user=ctx.user_id or "", text=args),
    )


def _guarded(ctx: RouteContext, action: Callable[[Store, dt.datetime], tuple[bool, str] | manage.Removed]) -> Outcome:
    store = ctx.services.store
    if store is None or not ctx.channel_id or not ctx.user_id:
        return NoticeOutcome(text=NOT_HERE, ok=False)
    try:
        result = action(store, ctx.services.clock())
    except StoreError as exc:
        logger.error("subscriptions: %s", exc)
        return NoticeOutcome(text=UNAVAILABLE, ok=False)
    if isinstance(result, manage.Removed):
        return SubscriptionRemovedOutcome(**result.model_dump())
    ok, text = result
    return NoticeOutcome(text=text, ok=ok)


register(
    Subcommand(
        name="subscribe",
        usage=f'{COMMAND} subscribe daily HH:MM | weekly DAY HH:MM | figure-of-the-day [HH:MM] | "CRON" [topic] [zone]',
        summary="post the key figures (or a topic's) in this channel on a schedule; your Slack time zone by default",
        handler=subscribe_outcome,
        examples=(
            f"{COMMAND} subscribe daily 09:00",
            f"{COMMAND} subscribe weekly mon 09:00 asean",
            f'{COMMAND} subscribe "0 9 * * 1-5" Asia/Shanghai',
            f"{COMMAND} subscribe figure-of-the-day 08:30",
        ),
        takes_args=True,
    )
)
register(
    Subcommand(
        name="subscriptions",
        usage=f"{COMMAND} subscriptions",
        summary="this channel's subscriptions and when each posts next",
        handler=subscriptions_outcome,
        examples=(f"{COMMAND} subscriptions",),
    )
)
register(
    Subcommand(
        name="unsubscribe",
        usage=f"{COMMAND} unsubscribe ID",
        summary="stop one of this channel's subscriptions (the channel is told when it was someone else's)",
        handler=unsubscribe_outcome,
        examples=(f"{COMMAND} unsubscribe 3",),
        takes_args=True,
    )
)
