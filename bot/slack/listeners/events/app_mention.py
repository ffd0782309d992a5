"""``@tradebot <question>`` in a channel."""

from __future__ import annotations

from logging import Logger
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.slack.answer_message import answer_message


def app_mention_callback(
    body: dict[str, Any], event: dict[str, Any], context: BoltContext, client: WebClient, logger: Logger
) -> None:
    """Answer in a thread under the mention (in its thread when it is already in one), reacting if it is slow."""
    answer_message(event, context, client, logger)
