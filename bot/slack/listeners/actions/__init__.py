"""Button listeners: share an answer, more on a topic, ask a suggestion, feedback on an answer and its reason."""

from __future__ import annotations

from slack_bolt import App

from bot.render.actions import FEEDBACK, FEEDBACK_REASON, MORE_ON, SHARE, SUGGEST, matcher
from bot.slack.listeners.actions.feedback import feedback_callback
from bot.slack.listeners.actions.feedback_reason import feedback_reason_callback
from bot.slack.listeners.actions.more_on import more_on_callback
from bot.slack.listeners.actions.share import share_callback
from bot.slack.listeners.actions.suggest import suggest_callback
from bot.slack.listeners.after_ack import after_ack
from bot.slack.listeners.claim_rules import button_lease
from bot.slack.middleware.claims import ClaimRules


def register(app: App, rules: ClaimRules) -> None:
    """Wire the buttons drawn by ``bot.render``; each one's work is leased (another process redoes it)."""
    buttons = [
        (SHARE, share_callback),
        (MORE_ON, more_on_callback),
        (SUGGEST, suggest_callback),
        (FEEDBACK, feedback_callback),
        (FEEDBACK_REASON, feedback_reason_callback),
    ]
    for kind, callback in buttons:
        app.action(matcher(kind))(after_ack(callback))
        rules.lease(button_lease(matcher(kind)))
