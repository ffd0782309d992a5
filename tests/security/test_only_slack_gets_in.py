"""Property 1, only Slack gets in: forged, altered, unsigned, stale and malformed requests get 401 and make no Web
API call; a forged ``ssl_check`` or ``url_verification`` does nothing; Socket Mode opens no HTTP port."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.conftest import RunningBot
from tests.fakes import payloads as p
from tests.fakes.bot_process import APP_TOKEN, BotProcess, bot_env, listening_ports
from tests.fakes.slack_api import FakeSlackApi
from tests.fakes.slack_socket import SlackSocket
from tests.security.conftest import Tally, dump


def _mention_body() -> bytes:
    return json.dumps(p.envelope_body(p.app_mention("asean"))).encode()


def _with_headers(body: bytes, timestamp: str | None, signature: str | None) -> p.SignedRequest:
    headers = {"Content-Type": "application/json"}
    if timestamp is not None:
        headers["X-Slack-Request-Timestamp"] = timestamp
    if signature is not None:
        headers["X-Slack-Signature"] = signature
    return p.SignedRequest(body=body, headers=headers)


def _altered_by_one_byte() -> p.SignedRequest:
    good = p.event_callback(p.app_mention("asean"))
    body = bytearray(good.body)
    body[body.index(b"asean")] ^= 0x20  # "asean" -> "Asean": one byte, same length
    return p.SignedRequest(body=bytes(body), headers=good.headers)


def _signed_at(timestamp: str) -> p.SignedRequest:
    body = _mention_body()
    return _with_headers(body, timestamp, p.signature(body, timestamp))


NOW = int(time.time())
FORGED = {
    "signed with another secret": lambda: p.event_callback(p.app_mention("asean"), secret="not-the-secret"),
    "body changed by one byte": _altered_by_one_byte,
    "no signature header": lambda: _with_headers(_mention_body(), str(int(time.time())), None),
    "no timestamp header": lambda: _with_headers(_mention_body(), None, "v0=" + "0" * 64),
    "no headers at all": lambda: _with_headers(_mention_body(), None, None),
    "timestamp 6 minutes old": lambda: p.event_callback(p.app_mention("asean"), timestamp=int(time.time()) - 360),
    "timestamp 6 minutes ahead": lambda: p.event_callback(p.app_mention("asean"), timestamp=int(time.time()) + 360),
    "timestamp 'abc'": lambda: _signed_at("abc"),
    "timestamp empty": lambda: _signed_at(""),
    "timestamp 10^30": lambda: _signed_at("1" + "0" * 30),
    "timestamp '1e9'": lambda: _signed_at("1e9"),
    "slash command, forged": lambda: p.slash_command("key", response_url="http://127.0.0.1:9/x", secret="forged"),
    "button press, forged": lambda: p.block_actions("share", '{"k": "key"}', response_url=None, secret="forged"),
}


@pytest.mark.parametrize("attack", FORGED)
def test_a_request_not_signed_by_slack_gets_401_and_no_web_api_call(
    attack: str, bot: RunningBot, slack_api: FakeSlackApi, tally: Tally
) -> None:
    response = p.send(bot.events_url, FORGED[attack]())
    assert response.status == 401, (response.status, response.body[:200])
    slack_api.assert_quiet("chat.postMessage", period=0.2)
    calls = [c for c in slack_api.calls() if c.method != "auth.test"]
    assert not calls, dump(calls)
    tally.record(f"forged request: {attack}", sent=1, rejected=1, replies=0)


def test_a_forged_url_verification_echoes_nothing(bot: RunningBot, slack_api: FakeSlackApi, tally: Tally) -> None:
    body = b'{"type": "url_verification", "token": "t", "challenge": "forged-challenge"}'
    response = p.send(bot.events_url, _with_headers(body, str(int(time.time())), "v0=" + "1" * 64))
    assert response.status == 401 and b"forged-challenge" not in response.body
    assert not [c for c in slack_api.calls() if c.method != "auth.test"]
    tally.record("forged url_verification", sent=1, rejected=1, replies=0)


def test_a_forged_ssl_check_does_nothing(bot: RunningBot, slack_api: FakeSlackApi, tally: Tally) -> None:
    body = b"ssl_check=1&token=forged"
    forged = p.SignedRequest(body=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
    response = p.send(bot.events_url, forged)
    # Bolt answers Slack's certificate check with an empty 200 before any verification; it carries no command.
    assert response.status in {200, 401} and response.body in {b"", b'{"error": "invalid request"}'}
    slack_api.assert_quiet("chat.postMessage", period=0.2)
    assert not [c for c in slack_api.calls() if c.method != "auth.test"]
    tally.record("forged ssl_check", sent=1, rejected=1 if response.status == 401 else 0, replies=0)


def test_socket_mode_opens_no_http_port(slack_api: FakeSlackApi, tmp_path: Path, tally: Tally) -> None:
    mention = p.app_mention("asean")
    envelope = {"envelope_id": "e-1", "payload": p.envelope_body(mention), "type": "events_api",
                "accepts_response_payload": False, "retry_attempt": 0, "retry_reason": ""}  # fmt: skip
    with SlackSocket([envelope]) as server:
        slack_api.socket_url = server.url
        env = bot_env(slack_api.url, SLACK_APP_TOKEN=APP_TOKEN, SLACK_SIGNING_SECRET=None)
        with BotProcess(["--socket"], env, tmp_path) as bot:
            slack_api.wait_for("chat.postMessage", timeout=30)
            assert listening_ports(bot.pid) == set()
    tally.record("Socket Mode: listening ports opened", sent=1, rejected=0, replies=1)
