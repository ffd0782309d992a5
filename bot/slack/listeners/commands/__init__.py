"""Slash command listeners."""

from __future__ import annotations

from slack_bolt import App

from bot.router import COMMAND
from bot.slack.listeners.ack import ack_then
from bot.slack.listeners.commands.trade import trade_callback


def register(app: App) -> None:
    """Wire ``/trade``."""
    app.command(COMMAND)(ack_then(trade_callback))
