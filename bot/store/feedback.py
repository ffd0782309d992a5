"""The feedback table: one vote per user per answer; a second press replaces the first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import delete, select, update

from bot.store.models import Vote
from bot.store.sql import insert_if_absent
from bot.store.tables import feedback as table
from bot.store.transaction import Transactions


class Feedback:
    """Record votes and their reasons, read them back for the report, purge the old ones."""

    def __init__(self, transaction: Transactions, clock: Callable[[], dt.datetime]):
        self._transaction = transaction
        self._clock = clock

    def vote(self, vote: Vote) -> Vote | None:
        """Store ``vote`` as the user's vote on the answer; return the vote it replaced, or None for a first one.

        A changed vote drops the reason given with the old one; pressing the same vote again keeps it.
        """
        key = (table.c.answer_id == vote.answer_id[:32]) & (table.c.user_hash == vote.user_hash)
        values = vote.model_dump() | {"answer_id": vote.answer_id[:32], "reason": None}
        with self._transaction() as conn:
            if insert_if_absent(conn, table, values):
                return None
            previous = Vote.from_row(conn.execute(select(table).where(key)).one())
            changes = {"vote": vote.vote, "voted_at": vote.voted_at}
            if previous.vote != vote.vote:
                changes["reason"] = None
            conn.execute(update(table).where(key).values(**changes))
            return previous

    def give_reason(self, answer_id: str, user_hash: str, reason: str) -> bool:
        """Attach ``reason`` to the user's down-vote on the answer; False when there is no such down-vote."""
        key = (table.c.answer_id == answer_id[:32]) & (table.c.user_hash == user_hash) & (table.c.vote == -1)
        with self._transaction() as conn:
            changed = conn.execute(update(table).where(key).values(reason=reason[:32]).returning(table.c.answer_id))
            return changed.first() is not None

    def get(self, answer_id: str, user_hash: str) -> Vote | None:
        """The user's vote on the answer, or None."""
        key = (table.c.answer_id == answer_id[:32]) & (table.c.user_hash == user_hash)
        with self._transaction() as conn:
            row = conn.execute(select(table).where(key)).one_or_none()
        return None if row is None else Vote.from_row(row)

    def since(self, start: dt.datetime) -> list[Vote]:
        """Votes cast (or changed) at or after ``start``, oldest first."""
        with self._transaction() as conn:
            rows = conn.execute(select(table).where(table.c.voted_at >= start).order_by(table.c.voted_at))
            return [Vote.from_row(r) for r in rows]

    def purge(self, older_than: dt.datetime) -> int:
        """Delete votes last cast before ``older_than``; return how many."""
        with self._transaction() as conn:
            statement = delete(table).where(table.c.voted_at < older_than).returning(table.c.answer_id)
            return len(conn.execute(statement).all())
