"""The scheduler's background thread in the bot process: tick, wait, repeat; stop on request; and starting it."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Sequence

from bot.config import Settings
from bot.kb.base import KnowledgeBase
from bot.periodic import PeriodicThread
from bot.schedule.publisher import DigestPublisher
from bot.schedule.scheduler import Scheduler
from bot.schedule.standing import apply_standing_subscription
from bot.store import Store

logger = logging.getLogger(__name__)

DEFAULT_INTERVAL_SECONDS = 20.0


class SchedulerThread(PeriodicThread):
    """Runs ``scheduler.tick()`` every ``interval`` seconds on a daemon thread.

    A tick right at start posts the slots missed while the bot was down (within the catch-up window). Slots are
    claimed in the database, so any number of processes may run one of these each.
    """

    def __init__(
        self, scheduler: Scheduler, interval: float = DEFAULT_INTERVAL_SECONDS, stop: threading.Event | None = None
    ):
        # ``stop`` is shared with the publisher's sleep, so stopping also cuts short a wait for a rate limit.
        super().__init__(scheduler.tick, interval, "tradebot-scheduler", logger, stop=stop)
        self.scheduler = scheduler


def start_scheduler(
    settings: Settings,
    kb: KnowledgeBase,
    store: Store,
    publisher: DigestPublisher,
    *,
    interval: float = DEFAULT_INTERVAL_SECONDS,
    stop: threading.Event | None = None,
    chores: Sequence[Callable[[dt.datetime], object]] = (),
) -> SchedulerThread:
    """Apply the standing subscription from settings, then start the scheduler thread; ``stop()`` it on exit.

    Every process may call this: slots are claimed in the database, so each is posted once. ``stop`` is the
    event the publisher sleeps on between retries, if it has one, so stopping also cuts a wait short. ``chores``
    run after the subscriptions on each tick (``bot.schedule.learning_chores``).

    Raises:
        SettingsError: a DIGEST_* setting is malformed.
        StoreError: the database is unavailable.
    """
    apply_standing_subscription(store, settings, kb)
    scheduler = Scheduler(store, kb, publisher, chores=chores)
    return SchedulerThread(scheduler, interval=interval, stop=stop).start()
