"""Slack listeners, one folder per kind, one handler per file; each folder's ``register(app)`` wires them.

A listener whose work is slow is registered as ``after_ack(<thing>_callback)`` (``listeners.after_ack``): it acks,
Slack gets its 2xx at once, and the callback runs on the process's answer pool, as a Bolt lazy listener would but
without Bolt's copy of the request; a failure there is logged and apologised for. A listener that answers in the
ack itself takes Bolt's ``ack`` (``commands/too_long.py``). Callbacks translate Slack into router/engine calls
and back; they hold no business logic.
"""

from __future__ import annotations

from slack_bolt import App

from bot.slack.listeners import actions, commands, events, views
from bot.slack.middleware.claims import ClaimRules


def register(app: App, rules: ClaimRules) -> None:
    """Register every listener on ``app``, each kind declaring in ``rules`` what its requests are claimed by.

    Bolt tries listeners in registration order and builds each one's matcher arguments on the way, so the most
    frequent requests come first: events (mentions and DMs), then commands, buttons and views. The events' final
    catch-all matches events only, never a command or a button.
    """
    events.register(app, rules)
    commands.register(app, rules)
    actions.register(app, rules)
    views.register(app, rules)
