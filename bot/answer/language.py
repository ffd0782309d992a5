"""The language data of the engine (``bot/answer/data/*.toml``), read once into typed, frozen tables.

Everything here is the same for every briefing: how people say "exports", "growth", "in dollars" or "alone",
the products of the Harmonized System and the economic indicators a trade briefing does not state. What a
briefing holds (its topics, subjects, speakers and year) comes from the knowledge base instead.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from bot.answer.words import Phrase, phrase_of

DATA = Path(__file__).with_name("data")


def _phrases(text: str) -> tuple[Phrase, ...]:
    """ "a | b c | d" -> the normalised phrases ("a",), ("b", "c"), ("d",), blanks dropped."""
    phrases = (phrase_of(part) for part in text.replace("\n", " ").split("|"))
    return tuple(dict.fromkeys(p for p in phrases if p))


def _pairs(text: str) -> dict[Phrase, Phrase]:
    """ "a = b c | d = e" -> {("a",): ("b", "c"), ("d",): ("e",)}."""
    pairs: dict[Phrase, Phrase] = {}
    for part in text.replace("\n", " ").split("|"):
        if "=" in part:
            short, long = part.split("=", 1)
            pairs[phrase_of(short)] = phrase_of(long)
    return pairs


def _words(text: str) -> frozenset[str]:
    return frozenset(w for part in text.split() for w in phrase_of(part))


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class FlowWords(Frozen):
    exports: tuple[Phrase, ...]
    imports: tuple[Phrase, ...]
    imports_weak: tuple[Phrase, ...]
    trade: tuple[Phrase, ...]
    both: tuple[Phrase, ...]


class MeasureWords(Frozen):
    """Strong phrases per measure name, and the weak ones that count only when no strong phrase is there."""

    strong: dict[str, tuple[Phrase, ...]]
    weak: dict[str, tuple[Phrase, ...]]
    points: tuple[Phrase, ...]
    near: dict[str, frozenset[str]]  # the other measures a weak word may ask ("how much": a count, not a rank)


class PeriodWords(Frozen):
    covered_year: tuple[Phrase, ...]
    year_before: tuple[Phrase, ...]  # the year before the covered one ("and the year before?")
    year_after: tuple[Phrase, ...]  # the year after it, when the briefing was held ("this year", "next year")
    months: dict[Phrase, int]
    last_month: tuple[Phrase, ...]
    five_year_plan: tuple[Phrase, ...]
    since_event: tuple[Phrase, ...]
    cumulative: tuple[Phrase, ...]
    level: tuple[Phrase, ...]  # "now", "in total": a level as it stands


class MetaWords(Frozen):
    who: tuple[Phrase, ...]
    chair: tuple[Phrase, ...]
    question: tuple[Phrase, ...]
    when: tuple[Phrase, ...]
    where: tuple[Phrase, ...]
    what: tuple[Phrase, ...]
    briefing: tuple[Phrase, ...]


class FollowUpWords(Frozen):
    cues: tuple[Phrase, ...]
    national: tuple[Phrase, ...]
    pronouns: tuple[Phrase, ...]
    source: tuple[Phrase, ...]
    place_nouns: tuple[Phrase, ...]


class CompareWords(Frozen):
    compare: tuple[Phrase, ...]
    rank: tuple[Phrase, ...]
    rank_plural: tuple[str, ...]
    which: tuple[Phrase, ...]


class Language(Frozen):
    """Every word list the slot parsers use."""

    stopwords: frozenset[str]
    generic: frozenset[str]
    flow: FlowWords
    measure: MeasureWords
    period: PeriodWords
    currency: dict[str, tuple[Phrase, ...]]
    source: dict[str, tuple[Phrase, ...]]
    exclusion: dict[str, tuple[Phrase, ...]]
    comparison: tuple[Phrase, ...]
    year_on_year: tuple[Phrase, ...]
    cause: dict[str, tuple[Phrase, ...]]  # "what dragged ..." -> "drag": the subject asked is that kind of cause
    meta: MetaWords
    followup: FollowUpWords
    compare: CompareWords
    conjunction: tuple[Phrase, ...]
    abbreviations: dict[Phrase, Phrase]  # "ev" -> ("electric", "vehicle")
    per: dict[str, str]  # "shopper" -> "person": what an average is per
    products: tuple[Phrase, ...]  # HS chapter goods and common headings
    product_qualifiers: frozenset[str]  # words of those names that name no goods alone ("special", "live")
    indicators: tuple[Phrase, ...]  # economic indicators that are not goods-trade figures
    off_topic: tuple[Phrase, ...]


def _read(name: str) -> dict:
    with (DATA / name).open("rb") as handle:
        return tomllib.load(handle)


@lru_cache(maxsize=1)
def language() -> Language:
    """The language tables, loaded once per process."""
    words = _read("language.toml")
    measure = words["measure"]
    weak_names = {name.removesuffix("_weak") for name in measure if name.endswith("_weak")}
    months: dict[Phrase, int] = {}
    for part in words["period"]["months"].replace("\n", " ").split("|"):
        if part.strip():
            name, number = part.split("=")
            months[phrase_of(name)] = int(number)
    nomenclature = _read("products.toml")
    products = nomenclature["chapters"] | nomenclature.get("groups", {})
    subjects = _read("subjects.toml")
    return Language(
        stopwords=_words(words["stopwords"]),
        generic=_words(words["generic"]),
        flow=FlowWords(
            **{name: _phrases(words["flow"][name]) for name in ("exports", "imports", "imports_weak", "trade", "both")}
        ),
        measure=MeasureWords(
            strong={
                name: _phrases(text)
                for name, text in measure.items()
                if not name.endswith("_weak") and name != "points"
            },
            weak={name: _phrases(measure[f"{name}_weak"]) for name in weak_names},
            points=_phrases(measure["points"]),
            near={name: frozenset(text.replace("|", " ").split()) for name, text in words["measure_near"].items()},
        ),
        period=PeriodWords(
            covered_year=_phrases(words["period"]["covered_year"]),
            year_before=_phrases(words["period"].get("year_before", "")),
            year_after=_phrases(words["period"].get("year_after", "")),
            months=months,
            last_month=_phrases(words["period"]["last_month"]),
            five_year_plan=_phrases(words["period"]["five_year_plan"]),
            since_event=_phrases(words["period"]["since_event"]),
            cumulative=_phrases(words["period"]["cumulative"]),
            level=_phrases(words["period"].get("level", "")),
        ),
        currency={name: _phrases(text) for name, text in words["currency"].items()},
        source={name: _phrases(text) for name, text in words["source"].items()},
        exclusion={name: _phrases(text) for name, text in words["exclusion"].items()},
        comparison=_phrases(words["comparison"]["words"]),
        year_on_year=_phrases(words["comparison"]["year_on_year"]),
        cause={name: _phrases(text) for name, text in words["cause"].items()},
        meta=MetaWords(**{name: _phrases(text) for name, text in words["meta"].items()}),
        followup=FollowUpWords(**{name: _phrases(text) for name, text in words["followup"].items()}),
        compare=CompareWords(
            compare=_phrases(words["compare"]["compare"]),
            rank=_phrases(words["compare"]["rank"]),
            rank_plural=tuple(p.strip().lower() for p in words["compare"]["rank_plural"].split("|") if p.strip()),
            which=_phrases(words["compare"]["which"]),
        ),
        conjunction=_phrases(words["conjunction"]["words"]),
        abbreviations=_pairs(words["abbreviations"]["words"]),
        per={w: basis for basis, text in words["per"].items() for p in _phrases(text) for w in p},
        products=tuple(dict.fromkeys(p for text in products.values() for p in _phrases(text))),
        product_qualifiers=_words(nomenclature.get("qualifiers", "")),
        indicators=_phrases(subjects["indicators"]["words"]) + _phrases(subjects["organisations"]["words"]),
        off_topic=_phrases(subjects["off_topic"]["words"]),
    )
