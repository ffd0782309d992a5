"""The scheduler's background thread in the bot process: tick, wait, repeat; stop on request."""

from __future__ import annotations

import logging
import threading

from bot.periodic import PeriodicThread
from bot.schedule.scheduler import Scheduler

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
        # ``stop`` is shared with the Poster's sleep, so stopping also cuts short a wait for a rate limit.
        super().__init__(scheduler.tick, interval, "tradebot-scheduler", logger, stop=stop)
        self.scheduler = scheduler
