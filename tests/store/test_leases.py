"""Leases on acknowledged work: held and renewed by a live process, taken over once after its owner stops."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.store import Store, open_store
from bot.store.leases import EventLeases
from bot.store.models import PendingWork

START = dt.datetime(2026, 3, 9, 1, 0, tzinfo=dt.UTC)
LEASE = dt.timedelta(seconds=20)
WORK = PendingWork(body='{"event_id": "Ev1"}', content_type="application/json")


@pytest.fixture
def clock() -> list[dt.datetime]:
    return [START]


@pytest.fixture
def clocked_store(database_url: str, clock: list[dt.datetime]) -> Iterator[Store]:
    store = open_store(database_url, clock=lambda: clock[0], event_lease=LEASE)
    yield store
    store.close()


def process(store: Store, name: str) -> EventLeases:
    """Another process's view of the same table."""
    return EventLeases(store.events, LEASE, owner=name)


def test_work_is_leased_to_its_claimant_until_done(clocked_store: Store) -> None:
    a = process(clocked_store, "host:1")
    assert a.claim("Ev1", WORK) is True
    assert a.held == {"Ev1"}
    assert clocked_store.events.status("Ev1") == "processing"
    assert clocked_store.events.owner("Ev1") == "host:1"
    a.complete("Ev1")
    assert (clocked_store.events.status("Ev1"), a.held) == ("done", set())
    assert a.claim("Ev1", WORK) is False  # still de-duplicated


def test_a_live_owner_keeps_its_lease_and_a_dead_one_loses_it_once(
    clocked_store: Store, clock: list[dt.datetime]
) -> None:
    live, dead = process(clocked_store, "host:1"), process(clocked_store, "host:2")
    live.claim("Ev-live", WORK)
    dead.claim("Ev-dead", WORK)
    for second in range(5, 30, 5):  # the live process renews every 5 s; the dead one never does
        clock[0] = START + dt.timedelta(seconds=second)
        assert live.renew() == set()
    sweepers = [process(clocked_store, f"host:{n}") for n in range(3, 7)]
    with ThreadPoolExecutor(len(sweepers)) as pool:
        taken = list(pool.map(lambda s: s.take_expired(), sweepers))
    winners = [(s.owner, [t.event_id for t in got]) for s, got in zip(sweepers, taken, strict=True) if got]
    assert len(winners) == 1 and winners[0][1] == ["Ev-dead"], winners  # one taker; the live lease is not taken
    (item,) = next(got for got in taken if got)
    assert (item.body, item.content_type, item.attempts) == (WORK.body, WORK.content_type, 1)
    assert clocked_store.events.owner("Ev-dead") == winners[0][0]


def test_an_owner_that_renewed_too_late_learns_it_lost_the_lease(
    clocked_store: Store, clock: list[dt.datetime]
) -> None:
    slow, other = process(clocked_store, "host:1"), process(clocked_store, "host:2")
    slow.claim("Ev1", WORK)
    clock[0] = START + LEASE + dt.timedelta(seconds=1)
    assert [t.event_id for t in other.take_expired()] == ["Ev1"]
    assert slow.renew() == {"Ev1"}
    assert slow.held == set() and other.held == {"Ev1"}


def test_done_and_released_work_is_never_taken_over(clocked_store: Store, clock: list[dt.datetime]) -> None:
    a = process(clocked_store, "host:1")
    a.claim("Ev-done", WORK)
    a.claim("Ev-released", WORK)
    assert a.claim("Ev-no-work") is True  # a claim without work is done at once
    a.complete("Ev-done")
    a.release("Ev-released")
    clock[0] = START + 3 * LEASE
    assert process(clocked_store, "host:2").take_expired() == []
    assert clocked_store.events.status("Ev-no-work") == "done"
