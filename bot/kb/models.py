"""Pydantic models of the knowledge base: briefings, speakers, topics and indicators.

Data files are TOML (read with the standard library's ``tomllib``) and validated by these models at
load time, so a bad entry is reported with its file, entry and field before anything is served.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Kind = Literal[
    "value",  # an amount of money or goods
    "growth",  # a rate of change, usually year on year
    "share",  # a part of a whole, in percent
    "contribution",  # percentage points added to a growth rate
    "count",  # a number of countries, firms, people, documents ...
    "volume",  # a physical quantity (tonnes)
    "rank",  # a position such as "largest" or "second-largest" with a count of years
    "forecast",  # a figure about the future, quoted from an outlook
    "multiple",  # "2.1 times", "3.5-fold"
    "average",  # an average per enterprise, per day ...
]

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


class Frozen(BaseModel):
    """Base for knowledge records: immutable, unknown fields rejected so typos in data files surface."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Speaker(Frozen):
    """A person on the podium."""

    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    role: str = Field(min_length=1, description="Title as given in the briefing.")
    short_role: str = Field(min_length=1, description="Short title for context lines, e.g. 'GACC spokesperson'.")
    states_figures: bool = Field(
        default=True, description="False for the chairperson: her sentences are not checked for coverage."
    )


class Topic(Frozen):
    """A subject users ask about, grouping indicators (ASEAN, the EU, Hainan FTP ...)."""

    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    group: str = Field(min_length=1, description="Heading under which /trade topics lists it.")
    synonyms: tuple[str, ...] = ()
    headline: str = Field(description="Indicator id answered first for the bare topic.")
    place: bool = Field(
        default=False,
        description="True when the topic is a country, region or bloc: a question naming another place is declined.",
    )
    whole: bool = Field(
        default=False,
        description="True when the topic stands for all of its group (foreign-trade enterprises, trading partners):"
        " its figures are the group's as a whole, never those of another subject named with it.",
    )


class Indicator(Frozen):
    """One figure a speaker stated, with everything needed to find it and cite it."""

    id: str = Field(pattern=ID_PATTERN)
    label: str = Field(min_length=3, max_length=120)
    topic: str = Field(pattern=ID_PATTERN)
    subject: str = Field(min_length=1, description="Who or what the figure is about: 'ASEAN', 'lithium batteries'.")
    measure: str = Field(min_length=1, description="What is measured: 'total trade', 'exports', 'duty-free sales'.")
    kind: Kind
    stated: str = Field(min_length=1, description="The figure exactly as stated, a substring of the quote.")
    value: float
    unit: str = Field(min_length=1, description="Unit of value: CNY, USD, percent, points, count, tonnes, times ...")
    change: str | None = Field(default=None, description="Growth stated with the figure, e.g. 'up 8%'.")
    share: str | None = Field(default=None, description="Share stated with the figure, e.g. '51.9% of total trade'.")
    period: str = Field(min_length=1)
    speaker: str = Field(pattern=ID_PATTERN)
    quote: str = Field(min_length=10, description="The sentence or sentences that state it, verbatim.")
    restated: tuple[str, ...] = Field(
        default=(), description="Other verbatim passages where a speaker states the same figure again."
    )
    synonyms: tuple[str, ...] = ()
    key: bool = Field(default=False, description="Part of the key figures posted on a schedule.")

    @field_validator("synonyms")
    @classmethod
    def _no_blank_synonyms(cls, synonyms: tuple[str, ...]) -> tuple[str, ...]:
        if any(not s.strip() for s in synonyms):
            raise ValueError("synonyms must not contain blank strings")
        return synonyms


class Briefing(Frozen):
    """A press briefing: its record, speakers and topic catalogue (``briefing.toml``)."""

    id: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=1)
    date: dt.date
    covers_year: int | None = Field(
        default=None,
        ge=1900,
        le=2200,
        description="The year whose figures it reports; if unset, the year before its date.",
    )
    starts: str | None = Field(default=None, description="When it began on its date, as the transcript gives it.")
    dateline: str | None = Field(
        default=None, description="The transcript's dateline ('Beijing | 10 a.m. Jan. 14, 2026'), quoted for its date."
    )
    venue: str = Field(min_length=1)
    source: str = Field(min_length=1, description="Transcript path, relative to the knowledge folder.")
    speakers: tuple[Speaker, ...] = Field(min_length=1)
    topics: tuple[Topic, ...] = ()

    @property
    def reported_year(self) -> int:
        """The year whose figures the briefing reports (an annual briefing is held early in the next year)."""
        return self.covers_year if self.covers_year is not None else self.date.year - 1

    @property
    def chair(self) -> Speaker | None:
        """The chairperson: the speaker who states no figures."""
        return next((s for s in self.speakers if not s.states_figures), None)

    def speaker(self, speaker_id: str) -> Speaker | None:
        """Return the speaker with this id, or None."""
        return next((s for s in self.speakers if s.id == speaker_id), None)


class Exclusion(Frozen):
    """A number in a speaker's sentence that is deliberately not an indicator (a date, an ordinal ...)."""

    number: str = Field(min_length=1, description="The number as the coverage test reads it, e.g. '2025', 'two'.")
    context: str = Field(
        default="", description="A verbatim snippet of the sentences it applies to; empty means every sentence."
    )
    reason: str = Field(min_length=3)
