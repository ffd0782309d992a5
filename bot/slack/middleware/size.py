"""Messages too long to be a question get a polite reply instead of a search.

A question is a sentence or two; a pasted report or a flood of text only costs the engine time and cannot be
answered well. ``/trade`` gets the reply in its acknowledgement (ephemeral, no Web API call); a mention or a
direct message gets it in the thread, posted by a lazy function on Bolt's listener pool so the ack stays fast.
"""

from __future__ import annotations

from collections.abc import Callable
from logging import Logger
from typing import Any

from slack_bolt import BoltContext, BoltRequest, BoltResponse
from slack_bolt.middleware import Middleware
from slack_sdk import WebClient

from bot.render.blocks import render
from bot.router import COMMAND, NoticeOutcome
from bot.slack.answer_message import reply_thread
from bot.slack.apology import guarded
from bot.slack.matchers import direct_message, from_person
from bot.slack.middleware.claims import complete_event
from bot.slack.text import plain_text

MAX_MESSAGE_CHARS = 4_000
TOO_LONG = (
    "That message is {length:,} characters long; I read questions of up to {limit:,}. "
    f"Please ask one question at a time, for example `{COMMAND} how fast did exports to ASEAN grow?`"
)


def too_long_message(length: int, limit: int = MAX_MESSAGE_CHARS) -> dict[str, Any]:
    """The polite reply as message fields (``text`` and ``blocks``)."""
    return render(NoticeOutcome(text=TOO_LONG.format(length=length, limit=limit), ok=False)).as_kwargs()


class MessageSizeGuard(Middleware):
    """Answers ``/trade`` commands, mentions and direct messages longer than ``max_chars`` politely."""

    def __init__(self, max_chars: int = MAX_MESSAGE_CHARS):
        self.max_chars = max_chars

    def process(self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]) -> BoltResponse:  # noqa: A002
        body = req.body
        if body.get("command") == COMMAND:
            length = len(plain_text(body.get("text")))
            if length > self.max_chars:
                reply = too_long_message(length, self.max_chars) | {"response_type": "ephemeral"}
                complete_event(req.context, req.context.logger)  # answered in the ack: nothing left to redo
                return BoltResponse(status=200, body=reply)
            return next()
        event = body.get("event") if body.get("type") == "event_callback" else None
        if isinstance(event, dict) and _is_question(event, req.context):
            length = len(plain_text(event.get("text"), req.context.bot_user_id))
            if length > self.max_chars:
                req.context["too_long"] = length
                req.context.listener_runner.lazy_listener_runner.start(
                    function=too_long_callback, request=req.to_copyable()
                )
                return BoltResponse(status=200, body="")
        return next()

    @property
    def name(self) -> str:
        return "MessageSizeGuard"


def _is_question(event: dict[str, Any], context: BoltContext) -> bool:
    if event.get("type") == "app_mention":
        return from_person(event, context)
    return event.get("type") == "message" and direct_message(event, context)


@guarded
def too_long_callback(
    body: dict[str, Any], event: dict[str, Any], context: BoltContext, client: WebClient, logger: Logger
) -> None:
    """Post the polite reply where the answer would have gone (a mention's thread, or the DM)."""
    length = context.get("too_long") or 0
    logger.info("declined a message of %d characters without searching", length)
    client.chat_postMessage(channel=event["channel"], thread_ts=reply_thread(event), **too_long_message(length))
