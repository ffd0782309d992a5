"""Slack listeners, one folder per kind, one handler per file; each folder's ``register(app)`` wires them.

Every listener is registered as ``ack=acknowledge, lazy=[<thing>_callback]``: Bolt answers Slack as soon as
``ack()`` runs and then calls the callback on its thread pool, so Slack always has its 2xx within 3 seconds.
Callbacks translate Slack into router/engine calls and back; they hold no business logic.
"""

from __future__ import annotations

from slack_bolt import App

from bot.slack.listeners import actions, commands, events, views


def register(app: App) -> None:
    """Register every listener on ``app``.

    Bolt tries listeners in registration order and builds each one's matcher arguments on the way, so the most
    frequent requests come first: events (mentions and DMs), then commands, buttons and views. The events' final
    catch-all matches events only, never a command or a button.
    """
    events.register(app)
    commands.register(app)
    actions.register(app)
    views.register(app)
