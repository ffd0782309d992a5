"""The working reaction and the timer thread behind it, with a real WebClient against the fake Slack API."""

from __future__ import annotations

import logging
import threading
import time

import pytest
from slack_sdk import WebClient

from bot.slack.reactions import working_on
from bot.slack.timers import Timers
from tests.fakes.bot_process import BOT_TOKEN
from tests.fakes.slack_api import FakeSlackApi, Reply

LOG = logging.getLogger("tests.reactions")
CHANNEL, TS = "C0REACT01", "1700000000.000200"


@pytest.fixture
def client(slack_api: FakeSlackApi) -> WebClient:
    return WebClient(token=BOT_TOKEN, base_url=slack_api.url, timeout=5)


@pytest.fixture
def timers() -> Timers:
    return Timers(name="test-timers")


def reaction_calls(api: FakeSlackApi) -> list[str]:
    return [c.method for c in api.calls() if c.method.startswith("reactions.")]


def test_a_fast_answer_gets_no_reaction(client: WebClient, timers: Timers, slack_api: FakeSlackApi) -> None:
    with working_on(client, CHANNEL, TS, LOG, after=0.3, timers=timers):
        time.sleep(0.05)
    slack_api.assert_quiet("reactions.add", period=0.8)  # well past the delay: the timer fired and did nothing
    assert reaction_calls(slack_api) == []


def test_a_slow_answer_gets_the_reaction_after_the_delay_and_loses_it_at_the_end(
    client: WebClient, timers: Timers, slack_api: FakeSlackApi
) -> None:
    started = time.monotonic()
    with working_on(client, CHANNEL, TS, LOG, after=0.3, timers=timers):
        (added,) = slack_api.wait_for("reactions.add", timeout=3)
        assert slack_api.calls("reactions.remove") == []  # still working: the reaction stays
    (removed,) = slack_api.wait_for("reactions.remove", timeout=3)
    assert added.params == removed.params == {"channel": CHANNEL, "timestamp": TS, "name": "mag"}
    assert 0.15 <= added.at - started < 1.5  # about the delay, at most RESOLUTION_SECONDS early
    assert reaction_calls(slack_api) == ["reactions.add", "reactions.remove"]


def test_work_ending_while_slack_confirms_the_reaction_still_removes_it(
    client: WebClient, timers: Timers, slack_api: FakeSlackApi
) -> None:
    slack_api.script("reactions.add", Reply(delay=1.0))
    with working_on(client, CHANNEL, TS, LOG, after=0.1, timers=timers):
        slack_api.wait_for("reactions.add", timeout=3)  # sent; Slack answers a second later
    assert slack_api.calls("reactions.remove") == []  # the block ended while the add was in flight
    (removed,) = slack_api.wait_for("reactions.remove", timeout=5)
    (added,) = slack_api.calls("reactions.add")
    assert removed.at >= added.at + 1.0, "removed only after Slack confirmed the reaction"
    assert reaction_calls(slack_api) == ["reactions.add", "reactions.remove"]


def test_zero_delay_reacts_before_the_work_starts(client: WebClient, timers: Timers, slack_api: FakeSlackApi) -> None:
    with working_on(client, CHANNEL, TS, LOG, after=0, timers=timers):
        assert reaction_calls(slack_api) == ["reactions.add"]
    assert reaction_calls(slack_api) == ["reactions.add", "reactions.remove"]


def test_a_failed_reaction_does_not_stop_the_work_and_is_not_removed(
    client: WebClient, timers: Timers, slack_api: FakeSlackApi, caplog: pytest.LogCaptureFixture
) -> None:
    slack_api.script("reactions.add", Reply(json={"ok": False, "error": "missing_scope"}))
    caplog.set_level(logging.INFO, logger=LOG.name)
    ran = False
    with working_on(client, CHANNEL, TS, LOG, after=0, timers=timers):
        ran = True
    assert ran
    slack_api.assert_quiet("reactions.remove", period=0.3)
    assert "reaction call failed: missing_scope" in caplog.text


def test_timers_run_callbacks_in_due_order_and_survive_one_that_raises(timers: Timers) -> None:
    ran: list[str] = []
    done = threading.Event()

    def boom() -> None:
        raise RuntimeError("a callback failed")

    timers.call_later(0.6, lambda: (ran.append("late"), done.set()))
    timers.call_later(0.2, boom)
    timers.call_later(0.3, lambda: ran.append("early"))
    assert done.wait(5)
    assert ran == ["early", "late"]


def test_an_earlier_callback_wakes_a_timer_sleeping_until_a_later_one(timers: Timers) -> None:
    woke = threading.Event()
    timers.call_later(30, lambda: None)  # the thread now sleeps until this one
    time.sleep(0.1)
    started = time.monotonic()
    timers.call_later(0.1, woke.set)
    assert woke.wait(5)
    assert time.monotonic() - started < 2, "the earlier callback ran without waiting for the later one"
