"""Slot claims and seen events: insert-if-absent, so exactly one claimant wins."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.store import NewSubscription, Store
from bot.store.events import SeenEvents

SLOT = dt.datetime(2026, 3, 9, 1, 0, tzinfo=dt.UTC)


def subscription(store: Store) -> int:
    made = store.subscriptions.add(
        NewSubscription(channel="C1", creator="U1", kind="daily", cron="0 9 * * *", timezone="UTC", spec="daily 09:00")
    )
    return made.id


def test_a_slot_is_claimed_once(store: Store) -> None:
    sub = subscription(store)
    assert store.deliveries.claim(sub, SLOT, "a") is True
    assert store.deliveries.claim(sub, SLOT, "b") is False
    assert store.deliveries.claim(sub, SLOT + dt.timedelta(days=1), "b") is True
    store.deliveries.finish(sub, SLOT, "posted", attempts=2, message_ts="1700000000.000100")
    record = store.deliveries.get(sub, SLOT)
    assert record is not None
    assert (record.status, record.owner, record.attempts, record.message_ts) == ("posted", "a", 2, "1700000000.000100")
    assert record.slot == SLOT  # round-trips as aware UTC on both databases


def test_slot_in_another_zone_is_the_same_slot(store: Store) -> None:
    sub = subscription(store)
    shanghai = SLOT.astimezone(dt.timezone(dt.timedelta(hours=8)))
    assert store.deliveries.claim(sub, SLOT, "a") is True
    assert store.deliveries.claim(sub, shanghai, "b") is False


def test_removing_a_subscription_removes_its_record(store: Store) -> None:
    sub = subscription(store)
    store.deliveries.claim(sub, SLOT, "a")
    store.subscriptions.remove(sub)
    assert store.deliveries.all() == []


def test_event_ids_claimed_once_released_and_purged(store: Store) -> None:
    assert store.claim_event("Ev1") is True
    assert store.claim_event("Ev1") is False
    store.release_event("Ev1")
    assert store.claim_event("Ev1") is True  # a retry after a failed first delivery is handled


def test_old_event_ids_are_purged_but_recent_ones_kept(store: Store) -> None:
    now = [dt.datetime(2026, 3, 9, tzinfo=dt.UTC)]
    events = SeenEvents(store._transaction, lambda: now[0])
    assert events.claim("Ev-old")
    now[0] += dt.timedelta(minutes=10)
    assert events.purge() == 0  # ten minutes is within the one-hour retention
    assert not events.claim("Ev-old")
    now[0] += dt.timedelta(hours=2)
    assert events.purge() == 1
    assert events.claim("Ev-old")


def test_retention_below_ten_minutes_is_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="at least"):
        SeenEvents(store._transaction, lambda: SLOT, dt.timedelta(minutes=5))
