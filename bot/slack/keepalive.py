"""Keep-alive connections to Slack, one pool per process, shared by the Web API client and response URLs.

slack_sdk's clients open a new connection for every call and close it after the answer. Against slack.com each of
those is a TCP and a TLS handshake, and urllib builds a new TLS context for each. Under load that is a large share
of a call's cost on our side (``bench/web_api_bench.py``). The pool keeps idle connections per origin and hands
one to the next call, from any thread.

A repeated post would answer twice, so reuse must never make a call ambiguous that was not:

- A connection the server closed while it sat idle is readable (the server's FIN): it is dropped before use, the
  same check urllib3 makes. So is one idle for longer than ``MAX_IDLE_SECONDS``.
- A reused connection that fails while the request is being sent is retried once on a new connection: the server
  closed it before the request was complete, so the server cannot have acted on it.
- Otherwise errors keep urllib's shape, so ``bot.slack.retries`` judges them as before: connecting or sending
  raises ``URLError`` (never reached Slack), reading the answer raises the socket's error (Slack may have acted),
  and a status outside 2xx raises ``HTTPError`` carrying the answer.
"""

from __future__ import annotations

import http.client
import io
import os
import select
import socket
import ssl
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit
from urllib.request import Request

# Slack's front ends close idle connections after a while; one we have not used for this long is not worth a
# failed first write.
MAX_IDLE_SECONDS = 30.0
# Idle connections kept per origin: about as many as listener threads that call Slack at the same time. More
# than that would only be closed by the server later.
MAX_IDLE_PER_ORIGIN = 32

# scheme, host, port, and the TLS context: a connection made under one context is not lent to a client with another.
Origin = tuple[str, str, int, ssl.SSLContext | None]


@dataclass(frozen=True)
class PooledResponse:
    """An HTTP answer read to the end."""

    status: int
    reason: str
    headers: http.client.HTTPMessage
    body: bytes

    def text(self) -> str:
        """The body decoded with the charset the answer names (UTF-8 when it names none)."""
        return self.body.decode(self.headers.get_content_charset() or "utf-8")


@dataclass
class _Idle:
    conn: http.client.HTTPConnection
    since: float


class ConnectionPool:
    """Idle HTTP and HTTPS connections by origin, reused across calls and threads."""

    def __init__(self, max_idle_per_origin: int = MAX_IDLE_PER_ORIGIN, max_idle_seconds: float = MAX_IDLE_SECONDS):
        self.max_idle_per_origin = max_idle_per_origin
        self.max_idle_seconds = max_idle_seconds
        self._idle: dict[Origin, deque[_Idle]] = defaultdict(deque)
        self._lock = threading.Lock()
        self._tls: ssl.SSLContext | None = None  # built once: loading the CA store costs milliseconds
        self.opened = 0  # connections opened, for tests and benchmarks

    def send(self, req: Request, timeout: float, tls: ssl.SSLContext | None = None) -> PooledResponse:
        """POST (or ``req.get_method()``) ``req`` and read the whole answer.

        Raises:
            URLError: the request could not be sent (connecting, the TLS handshake or writing failed).
            HTTPError: the answer's status is not 2xx (its body readable from the error, as urllib's).
            OSError, http.client.HTTPException: reading the answer failed (the request may have been acted on).
        """
        split = urlsplit(req.full_url)
        if split.scheme not in ("http", "https") or not split.hostname:
            raise URLError(f"not an http(s) URL: {req.full_url}")
        origin = (split.scheme, split.hostname, split.port or (443 if split.scheme == "https" else 80), tls)
        target = split.path or "/"
        if split.query:
            target = f"{target}?{split.query}"
        headers = dict(req.header_items())
        conn, reused = self._checkout(origin, timeout)
        try:
            conn.request(req.get_method(), target, req.data, headers)
        except OSError as error:
            conn.close()
            if not reused:
                raise URLError(error) from error
            conn = self._connect(origin, timeout)  # the server closed it first: nothing was received
            try:
                conn.request(req.get_method(), target, req.data, headers)
            except OSError as again:
                conn.close()
                raise URLError(again) from again
        try:
            response = conn.getresponse()
            answer = PooledResponse(response.status, response.reason, response.headers, response.read())
        except BaseException:
            conn.close()
            raise
        if response.will_close:
            conn.close()
        else:
            self._checkin(origin, conn)
        if not 200 <= answer.status < 300:
            raise HTTPError(req.full_url, answer.status, answer.reason, answer.headers, io.BytesIO(answer.body))
        return answer

    def idle_count(self) -> int:
        """Idle connections held now."""
        with self._lock:
            return sum(len(entries) for entries in self._idle.values())

    def clear(self) -> None:
        """Close every idle connection."""
        with self._lock:
            idle = [entry for entries in self._idle.values() for entry in entries]
            self._idle.clear()
        for entry in idle:
            entry.conn.close()

    def forget_after_fork(self) -> None:
        """In a forked child: drop the parent's connections without closing them (they are the parent's)."""
        self._lock = threading.Lock()
        self._idle = defaultdict(deque)

    def _checkout(self, origin: Origin, timeout: float) -> tuple[http.client.HTTPConnection, bool]:
        now = time.monotonic()
        while True:
            with self._lock:
                entries = self._idle.get(origin)
                entry = entries.pop() if entries else None  # the most recently used: least likely to be closed
            if entry is None:
                return self._connect(origin, timeout), False
            if now - entry.since < self.max_idle_seconds and _still_open(entry.conn):
                entry.conn.timeout = timeout
                if entry.conn.sock is not None:
                    entry.conn.sock.settimeout(timeout)
                return entry.conn, True
            entry.conn.close()

    def _checkin(self, origin: Origin, conn: http.client.HTTPConnection) -> None:
        now = time.monotonic()
        with self._lock:
            entries = self._idle[origin]
            entries.append(_Idle(conn, now))
            surplus = len(entries) - self.max_idle_per_origin
            extra = [entries.popleft() for _ in range(max(surplus, 0))]
            # Connections to origins no longer called (a response URL's host) would otherwise stay open forever.
            stale = [
                key for key, queue in self._idle.items() if queue and now - queue[-1].since > self.max_idle_seconds
            ]
            for key in stale:
                extra.extend(self._idle.pop(key))
        for entry in extra:
            entry.conn.close()

    def _connect(self, origin: Origin, timeout: float) -> http.client.HTTPConnection:
        scheme, host, port, tls = origin
        if scheme == "https":
            context = tls or self._default_tls()
            conn: http.client.HTTPConnection = http.client.HTTPSConnection(host, port, timeout=timeout, context=context)
        else:
            conn = http.client.HTTPConnection(host, port, timeout=timeout)
        try:
            conn.connect()
            # http.client writes the headers and the body in two sends; without this, Nagle's algorithm holds the
            # body until the server's delayed ACK of the headers (40 ms) on a reused connection.
            conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError as error:
            conn.close()
            raise URLError(error) from error
        self.opened += 1
        return conn

    def _default_tls(self) -> ssl.SSLContext:
        if self._tls is None:
            self._tls = ssl.create_default_context()
        return self._tls


def _still_open(conn: http.client.HTTPConnection) -> bool:
    """An idle connection has nothing to read; if it has, the server closed it (or broke the protocol)."""
    sock = conn.sock
    if sock is None:
        return False
    try:
        readable, _, _ = select.select([sock], [], [], 0)
    except (OSError, ValueError):
        return False
    return not readable


POOL = ConnectionPool()
os.register_at_fork(after_in_child=POOL.forget_after_fork)
