"""A fake Slack Web API on 127.0.0.1: a real HTTP server in a thread that records every call.

Point the bot at it with ``SLACK_API_URL=api.url``; point slash commands and buttons at
``api.response_url()`` so replies through response URLs land here too. Script faults per test::

    api.script("chat.postMessage", Reply(status=429, headers={"Retry-After": "1"}), OK)
    api.script("chat.postMessage", Reply(json={"ok": False, "error": "not_in_channel"}))
    api.script("chat.postMessage", Reply(delay=2.0))           # answer slowly (then the default answer)

Scripted replies are used once each, in order; after them the method's default answer applies. Wait for what
the bot did with a deadline, never a sleep::

    (post,) = api.wait_for("chat.postMessage")
    assert post.params["thread_ts"] == "1700000000.000100"

Every message posted with chat.postMessage is kept, with its thread and its ``metadata``, from the moment the call
arrives (as Slack has it even when the poster dies before reading the answer); ``conversations.replies`` and
``conversations.history`` answer from them as Slack does: a thread oldest first, a channel newest first, each
bounded by ``oldest``/``latest``/``inclusive`` and ``limit``, with metadata only when ``include_all_metadata`` is
set. ``post_delay`` holds every chat.postMessage answer that long (after the message is kept).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import socket
import sys
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from tests.fakes.tls import Certificate

UPLOAD_METHOD = "file upload"  # what a post to an upload URL is recorded as
RESPONSE_URL_METHOD = "response_url"  # the ``method`` recorded for posts to a response URL
BOT_USER_ID = "UBOT0001"
BOT_ID = "BBOT0001"
TEAM_ID = "T0000001"


@dataclass(frozen=True)
class Reply:
    """A scripted answer: HTTP status, JSON body (default ``{"ok": true}``), headers, and a delay before it."""

    status: int = 200
    json: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drop: bool = False  # close the connection without answering


OK = Reply()


@dataclass(frozen=True)
class Call:
    """One request the fake received.

    Attributes:
        method: the Web API method (``chat.postMessage``), or ``response_url``.
        path: the request path.
        params: form fields, JSON body fields and query parameters, merged.
        headers: request headers, keys lower-cased.
        token: the bearer token (or ``token`` field), if any.
        at: ``time.monotonic()`` when it arrived.
        connection: the client's address and port: calls on one kept-alive connection share it.
    """

    method: str
    path: str
    params: dict[str, Any]
    headers: dict[str, str]
    token: str | None
    at: float
    connection: tuple[str, int] = ("", 0)

    @property
    def blocks(self) -> list[dict[str, Any]]:
        """The ``blocks`` parameter, decoded whether it came as JSON or as a form field."""
        blocks = self.params.get("blocks") or []
        return json.loads(blocks) if isinstance(blocks, str) else blocks

    @property
    def text(self) -> str:
        """``text`` plus every text inside the blocks: what a reader of the message sees."""
        parts = [str(self.params.get("text") or "")]
        parts += _texts(self.blocks)
        view = self.params.get("view")
        if view:
            parts += _texts((json.loads(view) if isinstance(view, str) else view).get("blocks", []))
        return "\n".join(parts)


@dataclass(frozen=True)
class Message:
    """A message the bot posted, as the fake keeps it for the history methods."""

    channel: str
    ts: str
    thread_ts: str | None
    text: str
    metadata: dict[str, Any] | None

    def as_slack(self, with_metadata: bool, bot_id: str, bot_user_id: str) -> dict[str, Any]:
        """The message as conversations.history/replies return it."""
        found: dict[str, Any] = {"type": "message", "ts": self.ts, "text": self.text, "bot_id": bot_id,
                                 "user": bot_user_id}  # fmt: skip
        if self.thread_ts:
            found["thread_ts"] = self.thread_ts
        if with_metadata and self.metadata:
            found["metadata"] = self.metadata
        return found


def _flag(value: Any) -> bool:
    """A boolean Web API argument, as the SDK sends it (``1``/``true``) or as JSON."""
    return value is True or str(value).lower() in {"1", "true"}


def _in_range(ts: str, params: dict[str, Any]) -> bool:
    """Whether ``ts`` lies within ``oldest``/``latest`` (each bound included only with ``inclusive``)."""
    inclusive = _flag(params.get("inclusive"))
    value = float(ts)
    if params.get("oldest") is not None:
        oldest = float(params["oldest"])
        if value < oldest or (value == oldest and not inclusive):
            return False
    if params.get("latest") is not None:
        latest = float(params["latest"])
        if value > latest or (value == latest and not inclusive):
            return False
    return True


def _texts(node: Any) -> list[str]:
    """Every ``text`` string inside a block structure."""
    if isinstance(node, dict):
        found: list[str] = []
        for key, value in node.items():
            found += [value] if key == "text" and isinstance(value, str) else _texts(value)
        return found
    if isinstance(node, list):
        return [t for item in node for t in _texts(item)]
    return []


class _Server(ThreadingHTTPServer):
    # The default backlog of 5 overflows when a test or the benchmark sends bursts; the kernel then drops SYNs
    # and the client retries a second later, which looks like a slow bot.
    request_queue_size = 128
    daemon_threads = True

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.open_connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._connections_lock:
            self.open_connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._connections_lock:
            self.open_connections.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that went away (a worker killed mid-run, a test's timeout) is not the fake's failure; the
        # default prints a traceback for each kept-alive connection reset that way.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    def close_open_connections(self) -> None:
        """End the keep-alive connections clients still hold, as a stopped server would."""
        with self._connections_lock:
            connections = list(self.open_connections)
        for connection in connections:
            with contextlib.suppress(OSError):  # already closed by the client
                connection.shutdown(socket.SHUT_RDWR)


class FakeSlackApi:
    """The fake server. Use as a context manager, or ``start()``/``stop()``."""

    def __init__(
        self,
        bot_user_id: str = BOT_USER_ID,
        bot_id: str = BOT_ID,
        team_id: str = TEAM_ID,
        tls: Certificate | None = None,
    ):
        self.tls = tls  # serve HTTPS with this certificate (``tests.fakes.tls``), as Slack does
        self.bot_user_id = bot_user_id
        self.bot_id = bot_id
        self.team_id = team_id
        self.socket_url: str | None = None  # what apps.connections.open hands out (Socket Mode tests set it)
        self._calls: list[Call] = []
        self._scripts: dict[str, deque[Reply]] = defaultdict(deque)
        self._changed = threading.Condition()
        self._ts = itertools.count(1)
        self._last_ts = 0.0
        self._messages: list[Message] = []
        self.post_delay = 0.0  # seconds each chat.postMessage answer waits, after the message is kept
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> FakeSlackApi:
        """Listen on a random port of 127.0.0.1."""
        self._server = _Server(("127.0.0.1", 0), _handler_for(self))
        if self.tls is not None:
            self._server.socket = self.tls.server_context().wrap_socket(self._server.socket, server_side=True)
        self._thread = threading.Thread(target=self._server.serve_forever, name="fake-slack-api", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop listening."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server.close_open_connections()
            self._server = None

    def drop_connections(self) -> None:
        """Close every kept-alive client connection, as a server does with idle ones."""
        if self._server is not None:
            self._server.close_open_connections()

    def __enter__(self) -> FakeSlackApi:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._server is not None, "not started"
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        """The Web API base URL, for ``SLACK_API_URL``."""
        return f"{self._scheme}://127.0.0.1:{self.port}/api/"

    def response_url(self, name: str = "hook") -> str:
        """A response URL whose posts are recorded as method ``response_url``."""
        return f"{self._scheme}://127.0.0.1:{self.port}/response/{name}"

    @property
    def _scheme(self) -> str:
        return "http" if self.tls is None else "https"

    # ------------------------------------------------------------------ scripting
    def script(self, method: str, *replies: Reply) -> None:
        """Queue replies for ``method`` (or ``response_url``), used once each before the default answer."""
        with self._changed:
            self._scripts[method].extend(replies)

    def reset(self) -> None:
        """Forget calls and scripts (between tests sharing one server)."""
        with self._changed:
            self._calls.clear()
            self._scripts.clear()
            self._messages.clear()
            self.socket_url = None
            self.post_delay = 0.0

    # ------------------------------------------------------------------ inspection
    def calls(self, method: str | None = None) -> list[Call]:
        """Calls so far, of ``method`` if given, in arrival order."""
        with self._changed:
            return [c for c in self._calls if method is None or c.method == method]

    def messages(self, channel: str | None = None) -> list[Message]:
        """Messages posted so far (in ``channel`` if given), oldest first."""
        with self._changed:
            return [m for m in self._messages if channel is None or m.channel == channel]

    def wait_for(
        self,
        method: str,
        count: int = 1,
        timeout: float = 10.0,
        where: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """Block until ``count`` calls of ``method`` (matching ``where``) arrived; return them.

        Raises:
            AssertionError: at the deadline, listing what did arrive.
        """
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [c for c in self._calls if c.method == method and (where is None or where(c))]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [c.method for c in self._calls]
                    raise AssertionError(f"waited {timeout}s for {count} x {method}; calls were {seen}")
                self._changed.wait(left)

    def assert_quiet(self, method: str, period: float = 0.5) -> None:
        """Assert no call of ``method`` arrives within ``period`` seconds (for 'nothing was posted')."""
        with self._changed:
            self._changed.wait_for(lambda: any(c.method == method for c in self._calls), timeout=period)
            found = [c for c in self._calls if c.method == method]
        assert not found, f"unexpected {method}: {[c.params for c in found]}"

    # ------------------------------------------------------------------ serving
    def _record(self, call: Call) -> Reply:
        with self._changed:
            self._calls.append(call)
            self._changed.notify_all()
            queue = self._scripts.get(call.method)
            if not queue:
                return self._default(call)
            scripted = queue.popleft()
            if scripted.json is None and scripted.status == 200:
                # A scripted delay or drop of a call Slack carries out: its effect (a message kept) is the default's.
                default = self._default(call)
                return replace(scripted, json=default.json, delay=max(scripted.delay, default.delay))
            return scripted

    def _new_ts(self) -> str:
        """A message ts as Slack's: the time now in microseconds, distinct from every earlier one."""
        self._last_ts = max(time.time(), self._last_ts + 0.000001)
        return f"{self._last_ts:.6f}"

    def _keep(self, call: Call, ts: str) -> None:
        p = call.params
        metadata = p.get("metadata")
        if isinstance(metadata, str):
            metadata = json.loads(metadata)
        thread = p.get("thread_ts") or None
        self._messages.append(Message(str(p.get("channel")), ts, thread, str(p.get("text") or ""), metadata))

    def _history(self, call: Call) -> dict[str, Any]:
        """conversations.replies (a thread, oldest first) or conversations.history (top-level, newest first)."""
        p = call.params
        channel = str(p.get("channel") or "")
        limit = max(1, min(int(p.get("limit") or 100), 1000))
        with_metadata = _flag(p.get("include_all_metadata"))
        in_channel = [m for m in self._messages if m.channel == channel]
        if call.method == "conversations.replies":
            thread = str(p.get("ts") or "")
            found = sorted(
                (m for m in in_channel if m.thread_ts == thread or m.ts == thread), key=lambda m: float(m.ts)
            )
        else:
            top = (m for m in in_channel if m.thread_ts is None or m.thread_ts == m.ts)
            found = sorted(top, key=lambda m: float(m.ts), reverse=True)
        found = [m for m in found if _in_range(m.ts, p)]
        messages = [m.as_slack(with_metadata, self.bot_id, self.bot_user_id) for m in found[:limit]]
        return {"ok": True, "messages": messages, "has_more": len(found) > limit}

    def _default(self, call: Call) -> Reply:
        p = call.params
        if call.method == "auth.test":
            body = {"ok": True, "url": "https://fake.slack.com/", "team": "Fake", "user": "tradebot",
                    "team_id": self.team_id, "user_id": self.bot_user_id, "bot_id": self.bot_id}  # fmt: skip
        elif call.method == "apps.connections.open":
            body = {"ok": True, "url": self.socket_url} if self.socket_url else {"ok": False, "error": "no_socket"}
        elif call.method in {"chat.postMessage", "chat.update"}:
            ts = self._new_ts()
            if call.method == "chat.postMessage":
                self._keep(call, ts)
            posted = {"text": p.get("text"), "ts": ts, "bot_id": self.bot_id, "user": self.bot_user_id}
            body = {"ok": True, "channel": p.get("channel"), "ts": ts, "message": posted}
            if call.method == "chat.postMessage" and self.post_delay:
                return Reply(json=body, delay=self.post_delay)
        elif call.method in {"conversations.replies", "conversations.history"}:
            body = self._history(call)
        elif call.method == "chat.postEphemeral":
            body = {"ok": True, "message_ts": f"1800000000.{next(self._ts):06d}"}
        elif call.method == "views.publish":
            body = {"ok": True, "view": {"id": "V0000001", "type": "home"}}
        elif call.method == "users.info":
            body = {"ok": True, "user": {"id": p.get("user"), "name": "someone", "tz": "Europe/London",
                                         "tz_offset": 0, "is_bot": False}}  # fmt: skip
        elif call.method == "files.getUploadURLExternal":
            file_id = f"F{next(self._ts):08d}"
            upload = f"{self._scheme}://127.0.0.1:{self.port}/upload/{file_id}"
            body = {"ok": True, "upload_url": upload, "file_id": file_id}
        elif call.method == "files.completeUploadExternal":
            files = json.loads(p["files"]) if isinstance(p.get("files"), str) else p.get("files") or []
            body = {"ok": True, "files": [{"id": f.get("id"), "title": f.get("title")} for f in files]}
        elif call.method == "conversations.open":
            body = {"ok": True, "channel": {"id": "D" + str(p.get("users", "U0"))[1:]}}
        elif call.method == "assistant.threads.setSuggestedPrompts":
            # As Slack: a channel and one to four prompts, each with a title and a message.
            prompts = json.loads(p["prompts"]) if isinstance(p.get("prompts"), str) else p.get("prompts")
            well_formed = isinstance(prompts, list) and 1 <= len(prompts) <= 4
            well_formed = well_formed and all(
                isinstance(x, dict) and x.get("title") and x.get("message") for x in prompts
            )
            body = {"ok": True} if p.get("channel_id") and well_formed else {"ok": False, "error": "invalid_arguments"}
        elif call.method == "assistant.threads.setStatus":
            ok = p.get("channel_id") and p.get("thread_ts") and "status" in p
            body = {"ok": True} if ok else {"ok": False, "error": "invalid_arguments"}
        else:
            body = {"ok": True}
        return Reply(json=body)


