"""What the ``/trade`` subscription subcommands need from the Slack side, bundled for ``RouteContext.services``."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.schedule.limits import DEFAULT_LIMITS, SubscriptionLimits
from bot.store import Store

logger = logging.getLogger(__name__)

TIMEZONE_CACHE_SECONDS = 600.0


def scheduling_services(store: Store, client: WebClient, limits: SubscriptionLimits | None = None) -> dict[str, Any]:
    """``{"store": store, "timezone_of": …, "limits": …}`` for ``RouteContext(services=…)``."""
    return {"store": store, "timezone_of": timezone_lookup(client), "limits": limits or DEFAULT_LIMITS}


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
