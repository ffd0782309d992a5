"""Coverage: every number a speaker stated is an indicator, or is excluded with a reason.

A number in a speaker's sentence is covered when an indicator whose quote overlaps that sentence names
the same number in its figure, change, share, label or period. Otherwise it must match an exclusion
(same number, and the sentence contains the exclusion's context).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.kb.base import KnowledgeBase
from bot.kb.figures import number_tokens
from bot.kb.transcript import normalize_space


@dataclass(frozen=True)
class Uncovered:
    """A number no indicator states and no exclusion explains."""

    briefing: str
    speaker: str
    number: str
    sentence: str

    def __str__(self) -> str:
        return f"[{self.briefing}] {self.speaker}: {self.number!r} in: {self.sentence}"


def uncovered_numbers(kb: KnowledgeBase) -> list[Uncovered]:
    """Every number in a figure-stating speaker's sentences that is neither indexed nor excluded."""
    missing: list[Uncovered] = []
    for briefing_id, transcript in kb.transcripts.items():
        briefing = kb.briefings[briefing_id]
        stating = {s.id for s in briefing.speakers if s.states_figures}
        entries = [e for e in kb.entries if e.briefing.id == briefing_id]
        exclusions = kb.exclusions.get(briefing_id, [])
        for turn in transcript.turns:
            if turn.speaker_id not in stating:
                continue
            for sentence in turn.sentences():
                lowered = sentence.lower()
                indexed: set[str] = set()
                for entry in entries:
                    passages = [normalize_space(q).lower() for q in (entry.indicator.quote, *entry.indicator.restated)]
                    if any(lowered in q or q in lowered for q in passages):
                        ind = entry.indicator
                        fields = [ind.stated, ind.change or "", ind.share or "", ind.label, ind.period]
                        indexed.update(number_tokens(" ".join(fields)))
                for number in number_tokens(sentence):
                    if number in indexed:
                        continue
                    if any(x.number.lower() == number and x.context.lower() in lowered for x in exclusions):
                        continue
                    missing.append(Uncovered(briefing_id, turn.name, number, sentence))
    return missing
