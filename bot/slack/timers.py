"""Callbacks run a little later on one shared thread, for work that is only worth doing if something is slow."""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
import time
from collections.abc import Callable

logger = logging.getLogger(__name__)

# Callbacks due within this much of the first due one run with it, up to this much early: under load the thread
# wakes about ten times a second rather than once per request (nearly all of them for work no longer wanted).
RESOLUTION_SECONDS = 0.1


class Timers:
    """``call_later(delay, fn)`` on a daemon thread, started on first use (after gunicorn's fork, in the worker).

    Callbacks run one after another on that thread, so they should be short or bounded by a timeout; one that
    raises is logged and the others still run. There is no cancel: a callback checks whether it is still wanted.
    """

    def __init__(self, name: str = "tradebot-timers"):
        self.name = name
        self._due: list[tuple[float, int, Callable[[], object]]] = []
        self._order = itertools.count()  # ties on the due time keep their order, and functions are never compared
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None

    def call_later(self, delay: float, callback: Callable[[], object]) -> None:
        """Run ``callback`` about ``delay`` seconds from now (up to ``RESOLUTION_SECONDS`` early)."""
        entry = (time.monotonic() + delay, next(self._order), callback)
        with self._wake:
            heapq.heappush(self._due, entry)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
                self._thread.start()
            elif self._due[0] is entry:
                self._wake.notify()  # due before what the thread is sleeping until

    def _run(self) -> None:
        while True:
            with self._wake:
                if not self._due:
                    self._wake.wait()
                    continue
                wait = self._due[0][0] - time.monotonic()
                if wait > 0:
                    self._wake.wait(wait)
                    continue
                horizon = time.monotonic() + RESOLUTION_SECONDS
                ready = []
                while self._due and self._due[0][0] <= horizon:
                    ready.append(heapq.heappop(self._due)[2])
            for callback in ready:
                try:
                    callback()
                except Exception:  # a timer must not die with one callback
                    logger.exception("%s: a delayed callback failed", self.name)
