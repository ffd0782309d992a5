"""The bot's Messages tab was opened: in the agent messaging experience, where the suggested prompts go."""

from __future__ import annotations

from logging import Logger
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.slack.assistant import set_prompts
from bot.slack.services import services_of


def messages_tab_opened_callback(
    body: dict[str, Any], event: dict[str, Any], context: BoltContext, client: WebClient, logger: Logger
) -> None:
    """Offer up to four prompts in the DM (refused quietly where the workspace has no agent surface)."""
    services = services_of(context)
    if services.learning is not None and event.get("channel"):
        set_prompts(client, services.learning.prompts(), channel=event["channel"], thread_ts=None, logger=logger)
