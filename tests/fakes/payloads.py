"""Requests as Slack sends them, signed: event callbacks (JSON), slash commands (form), block actions (``payload=``).

``signed(...)`` computes ``X-Slack-Signature`` = ``v0=`` HMAC-SHA256 of ``v0:{timestamp}:{body}`` with the
signing secret, as Slack does; ``send(url, request)`` posts one and returns the status, body and time taken.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TEAM_ID = "T0000001"
API_APP_ID = "A0000001"
USER_ID = "U0000USER"
CHANNEL_ID = "C0000CHAN"
DM_CHANNEL_ID = "D0000DM01"
_ids = itertools.count(1)


@dataclass(frozen=True)
class SignedRequest:
    """A body with the headers Slack would send with it."""

    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Response:
    """What the bot answered to one request."""

    status: int
    body: bytes
    seconds: float

    def json(self) -> Any:
        return json.loads(self.body)


def signature(body: bytes, timestamp: str, secret: str = SIGNING_SECRET) -> str:
    """Slack's v0 request signature."""
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def signed(
    body: bytes, content_type: str, *, secret: str = SIGNING_SECRET, timestamp: int | None = None
) -> SignedRequest:
    """Sign ``body`` as Slack does, at ``timestamp`` (default now)."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    headers = {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": signature(body, ts, secret),
    }
    return SignedRequest(body=body, headers=headers)


_last_ts = [0]  # microseconds
_ts_lock = threading.Lock()


def new_ts() -> str:
    """A fresh Slack-style message timestamp: the time now to the microsecond, later than the last one made. (A
    counter in the fraction made it later than messages the fake API stamped just after it, in the same second.)
    Kept in whole microseconds: a float's rounding let two timestamps print alike, and Slack events with one
    timestamp are one message, replied to once."""
    with _ts_lock:
        _last_ts[0] = max(time.time_ns() // 1000, _last_ts[0] + 1)
        seconds, micros = divmod(_last_ts[0], 1_000_000)
        return f"{seconds}.{micros:06d}"


# ---------------------------------------------------------------------------------------------- events
def event_callback(event: dict[str, Any], *, event_id: str | None = None, **signing: Any) -> SignedRequest:
    """An Events API delivery (JSON) wrapping ``event``."""
    body = envelope_body(event, event_id=event_id)
    return signed(json.dumps(body).encode(), "application/json", **signing)


def envelope_body(event: dict[str, Any], *, event_id: str | None = None) -> dict[str, Any]:
    """The ``event_callback`` body (also the ``payload`` of a Socket Mode ``events_api`` envelope)."""
    return {
        "token": "legacy-verification-token",
        "team_id": TEAM_ID,
        "api_app_id": API_APP_ID,
        "event": event,
        "type": "event_callback",
        "event_id": event_id or f"Ev{next(_ids):010d}",
        "event_time": int(time.time()),
        "authorizations": [{"team_id": TEAM_ID, "user_id": "UBOT0001", "is_bot": True, "is_enterprise_install": False}],
        "is_ext_shared_channel": False,
    }


def app_mention(
    text: str,
    *,
    bot_user_id: str = "UBOT0001",
    user: str = USER_ID,
    channel: str = CHANNEL_ID,
    ts: str | None = None,
    thread_ts: str | None = None,
    bot_id: str | None = None,
) -> dict[str, Any]:
    """An ``app_mention`` event: ``<@bot> text`` typed by ``user`` in ``channel``."""
    ts = ts or new_ts()
    event: dict[str, Any] = {
        "type": "app_mention",
        "user": user,
        "text": f"<@{bot_user_id}> {text}",
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    if bot_id:
        event["bot_id"] = bot_id
    return event


def direct_message(
    text: str, *, user: str = USER_ID, channel: str = DM_CHANNEL_ID, ts: str | None = None, **extra: Any
) -> dict[str, Any]:
    """A ``message`` event in the bot's DM (``message.im``)."""
    ts = ts or new_ts()
    event = {"type": "message", "channel_type": "im", "user": user, "text": text, "ts": ts, "channel": channel,
             "event_ts": ts}  # fmt: skip
    event.update(extra)
    return event


def app_home_opened(*, user: str = USER_ID, tab: str = "home") -> dict[str, Any]:
    """The user opened the app's Home (or Messages) tab."""
    return {"type": "app_home_opened", "user": user, "channel": DM_CHANNEL_ID, "tab": tab,
            "event_ts": new_ts()}  # fmt: skip


def assistant_thread_started(
    *, user: str = USER_ID, channel: str = DM_CHANNEL_ID, thread_ts: str | None = None
) -> dict[str, Any]:
    """The user opened a new assistant thread with the app (the assistant messaging experience)."""
    thread_ts = thread_ts or new_ts()
    thread = {"user_id": user, "channel_id": channel, "thread_ts": thread_ts,
              "context": {"channel_id": CHANNEL_ID, "team_id": TEAM_ID, "enterprise_id": None}}  # fmt: skip
    return {"type": "assistant_thread_started", "assistant_thread": thread, "event_ts": new_ts()}


