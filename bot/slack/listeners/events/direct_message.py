"""A message in the bot's direct-message channel: no mention needed."""

from __future__ import annotations

from logging import Logger
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.slack.answer_message import answer_message


def direct_message_callback(
    body: dict[str, Any], event: dict[str, Any], context: BoltContext, client: WebClient, logger: Logger
) -> None:
    """Answer in the DM (in the message's thread if it was written in one)."""
    answer_message(event, context, client, logger)
