"""The loaded knowledge base: indicators resolved against their briefing, speaker and transcript."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from bot.kb.models import Briefing, Exclusion, Indicator, Speaker, Topic
from bot.kb.transcript import Transcript


@dataclass(frozen=True)
class Entry:
    """An indicator with what it refers to resolved: briefing, speaker and the outlet it answered."""

    uid: str  # "<briefing id>/<indicator id>": unique across briefings
    indicator: Indicator
    briefing: Briefing
    speaker: Speaker
    outlet: str | None  # the media outlet whose question the quote answers; None for the opening statement
    file: str  # data file it came from, for error messages and exports


T = TypeVar("T")


@dataclass
class KnowledgeBase:
    """Every briefing, topic and indicator loaded from the knowledge folder."""

    briefings: dict[str, Briefing] = field(default_factory=dict)
    transcripts: dict[str, Transcript] = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)
    exclusions: dict[str, list[Exclusion]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_uid: dict[str, Entry] = {}
        self._by_topic: dict[str, list[Entry]] = {}
        self._topics: dict[str, Topic] = {}
        self._derived: dict[Hashable, Any] = {}

    def remember(self, key: Hashable, make: Callable[[], T]) -> T:
        """``make()``, computed once per ``key`` and kept (replies built straight from the knowledge base, such as
        the key figures, are asked for again and again). Adding entries or topics forgets them all."""
        try:
            return self._derived[key]
        except KeyError:
            value = self._derived[key] = make()
            return value

    def add(self, entry: Entry) -> None:
        """Add an entry (the loader has checked that its uid is new)."""
        self._derived.clear()
        self.entries.append(entry)
        self._by_uid[entry.uid] = entry
        self._by_topic.setdefault(entry.indicator.topic, []).append(entry)

    def add_topics(self, topics: tuple[Topic, ...]) -> None:
        """Register a briefing's topics; a topic id that an earlier briefing defined keeps its first definition."""
        self._derived.clear()
        for topic in topics:
            self._topics.setdefault(topic.id, topic)

    def get(self, uid: str) -> Entry | None:
        """The entry with this uid, or None."""
        return self._by_uid.get(uid)

    @property
    def topics(self) -> list[Topic]:
        """All topics, in the order their briefings list them."""
        return list(self._topics.values())

    def topic(self, topic_id: str) -> Topic | None:
        """The topic with this id, or None."""
        return self._topics.get(topic_id)

    def entries_for_topic(self, topic_id: str) -> list[Entry]:
        """A topic's entries, the headline figure first, then in the order the briefing states them."""
        topic = self._topics.get(topic_id)
        entries = list(self._by_topic.get(topic_id, []))
        if topic is None:
            return entries
        return sorted(entries, key=lambda e: e.indicator.id != topic.headline)

    def headline(self, topic_id: str) -> Entry | None:
        """The headline entry of a topic."""
        entries = self.entries_for_topic(topic_id)
        return entries[0] if entries else None

    def key_entries(self) -> list[Entry]:
        """The key figures posted on a schedule, in briefing order."""
        return [e for e in self.entries if e.indicator.key]
