"""The scheduler's publisher on Slack: a digest rendered and posted with rate limits honoured, server faults
retried a bounded number of times, and at most one message a second per channel."""

from __future__ import annotations

import http.client
import logging
import time
import urllib.error
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.render.digest import digest_message
from bot.schedule.content import Digest
from bot.schedule.publisher import PostResult
from bot.slack.client import PooledWebClient

logger = logging.getLogger(__name__)

_CONNECTION_ERRORS = (urllib.error.URLError, http.client.HTTPException, ConnectionError, TimeoutError)


@dataclass(frozen=True)
class RetryPolicy:
    """Bounds on waiting and retrying."""

    max_server_retries: int = 3  # 5xx answers and dropped connections
    max_rate_limited: int = 5  # 429 answers honoured before giving up
    backoff_seconds: float = 1.0  # doubled after each server fault
    max_retry_after_seconds: float = 120.0  # a longer Retry-After is cut to this
    channel_interval_seconds: float = 1.0  # Slack allows about one message a second per channel


class DigestPoster:
    """The scheduler's ``DigestPublisher``: sends chat.postMessage (and DMs) with the scheduler's retry rules.

    The client should have no retry handlers of its own (``build_client`` makes one), so that the bounds here are
    the only ones. ``sleep`` and ``monotonic`` are injectable so tests need not wait.
    """

    def __init__(
        self,
        client: WebClient,
        policy: RetryPolicy | None = None,
        sleep: Callable[[float], Any] = time.sleep,
        monotonic: Callable[[], float] = time.monotonic,
    ):
        self.client = client
        self.policy = policy or RetryPolicy()
        self._sleep = sleep
        self._monotonic = monotonic
        self._last_post: dict[str, float] = {}

    def publish(self, channel: str, digest: Digest) -> PostResult:
        """Post ``digest`` in ``channel``, drawn as blocks with a plain-text fallback."""
        message = digest_message(digest)
        return self.post(channel, message.text, message.blocks)

    def post(self, channel: str, text: str, blocks: list[dict] | None = None) -> PostResult:
        """Post a message; never raises for Slack or network failures (they are in the result)."""

        def call() -> Any:
            self._pace(channel)
            try:
                return self.client.chat_postMessage(
                    channel=channel, text=text, blocks=blocks, unfurl_links=False, unfurl_media=False
                )
            finally:
                self._last_post[channel] = self._monotonic()

        return self._with_retries(call, f"chat.postMessage to {channel}")

    def direct_message(self, user: str, text: str) -> PostResult:
        """Open a DM with ``user`` and post ``text`` there."""
        opened = self._with_retries(lambda: self.client.conversations_open(users=user), f"conversations.open {user}")
        if not opened.ok or opened.channel is None:
            return opened
        return self.post(opened.channel, text)

    def _pace(self, channel: str) -> None:
        last = self._last_post.get(channel)
        if last is not None:
            wait = self.policy.channel_interval_seconds - (self._monotonic() - last)
            if wait > 0:
                self._sleep(wait)

    def _with_retries(self, call: Callable[[], Any], what: str) -> PostResult:
        policy = self.policy
        attempts = faults = rate_limited = 0
        while True:
            attempts += 1
            try:
                response = call()
            except SlackApiError as exc:
                status = exc.response.status_code
                error = str(exc.response.get("error") or f"http_{status}")
                if status == 429:
                    rate_limited += 1
                    if rate_limited > policy.max_rate_limited:
                        return PostResult(ok=False, attempts=attempts, error="ratelimited")
                    wait = min(_retry_after(exc), policy.max_retry_after_seconds)
                    logger.info("%s rate limited; retrying after %.0f s", what, wait)
                    self._sleep(wait)
                    continue
                if status >= 500:
                    faults += 1
                    if faults > policy.max_server_retries:
                        return PostResult(ok=False, attempts=attempts, error=error)
                    self._backoff(what, error, faults)
                    continue
                return PostResult(ok=False, attempts=attempts, error=error)
            except _CONNECTION_ERRORS as exc:
                faults += 1
                if faults > policy.max_server_retries:
                    return PostResult(ok=False, attempts=attempts, error=f"connection: {exc}")
                self._backoff(what, type(exc).__name__, faults)
                continue
            channel = response.get("channel")
            if isinstance(channel, dict):  # conversations.open answers {"channel": {"id": …}}
                channel = channel.get("id")
            return PostResult(ok=True, attempts=attempts, ts=response.get("ts"), channel=channel)

    def _backoff(self, what: str, error: str, faults: int) -> None:
        wait = self.policy.backoff_seconds * 2 ** (faults - 1)
        logger.warning("%s failed (%s); retry %d in %.1f s", what, error, faults, wait)
        self._sleep(wait)


def _retry_after(exc: SlackApiError) -> float:
    headers = exc.response.headers or {}
    value = headers.get("Retry-After") or headers.get("retry-after") or "1"
    try:
        return max(float(value), 0.0)
    except ValueError:
        return 1.0


def digest_client(token: str, base_url: str, timeout: int) -> WebClient:
    """A WebClient for the scheduler with no retry handlers of its own (the Poster's rules apply instead)."""
    return PooledWebClient(token=token, base_url=base_url, timeout=timeout, retry_handlers=[])
