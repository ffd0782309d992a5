"""Matching a topic as typed after a schedule ("asean", "Latin America") to its id."""

from __future__ import annotations

from collections.abc import Callable

from bot.kb.base import KnowledgeBase


def _key(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").replace("_", " ").split())


def topic_resolver(kb: KnowledgeBase) -> Callable[[str], str | None]:
    """A function from typed text to a topic id (by id, name or synonym, ignoring case and hyphens), or None."""
    names: dict[str, str] = {}
    for topic in kb.topics:
        for alias in (topic.id, topic.name, *topic.synonyms):
            names.setdefault(_key(alias), topic.id)

    def resolve(text: str) -> str | None:
        return names.get(_key(text))

    return resolve
