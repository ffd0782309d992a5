"""Socket Mode: ``tradebot run`` with an app token connects to a local WebSocket server playing Slack's side.

The fake Web API's ``apps.connections.open`` hands out the server's ``ws://127.0.0.1`` URL; the server sends
``hello`` and an ``events_api`` envelope with an app_mention, expects the envelope's ack, and the reply then
reaches the fake Web API. The bot opens no listening port.
"""

from __future__ import annotations

import json
import queue
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from websockets.sync.server import Server, ServerConnection, serve

from tests.fakes import payloads as p
from tests.fakes.bot_process import APP_TOKEN, BotProcess, bot_env, listening_ports
from tests.fakes.slack_api import FakeSlackApi

ENVELOPE_ID = "1d8a8b5c-5e6e-4d3b-9c1a-000000000001"


class SlackSocket:
    """One-connection Socket Mode server: sends hello and one envelope, records what the client sends."""

    def __init__(self, envelope: dict):
        self.envelope = envelope
        self.received: queue.Queue[dict] = queue.Queue()
        self.done = threading.Event()
        self.server: Server = serve(self.handle, "127.0.0.1", 0)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.socket.getsockname()[:2]
        return f"ws://{host}:{port}/link/?ticket=fake"

    def handle(self, connection: ServerConnection) -> None:
        connection.send(json.dumps({"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A1"}}))
        connection.send(json.dumps(self.envelope))
        while not self.done.is_set():
            try:
                message = connection.recv(timeout=0.2)
            except TimeoutError:
                continue
            except Exception:  # the bot hung up
                return
            self.received.put(json.loads(message))

    def __enter__(self) -> SlackSocket:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.done.set()
        self.server.shutdown()
        self.thread.join(timeout=5)


@pytest.fixture
def mention() -> dict:
    return p.app_mention("asean")


@pytest.fixture
def slack_socket(mention: dict) -> Iterator[SlackSocket]:
    envelope = {
        "envelope_id": ENVELOPE_ID,
        "payload": p.envelope_body(mention),
        "type": "events_api",
        "accepts_response_payload": False,
        "retry_attempt": 0,
        "retry_reason": "",
    }
    with SlackSocket(envelope) as server:
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
