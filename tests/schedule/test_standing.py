"""Operators' standing subscription from DIGEST_* settings, and the scheduler thread started with the bot."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.config import SettingsError, load_settings
from bot.kb.base import KnowledgeBase
from bot.schedule.prepare import prepare_scheduling
from bot.schedule.scheduler_thread import SchedulerThread
from bot.slack.runtime import start_scheduling, stop_scheduling
from bot.store import Store, open_store
from bot.store.health import database_check
from tests.fakes.slack_api import FakeSlackApi
from tests.schedule.conftest import FakeClock, add_daily


def settings_for(db: str, api_url: str = "http://127.0.0.1:9/api/", **digest: str):
    return load_settings(database_url=db, slack_bot_token="xoxb-test-standing-token", slack_api_url=api_url, **digest)


def test_configured_digest_is_created_once_and_follows_the_settings(tmp_path: Path, kb: KnowledgeBase) -> None:
    db = f"sqlite:///{tmp_path / 'bot.sqlite3'}"
    configured = {"digest_channel": "C0OPS", "digest_schedule": "weekly mon 08:00", "digest_timezone": "Asia/Shanghai"}
    prepare_scheduling(settings_for(db, **configured), kb)
    prepare_scheduling(settings_for(db, **configured), kb)  # a restart
    prepare_scheduling(settings_for(db, **configured, digest_topic="ASEAN"), kb)  # the operator adds a topic
    store = open_store(db)
    try:
        (standing,) = store.subscriptions.all()
        assert (standing.channel, standing.cron, standing.timezone) == ("C0OPS", "0 8 * * 1", "Asia/Shanghai")
        assert standing.topic == "asean" and standing.creator is None and standing.config_key
    finally:
        store.close()

    prepare_scheduling(settings_for(db), kb)  # unset: the standing subscription goes
    store = open_store(db)
    try:
        assert store.subscriptions.all() == []
    finally:
        store.close()


@pytest.mark.parametrize(
    ("digest", "variable"),
    [
        ({"digest_channel": "C0OPS"}, "DIGEST_SCHEDULE"),
        ({"digest_schedule": "daily 09:00"}, "DIGEST_CHANNEL"),
        ({"digest_channel": "C0OPS", "digest_schedule": "daily 9"}, "DIGEST_SCHEDULE"),
        (
            {"digest_channel": "C0OPS", "digest_schedule": "daily 09:00", "digest_timezone": "Mars/Base"},
            "DIGEST_TIMEZONE",
        ),
        ({"digest_channel": "C0OPS", "digest_schedule": "daily 09:00", "digest_topic": "atlantis"}, "DIGEST_TOPIC"),
    ],
)
def test_bad_digest_settings_name_the_variable(tmp_path: Path, kb: KnowledgeBase, digest, variable) -> None:
    with pytest.raises(SettingsError, match=variable):
        prepare_scheduling(settings_for(f"sqlite:///{tmp_path / 'bot.sqlite3'}", **digest), kb)


def test_start_and_stop_in_the_bot_process(tmp_path: Path, kb: KnowledgeBase, api: FakeSlackApi) -> None:
    settings = settings_for(f"sqlite:///{tmp_path / 'bot.sqlite3'}", api.url)
    store = open_store(settings.database_url)
    running = start_scheduling(settings, kb, store)
    try:
        assert running.running
        assert database_check(store)()["ok"] is True
    finally:
        stop_scheduling(running, store)
    assert not running.running


def test_the_thread_posts_a_due_slot_once(store: Store, scheduler, api: FakeSlackApi, clock: FakeClock) -> None:
    add_daily(store, timezone="UTC")
    clock.set(dt.datetime(2026, 3, 9, 9, 0, 30, tzinfo=dt.UTC))
    thread = SchedulerThread(scheduler, interval=0.05).start()
    try:
        api.wait_for("chat.postMessage")
        api.assert_quiet("conversations.open", period=0.3)  # several more ticks: nothing else happens
    finally:
        thread.stop()
    assert len(api.calls("chat.postMessage")) == 1
