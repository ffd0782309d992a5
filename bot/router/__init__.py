"""The ``/trade`` command without Slack: a subcommand table, routing, and outcomes to render.

Slack listeners and the terminal chat both call ``route``; ``bot.render`` draws the outcome (``bot.outcomes``). To add
subcommands, write a module that calls ``register(Subcommand(...))`` at import and import it below.
"""

from __future__ import annotations

from bot.outcomes import (
    AnswerOutcome,
    HelpEntry,
    HelpOutcome,
    KeyFiguresOutcome,
    NoticeOutcome,
    Outcome,
    TopicGroup,
    TopicItem,
    TopicsOutcome,
)
from bot.router import (
    builtin,  # noqa: F401 - registers help, topics and key
    compare,  # noqa: F401 - registers compare and rank
    subscriptions,  # noqa: F401 - registers subscribe, subscriptions and unsubscribe
)
from bot.router.route import ask, more_on, route
from bot.router.table import COMMAND, RouteContext, RouteServices, Subcommand, lookup, register, subcommands

__all__ = [
    "COMMAND",
    "AnswerOutcome",
    "HelpEntry",
    "HelpOutcome",
    "KeyFiguresOutcome",
    "NoticeOutcome",
    "Outcome",
    "RouteContext",
    "RouteServices",
    "Subcommand",
    "TopicGroup",
    "TopicItem",
    "TopicsOutcome",
    "ask",
    "lookup",
    "more_on",
    "register",
    "route",
    "subcommands",
]
