"""The bot_state table: values made once and shared by every process, such as a generated salt."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import select

from bot.store.sql import insert_if_absent
from bot.store.tables import admin_reports, bot_state
from bot.store.transaction import Transactions


class SharedState:
    """Get-or-create values by key (the first process to create one wins), and claims on report slots."""

    def __init__(self, transaction: Transactions):
        self._transaction = transaction

    def get_or_create(self, key: str, make: Callable[[], str]) -> str:
        """The value under ``key``; made by ``make`` and stored if there is none (two processes agree on one)."""
        with self._transaction() as conn:
            insert_if_absent(conn, bot_state, {"key": key, "value": make()})
            return conn.execute(select(bot_state.c.value).where(bot_state.c.key == key)).scalar_one()

    def claim_report(self, slot: dt.datetime, channel: str, owner: str, now: dt.datetime) -> bool:
        """True for the one process that claims the weekly report's ``slot`` (it posts it)."""
        values = {"slot": slot, "channel": channel[:64], "owner": owner[:120], "claimed_at": now}
        with self._transaction() as conn:
            return insert_if_absent(conn, admin_reports, values)
