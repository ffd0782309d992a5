"""Answers and replies built straight from the knowledge base, with no question to read: an entry as an answer,
a topic's figures, the key figures, a reply rebuilt from its answers' ids.

The engine answers a bare topic with ``topic_reply``, and so do the "More on <topic>" button and a topic digest:
one builder, so a topic reads the same wherever it is asked.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.answer.models import Answer, Reply
from bot.answer.reading.frame import ReadingView
from bot.kb.base import Entry, KnowledgeBase

# A topic's reply holds its headline and this many figures at most (Slack shows fewer).
MAX_TOPIC_ANSWERS = 40
HEADLINE_SCORE = 100.0
FIGURE_SCORE = 90.0  # the topic's other figures: named by the topic, not each asked for


def entry_answer(kb: KnowledgeBase, entry: Entry, score: float = HEADLINE_SCORE) -> Answer:
    """An entry as an answer, with its topic's display name."""
    topic = kb.topic(entry.indicator.topic)
    return Answer.from_entry(entry, topic.name if topic else entry.indicator.topic, score)


def key_answers(kb: KnowledgeBase) -> tuple[Answer, ...]:
    """The key figures, in briefing order (built once per knowledge base)."""
    return kb.remember("key_answers", lambda: tuple(entry_answer(kb, e) for e in kb.key_entries()))


def topic_reply(
    kb: KnowledgeBase, topic_id: str, query: str | None = None, view: ReadingView | None = None
) -> Reply | None:
    """A topic's figures, headline first; None for a topic with no figures.

    Args:
        kb: the knowledge base.
        topic_id: the topic.
        query: what was asked (default: the topic's name, as a button asks it).
        view: how the question was read, shown with the reply; a reply without one is built once and kept.
    """
    if query is None and view is None:
        if kb.topic(topic_id) is None:
            return None  # before remembering: button values are anything a client sends
        return kb.remember(("topic_reply", topic_id), lambda: _topic_reply(kb, topic_id, None, None))
    return _topic_reply(kb, topic_id, query, view)


def _topic_reply(kb: KnowledgeBase, topic_id: str, query: str | None, view: ReadingView | None) -> Reply | None:
    entries = kb.entries_for_topic(topic_id)[:MAX_TOPIC_ANSWERS]
    if not entries:
        return None
    topic = kb.topic(topic_id)
    name = topic.name if topic else topic_id
    answers = [entry_answer(kb, e, HEADLINE_SCORE if i == 0 else FIGURE_SCORE) for i, e in enumerate(entries)]
    return Reply(
        query=query or name,
        answered=True,
        reason="topic",
        answers=answers,
        topic=topic_id,
        topic_name=name,
        reading=view,
    )


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
        answers=[entry_answer(kb, e) for e in entries if e is not None],
        topic=topic.id if topic else None,
        topic_name=topic.name if topic else None,
    )
