"""Keep-alive connections to Slack (``bot.slack.keepalive``): reused, dropped when the server closed them, and
never turning a call into a repeated post."""

from __future__ import annotations

import os
import socket
import ssl
import threading
from collections.abc import Iterator
from urllib.error import URLError

import pytest
from slack_sdk.errors import SlackApiError

from bot.slack import keepalive
from bot.slack.client import PooledWebClient, PooledWebhookClient
from bot.slack.keepalive import POOL, ConnectionPool
from bot.slack.retries import never_idempotent, retry_handlers
from tests.fakes.slack_api import FakeSlackApi, Reply
from tests.fakes.tls import self_signed

TOKEN = "xoxb-0000000001-0000000002-faketokenvalue"


@pytest.fixture
def pool() -> Iterator[ConnectionPool]:
    pool = ConnectionPool()
    yield pool
    pool.clear()


def web_client(api: FakeSlackApi, pool: ConnectionPool) -> PooledWebClient:
    return PooledWebClient(token=TOKEN, base_url=api.url, timeout=5, retry_handlers=retry_handlers(), pool=pool)


def test_calls_from_several_threads_share_a_few_connections(slack_api: FakeSlackApi, pool: ConnectionPool) -> None:
    client = web_client(slack_api, pool)
    for n in range(5):
        client.chat_postMessage(channel="C1", text=f"one by one {n}")
    assert pool.opened == 1

    threads = [
        threading.Thread(target=lambda: [client.chat_postMessage(channel="C1", text="at once") for _ in range(5)])
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    posts = slack_api.calls("chat.postMessage")
    assert len(posts) == 25
    assert pool.opened <= 4, "no more connections than calls in flight at once"
    assert len({post.connection for post in posts}) == pool.opened


def test_a_connection_the_server_closed_while_idle_is_replaced(slack_api: FakeSlackApi, pool: ConnectionPool) -> None:
    client = web_client(slack_api, pool)
    client.chat_postMessage(channel="C1", text="first")
    slack_api.drop_connections()

    client.chat_postMessage(channel="C1", text="second")
    first, second = slack_api.calls("chat.postMessage")
    assert pool.opened == 2
    assert first.connection != second.connection
    assert [c.params["text"] for c in (first, second)] == ["first", "second"], "each posted once"


def test_a_connection_idle_too_long_is_replaced(slack_api: FakeSlackApi) -> None:
    pool = ConnectionPool(max_idle_seconds=0.0)
    client = web_client(slack_api, pool)
    client.chat_postMessage(channel="C1", text="first")
    client.chat_postMessage(channel="C1", text="second")
    assert pool.opened == 2
    pool.clear()


def test_status_errors_keep_their_meaning(slack_api: FakeSlackApi, pool: ConnectionPool) -> None:
    client = web_client(slack_api, pool)
    slack_api.script("chat.postMessage", Reply(status=429, headers={"Retry-After": "0"}))
    assert client.chat_postMessage(channel="C1", text="limited, then posted")["ok"]
    assert len(slack_api.calls("chat.postMessage")) == 2, "429 retried, as Slack acted on nothing"

    slack_api.script("chat.postMessage", Reply(json={"ok": False, "error": "not_in_channel"}))
    with pytest.raises(SlackApiError) as failed:
        client.chat_postMessage(channel="C1", text="refused")
    assert failed.value.response["error"] == "not_in_channel"

    hook = PooledWebhookClient(slack_api.response_url(), timeout=5, retry_handlers=retry_handlers(never_idempotent))
    hook.pool = pool
    slack_api.script("response_url", Reply(status=500, json={"ok": False}))
    assert hook.send(text="maybe posted").status_code == 500
    assert len(slack_api.calls("response_url")) == 1, "a post that may have happened is not repeated"
    assert pool.opened == 1, "error answers leave the connection usable"


def test_an_answer_lost_after_the_post_was_sent_is_not_repeated(slack_api: FakeSlackApi, pool: ConnectionPool) -> None:
    client = web_client(slack_api, pool)
    client.chat_postMessage(channel="C1", text="warm")
    slack_api.script("chat.postMessage", Reply(drop=True))
    with pytest.raises(OSError) as dropped:
        client.chat_postMessage(channel="C1", text="sent, answer lost")
    assert not isinstance(dropped.value, URLError), "not 'never sent': Slack may have posted it"
    assert len(slack_api.calls("chat.postMessage")) == 2

    slack_api.script("reactions.add", Reply(drop=True))
    client.reactions_add(channel="C1", timestamp="1.2", name="mag")
    assert len(slack_api.calls("reactions.add")) == 2, "safe to repeat, so repeated"


class _ResettingServer:
    """Answers one request per connection with keep-alive, then resets the connection (RST), to stand for a
    server that closed a connection in the instant between our check and our write."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.requests: list[bytes] = []
        self.reset_done = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}/api/"

    def _serve(self) -> None:
        with self.listener:
            self._answer_twice()

    def _answer_twice(self) -> None:
        for _ in range(2):
            conn, _ = self.listener.accept()
            with conn:
                data = b""
                while b"\r\n\r\n" not in data or not data.endswith(b"}"):
                    data += conn.recv(65536)
                self.requests.append(data)
                body = b'{"ok": true}'
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (
                    len(body), body))  # fmt: skip
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            self.reset_done.set()


def test_a_reused_connection_that_fails_while_sending_is_retried_once_on_a_new_one(
    pool: ConnectionPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = _ResettingServer()
    client = PooledWebClient(token=TOKEN, base_url=server.url, timeout=5, retry_handlers=[], pool=pool)
    client.chat_postMessage(channel="C1", text="first")
    assert server.reset_done.wait(5)
    # The reset has arrived, so the idle check would drop the connection; pretend it came just after the check.
    monkeypatch.setattr(keepalive, "_still_open", lambda conn: True)

    client.chat_postMessage(channel="C1", text="second")
    assert pool.opened == 2
    assert [b"first" in r for r in server.requests] == [True, False]
    assert sum(b"second" in r for r in server.requests) == 1, "the failed write reached no one; sent once"


def test_refused_connections_are_never_sent(pool: ConnectionPool) -> None:
    port = socket.create_server(("127.0.0.1", 0))
    address = port.getsockname()
    port.close()
    client = PooledWebClient(token=TOKEN, base_url=f"http://127.0.0.1:{address[1]}/api/", timeout=2, pool=pool)
    client.retry_handlers = []
    with pytest.raises(URLError):
        client.chat_postMessage(channel="C1", text="nobody listens")


@pytest.fixture(scope="module")
def tls_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FakeSlackApi]:
    with FakeSlackApi(tls=self_signed(tmp_path_factory.mktemp("tls"))) as api:
        yield api


def test_https_connections_are_kept_alive_and_verified(tls_api: FakeSlackApi, pool: ConnectionPool) -> None:
    assert tls_api.tls is not None
    trusting = tls_api.tls.client_context()
    client = PooledWebClient(token=TOKEN, base_url=tls_api.url, timeout=5, ssl=trusting, pool=pool)
    for _ in range(3):
        assert client.chat_postMessage(channel="C1", text="over TLS")["ok"]
    assert pool.opened == 1
    assert len({call.connection for call in tls_api.calls("chat.postMessage")}) == 1

    # The same pool, the default trust store: the verified connection above is not lent to it.
    stranger = PooledWebClient(token=TOKEN, base_url=tls_api.url, timeout=5, retry_handlers=[], pool=pool)
    with pytest.raises(URLError) as refused:
        stranger.chat_postMessage(channel="C1", text="to an unknown certificate")
    assert isinstance(refused.value.reason, ssl.SSLCertVerificationError)


def test_a_forked_child_starts_with_no_connections(slack_api: FakeSlackApi) -> None:
    client = web_client(slack_api, POOL)
    client.chat_postMessage(channel="C1", text="in the parent")
    assert POOL.idle_count() >= 1

    pid = os.fork()
    if pid == 0:  # the child: the parent's connections are not its own
        os._exit(0 if POOL.idle_count() == 0 else 1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert POOL.idle_count() >= 1, "the parent keeps its connections"
