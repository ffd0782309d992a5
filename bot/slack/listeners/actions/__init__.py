"""Button listeners: share an answer, more on a topic, ask a suggestion, feedback on an answer and its reason."""

from __future__ import annotations

from slack_bolt import App

from bot.render.actions import FEEDBACK, FEEDBACK_REASON, MORE_ON, SHARE, SUGGEST, matcher
from bot.slack.listeners.ack import ack_then
from bot.slack.listeners.actions.feedback import feedback_callback
from bot.slack.listeners.actions.feedback_reason import feedback_reason_callback
from bot.slack.listeners.actions.more_on import more_on_callback
from bot.slack.listeners.actions.share import share_callback
from bot.slack.listeners.actions.suggest import suggest_callback


def register(app: App) -> None:
    """Wire the buttons drawn by ``bot.render``."""
    app.action(matcher(SHARE))(ack_then(share_callback))
    app.action(matcher(MORE_ON))(ack_then(more_on_callback))
    app.action(matcher(SUGGEST))(ack_then(suggest_callback))
    app.action(matcher(FEEDBACK))(ack_then(feedback_callback))
    app.action(matcher(FEEDBACK_REASON))(ack_then(feedback_reason_callback))
