"""The ASGI application: ``POST /slack/events`` through the gate to Bolt, ``GET /healthz`` to the health checks.

The Bolt app stays synchronous, with its listeners as they are. Its own ASGI adapter for a sync ``App`` calls
``dispatch`` on the event loop, where one slow database claim would stop every connection; here the dispatch and
the health checks run in thread pools, and the loop only reads requests and writes answers.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any

from slack_bolt import App, BoltRequest, BoltResponse

from bot.server.gate import UNSIGNED, ClientGone, Receive, Refusal, is_ssl_check, read_body, signed_by_slack
from bot.server.health import HealthCheck, health_report, is_local
from bot.server.shape import BadShape, check_shape

SLACK_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
# Threads that run Bolt's dispatch (middleware, the listener's ack) in each worker, as gthread's 8 did; the answer
# itself runs later on the answer pool (bot.slack.listeners.after_ack).
DISPATCH_THREADS = 8
# /healthz has its own: a probe still answers while every dispatch thread waits on the database.
HEALTH_THREADS = 2

Send = Callable[[dict[str, Any]], Awaitable[None]]
logger = logging.getLogger(__name__)


class SlackAsgi:
    """Events, commands and interactivity all arrive at one path, as the manifest declares."""

    def __init__(
        self,
        app: App,
        checks: Mapping[str, HealthCheck],
        *,
        signing_secret: str,
        dispatch_threads: int = DISPATCH_THREADS,
    ):
        self.app = app
        self.checks = checks
        self.secret = signing_secret.encode()
        self.dispatchers = ThreadPoolExecutor(dispatch_threads, thread_name_prefix="tradebot-dispatch")
        self.health = ThreadPoolExecutor(HEALTH_THREADS, thread_name_prefix="tradebot-health")

    async def __call__(self, scope: dict[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] != "http":  # lifespan and websockets are off in the worker (bot.server.worker)
            return
        if scope["path"] == HEALTH_PATH:
            await self._health(scope, send)
        elif scope["path"] != SLACK_PATH:
            await _json(send, 404, {"error": "not found"})
        elif scope["method"] != "POST":
            await _json(send, 405, {"error": "method not allowed"}, [(b"allow", b"POST")])
        else:
            await self._slack(scope, receive, send)

    async def _health(self, scope: dict[str, Any], send: Send) -> None:
        if scope["method"] not in {"GET", "HEAD"}:
            await _json(send, 405, {"error": "method not allowed"}, [(b"allow", b"GET, HEAD")])
            return
        headers = dict(scope["headers"])
        forwarded = any(headers.get(h) for h in (b"forwarded", b"x-forwarded-for", b"x-real-ip"))
        peer = (scope.get("client") or (None,))[0]
        report_of = partial(health_report, self.checks, detailed=is_local(peer, forwarded))
        status, report = await asyncio.get_running_loop().run_in_executor(self.health, report_of)
        await _json(send, status, report, head=scope["method"] == "HEAD")

    async def _slack(self, scope: dict[str, Any], receive: Receive, send: Send) -> None:
        headers = dict(scope["headers"])
        try:
            body = await read_body(headers, receive)
        except ClientGone:
            return
        if isinstance(body, Refusal):
            await _refuse(send, body)
            return
        content_type = _media_type(headers)
        if is_ssl_check(body, content_type):
            await _send(send, 200, b"", [])
            return
        if not signed_by_slack(self.secret, body, headers):
            await _refuse(send, UNSIGNED)
            return
        loop = asyncio.get_running_loop()
        answer = await loop.run_in_executor(self.dispatchers, self._dispatch, body, content_type, scope)
        if isinstance(answer, Refusal):
            await _refuse(send, answer)
            return
        response_headers = [
            (name.encode("latin-1"), value.encode("latin-1"))
            for name, values in answer.headers.items()
            if name.lower() != "content-length"
            for value in values
        ]
        await _send(send, answer.status, answer.body.encode(), response_headers)

    def _dispatch(self, body: bytes, content_type: str | None, scope: dict[str, Any]) -> BoltResponse | Refusal:
        """Bolt's answer to a signed request, or a refusal if Slack would never send it (in a dispatch thread)."""
        try:
            text = check_shape(body, content_type)
            headers: dict[str, str | list[str]] = {}
            for name, value in scope["headers"]:
                headers.setdefault(name.decode("latin-1"), []).append(value.decode("latin-1"))  # type: ignore[union-attr]
            request = BoltRequest(body=text, query=scope["query_string"].decode("latin-1"), headers=headers)
        except BadShape as error:
            return Refusal(400, "invalid request", f"signed request refused: {error}")
        except Exception as error:  # Bolt's constructor read a field the shape does not cover: still not Slack's
            reason = f"signed request refused: Bolt could not read it ({type(error).__name__})"
            return Refusal(400, "invalid request", reason)
        return self.app.dispatch(request)


def _media_type(headers: Mapping[bytes, bytes]) -> str | None:
    value = headers.get(b"content-type")
    return value.split(b";")[0].strip().decode("latin-1").lower() if value else None


async def _refuse(send: Send, refusal: Refusal) -> None:
    """One log line (INFO, no traceback, nothing of the body), a small JSON answer, and the connection closed."""
    logger.info("%s (%d)", refusal.reason, refusal.status)
    await _json(send, refusal.status, {"error": refusal.error}, [(b"connection", b"close")])


async def _json(
    send: Send,
    status: int,
    data: dict[str, Any],
    extra: list[tuple[bytes, bytes]] | None = None,
    *,
    head: bool = False,
) -> None:
    body = json.dumps(data).encode()
    headers = [(b"content-type", b"application/json"), *(extra or [])]
    await _send(send, status, body, headers, head=head)


async def _send(
    send: Send, status: int, body: bytes, headers: list[tuple[bytes, bytes]], *, head: bool = False
) -> None:
    headers = [*headers, (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if head else body})
