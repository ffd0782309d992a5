"""The subject slot: a subject the knowledge base holds, or an entity it does not cover, recognised as such.

Held subjects are the knowledge base's topics, found by their names and synonyms. Entities come from gazetteers:
countries and regions (ISO 3166 through pycountry, with China's provinces, demonyms and "China-Russia" forms),
products of the Harmonized System, and economic indicators. A gazetteer name that describes some figure (a
province a figure is about, "crude oil") is left to the word index; any other is an entity no figure is about.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.answer.language import Language
from bot.answer.reading.frame import Entity, EntityKind, Subject
from bot.answer.reading.places import gazetteer
from bot.answer.words import Phrase, PhraseTable, phrase_of
from bot.kb.base import KnowledgeBase


@dataclass(frozen=True)
class _Hit:
    kind: str  # "topic" or an EntityKind
    key: str  # topic id, or the entity's display name
    name: str


@dataclass(frozen=True)
class SubjectReading:
    subjects: tuple[Subject, ...]
    entities: tuple[Entity, ...]
    topic_positions: frozenset[int]  # every word that named a topic, a second naming included


class SubjectParser:
    """Finds subjects and entities; ``described`` holds every phrase (up to four words) that describes a figure."""

    def __init__(
        self,
        language: Language,
        kb: KnowledgeBase,
        described: frozenset[Phrase],
        slot_only: Callable[[Phrase], bool],
    ):
        entries: dict[Phrase, _Hit] = {}
        # Topic names and synonyms, except those made only of slot words ("exports", "forecast", "trade volume"):
        # those are read by the flow, measure and period slots, and the national figures answer them.
        for topic in kb.topics:
            for alias in (topic.name, *topic.synonyms):
                phrase = phrase_of(alias)
                if phrase and not slot_only(phrase):
                    entries.setdefault(phrase, _Hit("topic", topic.id, topic.name))
        aliases = set(entries)
        self._covered_aliases = aliases
        self._group = {t.id: t.group for t in kb.topics}
        self._whole = frozenset(t.id for t in kb.topics if t.whole)
        for name, display in gazetteer().items():
            self._add(entries, phrase_of(name), "place", display, described, aliases)
        for phrase in language.products:
            self._add(entries, phrase, "product", " ".join(phrase), described, aliases)
        for phrase in language.indicators:
            self._add(entries, phrase, "indicator", _display_indicator(phrase), described, aliases)
        for phrase in language.off_topic:
            self._add(entries, phrase, "off_topic", " ".join(phrase), described, aliases)
        self._table = PhraseTable(entries.items())

    @staticmethod
    def _add(
        entries: dict[Phrase, _Hit],
        phrase: Phrase,
        kind: EntityKind,
        display: str,
        described: frozenset[Phrase],
        aliases: set[Phrase],
    ) -> None:
        # Held when a figure is described by it, or it names a topic: the index (or the topic) then finds it.
        if not phrase or phrase in aliases or phrase in described:
            return
        entries.setdefault(phrase, _Hit(kind, display, display))

    def parse(self, tokens: list[str], taken: set[int]) -> SubjectReading:
        subjects: dict[str, Subject] = {}
        entities: dict[str, Entity] = {}
        positions: set[int] = set()
        before: tuple[str, int] | None = None  # the last topic named, and where its name ends
        for match in self._table.find(tokens, taken):
            hit = match.value
            words = tuple(tokens[match.start : match.end])
            at = match.start
            if hit.kind == "topic":
                positions.update(match.span)
                if self._ends_name(before, hit.key, match.start):
                    before = (before[0], match.end)
                    continue  # "foreign-invested firms": the group's noun ends the name and names no other subject
                before = (hit.key, match.end)
                subjects.setdefault(hit.key, Subject.model_construct(topic=hit.key, name=hit.name, words=words, at=at))
            else:
                entities.setdefault(hit.key, Entity.model_construct(name=hit.name, kind=hit.kind, words=words, at=at))
        return SubjectReading(
            subjects=tuple(subjects.values()), entities=tuple(entities.values()), topic_positions=frozenset(positions)
        )

    def _ends_name(self, before: tuple[str, int] | None, topic: str, start: int) -> bool:
        """Whether ``topic``, a whole group ("firms"), is named right after a member of its group: "private firms"
        are private enterprises, not private enterprises and every firm."""
        if before is None or topic not in self._whole or before[1] != start:
            return False
        return before[0] != topic and self._group.get(before[0]) == self._group.get(topic)


def _display_indicator(phrase: Phrase) -> str:
    text = " ".join(phrase)
    return text.upper() if len(text) <= 6 and " " not in text else text
