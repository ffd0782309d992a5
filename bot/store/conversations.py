"""The conversations table: the last question of each thread or direct-message channel, as opaque JSON."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from sqlalchemy import delete, select, update

from bot.store.sql import insert_if_absent
from bot.store.tables import conversations as table
from bot.store.transaction import Transactions

PURGE_EVERY_SECONDS = 600.0  # expired rows are deleted by a save at most this often


class Conversations:
    """Read and save what each conversation remembers; the caller decides what the JSON holds."""

    def __init__(self, transaction: Transactions, clock: Callable[[], dt.datetime], keep: dt.timedelta):
        self._transaction = transaction
        self._clock = clock
        self.keep = keep  # rows older than this are of no use to any window and are purged
        self._last_purge = float("-inf")

    def get(self, key: str) -> tuple[str, dt.datetime] | None:
        """The JSON saved for ``key`` and when, or None."""
        with self._transaction() as conn:
            row = conn.execute(select(table.c.turn, table.c.updated_at).where(table.c.key == key[:255])).first()
        return None if row is None else (row.turn, row.updated_at)

    def save(self, key: str, turn: str) -> None:
        """Store ``turn`` for ``key`` (last writer wins: a thread's messages are answered in order)."""
        values = {"turn": turn, "updated_at": self._clock()}
        with self._transaction() as conn:
            if not insert_if_absent(conn, table, {"key": key[:255], **values}):
                conn.execute(update(table).where(table.c.key == key[:255]).values(**values))
        if time.monotonic() - self._last_purge >= PURGE_EVERY_SECONDS:
            self.purge()

    def forget(self, key: str) -> None:
        """Drop what ``key`` remembers."""
        with self._transaction() as conn:
            conn.execute(delete(table).where(table.c.key == key[:255]))

    def purge(self) -> int:
        """Delete conversations older than ``keep``; return how many."""
        self._last_purge = time.monotonic()
        with self._transaction() as conn:
            statement = delete(table).where(table.c.updated_at < self._clock() - self.keep).returning(table.c.key)
            return len(conn.execute(statement).all())
