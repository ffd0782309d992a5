"""Replies drawn for the terminal chat as Slack draws them (figures, related figures, suggestions), with the
terminal's own means: bold figures and dim quotes where the terminal shows them, wrapping at word boundaries to
its width, and numbered follow-ups standing in for Slack's buttons.

A ``Screen`` says what the terminal can do; on a pipe, or with ``NO_COLOR`` set, it is plain text unwrapped.
"""

from __future__ import annotations

import os
import shutil
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TextIO

from bot.answer.models import Answer, Reply
from bot.render.text import citation, decline_lead, figure_line, read_as

BOLD, DIM, NORMAL = "\033[1m", "\033[2m", "\033[22m"
MIN_WIDTH = 40
MAX_TOPIC_ANSWERS = 12  # a topic's figures after the headline shown in full, as many as a Slack message holds


@dataclass(frozen=True)
class Screen:
    """How text is shown: ANSI bold and dim when ``color``, wrapped to ``width`` columns when it is set."""

    color: bool = False
    width: int | None = None

    @classmethod
    def detect(cls, stream: TextIO, environ: Mapping[str, str] = os.environ) -> Screen:
        """Colour and wrapping on a terminal; neither on a pipe or file. ``NO_COLOR`` (no-color.org) and
        ``TERM=dumb`` turn colour off."""
        if not stream.isatty():
            return cls()
        color = not environ.get("NO_COLOR") and environ.get("TERM") != "dumb"
        return cls(color=color, width=max(MIN_WIDTH, shutil.get_terminal_size().columns - 1))

    def lines(self, text: str, style: str = "", indent: str = "") -> list[str]:
        """``text`` wrapped at word boundaries (with ``indent`` on every line), each line styled as a whole."""
        if self.width:
            wrapped = textwrap.wrap(text, self.width, initial_indent=indent, subsequent_indent=indent) or [indent]
        else:
            wrapped = [indent + text]
        if not (self.color and style):
            return wrapped
        return [f"{line[: len(indent)]}{style}{line[len(indent) :]}{NORMAL}" for line in wrapped]


@dataclass
class Drawn:
    """A reply as terminal text, and the questions its numbered follow-ups ask (Slack's buttons)."""

    lines: list[str] = field(default_factory=list)
    follow_ups: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def draw_reply(reply: Reply, screen: Screen) -> Drawn:
    """The reply as Slack shows it (``bot.render.blocks.reply_message``), for the terminal."""
    drawn = Drawn()
    if reply.answered and reply.facts:
        for fact in reply.facts:
            drawn.lines += screen.lines(f"{fact.label}: {fact.text}")
        drawn.lines += screen.lines("From the briefing's own record", DIM)
        return drawn
    if not reply.answered or not reply.answers:
        drawn.lines += screen.lines(decline_lead(reply))
        if reply.suggestions:
            drawn.lines += screen.lines("It does state these; type a number to ask it:", DIM)
            for suggestion in reply.suggestions:
                drawn.lines += _follow_up(drawn, screen, suggestion.label, suggestion.query)
        else:
            drawn.lines += screen.lines("Type /trade topics to see what the briefing covers.", DIM)
        if reply.reading and reply.reason not in {"empty", "too_long"}:
            drawn.lines += screen.lines(read_as(reply), DIM)
        return drawn
    if reply.topic:
        drawn.lines += screen.lines(reply.topic_name or reply.topic, BOLD)
        shown = reply.answers[: MAX_TOPIC_ANSWERS + 1]
        for answer in shown:
            drawn.lines += ["", *_answer(answer, screen)]
        if len(reply.answers) > len(shown):
            drawn.lines += screen.lines(f"… and {len(reply.answers) - len(shown)} more.", DIM)
        return drawn
    asked = max(1, reply.asked)
    for i, answer in enumerate(reply.answers[:asked]):
        drawn.lines += ([""] if i else []) + _answer(answer, screen)
    related = reply.answers[asked:]
    if related:
        drawn.lines += ["", *screen.lines("Related figures", BOLD)]
        for answer in related:
            drawn.lines += screen.lines(f"• {answer.label}: {figure_line(answer, period_sep=' · ')}", indent="  ")
    for missing in reply.missing:
        drawn.lines += screen.lines(missing)
    if reply.reading:
        drawn.lines += screen.lines(read_as(reply), DIM)
    topics: dict[str, str] = {}
    for answer in reply.answers:
        topics.setdefault(answer.topic, answer.topic_name)
    for topic, name in list(topics.items())[:3]:
        drawn.lines += _follow_up(drawn, screen, f"More on {name}", topic)
    return drawn


def _answer(answer: Answer, screen: Screen) -> list[str]:
    """Slack's answer blocks: a note, the label, the figure in bold, the quote dim, who said it."""
    lines = screen.lines(f"Note: {answer.note}") if answer.note else []
    lines += screen.lines(answer.label)
    lines += screen.lines(_figure(answer), BOLD, indent="  ")
    lines += screen.lines(f"“{answer.quote}”", DIM, indent="  ")
    lines += screen.lines(f"— {citation(answer)}", indent="  ")
    return lines


def _figure(answer: Answer) -> str:
    return figure_line(answer, period_sep=" · ")


def _follow_up(drawn: Drawn, screen: Screen, label: str, query: str) -> list[str]:
    drawn.follow_ups.append(query)
    return screen.lines(f"{len(drawn.follow_ups)}. {label}", indent="  ")
