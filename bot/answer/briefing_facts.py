"""Questions about the briefing itself (who spoke and their roles, when and where it was held, what it covers),
answered from the briefing records of the knowledge base."""

from __future__ import annotations

from bot.answer.models import Fact
from bot.answer.reading.frame import Reading
from bot.kb.base import KnowledgeBase


def briefing_facts(kb: KnowledgeBase, reading: Reading) -> list[Fact]:
    """The facts that answer ``reading``: the speaker named, or all of them; the date; the venue; the topics."""
    facts: list[Fact] = []
    for briefing in kb.briefings.values():
        when = f"{briefing.date.day} {briefing.date:%B %Y}" + (f", {briefing.starts}" if briefing.starts else "")
        speakers = [s for s in briefing.speakers if reading.speaker in (None, s.id)]
        if reading.meta == "chair":  # the chair is the speaker who states no figures
            speakers = [s for s in speakers if not s.states_figures] or speakers
        if reading.meta in ("who", "chair", None) or reading.speaker:
            facts += [Fact(label="Speaker", text=f"{s.name}, {s.role}") for s in speakers]
        if reading.meta in ("when", "where", None) and not reading.speaker:
            facts.append(Fact(label="Briefing", text=f"{briefing.title}: {when}, {briefing.venue}"))
        if reading.meta == "what" or (reading.meta is None and not reading.speaker):
            groups: dict[str, list[str]] = {}
            for topic in briefing.topics:
                groups.setdefault(topic.group, []).append(topic.name)
            covered = "; ".join(f"{group}: {', '.join(names)}" for group, names in groups.items())
            facts.append(Fact(label="Covers", text=f"China's foreign trade in {briefing.reported_year}. {covered}"))
    return facts
