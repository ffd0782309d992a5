"""The scheduler's publisher on Slack: a digest rendered and posted with rate limits honoured, server faults
retried a bounded number of times, and at most one message a second per channel."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.render.digest import digest_message
from bot.schedule.content import Digest
from bot.schedule.publisher import PostResult
from bot.slack.client import PooledWebClient
from bot.slack.digest_retries import CONNECTION_ERRORS, RetryPolicy, RetryTally, digest_retry_handlers

logger = logging.getLogger(__name__)


class DigestPoster:
    """The scheduler's ``DigestPublisher``: sends chat.postMessage (and DMs) with the scheduler's retry rules.

    The poster installs its retry handlers (``bot.slack.digest_retries``) on ``client``, which must be its own
    (``digest_client`` makes one). ``sleep`` and ``monotonic`` are injectable so tests need not wait.
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
        self._tally = RetryTally()
        client.retry_handlers = digest_retry_handlers(self.policy, self._tally, sleep)

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
        """Make one call (its retries are the handlers'), and say how it ended and after how many requests."""
        self._tally.reset()
        try:
            response = call()
        except SlackApiError as exc:
            status = exc.response.status_code
            error = str(exc.response.get("error") or f"http_{status}")
            logger.warning("%s failed: %s", what, error)
            return PostResult(ok=False, attempts=self._tally.attempts, error=error)
        except CONNECTION_ERRORS as exc:
            logger.warning("%s failed: %s", what, type(exc).__name__)
            return PostResult(ok=False, attempts=self._tally.attempts, error=f"connection: {exc}")
        channel = response.get("channel")
        if isinstance(channel, dict):  # conversations.open answers {"channel": {"id": …}}
            channel = channel.get("id")
        return PostResult(ok=True, attempts=self._tally.attempts, ts=response.get("ts"), channel=channel)


def digest_client(token: str, base_url: str, timeout: int) -> WebClient:
    """A WebClient of the scheduler's own: its ``DigestPoster`` installs the scheduler's retry handlers on it."""
    return PooledWebClient(token=token, base_url=base_url, timeout=timeout, retry_handlers=[])
