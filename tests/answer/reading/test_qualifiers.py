"""Currency, whose statistics, exclusions, amounts, speakers and questions about the briefing."""

from __future__ import annotations

import pytest

from bot.answer.reading.frame import Currency, Source
from bot.answer.reading.reader import Reader


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("total trade in US dollars", Currency.USD),
        ("asean trade in $", Currency.USD),
        ("exports in renminbi", Currency.CNY),
        ("imports in yuan terms", Currency.CNY),
        ("total trade", None),
        ("total exports in usd?? not yuan", Currency.USD),  # a currency refused is not the one asked
        ("in dollars rather than yuan", Currency.USD),
    ],
)
def test_currency(reader: Reader, text: str, currency: Currency | None) -> None:
    assert reader.read(text).currency is currency


def test_us_dollars_are_not_the_united_states(reader: Reader) -> None:
    assert not reader.read("total trade in US dollars").subjects


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("according to US statistics, trade with China", Source.US),
        ("us-reported trade with china", Source.US),
        ("going by America's own statistics", Source.US),
        ("what does EU data say about EU-China trade", Source.EU),
        ("per customs data", Source.CUSTOMS),
        ("trade with the US", None),
    ],
)
def test_source(reader: Reader, text: str, source: Source | None) -> None:
    assert reader.read(text).source is source


@pytest.mark.parametrize(
    ("text", "alone", "not_total"),
    [
        ("lithium batteries on their own", True, False),
        ("Guangdong's individual trade", True, False),
        ("exports to the EU (not total trade)", False, True),
        ("lithium battery exports", False, False),
    ],
)
def test_exclusions(reader: Reader, text: str, alone: bool, not_total: bool) -> None:
    reading = reader.read(text)
    assert (reading.alone, reading.not_total) == (alone, not_total)


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("partners over 1 trillion, and over 100 billion?", (1e12, 1e11)),
        ("traded more than a trillion", (1e12,)),
        ("the 40 trillion yuan mark", (4e13,)),
        ("total trade", ()),
    ],
)
def test_amounts(reader: Reader, text: str, amounts: tuple[float, ...]) -> None:
    assert reader.read(text).quantities == amounts


@pytest.mark.parametrize(
    ("text", "speaker", "meta"),
    [
        ("who is Lyu Daliang", "lyu-daliang", "who"),
        ("who spoke at the briefing", None, "who"),
        ("when was the briefing", None, "when"),
        ("where was the press conference held", None, "where"),
        ("what topics does it cover", None, "what"),
        ("who are you", None, None),
        ("what did Wang Jun say about ASEAN", "wang-jun", None),
    ],
)
def test_speakers_and_the_briefing(reader: Reader, text: str, speaker: str | None, meta: str | None) -> None:
    reading = reader.read(text)
    assert (reading.speaker, reading.meta) == (speaker, meta)


@pytest.mark.parametrize("text", ["is the us still the number one export market", "number of us partners"])
def test_number_one_and_number_of_are_no_statistics(reader: Reader, text: str) -> None:
    assert reader.read(text).source is None


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        ("what dragged imports down and by how much", "drag"),
        ("biggest drag on imports?", "drag"),
        ("what weighed on import growth last year", "drag"),
        ("how much did imports grow", None),
        ("imports dragged down by prices", None),  # names what dragged them: no subject asked
    ],
)
def test_a_question_asking_what_caused_a_change(reader: Reader, text: str, cause: str | None) -> None:
    assert reader.read(text).cause == cause
