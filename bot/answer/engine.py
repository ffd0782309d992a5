"""The answer engine (first cut: replaced by the full matcher)."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from bot.answer.models import Answer, Reply
from bot.kb.base import KnowledgeBase


class Engine:
    """Answers a message from the knowledge base."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self._choices = [f"{e.indicator.label} {e.indicator.subject} {e.indicator.measure}" for e in kb.entries]

    def ask(self, text: str, *, slash: bool = False) -> Reply:
        """Answer ``text`` (a mention, DM, or what follows ``/trade`` when ``slash``)."""
        hits = process.extract(text, self._choices, scorer=fuzz.WRatio, limit=3)
        answers = []
        for _, score, index in hits:
            entry = self.kb.entries[index]
            topic = self.kb.topic(entry.indicator.topic)
            answers.append(Answer.from_entry(entry, topic.name if topic else entry.indicator.topic, score))
        return Reply(query=text, answered=bool(answers), answers=answers)
