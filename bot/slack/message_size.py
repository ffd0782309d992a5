"""Messages too long to be a question get a polite reply instead of a search.

A question is a sentence or two; a pasted report or a flood of text only costs the engine time and cannot be
answered well. The matchers here pick such messages out before the question listeners see them
(``bot.slack.listeners``: the too-long listeners are registered first, and Bolt runs the first that matches).
"""

from __future__ import annotations

from typing import Any

from slack_bolt import BoltContext

from bot.render.blocks import render
from bot.router import COMMAND, NoticeOutcome
from bot.slack.text import plain_text

MAX_MESSAGE_CHARS = 4_000
TOO_LONG = (
    "That message is {length:,} characters long; I read questions of up to {limit:,}. "
    f"Please ask one question at a time, for example `{COMMAND} how fast did exports to ASEAN grow?`"
)


def too_long_message(length: int, limit: int = MAX_MESSAGE_CHARS) -> dict[str, Any]:
    """The polite reply as message fields (``text`` and ``blocks``)."""
    return render(NoticeOutcome(text=TOO_LONG.format(length=length, limit=limit), ok=False)).as_kwargs()


def event_length(event: dict[str, Any], context: BoltContext) -> int:
    """A mention's or DM's length as the engine would read it (Slack markup and the bot's own mention removed)."""
    return len(plain_text(event.get("text"), context.bot_user_id))


def command_length(command: dict[str, Any]) -> int:
    """A ``/trade`` line's length as the engine would read it."""
    return len(plain_text(command.get("text")))


def too_long_event(event: dict[str, Any], context: BoltContext) -> bool:
    """Matcher: a mention or DM longer than ``MAX_MESSAGE_CHARS``."""
    return event_length(event, context) > MAX_MESSAGE_CHARS


def too_long_command(command: dict[str, Any]) -> bool:
    """Matcher: a ``/trade`` line longer than ``MAX_MESSAGE_CHARS``."""
    return command_length(command) > MAX_MESSAGE_CHARS
