"""A user started an assistant thread with the bot (the assistant messaging experience): suggested prompts."""

from __future__ import annotations

from logging import Logger
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.slack.assistant import set_prompts
from bot.slack.services import services_of


def assistant_thread_started_callback(
    body: dict[str, Any], event: dict[str, Any], context: BoltContext, client: WebClient, logger: Logger
) -> None:
    """Offer up to four prompts in the new thread."""
    services = services_of(context)
    thread = event.get("assistant_thread") or {}
    if services.learning is not None and thread.get("channel_id") and thread.get("thread_ts"):
        prompts = services.learning.prompts()
        set_prompts(client, prompts, channel=thread["channel_id"], thread_ts=thread["thread_ts"], logger=logger)
