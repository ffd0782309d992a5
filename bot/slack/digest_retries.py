"""The scheduler's retry rules as slack_sdk retry handlers: the same mechanism as the interactive client's
(``bot.slack.retries``), with the patience a digest can afford.

A digest has no user waiting on it, so it waits longer than an answer may: up to ``max_rate_limited`` rate limits
(a ``Retry-After`` over ``max_retry_after_seconds`` is cut to it, not refused), and ``max_server_retries`` server
faults or dropped connections, each after a doubling backoff. The handlers sleep through the poster's ``sleep``
(the scheduler thread's stop event, so shutting down cuts a wait short) and count what they retried in a
``RetryTally``, which the poster reads to record each delivery's attempts.
"""

from __future__ import annotations

import http.client
import logging
import urllib.error
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_sdk.http_retry import RetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

from bot.slack.retries import retry_after_seconds

logger = logging.getLogger(__name__)

CONNECTION_ERRORS = (urllib.error.URLError, http.client.HTTPException, ConnectionError, TimeoutError)


@dataclass(frozen=True)
class RetryPolicy:
    """Bounds on waiting and retrying."""

    max_server_retries: int = 3  # 5xx answers and dropped connections
    max_rate_limited: int = 5  # 429 answers honoured before giving up
    backoff_seconds: float = 1.0  # doubled after each server fault
    max_retry_after_seconds: float = 120.0  # a longer Retry-After is cut to this
    channel_interval_seconds: float = 1.0  # Slack allows about one message a second per channel


@dataclass
class RetryTally:
    """The retries of the call in progress. The poster posts from the scheduler's one thread, a call at a time."""

    rate_limited: int = 0
    faults: int = 0

    @property
    def attempts(self) -> int:
        """Requests sent for the call so far."""
        return 1 + self.rate_limited + self.faults

    def reset(self) -> None:
        """Start counting a new call."""
        self.rate_limited = self.faults = 0


class _DigestRetryHandler(RetryHandler):
    def __init__(self, policy: RetryPolicy, tally: RetryTally, sleep: Callable[[float], Any]):
        # Each handler keeps its own budget in the tally; slack_sdk's shared attempt counter only bounds the sum.
        super().__init__(max_retry_count=policy.max_rate_limited + policy.max_server_retries)
        self.policy = policy
        self.tally = tally
        self.sleep = sleep

    def _wait(self, state: RetryState, seconds: float) -> None:
        state.next_attempt_requested = True
        self.sleep(seconds)
        state.increment_current_attempt()


class RateLimitedDigestHandler(_DigestRetryHandler):
    """429: wait ``Retry-After`` (cut to the policy's bound) and repeat, up to ``max_rate_limited`` times."""

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        limited = response is not None and response.status_code == 429
        return limited and self.tally.rate_limited < self.policy.max_rate_limited

    def prepare_for_next_attempt(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        assert response is not None  # _can_retry only says yes with a response
        self.tally.rate_limited += 1
        wait = min(retry_after_seconds(response), self.policy.max_retry_after_seconds)
        logger.info("%s rate limited; retrying after %.0f s", _method(request), wait)
        self._wait(state, wait)


class FaultedDigestHandler(_DigestRetryHandler):
    """5xx or a dropped connection: repeat after a doubling backoff, up to ``max_server_retries`` times."""

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        faulted = response.status_code >= 500 if response is not None else isinstance(error, CONNECTION_ERRORS)
        return faulted and self.tally.faults < self.policy.max_server_retries

    def prepare_for_next_attempt(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        self.tally.faults += 1
        wait = self.policy.backoff_seconds * 2 ** (self.tally.faults - 1)
        what = f"http_{response.status_code}" if response is not None else type(error).__name__
        logger.warning("%s failed (%s); retry %d in %.1f s", _method(request), what, self.tally.faults, wait)
        self._wait(state, wait)


def digest_retry_handlers(policy: RetryPolicy, tally: RetryTally, sleep: Callable[[float], Any]) -> list[RetryHandler]:
    """The poster's handlers, counting into ``tally`` and sleeping through ``sleep``."""
    return [RateLimitedDigestHandler(policy, tally, sleep), FaultedDigestHandler(policy, tally, sleep)]


def _method(request: HttpRequest) -> str:
    return request.url.rsplit("/", 1)[-1]
