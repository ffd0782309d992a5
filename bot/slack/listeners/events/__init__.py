"""Event listeners: mentions, direct messages, the Home and Messages tabs, assistant threads, and an ack for every
other event."""

from __future__ import annotations

import re

from slack_bolt import App

from bot.slack.listeners.after_ack import after_ack
from bot.slack.listeners.claim_rules import message_subject
from bot.slack.listeners.events.app_home_opened import app_home_opened_callback
from bot.slack.listeners.events.app_mention import app_mention_callback
from bot.slack.listeners.events.assistant_thread_started import assistant_thread_started_callback
from bot.slack.listeners.events.direct_message import direct_message_callback
from bot.slack.listeners.events.messages_tab_opened import messages_tab_opened_callback
from bot.slack.listeners.events.other_event import other_event_callback
from bot.slack.listeners.events.too_long import too_long_callback
from bot.slack.matchers import direct_message, from_person, home_tab, messages_tab
from bot.slack.message_size import too_long_event
from bot.slack.middleware.claims import ClaimRules


def register(app: App, rules: ClaimRules) -> None:
    """Wire the event listeners; Bolt runs the first that matches, so too-long messages are caught first. The
    listeners that answer a message claim it by the message, so its two events (a mention in the bot's DM comes
    as ``app_mention`` and as ``message.im``) get one answer."""
    rules.subject(message_subject)
    app.event("app_mention", matchers=[from_person, too_long_event])(after_ack(too_long_callback))
    app.event("message", matchers=[direct_message, too_long_event])(after_ack(too_long_callback))
    app.event("app_mention", matchers=[from_person])(after_ack(app_mention_callback))
    app.event("message", matchers=[direct_message])(after_ack(direct_message_callback))
    app.event("app_home_opened", matchers=[home_tab])(after_ack(app_home_opened_callback))
    app.event("app_home_opened", matchers=[messages_tab])(after_ack(messages_tab_opened_callback))
    app.event("assistant_thread_started")(after_ack(assistant_thread_started_callback))
    # Anything else Slack sends (bots' mentions, edits, assistant context changes ...) gets its 200: an unhandled event
    # would get a 404 from Bolt, and Slack would redeliver it.
    app.event(re.compile(".*"))(other_event_callback)
