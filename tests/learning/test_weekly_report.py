"""The weekly report: posted to REPORT_CHANNEL by the scheduler at its slot, once however many processes run."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answer.engine import Engine
from bot.config import SettingsError, load_settings
from bot.learning.service import Learning
from bot.schedule.learning_chores import LearningChores, report_schedule
from bot.slack.digest_poster import DigestPoster, digest_client
from bot.slack.report_poster import ReportPoster
from bot.store import Store
from tests.fakes.slack_api import FakeSlackApi
from tests.learning.conftest import START
from tests.schedule.conftest import FakeClock


def test_the_weekly_report_is_posted_once_at_its_slot(
    learning: Learning, session_engine: Engine, store: Store, clock: FakeClock, slack_api: FakeSlackApi
) -> None:
    learning.record(
        session_engine.ask("trade with india"), text="trade with india", surface="dm", user_id="U1", ticket=None
    )
    assert learning.recorder is not None and learning.recorder.flush()
    schedule = report_schedule(load_settings(report_channel="C0ADMINS", report_schedule="weekly mon 09:00"))
    assert schedule == ("0 9 * * 1", "UTC")
    client = digest_client("xoxb-test", slack_api.url, timeout=5)
    publisher = ReportPoster(DigestPoster(client, sleep=clock.sleep, monotonic=clock.monotonic))
    processes = [
        LearningChores(learning, publisher, channel="C0ADMINS", schedule=schedule, owner=f"p{i}") for i in (1, 2)
    ]

    clock.set(START + dt.timedelta(minutes=30))  # Monday 08:30: not yet
    for chores in processes:
        chores(clock())
    slack_api.assert_quiet("chat.postMessage", period=0.1)

    clock.set(START + dt.timedelta(hours=1, minutes=5))  # 09:05
    for chores in processes:
        chores(clock())
    (post,) = slack_api.wait_for("chat.postMessage")
    assert post.params["channel"] == "C0ADMINS"
    assert "Declined, by what was not found" in post.text and "India" in post.text
    assert len(slack_api.calls("chat.postMessage")) == 1


@pytest.mark.parametrize(
    ("changes", "named"),
    [({"report_schedule": "fortnightly"}, "REPORT_SCHEDULE"), ({"report_timezone": "Mars/Olympus"}, "REPORT_TIMEZONE")],
)
def test_a_bad_report_setting_is_named(changes: dict[str, str], named: str) -> None:
    with pytest.raises(SettingsError, match=named):
        report_schedule(load_settings(report_channel="C0ADMINS", **changes))
    assert report_schedule(load_settings(**changes)) is None  # no channel: nothing to post, nothing checked
