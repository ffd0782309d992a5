"""The seen_events table: Slack event ids already taken by a process, for answering each event once, and the
lease on the work each one still needs (see ``bot.store.leases``)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Collection
from typing import Any

from sqlalchemy import bindparam, delete, select, update

from bot.store.group_commit import GroupCommit
from bot.store.models import EventStatus, PendingWork, TakenOver
from bot.store.pg_writer import PostgresWriter
from bot.store.sql import insert_absent, postgres_claim_and_complete
from bot.store.tables import seen_events as table
from bot.store.transaction import Transactions

# Slack's last retry comes about five minutes after the first delivery; keep ids well beyond that.
MIN_RETENTION = dt.timedelta(minutes=10)
DEFAULT_RETENTION = dt.timedelta(hours=1)
PURGE_EVERY_SECONDS = 60.0

_Write = tuple[str, Any]  # ("claim", the row's values) or ("done", an event id)

# Built once: ``complete`` runs after every answer, and reusing the compiled statement saves CPU per request.
_COMPLETE = (
    update(table)
    .where(table.c.event_id.in_(bindparam("ids", expanding=True)), table.c.status == "processing")
    .values(status=bindparam("final"), lease_until=None, body=None)
)


class SeenEvents:
    """Insert-if-absent claims on event ids, kept at least ten minutes, then purged; leases on unfinished work."""

    def __init__(
        self,
        transaction: Transactions,
        clock: Callable[[], dt.datetime],
        retention: dt.timedelta = DEFAULT_RETENTION,
        postgres_writer: PostgresWriter | None = None,
    ):
        """``postgres_writer``, on PostgreSQL: the connection of its own that writes the claims and completions
        (``bot.store.sql.postgres_claim_and_complete``); without it they are written in a ``transaction``."""
        if retention < MIN_RETENTION:
            raise ValueError(f"seen events must be kept at least {MIN_RETENTION}")
        self._transaction = transaction
        self.postgres_writer = postgres_writer
        self._clock = clock
        self.retention = retention
        self._last_purge = float("-inf")
        # Claims (before each ack) and completions (after each reply) come from every request thread at once:
        # they are written together, a batch at a time (``bot.store.group_commit``).
        self._writes: GroupCommit[_Write, bool | None] = GroupCommit(self._write_batch)

    def claim(
        self, event_id: str, work: PendingWork | None = None, *, owner: str = "", lease: dt.timedelta | None = None
    ) -> bool:
        """Record ``event_id``; True for the one caller (in any process sharing the database) that recorded it.

        With ``work`` the row is a lease held by ``owner`` for ``lease``: status ``processing`` until ``complete``.
        Without, it is recorded as done (nothing to redo).
        """
        now = self._clock()
        values = {"event_id": event_id[:255], "seen_at": now, "status": "done", "attempts": 0, "owner": None,
                  "lease_until": None, "body": None, "content_type": None}  # fmt: skip
        if work is not None:
            values |= {"status": "processing", "owner": owner[:120], "lease_until": now + (lease or dt.timedelta())}
            values |= {"body": work.body, "content_type": work.content_type[:100]}
        return bool(self._writes.submit(("claim", values)))

    def complete(self, event_id: str, status: EventStatus = "done") -> None:
        """End the work on ``event_id`` (``done``, or ``failed`` when given up); the request body is dropped."""
        if status == "done":
            self._writes.submit(("done", event_id[:255]))
            return
        with self._transaction() as conn:
            conn.execute(_COMPLETE, {"ids": [event_id[:255]], "final": status})

    def _write_batch(self, writes: list[_Write]) -> list[bool | None]:
        if time.monotonic() - self._last_purge >= PURGE_EVERY_SECONDS:
            self.purge()
        claims = [values for kind, values in writes if kind == "claim"]
        done = [event_id for kind, event_id in writes if kind == "done"]
        if self.postgres_writer is not None:
            claimed = iter(postgres_claim_and_complete(self.postgres_writer.execute, claims, done))
        else:
            with self._transaction() as conn:
                claimed = iter(insert_absent(conn, table, claims) if claims else [])
                if done:
                    conn.execute(_COMPLETE, {"ids": done, "final": "done"})
        return [next(claimed) if kind == "claim" else None for kind, _ in writes]

    def renew(self, event_ids: Collection[str], owner: str, lease: dt.timedelta) -> set[str]:
        """Extend the leases ``owner`` still holds among ``event_ids``; return the ids renewed."""
        if not event_ids:
            return set()
        with self._transaction() as conn:
            statement = (
                update(table)
                .where(table.c.event_id.in_(list(event_ids)), table.c.owner == owner, table.c.status == "processing")
                .values(lease_until=self._clock() + lease)
                .returning(table.c.event_id)
            )
            return set(conn.scalars(statement))

    def take_expired(self, owner: str, lease: dt.timedelta, limit: int = 50) -> list[TakenOver]:
        """Lease to ``owner`` up to ``limit`` events whose lease expired; each is taken by one caller only.

        One UPDATE whose WHERE repeats the expiry test: of two processes racing, PostgreSQL re-checks the condition
        on the row the first one updated (its lease is now in the future), and SQLite runs writers one at a time.
        """
        now = self._clock()
        expired = (table.c.status == "processing", table.c.lease_until < now)
        candidates = select(table.c.event_id).where(*expired).order_by(table.c.lease_until).limit(limit)
        statement = (
            update(table)
            .where(table.c.event_id.in_(candidates.scalar_subquery()), *expired)
            .values(owner=owner[:120], lease_until=now + lease, attempts=table.c.attempts + 1)
            .returning(table.c.event_id, table.c.seen_at, table.c.attempts, table.c.body, table.c.content_type)
        )
        with self._transaction() as conn:
            return [TakenOver.from_row(row) for row in conn.execute(statement)]

    def status(self, event_id: str) -> str | None:
        """``processing``, ``done`` or ``failed``; None for an id never seen (or purged)."""
        with self._transaction() as conn:
            return conn.scalar(select(table.c.status).where(table.c.event_id == event_id[:255]))

    def unfinished(self) -> list[str]:
        """Ids whose work is leased and not done yet (for operators and tests)."""
        with self._transaction() as conn:
            return list(conn.scalars(select(table.c.event_id).where(table.c.status == "processing")))

    def owner(self, event_id: str) -> str | None:
        """The process (host:pid) that holds or held the lease on ``event_id``."""
        with self._transaction() as conn:
            return conn.scalar(select(table.c.owner).where(table.c.event_id == event_id[:255]))

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
