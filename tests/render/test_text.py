"""Answers read cleanly: no figure said twice, no year said twice, headlines of reasonable length."""

from __future__ import annotations

import re

import pytest

from bot.answer.engine import Engine
from bot.kb.base import KnowledgeBase
from bot.render.text import figure_line, reply_text

# The longest figure line a topic's headline may have (label, figure, change, share): read at a glance.
HEADLINE_MAX = 180
NUMBER = re.compile(r"\d[\d,.]*%?")


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("exports in 2025", "Exports, 2025: 26.99 trillion yuan (up 6.1%)\n"),
        ("eu wind power equipment exports growth", "Wind power equipment exports to the EU, growth 2025: up 65.9%\n"),
    ],
)
def test_a_figure_and_its_year_are_said_once(session_engine: Engine, question: str, line: str) -> None:
    assert reply_text(session_engine.ask(question)).startswith(line)


def test_no_figure_line_repeats_a_number_or_the_period(session_engine: Engine, knowledge: KnowledgeBase) -> None:
    for entry in knowledge.entries:
        reply = session_engine.ask(entry.indicator.label)
        for answer in reply.answers:
            line = f"{answer.label}: {figure_line(answer)}"
            numbers = NUMBER.findall(figure_line(answer))
            assert len(numbers) == len(set(numbers)), line
            said_in_label = answer.period.lower() in answer.label.lower()
            assert figure_line(answer).endswith(f", {answer.period}") != said_in_label, line


def test_headlines_are_of_reasonable_length(session_engine: Engine, knowledge: KnowledgeBase) -> None:
    for topic in knowledge.topics:
        head = session_engine.ask(topic.name).answers[0]
        line = f"{head.label}: {figure_line(head)}"
        assert len(line) <= HEADLINE_MAX, line
