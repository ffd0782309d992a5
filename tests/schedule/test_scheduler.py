"""The scheduler against the fake Slack Web API with a fake clock: on time, in the subscriber's zone, once."""

from __future__ import annotations

import datetime as dt
import logging

import pytest

from bot.kb.base import KnowledgeBase
from bot.store import Store, open_store
from tests.fakes.slack_api import FakeSlackApi
from tests.schedule.conftest import FakeClock, add_daily, make_scheduler

UTC = dt.UTC
# 09:00 in Shanghai on Monday 9 March 2026 is 01:00 UTC.
SHANGHAI_NINE = dt.datetime(2026, 3, 9, 1, 0, tzinfo=UTC)


def daily(store: Store, channel: str = "C0DIGEST", timezone: str = "Asia/Shanghai", **changes: object) -> int:
    return add_daily(store, channel, timezone, **changes)


def test_posts_the_key_figures_at_the_slot_in_the_subscribers_zone(
    store: Store, scheduler, api: FakeSlackApi, clock: FakeClock, kb: KnowledgeBase
) -> None:
    sub = daily(store)
    scheduler.tick(clock.set(SHANGHAI_NINE - dt.timedelta(seconds=30)))
    assert api.calls("chat.postMessage") == []

    report = scheduler.tick(clock.set(SHANGHAI_NINE + dt.timedelta(seconds=20)))
    assert report.posted == [sub]
    (post,) = api.calls("chat.postMessage")
    assert post.params["channel"] == "C0DIGEST"
    assert post.token == "xoxb-test-scheduler-token"
    for entry in kb.key_entries():
        assert entry.indicator.stated in post.text
        assert entry.speaker.name in post.text
    assert post.blocks[0]["type"] == "header"

    scheduler.tick(clock.set(SHANGHAI_NINE + dt.timedelta(minutes=5)))
    assert len(api.calls("chat.postMessage")) == 1
    record = store.deliveries.get(sub, SHANGHAI_NINE)
    assert record is not None and record.status == "posted" and record.message_ts
    assert record.message_ts == api.messages()[-1].ts


def test_a_utc_subscriber_is_not_posted_at_shanghai_nine(store: Store, scheduler, api: FakeSlackApi, clock) -> None:
    daily(store, timezone="Europe/London")
    scheduler.tick(clock.set(SHANGHAI_NINE + dt.timedelta(seconds=20)))
    assert api.calls("chat.postMessage") == []
    scheduler.tick(clock.set(dt.datetime(2026, 3, 9, 9, 0, 10, tzinfo=UTC)))  # 09:00 in London (GMT in March)
    assert len(api.calls("chat.postMessage")) == 1


def test_a_restart_does_not_post_again_and_keeps_the_schedule(
    db_url: str, store: Store, scheduler, api: FakeSlackApi, clock: FakeClock, kb: KnowledgeBase
) -> None:
    daily(store)
    scheduler.tick(clock.set(SHANGHAI_NINE + dt.timedelta(seconds=20)))
    store.close()

    reopened = open_store(db_url, clock=clock)  # a new process: new store, new scheduler, same file
    try:
        again = make_scheduler(reopened, kb, api, clock)
        again.tick(clock.set(SHANGHAI_NINE + dt.timedelta(minutes=2)))
        assert len(api.calls("chat.postMessage")) == 1
        again.tick(clock.set(SHANGHAI_NINE + dt.timedelta(days=1, seconds=5)))
        assert len(api.calls("chat.postMessage")) == 2
    finally:
        reopened.close()


def test_a_slot_missed_by_less_than_an_hour_is_posted_once(store: Store, scheduler, api, clock) -> None:
    sub = daily(store)
    report = scheduler.tick(clock.set(SHANGHAI_NINE + dt.timedelta(minutes=59)))
    assert report.posted == [sub]
    scheduler.tick(clock.set(SHANGHAI_NINE + dt.timedelta(minutes=59, seconds=20)))
    assert len(api.calls("chat.postMessage")) == 1


def test_a_slot_missed_by_more_than_an_hour_is_skipped_and_logged(
    store: Store, scheduler, api: FakeSlackApi, clock, caplog: pytest.LogCaptureFixture
) -> None:
    sub = daily(store)
    with caplog.at_level(logging.WARNING, logger="bot.schedule.scheduler"):
        report = scheduler.tick(clock.set(SHANGHAI_NINE + dt.timedelta(hours=1, minutes=1)))
        scheduler.tick(clock.set(SHANGHAI_NINE + dt.timedelta(hours=1, minutes=2)))
    assert report.skipped == [sub]
    assert api.calls("chat.postMessage") == []
    skipped = [r for r in caplog.records if "skipped" in r.getMessage()]
    assert len(skipped) == 1 and f"subscription {sub}" in skipped[0].getMessage()
    record = store.deliveries.get(sub, SHANGHAI_NINE)
    assert record is not None and record.status == "skipped"


def test_a_slot_before_the_subscription_existed_is_not_posted(store: Store, scheduler, api, clock) -> None:
    clock.set(SHANGHAI_NINE + dt.timedelta(minutes=10))
    daily(store)  # made at 09:10 Shanghai: today's 09:00 is not owed
    scheduler.tick(clock.set(SHANGHAI_NINE + dt.timedelta(minutes=11)))
    assert api.calls("chat.postMessage") == []


def test_weekly_and_cron_schedules(store: Store, scheduler, api: FakeSlackApi, clock: FakeClock) -> None:
    weekly = daily(store, channel="C0WEEKLY", kind="weekly", cron="0 9 * * 1", spec="weekly mon 09:00", topic="asean")
    weekdays = daily(store, channel="C0CRON", kind="cron", cron="0 9 * * 1-5", spec='"0 9 * * 1-5"')
    posted: list[int] = []
    for day in range(7):  # Monday 9 to Sunday 15 March
        posted += scheduler.tick(clock.set(SHANGHAI_NINE + dt.timedelta(days=day, seconds=5))).posted
    assert posted.count(weekly) == 1
    assert posted.count(weekdays) == 5
    asean = api.calls("chat.postMessage")[0]
    assert asean.params["channel"] == "C0WEEKLY"
    assert asean.blocks[0]["text"]["text"] == "ASEAN"


def test_figure_of_the_day_shows_every_key_figure_before_repeating(
    store: Store, scheduler, api: FakeSlackApi, clock: FakeClock, kb: KnowledgeBase
) -> None:
    sub = daily(store, kind="figure-of-the-day", spec="figure-of-the-day 09:00")
    keys = [e.uid for e in kb.key_entries()]
    for day in range(len(keys) + 1):
        scheduler.tick(clock.set(SHANGHAI_NINE + dt.timedelta(days=day, seconds=5)))
    figures = [d.figure for d in store.deliveries.for_subscription(sub)]
    assert sorted(figures[: len(keys)]) == sorted(keys)  # each once
    assert figures[len(keys)] in keys  # then a new cycle
    posts = api.calls("chat.postMessage")
    assert len(posts) == len(keys) + 1
    first = kb.get(figures[0])
    assert first is not None
    assert first.indicator.stated in posts[0].text and first.speaker.name in posts[0].text
    assert store.rotation.get(sub).cycle == 2
