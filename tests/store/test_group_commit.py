"""Group commit on its own (threads and a recording writer), and under the store's claims on both databases."""

from __future__ import annotations

import datetime as dt
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import text

from bot.store import Store, open_store
from bot.store.group_commit import GroupCommit
from bot.store.models import PendingWork
from bot.store.sql import postgres_claim_and_complete

THREADS = 16


class SlowWriter:
    """Doubles each item, taking a while per batch (as a round trip would), and records the batches."""

    def __init__(self, seconds: float = 0.05, fail_on: int | None = None):
        self.seconds = seconds
        self.fail_on = fail_on
        self.batches: list[list[int]] = []
        self.running = 0
        self.most_at_once = 0
        self._lock = threading.Lock()

    def __call__(self, items: list[int]) -> list[int]:
        with self._lock:
            self.batches.append(list(items))
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
        time.sleep(self.seconds)
        with self._lock:
            self.running -= 1
        if self.fail_on in items:
            raise RuntimeError("the database went away")
        return [item * 2 for item in items]


def test_one_caller_alone_writes_its_own_item_at_once() -> None:
    writer = SlowWriter(seconds=0)
    group = GroupCommit(writer)
    assert [group.submit(n) for n in range(3)] == [0, 2, 4]
    assert writer.batches == [[0], [1], [2]]


def test_concurrent_callers_share_batches_each_gets_its_own_result_and_one_batch_runs_at_a_time() -> None:
    writer = SlowWriter()
    group = GroupCommit(writer)
    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(group.submit, range(100)))
    assert results == [n * 2 for n in range(100)]
    assert sorted(n for batch in writer.batches for n in batch) == list(range(100)), "each item written once"
    assert len(writer.batches) < 40, f"batched: {[len(b) for b in writer.batches]}"
    assert writer.most_at_once == 1


def test_a_failed_batch_raises_in_each_of_its_callers_only() -> None:
    writer = SlowWriter(fail_on=7)
    group = GroupCommit(writer)
    outcomes: dict[int, object] = {}

    def submit(n: int) -> None:
        try:
            outcomes[n] = group.submit(n)
        except RuntimeError as error:
            outcomes[n] = error

    with ThreadPoolExecutor(THREADS) as pool:
        list(pool.map(submit, range(40)))
    failed_batch = next(batch for batch in writer.batches if 7 in batch)
    for n in range(40):
        if n in failed_batch:
            assert isinstance(outcomes[n], RuntimeError)
        else:
            assert outcomes[n] == n * 2
    assert group.submit(41) == 82, "the next caller writes again"


def test_a_writer_returning_the_wrong_number_of_results_fails_its_callers() -> None:
    group: GroupCommit[int, int] = GroupCommit(lambda items: [])
    with pytest.raises(RuntimeError, match="0 results for 1 items"):
        group.submit(1)


def test_racing_claims_in_one_process_are_won_once_per_event(store: Store) -> None:
    ids = [f"Ev{n % 20}" for n in range(200)]  # each id claimed ten times, from many threads at once
    work = PendingWork(body=b"{}", content_type="application/json")
    with ThreadPoolExecutor(THREADS) as pool:
        won = list(pool.map(lambda event_id: store.claim_event(event_id, work), ids))
    winners = sorted(event_id for event_id, claimed in zip(ids, won, strict=True) if claimed)
    assert winners == sorted(set(ids))
    with ThreadPoolExecutor(THREADS) as pool:
        list(pool.map(store.complete_event, sorted(set(ids))))
    assert store.events.unfinished() == []
    assert {store.events.status(event_id) for event_id in set(ids)} == {"done"}


def test_postgres_writes_claims_and_completions_straight_through_the_driver(postgres_url: str) -> None:
    store = open_store(postgres_url)
    try:
        writer = store.events.postgres_writer
        assert writer is not None, "PostgreSQL takes the driver-level path"
        now = dt.datetime.now(dt.UTC)
        lease = now + dt.timedelta(seconds=20)
        row = {"seen_at": now, "status": "processing", "attempts": 0, "owner": "test:1", "lease_until": lease,
               "body": "{}", "content_type": "application/json"}  # fmt: skip
        claims = [{"event_id": "A", **row}, {"event_id": "B", **row}, {"event_id": "A", **row}]
        assert postgres_claim_and_complete(writer.execute, claims, []) == [True, True, False]
        assert postgres_claim_and_complete(writer.execute, claims[:1], ["B"]) == [False]
        assert store.events.status("A") == "processing" and store.events.status("B") == "done"
        assert set(store.events.unfinished()) == {"A"}
        assert postgres_claim_and_complete(writer.execute, [], ["A"]) == [], "completions alone"
        assert postgres_claim_and_complete(writer.execute, [{**row, "event_id": "C"}], []) == [True]
        assert store.events.status("A") == "done" and set(store.events.unfinished()) == {"C"}
        with store.engine.connect() as conn:
            seen_at = conn.execute(text("SELECT seen_at FROM seen_events WHERE event_id = 'A'")).scalar_one()
        assert seen_at == now.replace(tzinfo=None), "stored as naive UTC, like the UTCDateTime column type"
    finally:
        store.close()


def test_each_caller_of_a_failed_batch_gets_its_own_copy_of_the_error() -> None:
    batches: list[int] = []

    def failing(items: list[int]) -> list[int]:
        batches.append(len(items))
        time.sleep(0.05)  # long enough for the others to queue behind the first
        raise RuntimeError("the database went away")

    group: GroupCommit[int, int] = GroupCommit(failing)
    errors: list[BaseException] = []
    lock = threading.Lock()

    def submit(n: int) -> None:
        try:
            group.submit(n)
        except RuntimeError as error:
            with lock:
                errors.append(error)

    with ThreadPoolExecutor(THREADS) as pool:
        list(pool.map(submit, range(THREADS)))
    assert len(errors) == THREADS and all(str(e) == "the database went away" for e in errors)
    assert max(batches) > 1, "callers shared a batch"
    assert len({id(e) for e in errors}) == THREADS, "no two callers raise the same object"
