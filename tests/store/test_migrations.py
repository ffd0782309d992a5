"""Schema changes are additive and versioned: upgrading keeps every row, and a newer schema is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, inspect, select

from bot.store import NewSubscription, StoreError, open_store
from bot.store.engine import make_engine
from bot.store.migrations import MIGRATIONS, Migration, add_column, migrate
from bot.store.tables import schema_version


def test_a_later_migration_adds_a_column_and_keeps_the_data(database_url: str) -> None:
    store = open_store(database_url)
    made = store.subscriptions.add(
        NewSubscription(channel="C1", creator="U1", kind="daily", cron="0 9 * * *", timezone="UTC", spec="daily 09:00")
    )
    store.close()

    # A version 2 as a future change would write it: the new column on a copy of the table definition.
    future = Table("subscriptions", MetaData(), Column("id", Integer, primary_key=True), Column("team", String(32)))
    v2 = Migration(2, "subscriptions.team", lambda conn: add_column(conn, future, "team"))
    engine = make_engine(database_url)
    try:
        assert migrate(engine, (*MIGRATIONS, v2)) == [2]
        assert migrate(engine, (*MIGRATIONS, v2)) == []  # applied once
        assert "team" in {c["name"] for c in inspect(engine).get_columns("subscriptions")}
        with engine.connect() as conn:
            assert sorted(conn.scalars(select(schema_version.c.version))) == [1, 2]
    finally:
        engine.dispose()

    # This tradebot knows only version 1, and the database is at 2: refused rather than misread.
    with pytest.raises(StoreError, match="newer"):
        open_store(database_url)
    engine = make_engine(database_url)
    try:
        with engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT id, channel FROM subscriptions").all()
        assert [tuple(r) for r in rows] == [(made.id, "C1")]
    finally:
        engine.dispose()


def test_fresh_database_is_at_the_newest_version(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    try:
        with store.engine.connect() as conn:
            assert list(conn.scalars(select(schema_version.c.version))) == [m.version for m in MIGRATIONS]
    finally:
        store.close()
