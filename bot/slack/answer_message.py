"""Answering a message typed to the bot (a mention or a direct message): the same steps, in a different place."""

from __future__ import annotations

from logging import Logger
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.conversations.memory import ConversationKey
from bot.render.blocks import render
from bot.render.chart_png import outcome_png
from bot.router import route
from bot.slack.charts import post_message
from bot.slack.feedback import log_question, with_controls
from bot.slack.posted_replies import answered_before, reply_mark
from bot.slack.services import services_of
from bot.slack.text import plain_text


def in_direct_message(event: dict[str, Any]) -> bool:
    """Whether a message is in the bot's DM. ``message.im`` says so in ``channel_type``; the ``app_mention`` Slack
    sends for the same message does not, but a DM's channel id starts with D, and the two must be answered alike
    (whichever of them is handled, the other is dropped: ``listeners.claim_rules``)."""
    return event.get("channel_type") == "im" or str(event.get("channel") or "").startswith("D")


def reply_thread(event: dict[str, Any]) -> str | None:
    """Where the reply to a message goes: the message's thread if it is in one; else a new thread under a channel
    message, or straight into the direct-message channel."""
    return event.get("thread_ts") or (None if in_direct_message(event) else event["ts"])


def conversation_key(event: dict[str, Any], workspace: str | None) -> ConversationKey:
    """The conversation a message belongs to: the thread it is in or starts (a mention's reply opens a thread
    under it), or a direct-message channel's own timeline."""
    return ConversationKey(workspace=workspace or "", channel=event["channel"], thread=reply_thread(event))


def answer_message(event: dict[str, Any], context: BoltContext, client: WebClient, logger: Logger) -> None:
    """Route the message's text and post the reply (``reply_thread``), with the working reaction on the message if
    the answer is slow; the question is logged once the reply is out."""
    services = services_of(context)
    channel, thread = event["channel"], reply_thread(event)
    # A DM's thread may be an assistant or agent thread, where Slack shows a status line instead of the reaction.
    status_thread = event.get("thread_ts") if in_direct_message(event) else None
    with services.working_on(client, channel, event["ts"], logger, thread_ts=status_thread):
        text = plain_text(event.get("text"), context.bot_user_id)
        key = conversation_key(event, context.team_id or event.get("team"))
        outcome = route(text, services.route_context(event.get("user"), channel, conversation=key))
        msg, ticket = with_controls(services, outcome, render(outcome))
        # Asked just before posting, so a process that stalled past its lease sees the reply of the one that took
        # the question over; a take-over sees the reply of the one that died (posted_replies).
        if answered_before(context, client, channel=channel, thread_ts=thread, since=event["ts"], logger=logger):
            return
        # The mark lets a process that takes this question over see that it was answered.
        post_message(
            client,
            lambda: outcome_png(outcome),
            channel=channel,
            thread_ts=thread,
            **reply_mark(context),
            **msg.as_kwargs(),
        )
    surface = "dm" if in_direct_message(event) else "mention"
    log_question(services, outcome, text=text, surface=surface, user_id=event.get("user"), ticket=ticket)
