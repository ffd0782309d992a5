"""The ``/trade`` command without Slack: a subcommand table, routing, and outcomes to render.

Slack listeners and the terminal chat both call ``route``; ``bot.render`` draws the outcome. To add
subcommands, write a module that calls ``register(Subcommand(...))`` at import and import it below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.router import (
    builtin,  # noqa: F401 - registers help, topics and key
    compare,  # noqa: F401 - registers compare and rank
    subscriptions,  # noqa: F401 - registers subscribe, subscriptions and unsubscribe
)
from bot.router.outcomes import (
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
from bot.router.route import ask, more_on, route
from bot.router.table import COMMAND, RouteContext, Subcommand, lookup, register, subcommands

if TYPE_CHECKING:
    from bot.answer.engine import Engine

__all__ = [
    "COMMAND",
    "AnswerOutcome",
    "HelpEntry",
    "HelpOutcome",
    "KeyFiguresOutcome",
    "NoticeOutcome",
    "Outcome",
    "RouteContext",
    "Subcommand",
    "TopicGroup",
    "TopicItem",
    "TopicsOutcome",
    "ask",
    "lookup",
    "more_on",
    "register",
    "route",
    "route_text",
    "subcommands",
]


def route_text(engine: Engine, text: str) -> str:
    """Route a ``/trade`` line typed in the terminal and render the outcome as plain text."""
    from bot.render.outcome_text import outcome_text

    return outcome_text(route(text, RouteContext(kb=engine.kb, engine=engine)))
