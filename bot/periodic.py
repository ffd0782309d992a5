"""A daemon thread that runs one task every few seconds until stopped: the scheduler and the lease sweeper."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable


class PeriodicThread:
    """Runs ``task`` every ``interval`` seconds on a daemon thread; an exception is logged and the loop goes on.

    Args:
        task: what to run each time.
        interval: seconds between runs.
        name: the thread's name, and the prefix of its log lines.
        logger: where failures are logged.
        immediately: run once at start (the scheduler catches up), or first wait an interval (the sweeper).
        stop: an event to share, so that setting it also cuts short the task's own waits.
    """

    def __init__(
        self,
        task: Callable[[], object],
        interval: float,
        name: str,
        logger: logging.Logger,
        *,
        immediately: bool = True,
        stop: threading.Event | None = None,
    ):
        self.task = task
        self.interval = interval
        self.name = name
        self.logger = logger
        self.immediately = immediately
        self._stop = stop or threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        """True while the thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> PeriodicThread:
        """Start the loop (once); returns self."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        """Ask the loop to stop and wait up to ``timeout`` seconds for the current run to finish."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        self.logger.info("%s: started (every %.0f s)", self.name, self.interval)
        if self.immediately or not self._stop.wait(self.interval):
            while not self._stop.is_set():
                try:
                    self.task()
                except Exception:
                    self.logger.exception("%s: run failed", self.name)
                self._stop.wait(self.interval)
        self.logger.info("%s: stopped", self.name)
