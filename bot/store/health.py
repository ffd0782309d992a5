"""The database's entry in ``GET /healthz``: ok only when the database takes a write now.

Three things are checked. The SQLite file is the one opened, still a database, and writable (``bot.store.
sqlite_file``), on every call: a ``stat``, a 16-byte read and an ``access``. Then the write probe
(``bot.store.write_probe``): at most one every ``PROBE_EVERY_SECONDS`` per process, its result cached in between,
so a load balancer polling every second costs a write every few seconds; and waited for at most
``PROBE_WAIT_SECONDS``, so ``/healthz`` answers in bounded time even when a write hangs (a lock held, a server
that does not answer). A probe that outlives the wait is left to finish on its own thread, and counts as failed.
The check also fails while the store's own work met an outage within the last ``PROBE_EVERY_SECONDS``
(``Store.outages``), and a cached "ok" is dropped when one comes: with the SQLite disk full every claim failed while
the probe's one-page write still fitted in the write-ahead log, and ``/healthz`` must say what the mentions see.
Changes between healthy and not are logged once each.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.store.errors import StoreError
from bot.store.store import Store

logger = logging.getLogger(__name__)

PROBE_EVERY_SECONDS = 5.0
PROBE_WAIT_SECONDS = 2.0


@dataclass(frozen=True)
class ProbeResult:
    """One write probe: ``error`` is None when the write was committed; ``at`` is when it ended (monotonic)."""

    error: str | None
    at: float
    outages: int = 0  # the store's outage count when it ended

    @property
    def ok(self) -> bool:
        return self.error is None


class CachedProbe:
    """``result()``: the last probe's, or a new probe's when that one is older than ``every`` seconds."""

    def __init__(
        self,
        write: Callable[[], None],
        every: float = PROBE_EVERY_SECONDS,
        wait: float = PROBE_WAIT_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        outages: Callable[[], int] = lambda: 0,
    ):
        self._write = write
        self._outages = outages
        self.every = every
        self.wait = wait
        self._clock = clock
        self._lock = threading.Lock()
        self._last: ProbeResult | None = None
        self._running: threading.Thread | None = None

    def result(self) -> ProbeResult:
        """The newest probe's result, probing again when it is stale; a probe still running after ``wait``
        seconds is a failure (one probe runs at a time, however many health checks wait on it)."""
        with self._lock:
            last = self._last
            if last is not None and self._clock() - last.at < self.every and not self._contradicted(last):
                return last
            if self._running is None:
                self._running = threading.Thread(target=self._probe, name="tradebot-write-probe", daemon=True)
                self._running.start()
            running = self._running
        running.join(self.wait)
        with self._lock:
            if self._last is not None and self._last is not last:
                return self._last
        return ProbeResult(error=f"a write to the database took longer than {self.wait:g} s", at=self._clock())

    def _contradicted(self, last: ProbeResult) -> bool:
        """An "ok" older than an outage the store met since (a failure needs no such news)."""
        return last.ok and self._outages() != last.outages

    def _probe(self) -> None:
        try:
            self._write()
            error = None
        except StoreError as exc:
            error = str(exc)
        except Exception as exc:  # a health probe reports failures, it does not raise them
            error = f"the write probe failed: {type(exc).__name__}"
        with self._lock:
            self._last = ProbeResult(error=error, at=self._clock(), outages=self._outages())
            self._running = None


class DatabaseCheck:
    """The health check: ``ok`` when the database takes a write, with its backend and masked URL, and why not."""

    def __init__(self, store: Store, probe: CachedProbe | None = None):
        self.store = store
        self.probe = probe or CachedProbe(store.write_probe.write, outages=lambda: store.outages.count)
        self._was_ok = True  # the last answer, so that each change is logged once

    def __call__(self) -> dict[str, Any]:
        error = _file_problem(self.store) or self.store.outages.since(self.probe.every) or self.probe.result().error
        ok = error is None
        if ok != self._was_ok:
            self._was_ok = ok
            if ok:
                logger.warning("health: the database takes writes again")
            else:
                logger.error("health: failing, the database does not take writes: %s", error)
        found: dict[str, Any] = {"ok": ok, "backend": self.store.backend, "url": self.store.url}
        return found if ok else found | {"error": error}


def database_check(store: Store) -> Callable[[], dict[str, Any]]:
    """The database's health check (``DatabaseCheck``)."""
    return DatabaseCheck(store)


def _file_problem(store: Store) -> str | None:
    """Why the SQLite file cannot be written now (None for PostgreSQL, or a file that is fine)."""
    if store.file is None:
        return None
    try:
        store.file.check()
    except StoreError as exc:
        return str(exc)
    if not store.file.writable():
        return f"the SQLite database {store.file.path} (or its folder) is not writable by this process"
    return None
