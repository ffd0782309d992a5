"""Replies built straight from the knowledge base, for buttons that name a topic or the figures to repeat."""

from __future__ import annotations

from collections.abc import Iterable

from bot.answer.models import Answer, Reply
from bot.kb.base import Entry, KnowledgeBase


def answer_for(kb: KnowledgeBase, entry: Entry) -> Answer:
    """An entry as an answer, with its topic's display name."""
    topic = kb.topic(entry.indicator.topic)
    return Answer.from_entry(entry, topic.name if topic else entry.indicator.topic, score=100.0)


def key_answers(kb: KnowledgeBase) -> tuple[Answer, ...]:
    """The key figures, in briefing order."""
    return kb.remember("key_answers", lambda: tuple(answer_for(kb, e) for e in kb.key_entries()))


def topic_reply(kb: KnowledgeBase, topic_id: str) -> Reply | None:
    """A topic's figures, headline first, as the engine answers a bare topic; None for an unknown topic."""
    topic = kb.topic(topic_id)
    if topic is None:
        return None  # before remembering: button values are anything a client sends

    def build() -> Reply | None:
        entries = kb.entries_for_topic(topic.id)
        if not entries:
            return None
        answers = [answer_for(kb, e) for e in entries]
        return Reply(
            query=topic.name, answered=True, reason="topic", answers=answers, topic=topic.id, topic_name=topic.name
        )

    return kb.remember(("topic_reply", topic.id), build)


def reply_from_ids(kb: KnowledgeBase, query: str, uids: Iterable[str], topic_id: str | None) -> Reply | None:
    """Rebuild a reply from the uids of its answers (for "Share in channel"); None if any uid is gone."""
    entries = [kb.get(uid) for uid in uids]
    if not entries or any(e is None for e in entries):
        return None
    topic = kb.topic(topic_id) if topic_id else None
    return Reply(
        query=query,
        answered=True,
        reason="topic" if topic else "answer",
        answers=[answer_for(kb, e) for e in entries if e is not None],
        topic=topic.id if topic else None,
        topic_name=topic.name if topic else None,
    )