# ---------------------------------------------------------------------------------------------- commands
def slash_command(
    text: str,
    *,
    response_url: str,
    command: str = "/trade",
    user_id: str = USER_ID,
    channel_id: str = CHANNEL_ID,
    **signing: Any,
) -> SignedRequest:
    """A slash command invocation (form-encoded)."""
    fields = {
        "token": "legacy-verification-token",
        "team_id": TEAM_ID,
        "team_domain": "fake",
        "channel_id": channel_id,
        "channel_name": "general",
        "user_id": user_id,
        "user_name": "someone",
        "command": command,
        "text": text,
        "api_app_id": API_APP_ID,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": f"{next(_ids)}.{TEAM_ID}.trigger",
    }
    return signed(urlencode(fields).encode(), "application/x-www-form-urlencoded", **signing)


# ---------------------------------------------------------------------------------------------- interactivity
def block_actions(
    action_id: str,
    value: str,
    *,
    response_url: str | None,
    user_id: str = USER_ID,
    channel_id: str | None = CHANNEL_ID,
    container: dict[str, Any] | None = None,
    action_type: str = "button",
    trigger_id: str | None = None,
    **signing: Any,
) -> SignedRequest:
    """A button press (``payload=`` JSON in a form body).

    ``container`` defaults to an ephemeral message in ``channel_id``; pass ``home_container()`` for the Home tab
    or ``message_container(ts, thread_ts)`` for a public message. ``action_type="feedback_buttons"`` is a press of
    one of a ``feedback_buttons`` element's two buttons (``value`` is that button's).
    """
    container = container or ephemeral_container(channel_id or CHANNEL_ID)
    payload: dict[str, Any] = {
        "type": "block_actions",
        "user": {"id": user_id, "username": "someone", "name": "someone", "team_id": TEAM_ID},
        "api_app_id": API_APP_ID,
        "token": "legacy-verification-token",
        "container": container,
        "trigger_id": trigger_id or f"{next(_ids)}.{TEAM_ID}.trigger",
        "team": {"id": TEAM_ID, "domain": "fake"},
        "is_enterprise_install": False,
        "actions": [
            {
                "type": action_type,
                "action_id": action_id,
                "block_id": "b1",
                "text": {"type": "plain_text", "text": "button"},
                "value": value,
                "action_ts": new_ts(),
            }
        ],
    }
    if response_url:
        payload["response_url"] = response_url
    if channel_id and container.get("type") != "view":
        payload["channel"] = {"id": channel_id, "name": "general"}
    if container.get("type") == "message" and not container.get("is_ephemeral"):
        payload["message"] = {"type": "message", "ts": container["message_ts"], "text": "", "user": "UBOT0001"}
    if container.get("type") == "view":
        payload["view"] = {"id": "V0000001", "type": "home", "blocks": []}
    body = urlencode({"payload": json.dumps(payload)}).encode()
    return signed(body, "application/x-www-form-urlencoded", **signing)


def ephemeral_container(channel_id: str = CHANNEL_ID) -> dict[str, Any]:
    """A button on an ephemeral message (a ``/trade`` answer)."""
    return {"type": "message", "message_ts": new_ts(), "channel_id": channel_id, "is_ephemeral": True}


def message_container(message_ts: str, thread_ts: str | None = None, channel_id: str = CHANNEL_ID) -> dict[str, Any]:
    """A button on a public message (e.g. a threaded answer to a mention)."""
    container = {"type": "message", "message_ts": message_ts, "channel_id": channel_id, "is_ephemeral": False}
    if thread_ts:
        container["thread_ts"] = thread_ts
    return container


def home_container() -> dict[str, Any]:
    """A button on the Home tab."""
    return {"type": "view", "view_id": "V0000001"}


# ---------------------------------------------------------------------------------------------- sending
def send(url: str, request: SignedRequest, timeout: float = 10.0) -> Response:
    """POST a signed request; a 4xx/5xx is returned, not raised."""
    started = time.monotonic()
    req = urllib.request.Request(url, data=request.body, headers=request.headers, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return Response(resp.status, resp.read(), time.monotonic() - started)
    except urllib.error.HTTPError as error:
        return Response(error.code, error.read(), time.monotonic() - started)


def get(url: str, timeout: float = 10.0) -> Response:
    """GET ``url`` (``/healthz``)."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return Response(resp.status, resp.read(), time.monotonic() - started)
    except urllib.error.HTTPError as error:
        return Response(error.code, error.read(), time.monotonic() - started)
