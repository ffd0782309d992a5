"""The Slack app on slack-bolt: ``create_app`` wires listeners that translate Slack to the router and back."""

from bot.slack.app import create_app

__all__ = ["create_app"]
