"""Retry handlers for Slack Web API and response-URL calls: bounded, and never repeating a post Slack may have made.

slack_sdk retries a call when a handler says so. Three situations, three answers:

- **429** (rate limited): Slack rejected the request without acting on it, so any call may be repeated. The wait is
  ``Retry-After``, but never more than ``MAX_RETRY_AFTER_SECONDS``: a longer one fails the call at once instead of
  holding a listener thread (the user gets the apology, and the event's claim is released for Slack's retry).
- **The request never reached Slack** (connection refused, DNS failure, a timeout while connecting or sending:
  urllib raises these as ``URLError`` from the sending phase): safe to repeat for any call.
- **5xx, or the connection dropped after the request was sent**: Slack may have acted. Slack documents
  ``internal_error``/``fatal_error`` as "it's possible some aspect of the operation succeeded". Methods that are
  safe to repeat (reads, ``reactions.*``, ``views.publish``, ``chat.update``, ``conversations.open`` ...) are
  retried; methods that post a new message (``chat.postMessage``, ``chat.postEphemeral``, response URLs ...) are
  not, because a repeat would post the reply twice. Checking the channel for our post before repeating (by a
  ``metadata`` marker) would need ``channels:history`` and ``groups:history``, scopes the bot does not ask for.

Read timeouts are never retried: the call already took ``SLACK_TIMEOUT_SECONDS``. All handlers share one attempt
counter per call (slack_sdk's ``RetryState``), so ``MAX_RETRIES`` bounds the retries of a call in total.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit

from slack_sdk.http_retry import RetryHandler
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

MAX_RETRIES = 2
MAX_RETRY_AFTER_SECONDS = 30.0
SERVER_ERRORS = frozenset({500, 502, 503, 504})
# Web API methods that create something new each time they are called: repeating one after an ambiguous failure
# could post twice. Everything else the bot calls is a read or replaces state, so it is safe to repeat.
POSTING_METHODS = frozenset(
    {
        "chat.postMessage",
        "chat.postEphemeral",
        "chat.meMessage",
        "chat.scheduleMessage",
        "files.upload",
        "files.completeUploadExternal",
    }
)

Idempotent = Callable[[HttpRequest], bool]


def web_api_idempotent(request: HttpRequest) -> bool:
    """True unless the request calls a posting method (the method is the last part of the URL's path)."""
    return urlsplit(request.url).path.rsplit("/", 1)[-1] not in POSTING_METHODS


def never_idempotent(request: HttpRequest) -> bool:
    """For response URLs: every call posts (or replaces) a message."""
    return False


def never_sent(error: Exception | None, response: HttpResponse | None) -> bool:
    """True when the request cannot have reached Slack: urllib failed while connecting or sending it."""
    return response is None and isinstance(error, URLError) and not isinstance(error, HTTPError)


def retry_after_seconds(response: HttpResponse) -> float:
    """The ``Retry-After`` header in seconds (1 when absent or unreadable)."""
    for name, values in response.headers.items():
        if name.lower() == "retry-after":
            value = values[0] if isinstance(values, list) else values
            try:
                return max(float(value), 0.0)
            except (TypeError, ValueError):
                return 1.0
    return 1.0


class BoundedRateLimitRetryHandler(RateLimitErrorRetryHandler):
    """429: wait ``Retry-After`` and repeat, unless Slack asks for a longer wait than ``max_wait``."""

    def __init__(self, max_retry_count: int = MAX_RETRIES, max_wait: float = MAX_RETRY_AFTER_SECONDS):
        super().__init__(max_retry_count=max_retry_count)
        self.max_wait = max_wait

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return response is not None and response.status_code == 429 and retry_after_seconds(response) <= self.max_wait

    def prepare_for_next_attempt(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        assert response is not None  # _can_retry only says yes with a response
        state.next_attempt_requested = True
        # A little jitter, so that threads limited together do not all come back in the same instant.
        time.sleep(retry_after_seconds(response) + random.uniform(0, 0.25))
        state.increment_current_attempt()


class _KnowsSafeCalls:
    """Mixed into a retry handler: remembers which calls are safe to repeat."""

    def __init__(self, idempotent: Idempotent, max_retry_count: int = MAX_RETRIES):
        super().__init__(max_retry_count=max_retry_count)  # type: ignore[call-arg] - the handler's own __init__
        self.idempotent = idempotent


class SafeConnectionErrorRetryHandler(_KnowsSafeCalls, ConnectionErrorRetryHandler):
    """Connection errors: any call that never reached Slack; a dropped answer only for calls safe to repeat."""

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if not super()._can_retry(state=state, request=request, response=response, error=error):
            return False
        return never_sent(error, response) or self.idempotent(request)


class SafeServerErrorRetryHandler(_KnowsSafeCalls, ServerErrorRetryHandler):
    """5xx: retried only for calls safe to repeat (Slack may have acted before failing)."""

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return response is not None and response.status_code in SERVER_ERRORS and self.idempotent(request)


def retry_handlers(idempotent: Idempotent = web_api_idempotent) -> list[RetryHandler]:
    """The handlers for a client; ``never_idempotent`` for response URLs."""
    return [
        BoundedRateLimitRetryHandler(),
        SafeServerErrorRetryHandler(idempotent),
        SafeConnectionErrorRetryHandler(idempotent),
    ]
