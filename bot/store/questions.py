"""The questions table: what people asked and how it was answered, written in batches after the replies."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from sqlalchemy import delete, insert, select

from bot.store.models import NewQuestion, Question
from bot.store.tables import questions as table
from bot.store.transaction import Transactions

# Column widths, so a long question or reading is cut rather than refused by PostgreSQL.
_WIDTHS = {"text": 500, "not_found": 200, "reading": 300, "indicator": 160, "reason": 32, "answer_id": 32}


class Questions:
    """Add questions, read them back for the report, and purge the old ones."""

    def __init__(self, transaction: Transactions, clock: Callable[[], dt.datetime]):
        self._transaction = transaction
        self._clock = clock

    def add(self, questions: Sequence[NewQuestion]) -> None:
        """Store ``questions`` in one transaction."""
        if not questions:
            return
        rows = [_cut(q.model_dump()) for q in questions]
        with self._transaction() as conn:
            conn.execute(insert(table), rows)

    def since(self, start: dt.datetime) -> list[Question]:
        """Questions asked at or after ``start``, oldest first."""
        with self._transaction() as conn:
            rows = conn.execute(select(table).where(table.c.asked_at >= start).order_by(table.c.asked_at, table.c.id))
            return [Question.from_row(r) for r in rows]

    def purge(self, older_than: dt.datetime) -> int:
        """Delete questions asked before ``older_than``; return how many."""
        with self._transaction() as conn:
            statement = delete(table).where(table.c.asked_at < older_than).returning(table.c.id)
            return len(conn.execute(statement).all())


def _cut(values: dict[str, object]) -> dict[str, object]:
    for name, width in _WIDTHS.items():
        value = values.get(name)
        if isinstance(value, str) and len(value) > width:
            values[name] = value[:width]
    return values
