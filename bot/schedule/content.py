"""What a subscription posts: the key figures, a topic's figures, or one figure of the day."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from bot.answer.kb_replies import entry_answer
from bot.answer.models import Answer
from bot.kb.base import Entry, KnowledgeBase
from bot.store.models import RotationState

DigestKind = Literal["key-figures", "topic", "figure-of-the-day"]


class Digest(BaseModel):
    """A digest ready to render: a title and the figures as answers (each carries its speaker and quote)."""

    model_config = ConfigDict(frozen=True)

    kind: DigestKind
    title: str
    answers: list[Answer]
    topic: str | None = None
    figure: str | None = None  # the entry uid, for figure of the day


def figure_pool(kb: KnowledgeBase, topic: str | None) -> list[Entry]:
    """The figures a subscription draws from: the topic's (headline first) or the key figures (briefing order)."""
    return kb.entries_for_topic(topic) if topic else kb.key_entries()


def digest(kb: KnowledgeBase, topic: str | None = None) -> Digest | None:
    """The digest of the key figures, or of ``topic``; None when there is nothing to post."""
    entries = figure_pool(kb, topic)
    if not entries:
        return None
    if topic:
        name = _topic_name(kb, topic)
        return Digest(
            kind="topic", title=f"{name}: figures from the briefing", answers=_answers(kb, entries), topic=topic
        )
    return Digest(kind="key-figures", title="Key figures: China's foreign trade in 2025", answers=_answers(kb, entries))


def figure_of_the_day(
    kb: KnowledgeBase, state: RotationState, topic: str | None = None
) -> tuple[Digest, RotationState] | None:
    """The next figure in the rotation and the state after showing it; None when there are no figures.

    No figure repeats until every figure of the pool was shown in the current cycle; then a new cycle starts in
    briefing order. Figures added to the knowledge base join the current cycle; removed ones are ignored.
    """
    pool = figure_pool(kb, topic)
    if not pool:
        return None
    remaining = [e for e in pool if e.uid not in state.shown]
    if not remaining:
        state = RotationState(cycle=state.cycle + 1, shown=())
        remaining = pool
    entry = remaining[0]
    after = RotationState(cycle=state.cycle, shown=(*state.shown, entry.uid))
    shown = Digest(
        kind="figure-of-the-day",
        title="Figure of the day",
        answers=_answers(kb, [entry]),
        topic=topic,
        figure=entry.uid,
    )
    return shown, after


def _answers(kb: KnowledgeBase, entries: list[Entry]) -> list[Answer]:
    return [entry_answer(kb, e) for e in entries]


def _topic_name(kb: KnowledgeBase, topic_id: str) -> str:
    topic = kb.topic(topic_id)
    return topic.name if topic else topic_id
