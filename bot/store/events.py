"""The seen_events table: Slack event ids already taken by a process, for answering each event once."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from sqlalchemy import delete

from bot.store.sql import insert_if_absent
from bot.store.tables import seen_events as table
from bot.store.transaction import Transactions

# Slack's last retry comes about five minutes after the first delivery; keep ids well beyond that.
MIN_RETENTION = dt.timedelta(minutes=10)
DEFAULT_RETENTION = dt.timedelta(hours=1)
PURGE_EVERY_SECONDS = 60.0


class SeenEvents:
    """Insert-if-absent claims on event ids, kept at least ten minutes, then purged."""

    def __init__(
        self,
        transaction: Transactions,
        clock: Callable[[], dt.datetime],
        retention: dt.timedelta = DEFAULT_RETENTION,
    ):
        if retention < MIN_RETENTION:
            raise ValueError(f"seen events must be kept at least {MIN_RETENTION}")
        self._transaction = transaction
        self._clock = clock
        self.retention = retention
        self._last_purge = float("-inf")

    def claim(self, event_id: str) -> bool:
        """Record ``event_id``; True for the one caller (in any process sharing the database) that recorded it."""
        if time.monotonic() - self._last_purge >= PURGE_EVERY_SECONDS:
            self.purge()
        with self._transaction() as conn:
            return insert_if_absent(conn, table, {"event_id": event_id[:255], "seen_at": self._clock()})

    def release(self, event_id: str) -> None:
        """Forget ``event_id``, so that Slack's retry of an event whose handling failed is handled."""
        with self._transaction() as conn:
            conn.execute(delete(table).where(table.c.event_id == event_id[:255]))

    def purge(self) -> int:
        """Delete ids older than the retention; return how many."""
        self._last_purge = time.monotonic()
        with self._transaction() as conn:
            statement = (
                delete(table).where(table.c.seen_at < self._clock() - self.retention).returning(table.c.event_id)
            )
            return len(conn.execute(statement).all())
