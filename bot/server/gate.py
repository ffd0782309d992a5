"""The gate in front of Bolt: a bounded body, then Slack's signature on the raw bytes, before anything parses them.

Bolt parses a body before it checks the signature (``BoltRequest`` does it in its constructor), and its adapters
read a body whole, whatever its size: unsigned junk got a 500 with a traceback, and eight 50 MB bodies took a worker
from 184 MB to 1.17 GB. Here a body over ``MAX_BODY_BYTES`` is refused from its ``Content-Length`` before a byte
of it is read, or as soon as a chunked one passes the limit; the signature is checked on the bytes as they came;
only then does ``bot.server.shape`` look at what they say. Bolt checks the signature again, as it always does.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

# Slack's payloads are a few KiB; the largest, a button press, carries the message it was pressed on (at most
# 50 blocks of 3,000 characters, form-encoded). 1 MiB is several times that, and eight at once are 8 MiB.
MAX_BODY_BYTES = 1024 * 1024
# Slack's own rule: a request signed more than five minutes from now is refused (a replay, or a wrong clock).
MAX_AGE_SECONDS = 5 * 60
# A Unix time in whole seconds, as Slack sends it; anything longer is not one.
_MAX_TIMESTAMP_DIGITS = 12
# ``ssl_check=1&token=…``: far under this.
_MAX_SSL_CHECK_BYTES = 256

Receive = Callable[[], Awaitable[dict[str, Any]]]


@dataclass(frozen=True)
class Refusal:
    """Why a request is turned away: the status, a word for the client, and a few for the log."""

    status: int
    error: str
    reason: str


TOO_LARGE = Refusal(413, "request too large", f"body over {MAX_BODY_BYTES} bytes")
UNSIGNED = Refusal(401, "invalid request", "Invalid request signature detected (request not logged)")


class ClientGone(Exception):
    """The client closed the connection before its body was all in: there is no one to answer."""


async def read_body(headers: Mapping[bytes, bytes], receive: Receive, limit: int = MAX_BODY_BYTES) -> bytes | Refusal:
    """The whole body, or ``TOO_LARGE`` as soon as it is known to exceed ``limit`` bytes.

    Raises:
        ClientGone: the client disconnected first.
    """
    declared = headers.get(b"content-length")
    if declared is not None and int(declared) > limit:  # the HTTP parser has checked that it is a number
        return TOO_LARGE
    body = bytearray()
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ClientGone
        body += message.get("body", b"")
        if len(body) > limit:
            return TOO_LARGE
        if not message.get("more_body", False):
            return bytes(body)


def signed_by_slack(
    secret: bytes, body: bytes, headers: Mapping[bytes, bytes], now: Callable[[], float] = time.time
) -> bool:
    """Slack's v0 signature: ``v0=`` HMAC-SHA256 of ``v0:{timestamp}:{body}``, the timestamp within five minutes.

    Computed on the raw bytes, so a body that is not even UTF-8 is simply unsigned.
    """
    timestamp = headers.get(b"x-slack-request-timestamp", b"")
    signature = headers.get(b"x-slack-signature", b"")
    if not (timestamp.isdigit() and len(timestamp) <= _MAX_TIMESTAMP_DIGITS and signature):
        return False
    if abs(now() - int(timestamp)) > MAX_AGE_SECONDS:
        return False
    expected = b"v0=" + hmac.new(secret, b"v0:" + timestamp + b":" + body, hashlib.sha256).hexdigest().encode()
    return hmac.compare_digest(expected, signature)


def is_ssl_check(body: bytes, content_type: str | None) -> bool:
    """Slack's certificate check when a command URL is saved (``ssl_check=1``): Bolt answers it with an empty 200
    before verifying anything, so the gate does too, without handing it on."""
    if content_type != "application/x-www-form-urlencoded" or len(body) > _MAX_SSL_CHECK_BYTES:
        return False
    try:
        fields = parse_qsl(body.decode("ascii"), keep_blank_values=True, max_num_fields=4)
    except ValueError:  # not ASCII (UnicodeDecodeError is one), or more fields than Slack's two
        return False
    return ("ssl_check", "1") in fields
