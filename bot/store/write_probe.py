"""The write ``/healthz`` makes: one row of ``health_probe`` rewritten, in a transaction of its own.

``SELECT 1`` answered while every claim failed (a full disk: 40 of 40 mentions got 503 and ``/healthz`` said 200).
An upsert of one tiny row goes where the claims go, through the same checks (``bot.store.sqlite_file``) and the
same commit, so it fails when they do. On PostgreSQL a statement timeout bounds it; on SQLite the caller bounds the
wait (``bot.store.health``), since the busy timeout is the connection's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy.dialects import postgresql, sqlite

from bot.store.leases import process_owner
from bot.store.tables import health_probe as table
from bot.store.transaction import Transactions

KEY = "write"
POSTGRES_TIMEOUT_MS = 2_000


class WriteProbe:
    """``write()`` the probe's row; raises StoreError when the database does not take it."""

    def __init__(self, transaction: Transactions, clock: Callable[[], dt.datetime]):
        self._transaction = transaction
        self._clock = clock

    def write(self) -> None:
        """Rewrite the row (insert it the first time).

        Raises:
            StoreError: the database did not take the write.
        """
        values = {"key": KEY, "written_at": self._clock(), "owner": process_owner()[:120]}
        with self._transaction() as conn:
            dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql(f"SET LOCAL statement_timeout = {POSTGRES_TIMEOUT_MS}")
            statement = dialect.insert(table).values(**values)
            conn.execute(
                statement.on_conflict_do_update(
                    index_elements=[table.c.key],
                    set_={"written_at": statement.excluded.written_at, "owner": statement.excluded.owner},
                )
            )
