"""Events the bot does not act on."""

from __future__ import annotations

from logging import Logger
from typing import Any


def other_event_callback(event: dict[str, Any], logger: Logger) -> None:
    """Ignore the event; Bolt acknowledges events by itself."""
    logger.debug("ignored event %s/%s", event.get("type"), event.get("subtype"))
