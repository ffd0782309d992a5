"""Topic suggestions offered with a decline: up to three topics close to what was asked, which the briefing covers."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from bot.answer.models import Suggestion
from bot.answer.reading.frame import Reading
from bot.kb.base import KnowledgeBase

MAX_SUGGESTIONS = 3
# Offered when nothing is close, by why the question was declined.
_DEFAULTS = {
    "place": ("trading-partners", "asean", "eu"),
    "period": ("total-trade", "december", "fyp14"),
}
_GENERAL = ("total-trade", "exports", "imports")


class Suggester:
    """Finds topics named in the question, then topics whose names or synonyms resemble it."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self._phrases: list[str] = []
        self._topic_of: list[str] = []
        for topic in kb.topics:
            for phrase in (topic.name, *topic.synonyms):
                self._phrases.append(phrase.lower())
                self._topic_of.append(topic.id)

    def suggest(self, reading: Reading, reason: str, first: list[Suggestion] | None = None) -> list[Suggestion]:
        """Up to three suggestions: ``first`` (the closest figures), then topics related to ``reading``."""
        chosen = [s.topic for s in reading.subjects]
        text = " ".join((*reading.typed, *(w for e in reading.entities for w in e.words), *reading.unmatched))
        # A place we hold nothing for resembles our topics only by accident ("India" ~ "AI-related trade").
        if text.strip() and reason != "place":
            matches = process.extract(text, self._phrases, scorer=fuzz.WRatio, limit=20, score_cutoff=85)
            chosen += [self._topic_of[position] for _, _, position in matches]
        chosen += [*_DEFAULTS.get(reason, ()), *_GENERAL]
        out = list(first or [])
        for topic_id in dict.fromkeys(chosen):
            if len(out) >= MAX_SUGGESTIONS:
                break
            topic = self.kb.topic(topic_id)
            if topic is not None and all(s.label != topic.name for s in out):
                out.append(Suggestion(label=topic.name, query=topic.synonyms[0] if topic.synonyms else topic.name))
        return out[:MAX_SUGGESTIONS]
