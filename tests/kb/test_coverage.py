"""Every number Wang Jun or Lyu Daliang stated is an indicator, or excluded with a reason."""

from __future__ import annotations

from bot.kb.base import KnowledgeBase
from bot.kb.coverage import uncovered_numbers
from bot.kb.figures import number_tokens, stated_value
from bot.kb.loader import load_knowledge

MAX_EXCLUSIONS = 60  # the list must stay short: only years, dates, ordinals, names and speech structure


def kb() -> KnowledgeBase:
    return load_knowledge()


def test_every_stated_number_is_covered() -> None:
    missing = uncovered_numbers(kb())
    assert not missing, "uncovered numbers:\n" + "\n".join(map(str, missing))


def test_exclusions_are_short_and_justified() -> None:
    exclusions = [x for xs in kb().exclusions.values() for x in xs]
    assert 0 < len(exclusions) <= MAX_EXCLUSIONS
    assert all(len(x.reason) >= 8 for x in exclusions)


def test_every_exclusion_is_used() -> None:
    """An exclusion that matches no sentence is stale and must go."""
    knowledge = kb()
    for briefing_id, exclusions in knowledge.exclusions.items():
        speakers = {s.id for s in knowledge.briefings[briefing_id].speakers if s.states_figures}
        sentences = [
            s.lower()
            for t in knowledge.transcripts[briefing_id].turns
            if t.speaker_id in speakers
            for s in t.sentences()
        ]
        for x in exclusions:
            assert any(x.context.lower() in s and x.number in number_tokens(s) for s in sentences), x


def test_the_chair_states_no_figures() -> None:
    chair = kb().briefings["scio-2026-01-14"].speaker("shou-xiaoli")
    assert chair is not None and not chair.states_figures


def test_number_tokens() -> None:
    assert number_tokens("up 8%, to $1,234.5 billion in the 17th year, three times") == [
        "8", "1234.5", "17th", "three"
    ]  # fmt: skip


def test_stated_value() -> None:
    assert stated_value("45.47 trillion yuan") == 45.47e12
    assert stated_value("more than 780,000") == 780_000
    assert stated_value("nearly 60%") == 60
    assert stated_value("one-sixth") is None
