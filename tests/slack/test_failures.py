"""A failing listener still gets Slack its 2xx and the user an apology; unsigned requests get nowhere."""

from __future__ import annotations

from tests.conftest import RunningBot
from tests.fakes import payloads as p
from tests.fakes.slack_api import FakeSlackApi, Reply


def test_a_listener_that_raises_is_logged_and_the_user_gets_an_apology(
    bot: RunningBot, slack_api: FakeSlackApi
) -> None:
    slack_api.script("chat.postMessage", Reply(json={"ok": False, "error": "fatal_error"}))
    mention = p.app_mention("asean")
    assert p.send(bot.events_url, p.event_callback(mention)).status == 200
    failed, apology = slack_api.wait_for("chat.postMessage", count=2)
    assert apology.params["thread_ts"] == mention["ts"]
    assert "Sorry" in apology.params["text"]
    assert "app_mention_callback failed: SlackApiError" in bot.process.log()


def test_a_command_whose_listener_raises_gets_an_ephemeral_apology(bot: RunningBot, slack_api: FakeSlackApi) -> None:
    # The share button's chat.postMessage fails with an error the listener does not handle.
    slack_api.script("chat.postMessage", Reply(status=200, json={"ok": False, "error": "internal_error"}))
    press = p.block_actions("share", '{"k": "key"}', response_url=slack_api.response_url("x"))
    assert p.send(bot.events_url, press).status == 200
    (apology,) = slack_api.wait_for("response_url")
    assert apology.params["response_type"] == "ephemeral" and "Sorry" in apology.params["text"]


def test_a_forged_signature_is_rejected_and_nothing_is_posted(bot: RunningBot, slack_api: FakeSlackApi) -> None:
    forged = p.event_callback(p.app_mention("asean"), secret="not-the-secret")
    assert p.send(bot.events_url, forged).status == 401
    slack_api.assert_quiet("chat.postMessage", period=0.3)


def test_healthz_reports_the_knowledge_base(bot: RunningBot) -> None:
    response = p.get(bot.base_url + "/healthz")
    assert response.status == 200
    report = response.json()
    assert report["status"] == "ok"
    assert report["checks"]["knowledge"]["indicators"] > 0
    assert p.send(bot.base_url + "/healthz", p.signed(b"{}", "application/json")).status == 405
    assert p.get(bot.base_url + "/nowhere").status == 404


def test_url_verification_echoes_the_challenge(bot: RunningBot, slack_api: FakeSlackApi) -> None:
    body = b'{"type": "url_verification", "token": "t", "challenge": "c-123"}'
    response = p.send(bot.events_url, p.signed(body, "application/json"))
    assert response.status == 200 and response.json() == {"challenge": "c-123"}
