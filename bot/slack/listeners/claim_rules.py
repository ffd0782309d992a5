"""What the listeners declare about claims when they are registered (``bot.slack.middleware.claims.ClaimRules``):
which events are about a message another event may carry too, and which commands and buttons are leased."""

from __future__ import annotations

import re
from typing import Any

from bot.slack.matchers import QUESTION_SUBTYPES
from bot.slack.middleware.claims import LeaseRule

# The events whose listeners answer the message they carry (app_mention.py, direct_message.py, too_long.py).
_MESSAGE_EVENTS = ("app_mention", "message")


def message_subject(body: dict[str, Any]) -> str | None:
    """``message:<team>:<channel>:<ts>`` for a mention or a message: one Slack message, one answer, whichever of
    its events (``app_mention`` and ``message.im`` for a mention in the bot's DM) comes first."""
    event = body.get("event")
    if (
        not isinstance(event, dict)
        or event.get("type") not in _MESSAGE_EVENTS
        or event.get("subtype") not in QUESTION_SUBTYPES
    ):
        return None
    channel, ts = event.get("channel"), event.get("ts")
    if not isinstance(channel, str) or not isinstance(ts, str) or not channel or not ts:
        return None
    team = body.get("team_id") or event.get("team") or ""
    return f"message:{str(team)[:20]}:{channel[:40]}:{ts[:40]}"


def command_lease(command: str) -> LeaseRule:
    """Lease ``command``'s work: its answer goes to the response URL, which another process can still use."""

    def leased(body: dict[str, Any]) -> bool:
        return body.get("command") == command and bool(body.get("response_url"))

    return leased


def button_lease(pattern: re.Pattern[str]) -> LeaseRule:
    """Lease the work of a press of one button whose action id matches ``pattern`` (on a message: with a
    response URL)."""

    def leased(body: dict[str, Any]) -> bool:
        actions = body.get("actions") if body.get("type") == "block_actions" else None
        if not isinstance(actions, list) or len(actions) != 1 or not isinstance(actions[0], dict):
            return False
        return bool(body.get("response_url")) and bool(pattern.match(str(actions[0].get("action_id", ""))))

    return leased
