"""The scheduler's background thread in the bot process: tick, wait, repeat; stop on request."""

from __future__ import annotations

import logging
import threading

from bot.schedule.scheduler import Scheduler

logger = logging.getLogger(__name__)

DEFAULT_INTERVAL_SECONDS = 20.0


class SchedulerThread:
    """Runs ``scheduler.tick()`` every ``interval`` seconds on a daemon thread.

    A tick right at start posts the slots missed while the bot was down (within the catch-up window). Slots are
    claimed in the database, so any number of processes may run one of these each.
    """

    def __init__(
        self, scheduler: Scheduler, interval: float = DEFAULT_INTERVAL_SECONDS, stop: threading.Event | None = None
    ):
        self.scheduler = scheduler
        self.interval = interval
        # Shared with the Poster's sleep, so stopping also cuts short a wait for a rate limit.
        self._stop = stop or threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        """True while the thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> SchedulerThread:
        """Start the loop (once); returns self."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="tradebot-scheduler", daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        """Ask the loop to stop and wait up to ``timeout`` seconds for the current tick to finish."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        logger.info("scheduler: started (every %.0f s)", self.interval)
        while not self._stop.is_set():
            try:
                self.scheduler.tick()
            except Exception:
                logger.exception("scheduler: tick failed")
            self._stop.wait(self.interval)
        logger.info("scheduler: stopped")
