"""Schema changes are additive and versioned: upgrading keeps every row, and a newer schema is refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, inspect, select, text

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

    # The next version as a future change would write it: the new column on a copy of the table definition.
    known = [m.version for m in MIGRATIONS]
    future = Table("subscriptions", MetaData(), Column("id", Integer, primary_key=True), Column("team", String(32)))
    later = Migration(known[-1] + 1, "subscriptions.team", lambda conn: add_column(conn, future, "team"))
    engine = make_engine(database_url)
    try:
        assert migrate(engine, (*MIGRATIONS, later)) == [later.version]
        assert migrate(engine, (*MIGRATIONS, later)) == []  # applied once
        assert "team" in {c["name"] for c in inspect(engine).get_columns("subscriptions")}
        with engine.connect() as conn:
            assert sorted(conn.scalars(select(schema_version.c.version))) == [*known, later.version]
    finally:
        engine.dispose()

    # This tradebot knows fewer versions than the database has: refused rather than misread.
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


def test_seen_events_from_before_leases_are_upgraded_as_done(database_url: str) -> None:
    # A database at version 1: seen_events without the lease columns (dropped here, since migration 1 creates the
    # table as it is now), holding one event claimed by an older tradebot.
    engine = make_engine(database_url)
    try:
        migrate(engine, MIGRATIONS[:1])
        with engine.begin() as conn:
            for column in ("status", "owner", "lease_until", "attempts", "body", "content_type"):
                conn.exec_driver_sql(f"ALTER TABLE seen_events DROP COLUMN {column}")
            now = dt.datetime.now(dt.UTC).replace(tzinfo=None)  # stored as naive UTC (bot.store.types)
            conn.execute(text("INSERT INTO seen_events (event_id, seen_at) VALUES ('Ev-old', :now)"), {"now": now})
    finally:
        engine.dispose()
    store = open_store(database_url)
    try:
        assert store.claim_event("Ev-old") is False  # still de-duplicated
        assert store.events.status("Ev-old") == "done"  # and never taken over as unfinished work
    finally:
        store.close()
