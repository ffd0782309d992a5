"""The subscription desk: the /trade subscription work, bound to the store; a database fault is said, not raised."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import sqlalchemy

from bot.kb.base import KnowledgeBase
from bot.schedule.desk import UNAVAILABLE, SubscriptionDesk
from bot.schedule.manage import Removed
from bot.store import open_store

NOW = dt.datetime(2026, 3, 9, 8, 0, tzinfo=dt.UTC)


def test_subscribe_list_and_remove_in_a_channel(tmp_path: Path, kb: KnowledgeBase) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'bot.sqlite3'}")
    try:
        desk = SubscriptionDesk(store, kb, timezone_of=lambda _user: "Asia/Shanghai", clock=lambda: NOW)
        ok, text = desk.subscribe(channel="C0DESK", user="U0DESK", text="daily 09:00")
        assert ok and "Asia/Shanghai" in text
        ok, listing = desk.listing(channel="C0DESK")
        assert ok and "daily 09:00" in listing
        (subscription,) = store.subscriptions.for_channel("C0DESK")
        removed = desk.unsubscribe(channel="C0DESK", user="U0DESK", text=str(subscription.id))
        assert isinstance(removed, Removed) and removed.id == subscription.id
        assert not store.subscriptions.for_channel("C0DESK")
    finally:
        store.close()


def test_a_database_fault_is_said_as_unavailable(tmp_path: Path, kb: KnowledgeBase) -> None:
    path = tmp_path / "bot.sqlite3"
    store = open_store(f"sqlite:///{path}")
    try:
        with sqlalchemy.create_engine(f"sqlite:///{path}").begin() as connection:
            connection.execute(sqlalchemy.text("DROP TABLE subscriptions"))  # a database emptied under the bot
        desk = SubscriptionDesk(store, kb, clock=lambda: NOW)
        assert desk.subscribe(channel="C0DESK", user="U0DESK", text="daily 09:00") == (False, UNAVAILABLE)
        assert desk.listing(channel="C0DESK") == (False, UNAVAILABLE)
    finally:
        store.close()
