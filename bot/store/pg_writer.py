"""One PostgreSQL connection of its own for the event claims' group commit, used through the driver.

Claims and completions are written a batch at a time per process (``bot.store.group_commit``), so one connection
is enough for them. Holding it, in autocommit mode, and running the statement on a psycopg cursor skips the pool's
checkout and check-in and SQLAlchemy's execution machinery: a single claim took 0.45 ms of CPU that way, 0.14 ms
this way, and every question makes two of these writes.

A connection the server dropped (a restart, a failover) fails the batch as a ``StoreError``, as the pooled
connections do; it is then closed, and the pool is replaced too, since its connections went with the same server.
The next batch connects again. Any other error of the database (tables gone, read-only) is a ``StoreError`` too
(``bot.store.outages``); the connection stays.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

import psycopg
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import PoolProxiedConnection

from bot.store.outages import Outages, is_outage, outage


class PostgresWriter:
    """``execute(sql, params)`` on this process's own autocommit connection; safe to call from any thread."""

    def __init__(self, engine: Engine, outages: Outages | None = None):
        self.engine = engine
        self._outages = outages
        self._lock = threading.Lock()  # the group commit writes one batch at a time; this makes sure of it
        self._raw: PoolProxiedConnection | None = None  # opened at the first write, in the process that writes

    def execute(self, statement: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        """Run ``statement`` (psycopg's ``%s`` placeholders); the rows it returns, if any.

        Raises:
            StoreError: the database cannot be reached, dropped the connection, or failed the statement.
        """
        with self._lock:
            raw = self._connection()
            driver: psycopg.Connection[Any] = raw.driver_connection  # type: ignore[assignment]
            try:
                with driver.cursor() as cursor:
                    cursor.execute(statement, params)
                    return cursor.fetchall() if cursor.description else []
            except psycopg.Error as exc:
                if driver.broken or driver.closed:
                    self._discard()
                if not is_outage(exc):
                    raise
                raise outage(self.engine, exc, self._outages) from exc

    def server_pid(self) -> int | None:
        """The server process of the connection held now, if any (for tests that cut it)."""
        with self._lock:
            if self._raw is None:
                return None
            return self._raw.driver_connection.info.backend_pid  # type: ignore[union-attr]

    def close(self) -> None:
        """Close the connection (it never goes back to the pool, which expects transactions)."""
        with self._lock:
            if self._raw is not None:
                self._raw.invalidate()
            self._raw = None

    def _connection(self) -> PoolProxiedConnection:
        if self._raw is None:
            try:
                raw = self.engine.raw_connection()
            except DBAPIError as exc:
                raise outage(self.engine, exc, self._outages) from exc
            except psycopg.Error as exc:  # the pool hands the driver's on
                raise outage(self.engine, exc, self._outages) from exc
            raw.driver_connection.autocommit = True  # type: ignore[union-attr]
            self._raw = raw
        return self._raw

    def _discard(self) -> None:
        assert self._raw is not None
        self._raw.invalidate()
        self._raw = None
        # The server that dropped this connection dropped the pooled ones too: start the pool afresh, as SQLAlchemy
        # does when one of its own queries finds a connection gone.
        self.engine.dispose()
