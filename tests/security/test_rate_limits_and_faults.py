"""Property 6, Slack's rate limits and faults: a 429 waits for ``Retry-After`` (bounded), 5xx answers and dropped
connections are retried a bounded number of times where a repeat cannot post twice, calls time out well before
the SDK's 30 s, and a reply is never posted twice because of a retry."""

from __future__ import annotations

from urllib.error import URLError

import pytest
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.state import RetryState

from bot.config import load_settings
from bot.slack.client import build_web_client, build_webhook_client
from bot.slack.retries import MAX_RETRIES, MAX_RETRY_AFTER_SECONDS, SafeConnectionErrorRetryHandler, web_api_idempotent
from tests.conftest import RunningBot
from tests.fakes import payloads as p
from tests.fakes.slack_api import RESPONSE_URL_METHOD, Call, FakeSlackApi, Reply
from tests.security.conftest import Tally

SERVER_ERROR = Reply(status=503, json={"ok": False, "error": "service_unavailable"})
DROP = Reply(drop=True)


def answers(api: FakeSlackApi) -> list[Call]:
    """chat.postMessage calls carrying an answer (not the apology)."""
    return [c for c in api.calls("chat.postMessage") if "Sorry" not in str(c.params.get("text"))]


def mention(bot: RunningBot) -> dict:
    event = p.app_mention("asean")
    assert p.send(bot.events_url, p.event_callback(event)).status == 200
    return event


def test_a_429_waits_for_retry_after_then_posts_once(bot: RunningBot, slack_api: FakeSlackApi, tally: Tally) -> None:
    slack_api.script("chat.postMessage", Reply(status=429, headers={"Retry-After": "1"}, json={"ok": False}))
    mention(bot)
    limited, posted = slack_api.wait_for("chat.postMessage", count=2)
    assert posted.at - limited.at >= 1.0  # Retry-After honoured
    assert len(slack_api.calls("chat.postMessage")) == 2
    tally.record("chat.postMessage 429, Retry-After 1", sent=1, rejected=0, replies=1)


def test_a_429_asking_for_too_long_a_wait_is_not_waited_for(
    bot: RunningBot, slack_api: FakeSlackApi, tally: Tally
) -> None:
    too_long = str(int(MAX_RETRY_AFTER_SECONDS) * 100)
    slack_api.script("chat.postMessage", Reply(status=429, headers={"Retry-After": too_long}, json={"ok": False}))
    mention(bot)
    limited, apology = slack_api.wait_for("chat.postMessage", count=2, timeout=5)  # gave up at once, apologised
    assert "Sorry" in apology.params["text"]
    slack_api.assert_quiet("views.publish", period=0.5)
    assert len(slack_api.calls("chat.postMessage")) == 2
    tally.record(f"chat.postMessage 429, Retry-After {too_long} (over the bound)", sent=1, rejected=0, replies=1)


@pytest.mark.parametrize("fault", ["503", "dropped connection"])
def test_a_safe_call_is_retried_a_bounded_number_of_times(
    fault: str, bot: RunningBot, slack_api: FakeSlackApi, tally: Tally
) -> None:
    reply = SERVER_ERROR if fault == "503" else DROP
    # views.publish replaces the Home tab: repeating it cannot show anything twice.
    slack_api.script("views.publish", reply, reply)
    assert p.send(bot.events_url, p.event_callback(p.app_home_opened())).status == 200
    slack_api.wait_for("views.publish", count=3)
    slack_api.script("views.publish", *[reply] * 10)
    assert p.send(bot.events_url, p.event_callback(p.app_home_opened())).status == 200
    slack_api.wait_for("views.publish", count=3 + 1 + MAX_RETRIES)
    slack_api.assert_quiet("chat.update", period=1.5)  # past the back-off: no further attempt
    assert len(slack_api.calls("views.publish")) == 3 + 1 + MAX_RETRIES
    tally.record(f"views.publish {fault} x2, then x10", sent=2, rejected=0, replies=1)


@pytest.mark.parametrize("fault", ["503", "500", "dropped connection"])
def test_a_post_slack_may_have_made_is_never_repeated(
    fault: str, bot: RunningBot, slack_api: FakeSlackApi, tally: Tally
) -> None:
    reply = {"503": SERVER_ERROR, "500": Reply(status=500, json={"ok": False}), "dropped connection": DROP}[fault]
    slack_api.script("chat.postMessage", reply)
    event = mention(bot)
    first, apology = slack_api.wait_for("chat.postMessage", count=2)
    assert first.params["thread_ts"] == event["ts"] and "Sorry" in apology.params["text"]
    slack_api.assert_quiet("views.publish", period=1.5)
    assert len(answers(slack_api)) == 1, "the answer was attempted once: a repeat could have posted it twice"
    tally.record(f"chat.postMessage {fault} (ambiguous: not repeated)", sent=1, rejected=0, replies=1)


def test_a_response_url_post_whose_answer_was_lost_is_not_repeated(
    bot: RunningBot, slack_api: FakeSlackApi, tally: Tally
) -> None:
    slack_api.script(RESPONSE_URL_METHOD, DROP)
    url = slack_api.response_url("dropped")
    assert p.send(bot.events_url, p.slash_command("asean", response_url=url)).status == 200
    first, apology = slack_api.wait_for(RESPONSE_URL_METHOD, count=2)
    assert "ASEAN" in first.text and "Sorry" in apology.text
    slack_api.assert_quiet("views.publish", period=1.5)
    assert len(slack_api.calls(RESPONSE_URL_METHOD)) == 2, "the answer once, then the apology; never the answer again"
    tally.record("response URL connection dropped after the post", sent=1, rejected=0, replies=1)


def test_a_stuck_call_times_out_long_before_30_seconds(bot: RunningBot, slack_api: FakeSlackApi, tally: Tally) -> None:
    # The bot runs with SLACK_TIMEOUT_SECONDS=5; Slack "answers" after 7 s.
    slack_api.script("chat.postMessage", Reply(delay=7.0))
    mention(bot)
    stuck, apology = slack_api.wait_for("chat.postMessage", count=2, timeout=10)
    assert 4.5 <= apology.at - stuck.at < 7.0 and "Sorry" in apology.params["text"]
    tally.record("chat.postMessage stuck for 7 s (timeout 5 s)", sent=1, rejected=0, replies=1)


def test_every_client_times_out_before_the_sdk_default() -> None:
    settings = load_settings(slack_bot_token="xoxb-0000000001-timeouts", slack_timeout_seconds=7)
    assert build_web_client(settings).timeout == 7
    assert build_webhook_client("http://127.0.0.1:9/hook", 7).timeout == 7
    with pytest.raises(Exception, match="SLACK_TIMEOUT_SECONDS"):
        load_settings(slack_timeout_seconds=30)


def test_a_request_that_never_reached_slack_is_retried_even_when_it_posts() -> None:
    handler = SafeConnectionErrorRetryHandler(web_api_idempotent)
    post = HttpRequest(method="POST", url="http://127.0.0.1:9/api/chat.postMessage", headers={})
    refused = URLError(ConnectionRefusedError(111, "Connection refused"))
    assert handler.can_retry(state=RetryState(), request=post, error=refused)
    assert not handler.can_retry(state=RetryState(), request=post, error=ConnectionResetError())
    assert not handler.can_retry(state=RetryState(current_attempt=MAX_RETRIES), request=post, error=refused)
