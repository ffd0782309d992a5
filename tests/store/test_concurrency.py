"""Several processes on one database: opening it together, and racing for the same event ids and slots."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import traceback
from typing import Any

from bot.store import NewSubscription, open_store

PROCESSES = 4
EVENTS = 25
SLOT = dt.datetime(2026, 3, 9, 1, 0, tzinfo=dt.UTC)
JOIN_SECONDS = 60


def _race(url: str, barrier: Any, results: Any, name: str) -> None:
    try:
        _claim_all(url, barrier, results, name)
    except BaseException:
        results.put((name, traceback.format_exc(), None))  # the parent fails with this rather than a timeout
        raise


def _claim_all(url: str, barrier: Any, results: Any, name: str) -> None:
    barrier.wait(JOIN_SECONDS)  # open the (possibly new) database at the same moment as the others
    store = open_store(url)
    try:
        sub = store.subscriptions.put_config(
            "race",
            NewSubscription(
                channel="C1", creator=None, kind="daily", cron="0 9 * * *", timezone="UTC", spec="daily 09:00"
            ),
        )
        won = [f"Ev{i}" for i in range(EVENTS) if store.claim_event(f"Ev{i}")]
        slot = store.deliveries.claim(sub.id, SLOT, name)
        results.put((name, won, slot))
    finally:
        store.close()


def test_each_event_and_slot_goes_to_exactly_one_process(database_url: str) -> None:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(PROCESSES)
    results = context.Queue()
    workers = [context.Process(target=_race, args=(database_url, barrier, results, f"p{i}")) for i in range(PROCESSES)]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=JOIN_SECONDS) for _ in workers]
    errors = [events for _, events, slot in outcomes if slot is None]
    assert not errors, errors[0]
    for worker in workers:
        worker.join(JOIN_SECONDS)
        assert worker.exitcode == 0
    results.close()
    results.join_thread()

    won = sorted(event for _, events, _ in outcomes for event in events)
    assert won == sorted(f"Ev{i}" for i in range(EVENTS))  # every id claimed, none twice
    assert sum(1 for _, _, slot in outcomes if slot) == 1

    store = open_store(database_url)
    try:
        assert len(store.subscriptions.all()) == 1  # the configured subscription was not duplicated
    finally:
        store.close()
