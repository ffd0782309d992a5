"""Where the answer to a button press goes, read from the payload's container.

- a button on an ephemeral message (a ``/trade`` answer): a new ephemeral message, with its own share button;
- a button on a public message: a reply in that message's thread, visible to all like the answer it follows;
- a button on the Home tab: a direct message from the bot.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient

from bot.learning.tickets import FeedbackTicket
from bot.render.blocks import render, with_share_button
from bot.render.chart_png import outcome_png
from bot.router import Outcome
from bot.router.share import share_value
from bot.slack.charts import post_message, respond_message
from bot.slack.feedback import with_controls
from bot.slack.posted_replies import answered_before, reply_mark
from bot.slack.services import Services


def deliver_action_reply(
    body: dict[str, Any],
    client: WebClient,
    respond: Respond,
    outcome: Outcome,
    services: Services,
    context: BoltContext | None = None,
) -> FeedbackTicket | None:
    """Post ``outcome`` (with its feedback controls) where the button that asked for it was; return its ticket.

    With the request's ``context``, a reply in a public thread carries the press's claim, and a take-over of the
    press posts nothing if the reply is there already.
    """
    container = body.get("container") or {}
    msg, ticket = with_controls(services, outcome, render(outcome))
    if container.get("type") == "view" or not body.get("response_url"):
        post_message(client, lambda: outcome_png(outcome), channel=body["user"]["id"], **msg.as_kwargs())
    elif container.get("is_ephemeral"):
        msg = with_share_button(msg, share_value(outcome))
        respond_message(respond, response_type="ephemeral", replace_original=False, **msg.as_kwargs())
    else:
        channel = container.get("channel_id") or body["channel"]["id"]
        thread = container.get("thread_ts") or container.get("message_ts")
        # A public reply can be looked up, so a take-over of this press does not post it twice (posted_replies).
        since = str((body.get("actions") or [{}])[0].get("action_ts") or thread or "0")
        if context is not None and answered_before(
            context, client, channel=channel, thread_ts=thread, since=since, logger=context.logger
        ):
            return None
        mark = reply_mark(context) if context is not None else {}
        post_message(client, lambda: outcome_png(outcome), channel=channel, thread_ts=thread, **mark, **msg.as_kwargs())
    return ticket
