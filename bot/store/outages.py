"""Which database errors are outages: what the request path must treat as "the database cannot be used now".

Every error from the database or its driver is one, whatever its class: a lost server (OperationalError), but also
a corrupt SQLite file (``DatabaseError: file is not a database``), tables missing from a database that was dropped
and recreated empty (PostgreSQL's ``UndefinedTable``, a ProgrammingError), a read-only database (``InternalError``
on PostgreSQL) or a full disk. Each of these once reached the listeners as a bare exception, so an event got 200 and
an apology (its answer lost: Slack does not retry a 2xx) and every ``/trade`` failed on its lease. As a StoreError
the claim refuses the event with 503 (Slack retries it later), a command is answered without its lease, and the
sweeper and scheduler skip a tick.

Two kinds are not outages: a broken constraint (IntegrityError) and a value the column cannot hold (DataError) are
about one statement's data. The database is fine, a retry of the same request fails the same way, and calling them
outages would hide a bug behind "the database is unavailable".
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable

import psycopg
from sqlalchemy import Engine
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError

from bot.store.engine import safe_url
from bot.store.errors import StoreError

# The drivers' own classes, raised where the driver is used directly (``bot.store.pg_writer``) or from a hook.
_DRIVER_ERRORS = (sqlite3.Error, psycopg.Error)
_NOT_OUTAGES = (
    IntegrityError,
    DataError,
    sqlite3.IntegrityError,
    sqlite3.DataError,
    psycopg.IntegrityError,
    psycopg.DataError,
)


class Outages:
    """The outages this process's store has met: how many, and the last one's time and message.

    The health check reads them: its cached "ok" is stale once the count moves, and it fails while the last outage
    is recent (a full SQLite disk failed every claim while the probe's one-page write still fitted in the
    write-ahead log). Updated without a lock: two threads failing at once may count one, and only a change and
    the newest message matter.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.count = 0
        self.last_at = float("-inf")
        self.last_error = ""
        self._clock = clock

    def add(self, error: StoreError) -> None:
        self.count += 1
        self.last_at = self._clock()
        self.last_error = str(error)

    def since(self, seconds: float) -> str | None:
        """The last outage's message if it was met within ``seconds``, else None."""
        return self.last_error if self._clock() - self.last_at < seconds else None


def is_outage(error: BaseException) -> bool:
    """True for an error of the database or its driver that is not about one statement's data."""
    return isinstance(error, (DBAPIError, *_DRIVER_ERRORS)) and not isinstance(error, _NOT_OUTAGES)


def outage(engine: Engine, error: BaseException, outages: Outages | None = None) -> StoreError:
    """The StoreError for ``error``: the database's masked URL and the driver's first line; ``outages`` is told."""
    cause = error.orig if isinstance(error, DBAPIError) and error.orig is not None else error
    text = str(cause).strip()
    reason = text.splitlines()[0] if text else type(cause).__name__
    found = StoreError(f"the database at {safe_url(engine.url)} is unavailable: {reason}")
    if outages is not None:
        outages.add(found)
    return found
