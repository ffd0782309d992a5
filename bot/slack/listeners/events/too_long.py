"""A mention or DM too long to be a question (``bot.slack.message_size``)."""

from __future__ import annotations

from logging import Logger
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.slack.answer_message import reply_thread
from bot.slack.message_size import event_length, too_long_message
from bot.slack.posted_replies import answered_before, reply_mark


def too_long_callback(
    body: dict[str, Any], event: dict[str, Any], context: BoltContext, client: WebClient, logger: Logger
) -> None:
    """Post the polite reply where the answer would have gone (a mention's thread, or the DM)."""
    channel, thread = event["channel"], reply_thread(event)
    if answered_before(context, client, channel=channel, thread_ts=thread, since=event["ts"], logger=logger):
        return
    length = event_length(event, context)
    logger.info("declined a message of %d characters without searching", length)
    client.chat_postMessage(channel=channel, thread_ts=thread, **reply_mark(context), **too_long_message(length))