def _handler_for(api: FakeSlackApi) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as Slack's servers do
        disable_nagle_algorithm = True  # the headers and the body are two writes; as a production server does

        def do_POST(self) -> None:  # http.server's name
            self._serve()

        def do_GET(self) -> None:
            self._serve()

        def _serve(self) -> None:
            split = urlsplit(self.path)
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            headers = {k.lower(): v for k, v in self.headers.items()}
            params: dict[str, Any] = dict(parse_qsl(split.query))
            if split.path.startswith("/upload/"):
                params["content"] = raw  # a file's bytes, posted to the URL files.getUploadURLExternal gave
            elif "json" in headers.get("content-type", ""):
                loaded = json.loads(raw or b"{}")
                params.update(loaded if isinstance(loaded, dict) else {"_body": loaded})
            else:
                params.update(parse_qsl(raw.decode("utf-8", "replace")))
            auth = headers.get("authorization", "")
            token = auth.removeprefix("Bearer ") if auth.startswith("Bearer ") else params.get("token")
            on_hook = split.path.startswith("/response/")
            method = RESPONSE_URL_METHOD if on_hook else split.path.removeprefix("/api/")
            if split.path.startswith("/upload/"):
                method = UPLOAD_METHOD
            call = Call(method, split.path, params, headers, token, time.monotonic(), tuple(self.client_address))
            reply = api._record(call)
            if reply.delay:
                time.sleep(reply.delay)
            if reply.drop:
                self.close_connection = True
                self.connection.close()
                return
            body = json.dumps(reply.json if reply.json is not None else {"ok": True}).encode()
            self.send_response(reply.status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            for key, value in reply.headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
            pass

    return Handler
