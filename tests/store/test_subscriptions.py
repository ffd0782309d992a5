"""Subscriptions are stored, listed by channel, paused, removed, and survive reopening the database."""

from __future__ import annotations

from bot.store import NewSubscription, Store, open_store


def new(channel: str = "C1", **changes: object) -> NewSubscription:
    values: dict[str, object] = {
        "channel": channel,
        "creator": "U1",
        "kind": "daily",
        "cron": "0 9 * * *",
        "timezone": "Asia/Shanghai",
        "spec": "daily 09:00",
    }
    return NewSubscription(**(values | changes))


def test_add_list_pause_remove(store: Store) -> None:
    first = store.subscriptions.add(new())
    second = store.subscriptions.add(new(topic="asean", kind="weekly", cron="0 9 * * 1", spec="weekly mon 09:00"))
    store.subscriptions.add(new(channel="C2"))

    assert [s.id for s in store.subscriptions.for_channel("C1")] == [first.id, second.id]
    assert second.topic == "asean" and second.created_at.tzinfo is not None
    assert store.subscriptions.pause(first.id, "not_in_channel") is True
    assert store.subscriptions.pause(first.id, "again") is False  # only the first pause counts (one DM)
    paused = store.subscriptions.get(first.id)
    assert paused is not None and paused.paused and paused.paused_reason == "not_in_channel"
    assert first.id not in [s.id for s in store.subscriptions.active()]
    assert store.subscriptions.remove(first.id) is True
    assert store.subscriptions.remove(first.id) is False
    assert store.subscriptions.get(first.id) is None


def test_ids_are_never_reused(store: Store) -> None:
    made = store.subscriptions.add(new())
    store.subscriptions.remove(made.id)
    assert store.subscriptions.add(new()).id > made.id


def test_configured_subscription_is_idempotent(store: Store) -> None:
    first = store.subscriptions.put_config("settings:digest", new(creator=None))
    again = store.subscriptions.put_config("settings:digest", new(creator=None))
    assert again.id == first.id and again.created_at == first.created_at
    store.subscriptions.pause(first.id, "channel_not_found")
    moved = store.subscriptions.put_config("settings:digest", new(channel="C9", creator=None))
    assert moved.id == first.id and moved.channel == "C9" and not moved.paused
    assert len(store.subscriptions.all()) == 1
    assert store.subscriptions.remove_config("settings:digest") is True
    assert store.subscriptions.all() == []


def test_survives_reopening(database_url: str) -> None:
    store = open_store(database_url)
    made = store.subscriptions.add(new())
    store.close()
    reopened = open_store(database_url)
    try:
        assert reopened.subscriptions.get(made.id) == made
    finally:
        reopened.close()


def test_restarts_do_not_use_up_ids(store: Store) -> None:
    standing = store.subscriptions.put_config("settings:digest", new(creator=None))
    for _ in range(3):  # three restarts
        store.subscriptions.put_config("settings:digest", new(creator=None))
    assert store.subscriptions.add(new()).id == standing.id + 1
