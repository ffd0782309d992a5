"""Socket Mode: ``tradebot run`` with an app token connects to a local WebSocket server playing Slack's side.

The fake Web API's ``apps.connections.open`` hands out the server's ``ws://127.0.0.1`` URL; the server sends
``hello`` and an ``events_api`` envelope with an app_mention, expects the envelope's ack, and the reply then
reaches the fake Web API. The bot opens no listening port.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fakes import payloads as p
from tests.fakes.bot_process import APP_TOKEN, BotProcess, bot_env, listening_ports
from tests.fakes.slack_api import FakeSlackApi, Reply
from tests.fakes.slack_socket import SlackSocket

ENVELOPE_ID = "1d8a8b5c-5e6e-4d3b-9c1a-000000000001"


@pytest.fixture
def mention() -> dict:
    return p.app_mention("asean")


def events_api(mention: dict) -> dict:
    """The Socket Mode envelope of an Events API delivery."""
    return {
        "envelope_id": ENVELOPE_ID,
        "payload": p.envelope_body(mention),
        "type": "events_api",
        "accepts_response_payload": False,
        "retry_attempt": 0,
        "retry_reason": "",
    }


@pytest.fixture
def slack_socket(mention: dict) -> Iterator[SlackSocket]:
    with SlackSocket([events_api(mention)]) as server:
        yield server


def test_socket_mode_acks_the_envelope_replies_and_opens_no_port(
    slack_api: FakeSlackApi, slack_socket: SlackSocket, mention: dict, tmp_path: Path
) -> None:
    slack_api.socket_url = slack_socket.url
    env = bot_env(slack_api.url, SLACK_APP_TOKEN=APP_TOKEN, SLACK_SIGNING_SECRET=None)
    with BotProcess([], env, tmp_path) as bot:  # no flag: the app token selects Socket Mode
        (opened,) = slack_api.wait_for("apps.connections.open", timeout=30)
        assert opened.token == APP_TOKEN

        ack = slack_socket.received.get(timeout=10)
        assert ack["envelope_id"] == ENVELOPE_ID

        (post,) = slack_api.wait_for("chat.postMessage")
        assert post.params["channel"] == p.CHANNEL_ID and post.params["thread_ts"] == mention["ts"]
        assert "ASEAN" in post.text
        assert listening_ports(bot.pid) == set()

        bot.stop()
        assert bot.wait_exit(timeout=15) == 0, bot.log()[-2000:]


def test_a_dropped_connection_is_reconnected_with_backoff(
    slack_api: FakeSlackApi, mention: dict, tmp_path: Path
) -> None:
    # Slack hangs up the first connection after hello; the next two apps.connections.open calls fail; then the
    # bot gets a connection again and answers the mention sent on it.
    with SlackSocket(None, [events_api(mention)]) as socket:
        slack_api.socket_url = socket.url
        failing = Reply(json={"ok": False, "error": "internal_error"})
        slack_api.script("apps.connections.open", Reply(json={"ok": True, "url": socket.url}), failing, failing)
        env = bot_env(slack_api.url, SLACK_APP_TOKEN=APP_TOKEN, SLACK_SIGNING_SECRET=None)
        with BotProcess(["--socket"], env, tmp_path) as bot:
            ack = socket.received.get(timeout=60)
            assert ack["envelope_id"] == ENVELOPE_ID
            (post,) = slack_api.wait_for("chat.postMessage")
            assert "ASEAN" in post.text
            assert len(slack_api.calls("apps.connections.open")) == 4
            assert socket.connections == 2
            log = bot.log()
            assert log.count("Socket Mode: reconnecting failed") == 2, log[-3000:]
            assert "trying again in" in log and "reconnected after 2 failed attempt(s)" in log
            bot.stop()
            assert bot.wait_exit(timeout=15) == 0
        assert "Traceback" not in bot.log()
