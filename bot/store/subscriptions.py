"""The subscriptions table: who gets which digest, where, and when."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Literal

from pydantic import BaseModel, ConfigDict
from sqlalchemy import CursorResult, delete, func, select, text, update

from bot.store.models import NewSubscription, Subscription
from bot.store.sql import insert_if_absent
from bot.store.tables import subscriptions as table
from bot.store.transaction import Transactions

# The advisory lock that makes counting and adding one step across PostgreSQL connections; SQLite's BEGIN IMMEDIATE
# already lets one writer at a time in. Any fixed 64-bit number other than the migrations' key.
ADD_LOCK_KEY = 0x7472616465737562  # "tradesub"


class CapReached(BaseModel):
    """A subscription was not added: the channel, or its creator, has ``limit`` already."""

    model_config = ConfigDict(frozen=True)

    scope: Literal["channel", "user"]
    limit: int


class Subscriptions:
    """Create, list, pause and remove subscriptions."""

    def __init__(self, transaction: Transactions, clock: Callable[[], dt.datetime]):
        self._transaction = transaction
        self._clock = clock

    def add(self, new: NewSubscription, config_key: str | None = None) -> Subscription:
        """Store a new subscription and return it with its id."""
        with self._transaction() as conn:
            values = new.model_dump() | {"created_at": self._clock(), "paused": False, "config_key": config_key}
            new_id = conn.execute(table.insert().values(**values).returning(table.c.id)).scalar_one()
            return Subscription.from_row(conn.execute(select(table).where(table.c.id == new_id)).one())

    def add_within(self, new: NewSubscription, *, per_channel: int, per_user: int) -> Subscription | CapReached:
        """Store ``new`` unless its channel has ``per_channel`` subscriptions or its creator has ``per_user``.

        Counting and adding are one step, so concurrent requests in several processes cannot pass the cap together.
        Subscriptions from configuration count towards neither; paused ones count (they can be resumed).
        """
        with self._transaction() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADD_LOCK_KEY})
            users = table.c.config_key.is_(None)
            in_channel = conn.execute(select(func.count()).where(users, table.c.channel == new.channel)).scalar_one()
            if in_channel >= per_channel:
                return CapReached(scope="channel", limit=per_channel)
            by_creator = conn.execute(select(func.count()).where(users, table.c.creator == new.creator)).scalar_one()
            if new.creator is not None and by_creator >= per_user:
                return CapReached(scope="user", limit=per_user)
            values = new.model_dump() | {"created_at": self._clock(), "paused": False, "config_key": None}
            new_id = conn.execute(table.insert().values(**values).returning(table.c.id)).scalar_one()
            return Subscription.from_row(conn.execute(select(table).where(table.c.id == new_id)).one())

    def get(self, subscription_id: int) -> Subscription | None:
        """The subscription with this id, or None."""
        with self._transaction() as conn:
            row = conn.execute(select(table).where(table.c.id == subscription_id)).one_or_none()
        return None if row is None else Subscription.from_row(row)

    def all(self) -> list[Subscription]:
        """Every subscription, oldest first."""
        with self._transaction() as conn:
            return [Subscription.from_row(r) for r in conn.execute(select(table).order_by(table.c.id))]

    def active(self) -> list[Subscription]:
        """Subscriptions that are not paused, oldest first."""
        return [s for s in self.all() if not s.paused]

    def for_channel(self, channel: str) -> list[Subscription]:
        """A channel's subscriptions, oldest first."""
        with self._transaction() as conn:
            rows = conn.execute(select(table).where(table.c.channel == channel).order_by(table.c.id))
            return [Subscription.from_row(r) for r in rows]

    def remove(self, subscription_id: int) -> bool:
        """Delete a subscription and its delivery record; True if it existed."""
        with self._transaction() as conn:
            return _changed(conn.execute(delete(table).where(table.c.id == subscription_id).returning(table.c.id)))

    def pause(self, subscription_id: int, reason: str) -> bool:
        """Pause a subscription so the scheduler skips it; True if this call paused it (it was active)."""
        with self._transaction() as conn:
            statement = (
                update(table)
                .where(table.c.id == subscription_id, table.c.paused.is_(False))
                .values(paused=True, paused_reason=reason[:300])
            )
            return _changed(conn.execute(statement.returning(table.c.id)))

    def resume(self, subscription_id: int) -> bool:
        """Resume a paused subscription; True if it existed."""
        with self._transaction() as conn:
            statement = update(table).where(table.c.id == subscription_id).values(paused=False, paused_reason=None)
            return _changed(conn.execute(statement.returning(table.c.id)))

    def put_config(self, key: str, new: NewSubscription) -> Subscription:
        """Create or update the subscription owned by configuration under ``key`` (idempotent across restarts).

        A changed channel, schedule or topic updates the row in place and resumes it, so an operator who fixed
        the channel does not have to unpause by hand; an unchanged one is left as it is.
        """
        by_key = select(table).where(table.c.config_key == key)
        with self._transaction() as conn:
            row = conn.execute(by_key).one_or_none()
            if row is None:
                # Insert-if-absent: two processes starting together must not both insert. Looking first keeps
                # restarts from spending ids (even a conflicting insert advances the id sequence).
                values = new.model_dump() | {"created_at": self._clock(), "paused": False, "config_key": key}
                insert_if_absent(conn, table, values)
                row = conn.execute(by_key).one()
            if NewSubscription.from_row(row) != new:
                changes = new.model_dump() | {"paused": False, "paused_reason": None}
                conn.execute(update(table).where(table.c.config_key == key).values(**changes))
                row = conn.execute(by_key).one()
            return Subscription.from_row(row)

    def remove_config(self, key: str) -> bool:
        """Delete the configuration-owned subscription under ``key``; True if there was one."""
        with self._transaction() as conn:
            return _changed(conn.execute(delete(table).where(table.c.config_key == key).returning(table.c.id)))


def _changed(result: CursorResult) -> bool:
    # RETURNING rather than rowcount, which psycopg does not always report under SQLAlchemy 2.1.
    return result.first() is not None
