"""Router outcomes as plain text, for the terminal chat (``/trade`` lines) and scripts.

Answers use the lead's ``bot.render.text`` wording; the other outcomes are drawn here. Like ``render``
in ``blocks.py``, this is a ``singledispatch`` function that modules adding outcome types extend.
"""

from __future__ import annotations

from functools import singledispatch

from bot.outcomes import (
    AnswerOutcome,
    HelpOutcome,
    KeyFiguresOutcome,
    NoticeOutcome,
    Outcome,
    SubscriptionRemovedOutcome,
    TopicsOutcome,
)
from bot.render.text import figure_line, reply_text


@singledispatch
def outcome_text(outcome: Outcome) -> str:
    """An outcome as plain text."""
    raise TypeError(f"no text rendering registered for {type(outcome).__name__}")


@outcome_text.register
def _(outcome: AnswerOutcome) -> str:
    return reply_text(outcome.reply)


@outcome_text.register
def _(outcome: NoticeOutcome) -> str:
    return outcome.text


@outcome_text.register
def _(outcome: SubscriptionRemovedOutcome) -> str:
    by = "" if not outcome.announce else f" (by {outcome.by}; it was made by {outcome.creator or 'someone else'})"
    return f"Removed subscription #{outcome.id} ({outcome.spec}){by}. Nothing more will be posted for it."


@outcome_text.register
def _(outcome: HelpOutcome) -> str:
    lines = [f"{outcome.command} — ask about China's 2025 foreign trade.", ""]
    for entry in outcome.entries:  # usage on its own line: one long usage must not push every summary aside
        lines += [f"  {entry.usage}", f"      {entry.summary}"]
    lines += ["", "Anything else is a question, for example:"]
    lines += [f"  {e}" for e in outcome.question_examples]
    return "\n".join(lines)


@outcome_text.register
def _(outcome: TopicsOutcome) -> str:
    lines = ["What the briefing covers:"]
    for group in outcome.groups:
        lines.append(f"  {group.name}: " + ", ".join(t.name for t in group.topics))
    lines.append(f"Type {outcome.command} <topic> for a topic's figures.")
    return "\n".join(lines)


@outcome_text.register
def _(outcome: KeyFiguresOutcome) -> str:
    lines = ["Key figures of 2025:"]
    for a in outcome.answers:
        lines.append(f"  • {a.label}: {figure_line(a)} — {a.speaker}, {a.short_role}")
    return "\n".join(lines)
