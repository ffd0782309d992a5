"""The deliveries table: one row per slot of a subscription, claimed before it is posted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import select, update

from bot.store.models import Delivery, DeliveryStatus
from bot.store.sql import insert_if_absent
from bot.store.tables import deliveries as table
from bot.store.transaction import Transactions


class Deliveries:
    """Claim slots and record how posting them ended."""

    def __init__(self, transaction: Transactions, clock: Callable[[], dt.datetime]):
        self._transaction = transaction
        self._clock = clock

    def claim(self, subscription_id: int, slot: dt.datetime, owner: str, status: DeliveryStatus = "claimed") -> bool:
        """Claim a slot for ``owner``; True only for the one caller, in any process, that inserted the row.

        ``status="skipped"`` records a slot that will not be posted (too late), so it is logged once.
        """
        values = {
            "subscription_id": subscription_id,
            "slot": slot,
            "status": status,
            "owner": owner[:120],
            "claimed_at": self._clock(),
            "attempts": 0,
        }
        if status != "claimed":
            values["finished_at"] = values["claimed_at"]
        with self._transaction() as conn:
            return insert_if_absent(conn, table, values)

    def finish(
        self,
        subscription_id: int,
        slot: dt.datetime,
        status: DeliveryStatus,
        *,
        attempts: int,
        message_ts: str | None = None,
        figure: str | None = None,
        error: str | None = None,
    ) -> None:
        """Record the outcome of a claimed slot (posted with its message ts, or failed with the error)."""
        with self._transaction() as conn:
            conn.execute(
                update(table)
                .where(table.c.subscription_id == subscription_id, table.c.slot == slot)
                .values(
                    status=status,
                    attempts=attempts,
                    message_ts=message_ts,
                    figure=figure,
                    error=None if error is None else error[:500],
                    finished_at=self._clock(),
                )
            )

    def get(self, subscription_id: int, slot: dt.datetime) -> Delivery | None:
        """The record of one slot, or None if it was never claimed."""
        with self._transaction() as conn:
            row = conn.execute(
                select(table).where(table.c.subscription_id == subscription_id, table.c.slot == slot)
            ).one_or_none()
        return None if row is None else Delivery.from_row(row)

    def for_subscription(self, subscription_id: int) -> list[Delivery]:
        """Every slot record of a subscription, oldest slot first."""
        with self._transaction() as conn:
            rows = conn.execute(select(table).where(table.c.subscription_id == subscription_id).order_by(table.c.slot))
            return [Delivery.from_row(r) for r in rows]

    def all(self) -> list[Delivery]:
        """Every slot record, by subscription and slot (for tests and audits)."""
        with self._transaction() as conn:
            rows = conn.execute(select(table).order_by(table.c.subscription_id, table.c.slot))
            return [Delivery.from_row(r) for r in rows]
