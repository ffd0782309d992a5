"""Slash command listeners."""

from __future__ import annotations

from slack_bolt import App

from bot.router import COMMAND
from bot.slack.listeners.after_ack import after_ack
from bot.slack.listeners.claim_rules import command_lease
from bot.slack.listeners.commands.too_long import too_long_command_callback
from bot.slack.listeners.commands.trade import trade_callback
from bot.slack.message_size import too_long_command
from bot.slack.middleware.claims import ClaimRules


def register(app: App, rules: ClaimRules) -> None:
    """Wire ``/trade``: a line too long to read is answered in its ack; any other is routed after the ack, on a
    lease (its answer would be lost with this process)."""
    rules.lease(command_lease(COMMAND))
    app.command(COMMAND, matchers=[too_long_command])(too_long_command_callback)
    app.command(COMMAND)(after_ack(trade_callback))
