"""A subscriber's Slack time zone (``users.info``), which ``/trade subscribe`` uses when no zone is typed."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

logger = logging.getLogger(__name__)

TIMEZONE_CACHE_SECONDS = 600.0


def timezone_lookup(client: WebClient) -> Callable[[str], str | None]:
    """A function from a user id to the user's Slack time zone (``users.info`` ``user.tz``), or None.

    Answers are cached for ten minutes; failures (missing ``users:read`` scope, network) give None, and the caller
    falls back to UTC and says so.
    """
    cache: dict[str, tuple[float, str | None]] = {}
    lock = threading.Lock()

    def timezone_of(user_id: str) -> str | None:
        with lock:
            hit = cache.get(user_id)
        if hit is not None and time.monotonic() - hit[0] < TIMEZONE_CACHE_SECONDS:
            return hit[1]
        try:
            user = client.users_info(user=user_id).get("user") or {}
        except (SlackApiError, OSError) as exc:
            logger.warning("users.info failed for a subscriber: %s", type(exc).__name__)
            return None
        zone = user.get("tz") if isinstance(user, dict) else None
        with lock:
            cache[user_id] = (time.monotonic(), zone)
        return zone

    return timezone_of
