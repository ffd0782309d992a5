""" "More on <topic>": every figure of the topic, headline first."""

from __future__ import annotations

from logging import Logger
from typing import Any

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient

from bot.router import more_on
from bot.slack.delivery import deliver_action_reply
from bot.slack.services import services_of


def more_on_callback(
    body: dict[str, Any],
    action: dict[str, Any],
    context: BoltContext,
    client: WebClient,
    respond: Respond,
    logger: Logger,
) -> None:
    """Show the topic named by the button's value where the button was."""
    services = services_of(context)
    ctx = services.route_context(context.user_id, context.channel_id)
    deliver_action_reply(body, client, respond, more_on(action.get("value", ""), ctx), services, context)
