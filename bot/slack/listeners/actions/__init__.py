"""Button listeners: share an answer, more on a topic, ask a suggestion."""

from __future__ import annotations

from slack_bolt import App

from bot.render.actions import MORE_ON, SHARE, SUGGEST, matcher
from bot.slack.listeners.ack import ack_then
from bot.slack.listeners.actions.more_on import more_on_callback
from bot.slack.listeners.actions.share import share_callback
from bot.slack.listeners.actions.suggest import suggest_callback


def register(app: App) -> None:
    """Wire the buttons drawn by ``bot.render``."""
    app.action(matcher(SHARE))(ack_then(share_callback))
    app.action(matcher(MORE_ON))(ack_then(more_on_callback))
    app.action(matcher(SUGGEST))(ack_then(suggest_callback))
