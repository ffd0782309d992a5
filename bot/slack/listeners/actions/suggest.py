"""A suggestion button on a decline: asks the suggested query."""

from __future__ import annotations

from logging import Logger
from typing import Any

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient

from bot.router import ask
from bot.slack.delivery import deliver_action_reply
from bot.slack.feedback import log_question
from bot.slack.services import services_of


def suggest_callback(
    body: dict[str, Any],
    action: dict[str, Any],
    context: BoltContext,
    client: WebClient,
    respond: Respond,
    logger: Logger,
) -> None:
    """Ask the button's query and answer where the button was; the question is logged once the reply is out."""
    services = services_of(context)
    ctx = services.route_context(context.user_id, context.channel_id)
    query = action.get("value", "")
    outcome = ask(query, ctx)
    ticket = deliver_action_reply(body, client, respond, outcome, services, context)
    log_question(services, outcome, text=query, surface="button", user_id=context.user_id, ticket=ticket)
