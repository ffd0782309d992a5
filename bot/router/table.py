"""The ``/trade`` subcommand table: one entry routes a subcommand and documents it in the help text.

Modules add subcommands with ``register`` at import time (``bot.router.builtin`` for help, topics and key;
a scheduling module for subscribe and friends), and ``bot/router/__init__.py`` imports them, so the table is
complete before the first request. Help is generated from this table, so it cannot drift from the routing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.outcomes import Outcome

if TYPE_CHECKING:
    from bot.answer.engine import Engine
    from bot.answer.followup import Conversation
    from bot.kb.base import KnowledgeBase
    from bot.schedule.desk import SubscriptionDesk

COMMAND = "/trade"


@dataclass(frozen=True)
class RouteServices:
    """What subcommands may use beyond the knowledge: each is absent where the surface has none (the terminal).

    Attributes:
        subscriptions: the subscription desk (the store, time zones, caps, clock); None in the terminal, where
            ``/trade subscribe`` says subscriptions are made in Slack.
    """

    subscriptions: SubscriptionDesk | None = None


@dataclass(frozen=True)
class RouteContext:
    """What a subcommand handler may use: the knowledge, the engine, who asked where, and extra services.

    Attributes:
        kb: the loaded knowledge base.
        engine: the answer engine built on ``kb``.
        user_id: the Slack user who typed the command (None in the terminal).
        channel_id: the channel it was typed in (None in the terminal).
        services: the store, the time-zone look-up and the clock (``RouteServices``).
        conversation: the conversation the message belongs to (a thread, a DM, the terminal chat), for follow-ups;
            None for a message read on its own (``/trade``).
    """

    kb: KnowledgeBase
    engine: Engine
    user_id: str | None = None
    channel_id: str | None = None
    services: RouteServices = field(default_factory=RouteServices)
    conversation: Conversation | None = None


Handler = Callable[[str, RouteContext], Outcome]


@dataclass(frozen=True)
class Subcommand:
    """One ``/trade`` subcommand.

    Attributes:
        name: the first word that selects it (lower case).
        usage: how to type it, e.g. ``/trade subscribe daily HH:MM [topic]``.
        summary: one line saying what it does.
        examples: complete lines to copy.
        handler: ``handler(args, ctx)`` -> Outcome; ``args`` is the text after the name, stripped.
        takes_args: False when the subcommand takes nothing: ``/trade key exports`` is then a question.
    """

    name: str
    usage: str
    summary: str
    handler: Handler
    examples: tuple[str, ...] = ()
    takes_args: bool = False


_TABLE: dict[str, Subcommand] = {}


def register(subcommand: Subcommand) -> Subcommand:
    """Add a subcommand to the table.

    Raises:
        ValueError: when the name is not one lower-case word or is already taken.
    """
    name = subcommand.name
    if not name or name != name.lower() or any(c.isspace() for c in name):
        raise ValueError(f"subcommand name must be one lower-case word: {name!r}")
    if name in _TABLE:
        raise ValueError(f"subcommand {name!r} is already registered")
    _TABLE[name] = subcommand
    return subcommand


def subcommands() -> list[Subcommand]:
    """Every subcommand, in registration order (the order of the help text)."""
    return list(_TABLE.values())


def lookup(name: str) -> Subcommand | None:
    """The subcommand called ``name``, or None."""
    return _TABLE.get(name.lower())
