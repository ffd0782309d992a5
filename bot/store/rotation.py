"""The figure-of-the-day rotation state, one row per subscription."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

from sqlalchemy import select, update

from bot.store.models import RotationState
from bot.store.sql import insert_if_absent
from bot.store.tables import figure_rotation as table
from bot.store.transaction import Transactions


class Rotation:
    """Read and save which figures a subscription has shown in its current cycle."""

    def __init__(self, transaction: Transactions, clock: Callable[[], dt.datetime]):
        self._transaction = transaction
        self._clock = clock

    def get(self, subscription_id: int) -> RotationState:
        """The state of a subscription's rotation (a fresh cycle if it has none yet)."""
        with self._transaction() as conn:
            row = conn.execute(select(table).where(table.c.subscription_id == subscription_id)).one_or_none()
        if row is None:
            return RotationState()
        return RotationState(cycle=row.cycle, shown=tuple(json.loads(row.shown)))

    def save(self, subscription_id: int, state: RotationState) -> None:
        """Store the state (only the process that claimed the slot writes, so last-writer-wins is safe)."""
        values = {"cycle": state.cycle, "shown": json.dumps(list(state.shown)), "updated_at": self._clock()}
        with self._transaction() as conn:
            if not insert_if_absent(conn, table, {"subscription_id": subscription_id, **values}):
                conn.execute(update(table).where(table.c.subscription_id == subscription_id).values(**values))
