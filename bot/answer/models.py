"""What the engine returns: a reply with ranked answers, or a decline with suggestions."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, computed_field

from bot.answer.reading.frame import ReadingView
from bot.kb.base import Entry

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_UNITS = {"CNY": "yuan", "USD": "US dollars", "percent": "%", "points": "percentage points"}


def figure_in_digits(number: float, unit: str) -> str:
    """``number`` in digits with a scale word: 7.55e12 CNY is "7.55 trillion yuan", 26.2 percent "26.2%", 780,000
    "780,000", 3 years "3 years"."""
    size, word = next(((size, word) for size, word in _SCALES if abs(number) >= size), (1.0, ""))
    scaled = round(number / size, 6)  # the stated digits, without the float's binary noise
    digits = f"{int(scaled):,}" if scaled == int(scaled) else f"{scaled:.6g}"
    name = _UNITS.get(unit, unit)
    if name == "%":
        return f"{digits}%"
    return " ".join(w for w in (digits, word, "" if name == "count" else name) if w)


_NUMBER_WORDS = {
    word: str(n)
    for n, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
}
_NUMBER_WORD = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)


def digits_for_words(text: str) -> str:
    """``text`` with the numbers up to twenty written as digits, the way a script compares numbers."""
    return _NUMBER_WORD.sub(lambda m: _NUMBER_WORDS[m.group(1).lower()], text)


class BriefingRef(BaseModel):
    """The briefing an answer comes from."""

    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    date: str  # ISO date


class Answer(BaseModel):
    """One indicator as an answer, with every field needed to cite it."""

    model_config = ConfigDict(frozen=True)

    id: str  # "<briefing>/<indicator>"
    label: str
    topic: str
    topic_name: str
    kind: str
    value: str  # the figure as stated, with its qualifier
    numeric: float
    unit: str
    change: str | None
    share: str | None
    period: str
    speaker: str
    role: str
    short_role: str
    quote: str
    outlet: str | None
    briefing: BriefingRef
    score: float
    note: str | None = None  # a caveat shown with the figure, e.g. total trade given where exports were asked

    @computed_field
    @property
    def change_figure(self) -> str | None:
        """``change`` with its number words in digits ("seven more than in 2024": "7 more than in 2024")."""
        return digits_for_words(self.change) if self.change else None

    @computed_field
    @property
    def figure(self) -> str:
        """The stated figure's number in digits with its unit ("exceeded one trillion U.S. dollars": "1 trillion
        US dollars"), for scripts that read numbers; ``value`` keeps the words as stated."""
        return figure_in_digits(self.numeric, self.unit)

    @classmethod
    def from_entry(cls, entry: Entry, topic_name: str, score: float) -> Answer:
        """Build an answer from a knowledge-base entry.

        Without validating again: every field comes from the knowledge base, validated when it was loaded, and a
        topic lists dozens of answers (validation was most of the cost of answering it).
        """
        ind = entry.indicator
        return cls.model_construct(
            id=entry.uid,
            label=ind.label,
            topic=ind.topic,
            topic_name=topic_name,
            kind=ind.kind,
            value=ind.stated,
            numeric=float(ind.value),
            unit=ind.unit,
            change=ind.change,
            share=ind.share,
            period=ind.period,
            speaker=entry.speaker.name,
            role=entry.speaker.role,
            short_role=entry.speaker.short_role,
            quote=ind.quote,
            outlet=entry.outlet,
            briefing=BriefingRef.model_construct(
                id=entry.briefing.id, title=entry.briefing.title, date=entry.briefing.date.isoformat()
            ),
            score=round(score, 1),
            note=None,
        )


class Fact(BaseModel):
    """A fact about the briefing itself (who spoke, when and where), answered from its record."""

    model_config = ConfigDict(frozen=True)

    label: str  # "Speaker", "Briefing", "Covers"
    text: str
    id: str = ""  # "<briefing>/<label>[/<speaker>]", stable, like an answer's
    # Whom the fact is about: the speaker named; for the briefing's date, venue and topics, its chair, who opened it.
    # Scripts cite a fact the way they cite a figure, by speaker and quote.
    speaker: str = ""
    quote: str = ""  # the transcript's own line: a speaker's listing, or the dateline


class Candidate(BaseModel):
    """A figure considered for a question, with its score and each feature's part in it (for ``--explain``)."""

    model_config = ConfigDict(frozen=True)

    id: str
    label: str
    value: str
    score: float
    parts: list[tuple[str, float]]
    conflict: str | None = None  # the slot that contradicts the question: such a figure is never the answer


class Suggestion(BaseModel):
    """Something close that the briefing does state, offered when the question is declined: the closest figure
    (with its value) first, then topics."""

    model_config = ConfigDict(frozen=True)

    label: str  # shown to the user, e.g. "ASEAN" or "Total trade, 2025: 45.47 trillion yuan"
    query: str  # what asking it sends, e.g. "asean"


class Reply(BaseModel):
    """The engine's whole response to one message.

    ``answered`` is False for a decline: ``answers`` is then empty, ``not_found`` names what the briefing
    does not hold (as the user typed it, unescaped: renderers escape it), and ``suggestions`` offers up to
    three things it does state, the closest figure first. ``topic`` is set when the message was a bare topic:
    ``answers`` then holds the topic's headline figure first and its other figures after it. A question about the
    briefing itself is answered with ``facts`` (reason ``briefing``). ``reading`` is how the message was read;
    ``asked`` says how many leading answers were asked for; ``missing`` names a part of a two-part question the
    briefing does not hold.
    """

    model_config = ConfigDict(frozen=True)

    query: str
    answered: bool
    # answer | topic | briefing | unknown (a subject not held) | place | period | kind (that kind of figure, unit
    # or source is not stated for the subject) | off_topic | empty | too_long | no_source ("who said that?" with no
    # figure given yet)
    reason: str = "answer"
    answers: list[Answer] = []
    topic: str | None = None
    topic_name: str | None = None
    not_found: str | None = None
    suggestions: list[Suggestion] = []
    facts: list[Fact] = []
    asked: int = 1  # how many of the first answers answer the question (2 for "A and B"); the rest are related
    missing: list[str] = []
    verdict: str | None = None  # a comparison's "which is higher", from the two stated figures shown
    reading: ReadingView | None = None
    text: str = ""  # plain-text rendering, filled by the engine for scripts and notifications
