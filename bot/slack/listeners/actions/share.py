""" "Share in channel" on an ephemeral ``/trade`` answer: the same answer, posted publicly, naming the sharer."""

from __future__ import annotations

from logging import Logger
from typing import Any

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.render.blocks import render, shared_by
from bot.render.chart_png import outcome_png
from bot.router.share import shared_outcome
from bot.slack.charts import post_message, respond_message
from bot.slack.feedback import with_controls
from bot.slack.posted_replies import answered_before, reply_mark
from bot.slack.services import services_of

# The bot cannot post with chat.postMessage where it is not a member; the response URL can still post there.
NOT_A_MEMBER = {"not_in_channel", "channel_not_found"}


def share_callback(
    body: dict[str, Any],
    action: dict[str, Any],
    context: BoltContext,
    client: WebClient,
    respond: Respond,
    logger: Logger,
) -> None:
    """Post the shared answer in the channel, then remove the private copy."""
    services = services_of(context)
    ctx = services.route_context(context.user_id, context.channel_id)
    outcome = shared_outcome(action.get("value", ""), ctx)
    if outcome is None:
        respond(
            response_type="ephemeral",
            replace_original=False,
            text="That answer can no longer be shared; please ask again.",
        )
        return
    channel = context.channel_id or ""
    since = str(action.get("action_ts") or "0")
    if answered_before(context, client, channel=channel, thread_ts=None, since=since, logger=logger):
        return  # a take-over of a press whose share the process that died had posted
    msg = with_controls(services, outcome, shared_by(render(outcome), context.user_id or ""))[0].as_kwargs()
    try:
        post_message(client, lambda: outcome_png(outcome), channel=channel, **reply_mark(context), **msg)
    except SlackApiError as error:
        if error.response.get("error") not in NOT_A_MEMBER:
            raise
        respond_message(respond, response_type="in_channel", replace_original=False, **msg)
    respond(delete_original=True)
