"""The scheduler: on each tick, find the slots that are due, claim them in the database, then post them.

A slot is claimed (a row inserted, unique per subscription and slot) before anything is posted, so two processes
sharing the database post it once and a restart does not post it again. A slot found less than ``catch_up`` late
(for instance after a restart) is still posted; an older one is recorded as skipped and logged. Only a
subscription's most recent slot is considered, so a bot that was down for days posts no backlog.

Trade-off: a process that dies between claiming and posting leaves the slot unposted (at most once, never twice).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bot.kb.base import KnowledgeBase
from bot.schedule import content
from bot.schedule.publisher import DigestPublisher, PostResult
from bot.schedule.slots import latest_slot
from bot.store import Store, StoreError, Subscription, utcnow

logger = logging.getLogger(__name__)

CATCH_UP = dt.timedelta(hours=1)

_GONE_REASONS = {
    "channel_not_found": "the channel no longer exists or I cannot see it",
    "not_in_channel": "I am not a member of the channel (invite me with /invite)",
    "is_archived": "the channel is archived",
}


@dataclass
class TickReport:
    """What one tick did, by subscription id (for logs and tests)."""

    posted: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    paused: list[int] = field(default_factory=list)


class Scheduler:
    """Posts each due slot of each active subscription once.

    Args:
        store: the database shared by every process.
        kb: the knowledge base the digests are drawn from.
        publisher: delivers a digest (on Slack: rendered, posted with retries and per-channel pacing).
        clock: the current time, aware (tests pass a fake clock).
        catch_up: how late a slot may be and still be posted.
        owner: recorded on each claim; defaults to host:pid.
        chores: run each tick with the time after the subscriptions (the question log's purge and weekly report).
    """

    def __init__(
        self,
        store: Store,
        kb: KnowledgeBase,
        publisher: DigestPublisher,
        clock: Callable[[], dt.datetime] = utcnow,
        catch_up: dt.timedelta = CATCH_UP,
        owner: str | None = None,
        chores: Sequence[Callable[[dt.datetime], object]] = (),
    ):
        self.store = store
        self.kb = kb
        self.publisher = publisher
        self.clock = clock
        self.catch_up = catch_up
        self.owner = owner or f"{socket.gethostname()}:{os.getpid()}"
        self.chores = tuple(chores)

    def tick(self, now: dt.datetime | None = None) -> TickReport:
        """Post every slot due at ``now`` (default: the clock) that no process has claimed yet."""
        now = now or self.clock()
        report = TickReport()
        try:
            subscriptions = self.store.subscriptions.active()
        except StoreError as exc:
            logger.error("scheduler: %s; will try again", exc)
            return report
        for subscription in subscriptions:
            try:
                self._tick_one(subscription, now, report)
            except StoreError as exc:
                logger.error("scheduler: subscription %d: %s", subscription.id, exc)
            except Exception:
                # One bad subscription must not stop the others, nor the loop.
                logger.exception("scheduler: subscription %d failed", subscription.id)
                report.failed.append(subscription.id)
        for chore in self.chores:
            try:
                chore(now)
            except Exception:
                logger.exception("scheduler: a chore failed")
        return report

    def _tick_one(self, subscription: Subscription, now: dt.datetime, report: TickReport) -> None:
        slot = due_slot(subscription, now)
        if slot is None:
            return
        deliveries = self.store.deliveries
        if now - slot >= self.catch_up:
            if deliveries.claim(subscription.id, slot, self.owner, status="skipped"):
                logger.warning(
                    "scheduler: subscription %d missed its slot %s by %s (more than %s); skipped",
                    subscription.id,
                    slot.isoformat(),
                    now - slot,
                    self.catch_up,
                )
                report.skipped.append(subscription.id)
            return
        if not deliveries.claim(subscription.id, slot, self.owner):
            return  # posted already, or another process has it
        try:
            self._deliver(subscription, slot, report)
        except Exception as exc:
            deliveries.finish(subscription.id, slot, "failed", attempts=0, error=f"internal: {exc}")
            raise

    def _deliver(self, subscription: Subscription, slot: dt.datetime, report: TickReport) -> None:
        deliveries = self.store.deliveries
        state = None
        if subscription.kind == "figure-of-the-day":
            picked = content.figure_of_the_day(self.kb, self.store.rotation.get(subscription.id), subscription.topic)
            digest, state = picked if picked else (None, None)
        else:
            digest = content.digest(self.kb, subscription.topic)
        if digest is None:
            error = f"no figures for topic {subscription.topic!r} in the knowledge base"
            deliveries.finish(subscription.id, slot, "failed", attempts=0, error=error)
            logger.error("scheduler: subscription %d: %s", subscription.id, error)
            report.failed.append(subscription.id)
            return
        result = self.publisher.publish(subscription.channel, digest)
        if result.ok:
            deliveries.finish(
                subscription.id, slot, "posted", attempts=result.attempts, message_ts=result.ts, figure=digest.figure
            )
            if state is not None:
                self.store.rotation.save(subscription.id, state)
            logger.info("scheduler: posted subscription %d slot %s", subscription.id, slot.isoformat())
            report.posted.append(subscription.id)
            return
        deliveries.finish(subscription.id, slot, "failed", attempts=result.attempts, error=result.error)
        if result.channel_gone:
            self._pause(subscription, result)
            report.paused.append(subscription.id)
        else:
            logger.error("scheduler: subscription %d slot %s failed: %s", subscription.id, slot, result.error)
            report.failed.append(subscription.id)

    def _pause(self, subscription: Subscription, result: PostResult) -> None:
        reason = _GONE_REASONS.get(result.error or "", result.error or "unknown")
        if not self.store.subscriptions.pause(subscription.id, f"{result.error}: {reason}"):
            return  # another process paused it (and told the creator) already
        logger.warning("scheduler: paused subscription %d in %s: %s", subscription.id, subscription.channel, reason)
        if not subscription.creator:
            return
        text = (
            f"I paused your subscription #{subscription.id} ({subscription.spec}) in <#{subscription.channel}>: "
            f"{reason}. Once that is fixed, type `/trade subscribe {resubscribe_args(subscription)}` there "
            "to resume it."
        )
        dm = self.publisher.direct_message(subscription.creator, text)
        if not dm.ok:
            logger.error("scheduler: could not tell %s about the pause: %s", subscription.creator, dm.error)


def resubscribe_args(subscription: Subscription) -> str:
    """What to type after ``/trade subscribe`` to make (or resume) this subscription."""
    parts = [subscription.spec, subscription.topic or "", subscription.timezone]
    return " ".join(p for p in parts if p)


def due_slot(subscription: Subscription, now: dt.datetime) -> dt.datetime | None:
    """The subscription's most recent slot at ``now``, or None if it came before the subscription existed."""
    slot = latest_slot(subscription.cron, subscription.timezone, now)
    return slot if slot > subscription.created_at else None
