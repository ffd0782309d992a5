"""Plain-text rendering of replies: the terminal chat, ``tradebot ask`` and Slack's notification fallback."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from bot.answer.models import Answer, Reply

MAX_TOPIC_FIGURES = 12
COLUMNS = ("Subject", "Figure", "Change", "Period", "Speaker")  # a comparison's table
TABLE_ROWS = 99  # figures in one comparison table (Slack's table block holds 100 rows, the header included)
NUMBER = re.compile(r"\d+(?:[.,]\d+)*%?")  # a bare topic lists its headline and at most this many more figures in text


class Figure(NamedTuple):
    """How a figure reads after its label: the figure, what was stated with it, and its period if the label does
    not already say it."""

    lead: str
    extras: tuple[str, ...]
    period: str | None


def figure_parts(answer: Answer) -> Figure:
    """The figure's parts with nothing said twice.

    A growth figure states its rate twice ("6%", change "up 6%"): the change, which says which way, is the
    figure then. A label that names the period ("Exports, 2025") is not followed by the period again.
    """
    extras = [x for x in (answer.change, answer.share) if x]
    lead = answer.value
    numbers = set(NUMBER.findall(answer.value))
    for extra in extras:
        if numbers and numbers <= set(NUMBER.findall(extra)):
            lead = extra
            extras.remove(extra)
            break
    period = None if answer.period.lower() in answer.label.lower() else answer.period
    return Figure(lead, tuple(extras), period)


def _same(text: str) -> str:
    return text


def figure_line(
    answer: Answer,
    *,
    strong: Callable[[str], str] = _same,
    escape: Callable[[str], str] = _same,
    period_sep: str = ", ",
) -> str:
    """The figure as stated, with what was stated alongside it: "7.55 trillion yuan (up 8%)", then the period
    when the label does not hold it: "up 6%, December 2025".

    The one place a figure is drawn: Slack passes its bold and escaping (``*7.55 trillion yuan* (up 8%) · …``),
    the terminal its separator; plain text takes the defaults.
    """
    lead, extras, period = figure_parts(answer)
    shown = [escape(x) for x in extras]
    line = strong(lead) + (f" ({'; '.join(shown)})" if shown else "")
    return f"{line}{period_sep}{escape(period)}" if period else line


def citation(answer: Answer) -> str:
    """Who said it, where and when: "Wang Jun, Vice Minister, GACC · SCIO briefing …, 14 Jan 2026"."""
    return f"{answer.speaker}, {answer.short_role} · {answer.briefing.title}, {human_date(answer.briefing.date)}"


@lru_cache(maxsize=64)  # a handful of briefing dates, formatted for every answer shown
def human_date(iso: str) -> str:
    """ "2026-01-14" -> "14 Jan 2026"."""
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {day:%b %Y}"


def answer_text(answer: Answer) -> str:
    """One answer as a citable paragraph."""
    note = f"Note: {answer.note}\n" if answer.note else ""
    return f"{note}{answer.label}: {figure_line(answer)}\n“{answer.quote}”\n— {citation(answer)}"


def read_as(reply: Reply) -> str:
    """How the question was read ("Read as: imports · Latin America · growth · 2025"), or "" when not read."""
    return f"Read as: {reply.reading.summary}" if reply.reading else ""


def decline_lead(reply: Reply) -> str:
    """The sentence that says why a question is declined."""
    if reply.reason == "too_long":
        return "That message is too long for me to search. Please ask one short question about China's 2025 trade."
    if reply.reason == "empty":
        return "Ask me about China's 2025 foreign trade figures, for example “how fast did exports to ASEAN grow?”."
    if reply.reason == "off_topic":
        return "I only know the figures of the SCIO briefing on China's 2025 foreign trade, so I can't answer that."
    if reply.reason == "place":
        return f"The briefing gives no figures for {reply.not_found}, so I won't guess."
    if reply.reason == "no_source":
        return "I haven't given a figure in this conversation yet, so there is no source to cite. Ask a figure first."
    if reply.reason in {"period", "kind"}:
        return f"The briefing gives no {reply.not_found}, so I won't guess."
    return f"The briefing has no figure for “{reply.not_found}”, so I won't guess."


def decline_text(reply: Reply) -> str:
    """Why the question is declined, and what the briefing does state instead (the closest figure first)."""
    lead = decline_lead(reply)
    if reply.suggestions:
        lead += " It does state: " + "; ".join(s.label for s in reply.suggestions) + "."
    return lead


def facts_text(reply: Reply) -> str:
    """A question about the briefing itself, answered from its record."""
    return "\n".join(f"{fact.label}: {fact.text}" for fact in reply.facts)


def rows(reply: Reply) -> list[tuple[str, str, str, str, str]]:
    """One row per figure compared, in the reply's order (highest stated value first)."""
    out = []
    answers = reply.answers[:TABLE_ROWS]
    for answer, name in zip(answers, names(answers), strict=True):
        lead, extras, period = figure_parts(answer)
        change = "; ".join(x for x in extras if x) or "—"
        out.append((name, lead, change, period or answer.period, answer.speaker))
    return out


def names(answers: list[Answer]) -> list[str]:
    """What each row is about: its subject's name, or its label where two rows share a subject (the EU's
    high-tech exports and imports)."""
    topics = [a.topic_name for a in answers]
    return [a.topic_name if topics.count(a.topic_name) == 1 else a.label for a in answers]


def comparison_text(reply: Reply) -> str:
    """The comparison as an aligned plain-text table, with the verdict, what is missing and the reading."""
    table = [COLUMNS, *rows(reply)]
    widths = [max(len(row[i]) for row in table) for i in range(len(COLUMNS))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in table]
    lines.insert(1, "  ".join("-" * width for width in widths))
    head = [reply.verdict] if reply.verdict else []
    tail = [*reply.missing, f"(Read as: {reply.reading.summary})" if reply.reading else ""]
    return "\n".join([*head, *lines, *[t for t in tail if t]])


def reply_text(reply: Reply) -> str:
    """A whole reply as plain text: the answers asked for (or a topic's figures, or facts), or the decline."""
    if not reply.answered:
        return decline_text(reply)
    if reply.facts:
        return facts_text(reply)
    if reply.reason == "comparison":
        return comparison_text(reply)
    if reply.topic:
        head, *rest = reply.answers
        lines = [f"{reply.topic_name}: {len(reply.answers)} figure(s) from the briefing.", answer_text(head)]
        lines += [f"• {a.label}: {figure_line(a)} ({a.speaker})" for a in rest[:MAX_TOPIC_FIGURES]]
        if len(rest) > MAX_TOPIC_FIGURES:
            lines.append(f"… and {len(rest) - MAX_TOPIC_FIGURES} more.")
        return "\n".join(lines)
    parts = [answer_text(a) for a in reply.answers[: max(1, reply.asked)]]
    parts += reply.missing
    shown = read_as(reply)
    return "\n\n".join(parts) + (f"\n({shown})" if shown else "")
