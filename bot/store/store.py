"""The Store: one engine and the tables' operations, opened once per process."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from bot.store.conversations import Conversations
from bot.store.deliveries import Deliveries
from bot.store.engine import first_open_lock, make_engine, safe_url, sqlite_path
from bot.store.errors import StoreError
from bot.store.events import DEFAULT_RETENTION, SeenEvents
from bot.store.feedback import Feedback
from bot.store.leases import DEFAULT_LEASE, EventLeases
from bot.store.migrations import migrate
from bot.store.models import PendingWork
from bot.store.outages import Outages
from bot.store.pg_writer import PostgresWriter
from bot.store.questions import Questions
from bot.store.rotation import Rotation
from bot.store.sqlite_file import SqliteFile
from bot.store.state import SharedState
from bot.store.subscriptions import Subscriptions
from bot.store.transaction import transactions
from bot.store.write_probe import WriteProbe


def utcnow() -> dt.datetime:
    """The current time, aware, in UTC."""
    return dt.datetime.now(dt.UTC)


class Store:
    """The database: ``subscriptions``, ``deliveries``, ``rotation``, ``events``, ``conversations``, the
    question log (``questions``, ``feedback``), ``state`` shared by every process, this process's ``leases``, the
    health check's ``write_probe``, and for SQLite the ``file`` opened.

    Safe to share between threads; every method runs its own short transaction.
    """

    def __init__(
        self,
        engine: Engine,
        clock: Callable[[], dt.datetime] = utcnow,
        event_retention: dt.timedelta = DEFAULT_RETENTION,
        event_lease: dt.timedelta = DEFAULT_LEASE,
        conversation_keep: dt.timedelta = dt.timedelta(days=7),
    ):
        self.engine = engine
        path = sqlite_path(engine)
        # The file as opened now: a delete or a swap under the running bot is refused, not written past.
        self.file = SqliteFile(path) if path is not None and path.exists() else None
        # Every outage met, recorded: the health check fails while a request's work fails (``bot.store.health``).
        self.outages = Outages()
        transaction = transactions(engine, self.file.check if self.file is not None else None, self.outages)
        self.subscriptions = Subscriptions(transaction, clock)
        self.deliveries = Deliveries(transaction, clock)
        self.rotation = Rotation(transaction, clock)
        self.conversations = Conversations(transaction, clock, conversation_keep)
        self.questions = Questions(transaction, clock)
        self.feedback = Feedback(transaction, clock)
        self.state = SharedState(transaction)
        self._writer = PostgresWriter(engine, self.outages) if engine.dialect.name == "postgresql" else None
        self.events = SeenEvents(transaction, clock, event_retention, postgres_writer=self._writer)
        self.leases = EventLeases(self.events, event_lease)
        self.write_probe = WriteProbe(transaction, clock)
        self._transaction = transaction

    @property
    def url(self) -> str:
        """The database URL with any password masked."""
        return safe_url(self.engine.url)

    @property
    def backend(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    def claim_event(self, event_id: str, work: PendingWork | None = None) -> bool:
        """True the first time any process sharing this database claims ``event_id`` (see SeenEvents); with
        ``work``, this process also holds the lease on it until ``complete_event`` (see EventLeases)."""
        return self.leases.claim(event_id, work)

    def complete_event(self, event_id: str) -> None:
        """The reply to ``event_id`` is posted: its lease ends and the request body is dropped."""
        self.leases.complete(event_id)

    def release_event(self, event_id: str) -> None:
        """Forget a claimed event id so Slack's retry is handled (after handling it failed)."""
        self.leases.release(event_id)

    def holds_event(self, event_id: str) -> bool:
        """Whether this process still holds the lease on ``event_id`` (False once another took it over)."""
        return event_id in self.leases.held

    def ping(self) -> None:
        """Raise StoreError unless the database answers (for health checks)."""
        with self._transaction() as conn:
            conn.execute(text("SELECT 1"))

    def close(self) -> None:
        """Close pooled connections (and the claims' own)."""
        if self._writer is not None:
            self._writer.close()
        self.engine.dispose()
        if self.file is not None:
            self.file.close()


def open_store(url: str, clock: Callable[[], dt.datetime] = utcnow, event_lease: dt.timedelta = DEFAULT_LEASE) -> Store:
    """Open the database at ``url``, creating or upgrading its tables; ``event_lease`` is how long a process may
    go without renewing a lease before another takes its work over.

    Raises:
        StoreError: the URL is bad, the server cannot be reached, the SQLite file cannot be written, or the schema
            is newer than this code. The message says what to fix.
    """
    engine = make_engine(url)
    try:
        with first_open_lock(engine):
            migrate(engine)
    except DBAPIError as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else type(exc).__name__
        raise StoreError(
            f"cannot use the database at {safe_url(url)}: {reason}; check DATABASE_URL and that the database is "
            "running and writable"
        ) from None
    except StoreError:
        engine.dispose()
        raise
    return Store(engine, clock, event_lease=event_lease)
