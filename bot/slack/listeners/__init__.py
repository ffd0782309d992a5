"""Slack listeners, one folder per kind, one handler per file; each folder's ``register(app)`` wires them.

Every listener is registered as ``ack=acknowledge, lazy=[<thing>_callback]``: Bolt answers Slack as soon as
``ack()`` runs and then calls the callback on its thread pool, so Slack always has its 2xx within 3 seconds.
Callbacks translate Slack into router/engine calls and back; they hold no business logic.
"""

from __future__ import annotations

from slack_bolt import App

from bot.slack.listeners import actions, commands, events, views


def register(app: App) -> None:
    """Register every listener on ``app``; events last, since they end with a catch-all."""
    commands.register(app)
    actions.register(app)
    views.register(app)
    events.register(app)
