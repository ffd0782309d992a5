"""Events the bot does not act on."""

from __future__ import annotations

from logging import Logger
from typing import Any

from slack_bolt import BoltContext

from bot.slack.middleware.claims import complete_event


def other_event_callback(event: dict[str, Any], context: BoltContext, logger: Logger) -> None:
    """Ignore the event (Bolt acknowledges events by itself); its claim is done, with nothing to redo."""
    logger.debug("ignored event %s/%s", event.get("type"), event.get("subtype"))
    complete_event(context, logger)
