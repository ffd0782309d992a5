"""Listener matchers: which events are questions from people."""

from __future__ import annotations

from typing import Any

from slack_bolt import BoltContext

# Message subtypes that are still a person writing to the bot; edits, joins, bot posts and the rest are not.
QUESTION_SUBTYPES = {None, "file_share", "thread_broadcast"}


def from_person(event: dict[str, Any], context: BoltContext) -> bool:
    """False for the bot's own messages and for any other bot or app (Bolt drops only its own)."""
    if event.get("bot_id") or event.get("bot_profile") or event.get("subtype") == "bot_message":
        return False
    return bool(event.get("user")) and event.get("user") != context.bot_user_id


def direct_message(event: dict[str, Any], context: BoltContext) -> bool:
    """A person's new message in the bot's DM."""
    return (
        event.get("channel_type") == "im" and event.get("subtype") in QUESTION_SUBTYPES and from_person(event, context)
    )


def home_tab(event: dict[str, Any]) -> bool:
    """The Home tab was opened (``app_home_opened`` also fires for the Messages tab)."""
    return event.get("tab") == "home"


def messages_tab(event: dict[str, Any]) -> bool:
    """The Messages tab (the bot's DM) was opened."""
    return event.get("tab") == "messages"
