"""A message in the bot's direct-message channel: no mention needed."""

from __future__ import annotations

from logging import Logger
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.render.blocks import render
from bot.router import route
from bot.slack.apology import guarded
from bot.slack.services import services_of
from bot.slack.text import plain_text


@guarded
def direct_message_callback(
    body: dict[str, Any], event: dict[str, Any], context: BoltContext, client: WebClient, logger: Logger
) -> None:
    """Answer in the DM (in the message's thread if it was written in one)."""
    services = services_of(context)
    channel, ts = event["channel"], event["ts"]
    with services.working_on(client, channel, ts, logger):
        text = plain_text(event.get("text"), context.bot_user_id)
        outcome = route(text, services.route_context(event.get("user"), channel), slash=False)
        client.chat_postMessage(channel=channel, thread_ts=event.get("thread_ts"), **render(outcome).as_kwargs())
