"""Suggestions offered with a decline: up to three topics close to what was asked, which the briefing covers."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from bot.answer.models import Suggestion
from bot.kb.base import KnowledgeBase

MAX_SUGGESTIONS = 3
# Offered when nothing is close, by why the question was declined.
_DEFAULTS = {
    "place": ("trading-partners", "asean", "eu"),
    "period": ("total-trade", "december", "fyp14"),
}
_GENERAL = ("total-trade", "asean", "hainan")


class Suggester:
    """Finds topics whose names or synonyms resemble the question."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self._phrases: list[str] = []
        self._topic_of: list[str] = []
        for topic in kb.topics:
            for phrase in (topic.name, *topic.synonyms):
                self._phrases.append(phrase.lower())
                self._topic_of.append(topic.id)

    def suggest(self, text: str, reason: str) -> list[Suggestion]:
        """Up to three suggestions for a declined ``text``."""
        chosen: list[str] = []
        # A place we hold nothing for resembles our topics only by accident ("India" ~ "AI-related trade").
        if text.strip() and reason != "place":
            matches = process.extract(text, self._phrases, scorer=fuzz.WRatio, limit=20, score_cutoff=80)
            for _, _, position in matches:
                topic_id = self._topic_of[position]
                if topic_id not in chosen:
                    chosen.append(topic_id)
        for topic_id in _DEFAULTS.get(reason, _GENERAL) + _GENERAL:
            if len(chosen) >= MAX_SUGGESTIONS:
                break
            if topic_id not in chosen and self.kb.topic(topic_id) is not None:
                chosen.append(topic_id)
        topics = [self.kb.topic(t) for t in chosen[:MAX_SUGGESTIONS]]
        return [Suggestion(label=t.name, query=t.synonyms[0] if t.synonyms else t.name.lower()) for t in topics if t]
