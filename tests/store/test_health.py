"""The database's health check and the faults it must see: the write probe (bounded, cached), the SQLite file
check, and errors of every class reaching callers as StoreError."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import select, text

from bot.store import Store, StoreError, open_store
from bot.store.health import CachedProbe, DatabaseCheck
from bot.store.tables import health_probe
from tests.databases import backend, sqlite_url


class Clock:
    """A monotonic clock the test moves."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_write_probe_rewrites_one_row(store: Store) -> None:
    store.write_probe.write()
    store.write_probe.write()
    with store.engine.connect() as conn:
        assert len(conn.execute(select(health_probe)).all()) == 1
    assert DatabaseCheck(store)()["ok"] is True


def test_a_probe_runs_at_most_once_per_period_and_its_result_is_cached() -> None:
    writes: list[int] = []
    clock = Clock()
    probe = CachedProbe(lambda: writes.append(1), every=5.0, clock=clock)
    assert probe.result().ok and probe.result().ok
    assert len(writes) == 1
    clock.now += 5.0
    assert probe.result().ok and len(writes) == 2


def test_a_failed_write_is_a_failed_probe() -> None:
    def fail() -> None:
        raise StoreError("the database at x is unavailable: disk full")

    assert CachedProbe(fail).result().error == "the database at x is unavailable: disk full"


def test_a_hung_write_fails_the_check_without_holding_it() -> None:
    release = threading.Event()
    writes: list[int] = []

    def hang() -> None:
        writes.append(1)
        release.wait(10)

    probe = CachedProbe(hang, every=0.0, wait=0.05)
    assert "took longer than 0.05 s" in (probe.result().error or "")
    assert "took longer than" in (probe.result().error or "")
    assert len(writes) == 1, "a second check waits on the probe running, it does not start another"
    release.set()
    probe._running.join(5)  # type: ignore[union-attr] - still set: the probe had not ended
    assert probe.result().ok


def test_a_sqlite_file_moved_away_is_refused_until_it_is_back(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path)
    store = open_store(url)
    try:
        path = Path(store.engine.url.database or "")
        path.rename(path.with_suffix(".away"))
        with pytest.raises(StoreError, match="was deleted while the bot was running"):
            store.subscriptions.all()
        assert "was deleted" in DatabaseCheck(store)()["error"]
        path.with_suffix(".away").rename(path)
        assert store.subscriptions.all() == []
    finally:
        store.close()


def test_tables_gone_are_an_outage_not_a_bug(store: Store) -> None:
    with store.engine.begin() as conn:
        conn.execute(text("DROP TABLE conversations"))
    with pytest.raises(StoreError, match="unavailable"):
        store.conversations.get("T1:C1:dm")
    if backend(str(store.engine.url)) == "postgresql":  # the claims' own connection, through the driver
        with store.engine.begin() as conn:
            conn.execute(text("DROP TABLE seen_events"))
        with pytest.raises(StoreError, match="seen_events"):
            store.claim_event("Ev-gone")


def test_an_outage_met_by_the_store_makes_a_cached_ok_stale() -> None:
    writes: list[int] = []
    outages = [0]
    probe = CachedProbe(lambda: writes.append(1), every=60.0, clock=Clock(), outages=lambda: outages[0])
    assert probe.result().ok and probe.result().ok and len(writes) == 1
    outages[0] += 1  # a claim failed meanwhile
    assert probe.result().ok and len(writes) == 2, "probed again at once, not after the period"


def test_the_check_fails_while_the_stores_own_work_fails(tmp_path: Path) -> None:
    store = open_store(sqlite_url(tmp_path))
    try:
        check = DatabaseCheck(store)
        assert check()["ok"] is True
        store.outages.add(StoreError("the database at x is unavailable: database or disk is full"))
        assert check()["error"] == "the database at x is unavailable: database or disk is full"
        store.outages.last_at -= check.probe.every  # as if that was a while ago, and nothing failed since
        assert check()["ok"] is True
    finally:
        store.close()
