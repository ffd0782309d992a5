"""When Slack fails: rate limits are waited out, faults retried a bounded number of times, never posted twice;
a channel the bot cannot post to pauses the subscription and tells its creator."""

from __future__ import annotations

import datetime as dt

from bot.store import NewSubscription, Store
from tests.fakes.slack_api import FakeSlackApi, Reply
from tests.schedule.conftest import FakeClock, add_daily

NINE = dt.datetime(2026, 3, 9, 9, 0, tzinfo=dt.UTC)
SERVER_ERROR = Reply(status=500, json={"ok": False, "error": "internal_error"})


def subscribe(store: Store, channel: str = "C0DIGEST") -> int:
    return add_daily(store, channel, timezone="UTC")


def test_rate_limit_waits_for_retry_after_then_posts_once(store: Store, scheduler, api: FakeSlackApi, clock) -> None:
    sub = subscribe(store)
    api.script(
        "chat.postMessage", Reply(status=429, json={"ok": False, "error": "ratelimited"}, headers={"Retry-After": "7"})
    )
    report = scheduler.tick(clock.set(NINE))
    assert report.posted == [sub]
    assert len(api.calls("chat.postMessage")) == 2  # the refused attempt and the one that went through
    assert 7.0 in clock.sleeps
    record = store.deliveries.get(sub, NINE)
    assert record is not None and record.status == "posted" and record.attempts == 2


def test_server_errors_and_dropped_connections_are_retried_with_backoff(
    store: Store, scheduler, api: FakeSlackApi, clock: FakeClock
) -> None:
    sub = subscribe(store)
    api.script("chat.postMessage", SERVER_ERROR, Reply(drop=True))
    assert scheduler.tick(clock.set(NINE)).posted == [sub]
    assert len(api.calls("chat.postMessage")) == 3
    assert clock.sleeps == [1.0, 2.0]  # doubling backoff
    scheduler.tick(clock.set(NINE + dt.timedelta(minutes=1)))
    assert len(api.calls("chat.postMessage")) == 3  # the slot is done: not posted again


def test_persistent_server_errors_give_up_after_a_bounded_number_of_tries(
    store: Store, scheduler, api: FakeSlackApi, clock: FakeClock
) -> None:
    sub = subscribe(store)
    api.script("chat.postMessage", *[SERVER_ERROR] * 10)
    report = scheduler.tick(clock.set(NINE))
    assert report.failed == [sub]
    assert len(api.calls("chat.postMessage")) == 4  # one try and three retries
    scheduler.tick(clock.set(NINE + dt.timedelta(minutes=1)))
    assert len(api.calls("chat.postMessage")) == 4  # a failed slot is not retried later (it might double-post)
    record = store.deliveries.get(sub, NINE)
    assert record is not None and record.status == "failed" and record.error == "internal_error"


def test_not_in_channel_pauses_and_tells_the_creator(store: Store, scheduler, api: FakeSlackApi, clock) -> None:
    sub = subscribe(store)
    api.script("chat.postMessage", Reply(json={"ok": False, "error": "not_in_channel"}))
    report = scheduler.tick(clock.set(NINE))
    assert report.paused == [sub]
    paused = store.subscriptions.get(sub)
    assert paused is not None and paused.paused and "not_in_channel" in (paused.paused_reason or "")

    (opened,) = api.calls("conversations.open")
    assert opened.params["users"] == "U0CREATOR"
    dm = api.calls("chat.postMessage")[-1]
    assert dm.params["channel"] == "D0CREATOR"
    assert f"paused your subscription #{sub}" in dm.text and "<#C0DIGEST>" in dm.text
    assert "/trade subscribe daily 09:00 UTC" in dm.text

    scheduler.tick(clock.set(NINE + dt.timedelta(days=1)))
    assert len(api.calls("chat.postMessage")) == 2  # nothing more for the paused subscription


def test_channel_not_found_and_archived_pause_too(store: Store, scheduler, api: FakeSlackApi, clock) -> None:
    gone = subscribe(store, "C0GONE")
    archived = subscribe(store, "C0ARCHIVED")
    api.script(
        "chat.postMessage",
        Reply(json={"ok": False, "error": "channel_not_found"}),
        Reply(),  # the DM about it
        Reply(json={"ok": False, "error": "is_archived"}),
    )
    report = scheduler.tick(clock.set(NINE))
    assert sorted(report.paused) == sorted([gone, archived])
    assert len(api.calls("conversations.open")) == 2


def test_one_message_a_second_per_channel(store: Store, scheduler, api: FakeSlackApi, clock: FakeClock) -> None:
    subscribe(store, "C0BUSY")
    store.subscriptions.add(
        NewSubscription(
            channel="C0BUSY", creator="U1", kind="daily", cron="0 9 * * *", timezone="UTC", spec="daily 09:00",
            topic="asean",
        )
    )  # fmt: skip
    subscribe(store, "C0OTHER")
    assert len(scheduler.tick(clock.set(NINE)).posted) == 3
    channels = [c.params["channel"] for c in api.calls("chat.postMessage")]
    assert channels == ["C0BUSY", "C0BUSY", "C0OTHER"]
    # The second post to C0BUSY waited out the rest of the second (the fake clock's monotonic time only moves when
    # the poster sleeps); the post to another channel did not wait.
    assert clock.sleeps == [1.0]
