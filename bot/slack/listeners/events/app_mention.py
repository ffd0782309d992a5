"""``@tradebot <question>`` in a channel."""

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
def app_mention_callback(
    body: dict[str, Any], event: dict[str, Any], context: BoltContext, client: WebClient, logger: Logger
) -> None:
    """Answer in a thread under the mention (in its thread when it is already in one), reacting if it is slow."""
    services = services_of(context)
    channel, ts = event["channel"], event["ts"]
    with services.working_on(client, channel, ts, logger):
        text = plain_text(event.get("text"), context.bot_user_id)
        outcome = route(text, services.route_context(event.get("user"), channel), slash=False)
        client.chat_postMessage(channel=channel, thread_ts=event.get("thread_ts") or ts, **render(outcome).as_kwargs())
