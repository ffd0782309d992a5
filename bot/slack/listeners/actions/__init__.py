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


def register(app: App) -> None:
    """Wire the buttons drawn by ``bot.render``."""
    app.action(matcher(SHARE))(after_ack(share_callback))
    app.action(matcher(MORE_ON))(after_ack(more_on_callback))
    app.action(matcher(SUGGEST))(after_ack(suggest_callback))
    app.action(matcher(FEEDBACK))(after_ack(feedback_callback))
    app.action(matcher(FEEDBACK_REASON))(after_ack(feedback_reason_callback))
