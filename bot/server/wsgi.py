"""The WSGI application: ``POST /slack/events`` to Bolt, ``GET /healthz`` to the health checks."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.server.health import HealthCheck, health_report, is_local

SLACK_PATH = "/slack/events"
HEALTH_PATH = "/healthz"

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def build_wsgi(app: App, checks: Mapping[str, HealthCheck]) -> WsgiApp:
    """Events, commands and interactivity all arrive at one path, as the manifest declares."""
    slack = SlackRequestHandler(app, path=SLACK_PATH)

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH:
            if environ.get("REQUEST_METHOD") not in {"GET", "HEAD"}:
                return _json(start_response, 405, {"error": "method not allowed"}, [("Allow", "GET, HEAD")])
            forwarded = any(environ.get(h) for h in ("HTTP_FORWARDED", "HTTP_X_FORWARDED_FOR", "HTTP_X_REAL_IP"))
            status, report = health_report(checks, detailed=is_local(environ.get("REMOTE_ADDR"), forwarded))
            return _json(start_response, status, report)
        if environ.get("PATH_INFO") == SLACK_PATH and not _plausible_timestamp(
            environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP")
        ):
            # slack_sdk's verifier calls int() on the header: "abc" would raise, and Bolt would answer 500.
            return _json(start_response, 401, {"error": "invalid request"})
        return slack(environ, start_response)

    return application


def _plausible_timestamp(value: str | None) -> bool:
    """A Unix time in whole seconds, as Slack sends in ``X-Slack-Request-Timestamp`` (Bolt checks its age)."""
    return bool(value) and value.isascii() and value.isdigit() and len(value) <= 12


def _json(
    start_response: Callable[..., Any], status: int, data: dict[str, Any], extra: list[tuple[str, str]] | None = None
) -> list[bytes]:
    body = json.dumps(data).encode()
    reason = {200: "OK", 401: "Unauthorized", 405: "Method Not Allowed", 503: "Service Unavailable"}[status]
    headers = [("Content-Type", "application/json"), ("Content-Length", str(len(body))), *(extra or [])]
    start_response(f"{status} {reason}", headers)
    return [body]
