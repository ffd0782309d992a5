"""Fixtures for the scheduling tests: a fake clock, the fake Slack Web API, a store, and a scheduler on them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.kb.base import KnowledgeBase
from bot.schedule.scheduler import Scheduler
from bot.slack.digest_poster import DigestPoster, digest_client
from bot.store import NewSubscription, Store, open_store
from tests.databases import database_url, postgres_url, sqlite_url  # noqa: F401 - fixtures
from tests.fakes.slack_api import FakeSlackApi

TOKEN = "xoxb-test-scheduler-token"


class FakeClock:
    """Wall-clock time that tests set, and a monotonic clock that only ``sleep`` advances (so nothing waits)."""

    def __init__(self, now: dt.datetime):
        self.now = now
        self.elapsed = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> dt.datetime:
        return self.now

    def set(self, when: dt.datetime) -> dt.datetime:
        self.now = when
        return when

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.elapsed += seconds

    def monotonic(self) -> float:
        return self.elapsed


@pytest.fixture(scope="session")
def kb(knowledge: KnowledgeBase) -> KnowledgeBase:
    """The real knowledge base (loaded once, by the suite's ``knowledge`` fixture)."""
    return knowledge


@pytest.fixture
def clock() -> FakeClock:
    """Starts on Sunday 8 March 2026, 12:00 UTC."""
    return FakeClock(dt.datetime(2026, 3, 8, 12, 0, tzinfo=dt.UTC))


@pytest.fixture
def api(slack_api: FakeSlackApi) -> FakeSlackApi:
    """The fake Slack Web API on 127.0.0.1 (the suite's, reset for this test)."""
    return slack_api


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """An SQLite file for one test."""
    return sqlite_url(tmp_path)


@pytest.fixture
def store(db_url: str, clock: FakeClock) -> Iterator[Store]:
    """A store whose timestamps come from the fake clock."""
    opened = open_store(db_url, clock=clock)
    yield opened
    opened.close()


def add_daily(store: Store, channel: str = "C0DIGEST", timezone: str = "Asia/Shanghai", **changes: object) -> int:
    """Store a daily 09:00 subscription of the key figures made by U0CREATOR; return its id."""
    values: dict[str, object] = {
        "channel": channel,
        "creator": "U0CREATOR",
        "kind": "daily",
        "cron": "0 9 * * *",
        "timezone": timezone,
        "spec": "daily 09:00",
    }
    return store.subscriptions.add(NewSubscription(**(values | changes))).id


def make_scheduler(store: Store, kb: KnowledgeBase, api: FakeSlackApi, clock: FakeClock) -> Scheduler:
    """A scheduler posting to the fake API, sleeping on the fake clock."""
    poster = DigestPoster(digest_client(TOKEN, api.url, timeout=5), sleep=clock.sleep, monotonic=clock.monotonic)
    return Scheduler(store, kb, poster, clock=clock)


@pytest.fixture
def scheduler(store: Store, kb: KnowledgeBase, api: FakeSlackApi, clock: FakeClock) -> Scheduler:
    """The scheduler under test."""
    return make_scheduler(store, kb, api, clock)
