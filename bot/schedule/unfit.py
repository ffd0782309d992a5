"""Subscriptions stored before the schedule rules of ``bot.schedule.floor`` (a random ``R`` minute, two posts
within an hour) are paused at start-up, saying why, rather than posted or failed on every tick."""

from __future__ import annotations

import logging

from bot.schedule.errors import ScheduleError
from bot.schedule.floor import check_stored
from bot.store import Store

logger = logging.getLogger(__name__)


def pause_unfit_subscriptions(store: Store) -> list[int]:
    """Pause every active subscription whose schedule the rules now refuse; return their ids.

    ``/trade subscriptions`` shows why; the channel can subscribe again with a schedule that fits.
    """
    paused = []
    for subscription in store.subscriptions.active():
        try:
            check_stored(subscription.cron, subscription.timezone)
        except ScheduleError as exc:
            if store.subscriptions.pause(subscription.id, f"its schedule is refused: {exc.problem}"):
                logger.warning("paused subscription %d: its schedule is refused: %s", subscription.id, exc.problem)
                paused.append(subscription.id)
    return paused
