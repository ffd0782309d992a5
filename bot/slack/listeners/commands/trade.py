"""``/trade <subcommand, topic or question>``: answered only to the caller, with a button to share it."""

from __future__ import annotations

from logging import Logger
from typing import Any

from slack_bolt import BoltContext, Respond

from bot.outcomes import SubscriptionRemovedOutcome
from bot.render.blocks import render, with_share_button
from bot.router import route
from bot.router.share import share_value
from bot.slack.charts import respond_message
from bot.slack.feedback import log_question, with_controls
from bot.slack.services import services_of
from bot.slack.text import plain_text


def trade_callback(
    body: dict[str, Any], command: dict[str, Any], context: BoltContext, respond: Respond, logger: Logger
) -> None:
    """Route the text and reply ephemerally through the response URL (to the channel when the outcome is an
    announcement: a subscription removed by someone other than its creator)."""
    services = services_of(context)
    ctx = services.route_context(command.get("user_id"), command.get("channel_id"))
    text = plain_text(command.get("text"))
    outcome = route(text, ctx)
    msg, ticket = with_controls(services, outcome, with_share_button(render(outcome), share_value(outcome)))
    public = isinstance(outcome, SubscriptionRemovedOutcome) and outcome.announce
    respond_message(respond, response_type="in_channel" if public else "ephemeral", **msg.as_kwargs())
    log_question(services, outcome, text=text, surface="slash", user_id=command.get("user_id"), ticket=ticket)
