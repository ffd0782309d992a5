"""The typed reading of a question (its frame): one slot per thing a figure can be asked by.

The same types describe a figure of the knowledge base (``bot.answer.profiles``), so matching a question to a
figure is comparing slot with slot.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict


class Flow(StrEnum):
    EXPORTS = "exports"
    IMPORTS = "imports"
    TRADE = "trade"  # two-way: imports and exports together


class Measure(StrEnum):
    VALUE = "value"
    GROWTH = "growth"
    SHARE = "share"
    COUNT = "count"
    RANK = "rank"
    CONTRIBUTION = "contribution"
    MARGIN = "margin"  # a stated difference between two rates ("2.5 percentage points higher")
    POINTS = "points"  # a figure in percentage points
    VOLUME = "volume"
    FORECAST = "forecast"
    AVERAGE = "average"
    MULTIPLE = "multiple"
    BALANCE = "balance"  # surplus or deficit: never stated, it would have to be computed


class Currency(StrEnum):
    CNY = "yuan"
    USD = "US dollars"


class Source(StrEnum):
    CUSTOMS = "China's customs"
    US = "U.S. statistics"
    EU = "EU statistics"


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class Period(Frozen):
    """A span of months, ``first`` to ``last`` inclusive, each counted as ``year * 12 + month - 1``."""

    first: int
    last: int
    label: str
    event: bool = False  # "since the launch": a span that starts with an event, not a calendar unit
    ending: bool = False  # "by the end of 2025": whatever span closes with it (a streak since June, the year)
    starting: bool = False  # "starting in June", "since June": whatever span opens with it (the streak since June)

    @classmethod
    def months(cls, year: int, first_month: int, last_month: int, label: str) -> Period:
        return cls.model_construct(first=year * 12 + first_month - 1, last=year * 12 + last_month - 1, label=label)

    @classmethod
    def years(cls, first_year: int, last_year: int, label: str) -> Period:
        return cls.model_construct(first=first_year * 12, last=last_year * 12 + 11, label=label)

    @property
    def whole_years(self) -> bool:
        return self.first % 12 == 0 and self.last % 12 == 11

    def same_span(self, other: Period) -> bool:
        if self.starting or other.starting:
            asked, found = (self, other) if self.starting else (other, self)
            return found.first == asked.first
        if self.ending or other.ending:
            asked, found = (self, other) if self.ending else (other, self)
            return found.last == asked.last and found.within(asked)
        return (self.first, self.last) == (other.first, other.last) or (self.event and other.event)

    def within(self, other: Period) -> bool:
        return other.first <= self.first and self.last <= other.last


class Subject(Frozen):
    """A subject the knowledge base holds, named in the question (a topic: ASEAN, private enterprises)."""

    topic: str
    name: str
    words: tuple[str, ...]  # the compared words that named it
    at: int = 0  # position in the message, for telling "A and B" apart from "A's B"


EntityKind = Literal["place", "product", "indicator", "off_topic"]


class Entity(Frozen):
    """Something named that no figure is about: a country, a product or an economic indicator."""

    name: str  # as the decline names it: "India", "soybeans", "GDP"
    kind: EntityKind
    words: tuple[str, ...]
    at: int = 0


MetaAsk = Literal["who", "chair", "when", "where", "what"]


class Reading(Frozen):
    """What a message asks, slot by slot. Empty slots were not asked."""

    text: str
    subjects: tuple[Subject, ...] = ()
    entities: tuple[Entity, ...] = ()
    words: tuple[str, ...] = ()  # other words that name part of a subject, found in the index
    typed: tuple[str, ...] = ()  # those words as typed, for the summary and a decline to repeat
    topic_words: tuple[str, ...] = ()  # those of ``words`` that named a topic ("belt", "road")
    unmatched: tuple[str, ...] = ()  # English words that describe no figure ("casinos"): evidence against an answer
    flows: tuple[Flow, ...] = ()
    flow_weak: bool = False  # the flow was read from shopping words only ("bought")
    measures: frozenset[Measure] = frozenset()
    per: str | None = None  # what an average is asked per, as a basis: "person" for "spend per shopper"
    counted: str | None = None  # "how many years": a count of years, months or quarters
    measures_weak: bool = False  # read only from weak words ("how much", "how big")
    measures_near: frozenset[Measure] = frozenset()  # what those weak words may also ask: no conflict if stated
    measure_at: tuple[tuple[Measure, int], ...] = ()  # where each measure is first named
    period: Period | None = None
    compared_with: Period | None = None
    currency: Currency | None = None
    source: Source | None = None
    alone: bool = False  # "on their own": exactly the subject named, not a group that holds it
    level: bool = False  # "now", "in total": a level as it stands, not what was added over a span
    cause: str | None = None  # "what dragged imports down" -> "drag": the subject asked is such a cause
    not_total: bool = False  # "not total trade"
    speaker: str | None = None  # a speaker id, when one is named
    quantities: tuple[float, ...] = ()  # amounts named ("partners over 1 trillion")
    meta: MetaAsk | None = None  # who, when, where, what: perhaps a question about the briefing itself
    about_briefing: bool = False  # "briefing", "press conference" named
    outlet: str | None = None  # a media outlet named ("the question from TASS"), as the knowledge base names it
    two_parts: bool = False  # two things named, joined by "and", "vs" ...: a figure each may be asked
    word_at: tuple[int, ...] = ()  # where each of ``words`` stands in the message
    joins: tuple[int, ...] = ()  # where "and", "vs", "as well as" ... stand
    length: int = 0  # words that are not stop words: how terse the message is

    @property
    def flow(self) -> Flow | None:
        return self.flows[0] if len(self.flows) == 1 else None

    @property
    def about_trade(self) -> bool:
        """Anything that a trade figure could answer: a subject, a flow, a measure, a period, a unit ..."""
        return bool(
            self.subjects
            or self.flows
            or (self.measures and not self.measures_weak)  # "a good place for lunch" is no rank question
            or self.period
            or self.currency
            or self.source
            or self.quantities
            or self.words
            or any(e.kind != "off_topic" for e in self.entities)
        )

    def summary(self) -> str:
        """How the message was read, as the reply's context line shows it: "imports · Latin America · growth · 2025"."""
        parts: list[str] = []
        if self.flows:
            parts.append(" and ".join(f.value for f in self.flows))
        parts += [s.name for s in self.subjects] + [e.name for e in self.entities]
        if self.typed:  # the other words that name what is asked ("wind turbine" of exports to the EU)
            parts.append(" ".join(self.typed))
        parts += [m.value for m in sorted(self.measures, key=list(Measure).index) if m is not Measure.POINTS]
        if Measure.POINTS in self.measures:
            parts.append("percentage points")
        if self.period:
            parts.append(self.period.label)
        if self.compared_with:
            parts.append(f"compared with {self.compared_with.label}")
        if self.currency:
            parts.append(f"in {self.currency.value}")
        if self.source:
            parts.append(f"per {self.source.value}")
        if self.alone:
            parts.append("alone")
        return " · ".join(parts) or "nothing about trade"


class ReadingView(Frozen):
    """The reading as the JSON interface shows it: plain values, no internal word lists."""

    summary: str
    subjects: list[str]
    entities: list[str]
    words: list[str]
    flow: str | None
    measures: list[str]
    period: str | None
    compared_with: str | None
    currency: str | None
    source: str | None
    alone: bool
    speaker: str | None
    quantities: list[float]
    meta: str | None

    @classmethod
    def of(cls, reading: Reading) -> ReadingView:
        # Built from a reading the engine made, so not validated again (a reply is built on every question).
        return cls.model_construct(
            summary=reading.summary(),
            subjects=[s.name for s in reading.subjects],
            entities=[f"{e.name} ({e.kind})" for e in reading.entities],
            words=list(reading.typed),
            flow=" and ".join(f.value for f in reading.flows) or None,
            measures=sorted(m.value for m in reading.measures),
            period=reading.period.label if reading.period else None,
            compared_with=reading.compared_with.label if reading.compared_with else None,
            currency=reading.currency.value if reading.currency else None,
            source=reading.source.value if reading.source else None,
            alone=reading.alone,
            speaker=reading.speaker,
            quantities=list(reading.quantities),
            meta=reading.meta,
        )
