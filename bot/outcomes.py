"""What a ``/trade`` line turns into: Slack-free outcomes that ``bot.render`` draws as blocks or text.

Each outcome is a frozen pydantic model. A module adding a subcommand may define its own outcome (subclass
``Outcome``) and register how it is drawn with ``bot.render.blocks.render.register``.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from bot.answer.models import Answer, Reply


class Outcome(BaseModel):
    """Base of everything the router returns."""

    model_config = ConfigDict(frozen=True)


class HelpEntry(BaseModel):
    """One subcommand as the help text shows it."""

    model_config = ConfigDict(frozen=True)

    name: str
    usage: str
    summary: str
    examples: tuple[str, ...] = ()


class HelpOutcome(Outcome):
    """Usage of every subcommand, generated from the routing table, and how to ask a question."""

    command: str
    entries: tuple[HelpEntry, ...]
    question_examples: tuple[str, ...]


class TopicItem(BaseModel):
    """A topic the briefing covers."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str


class TopicGroup(BaseModel):
    """Topics listed under one heading (Overall, Partners ...)."""

    model_config = ConfigDict(frozen=True)

    name: str
    topics: tuple[TopicItem, ...]


class TopicsOutcome(Outcome):
    """What the briefing covers, grouped as the briefing record groups its topics."""

    command: str
    groups: tuple[TopicGroup, ...]


class KeyFiguresOutcome(Outcome):
    """The key figures, each with its speaker."""

    answers: tuple[Answer, ...]


class AnswerOutcome(Outcome):
    """The engine's reply to a question (or a topic's figures for "More on <topic>")."""

    reply: Reply


class NoticeOutcome(Outcome):
    """A short message: an unknown topic on a stale button, a subcommand's confirmation or error."""

    text: str  # written by us, never echoing user text unescaped (renderers escape it anyway)
    ok: bool = True


class SubscriptionRemovedOutcome(Outcome):
    """``/trade unsubscribe`` removed a subscription. When ``announce`` is set (someone removed a subscription
    they did not make), the reply goes to the whole channel, naming who removed it and who made it."""

    id: int
    spec: str  # as the bot wrote it ("daily 09:00"); renderers escape it
    by: str  # Slack user ids
    creator: str | None
    announce: bool
