"""``/trade`` with a line too long to be a question (``bot.slack.message_size``): answered in the ack itself."""

from __future__ import annotations

from logging import Logger
from typing import Any

from slack_bolt import Ack, BoltContext

from bot.slack.message_size import command_length, too_long_message
from bot.slack.middleware.claims import complete_event


def too_long_command_callback(ack: Ack, command: dict[str, Any], context: BoltContext, logger: Logger) -> None:
    """Reply ephemerally in the acknowledgement (no Web API call); nothing is left to redo."""
    length = command_length(command)
    logger.info("declined a /trade line of %d characters without searching", length)
    ack(response_type="ephemeral", **too_long_message(length))
    complete_event(context, logger)
