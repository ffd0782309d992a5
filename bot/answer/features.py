"""Named features of one figure against the reading of one question: how well each slot agrees.

Each feature is a number, mostly in [-1, 1]: positive where the figure agrees with what was asked, negative where
it contradicts it, zero where the slot was not asked. ``bot.answer.scoring`` weighs them; ``--explain`` prints them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz import fuzz

from bot.answer.index import Index
from bot.answer.profiles import Profile
from bot.answer.reading.frame import Flow, Measure, Reading
from bot.answer.words import phrase_of

_DEFAULT_MEASURES = frozenset({Measure.VALUE, Measure.GROWTH})
_STRICT_MEASURES = frozenset({Measure.FORECAST, Measure.AVERAGE, Measure.MULTIPLE})
_COUNT_MEASURES = frozenset({Measure.COUNT, Measure.RANK})
_JOINING = frozenset({"and", "or", "of", "the", "&"})  # words inside a topic's name that describe nothing
_GENERIC_GOODS = frozenset({"product", "good"})  # words every goods topic's name has ("high-tech products")
_TIME_COUNTS = frozenset({"year", "month", "quarter"})  # what a count of consecutive periods counts
TERSE = 3  # words (stop words aside) up to which a message is terse: every one of them is what it asks about
MAX_SOFT_EXTRA = 0.9  # unasked subject words alone make no contradiction (_extra says which cases do)
MIN_COVERAGE = 0.55  # below this share of the subject words asked, a figure outside the topics named is off-subject


class Features(NamedTuple):
    """One number per feature; a tuple, so the score is a dot product with the weights (this is the hot path)."""

    subject: float = 0.0
    uncovered: float = 0.0
    topic: float = 0.0
    entity: float = 0.0
    extra: float = 0.0
    flow: float = 0.0
    measure: float = 0.0
    period: float = 0.0
    comparison: float = 0.0
    currency: float = 0.0
    source: float = 0.0
    alone: float = 0.0
    group: float = 0.0
    not_total: float = 0.0
    speaker: float = 0.0
    amount: float = 0.0
    fuzzy: float = 0.0
    unmatched: float = 0.0
    headline: float = 0.0


NAMES: tuple[str, ...] = Features._fields
# Features at -1 or below where the figure contradicts what was asked: such a figure is never the answer, and a
# decline names the worst of them. Values between -1 and 0 are mild preferences (a sub-period nobody asked for).
CONFLICTS = (
    "entity", "uncovered", "topic", "extra", "currency", "source", "period", "comparison", "measure", "flow",
    "alone", "group", "not_total", "unmatched",
)  # fmt: skip


@dataclass(frozen=True)
class Asked:
    """What a reading asks, in the forms the features compare, computed once per question."""

    reading: Reading
    words: tuple[str, ...]
    coverage: tuple[
        tuple[str, float], ...
    ]  # each word with its weight in the subject feature (idf; half for a topic's)
    idf_total: float
    vocabulary: frozenset[str]  # words asked, the named subjects' words and their topics' names
    typed_words: frozenset[str]  # the subject words actually typed (not the topics' other names)
    topics: frozenset[str]  # the topics named
    topic_vocabulary: frozenset[str]  # every word of the named topics' names and synonyms
    fuzzy_text: str
    covered_year: int
    national: bool  # names no subject at all: China as a whole is meant
    entity_words: tuple[frozenset[str], ...]  # each entity's words, to look for in a figure's words
    subject_words: tuple[tuple[str, frozenset[str]], ...]  # each topic named, with the words that named it
    topic_only: bool  # every subject word typed names a topic ("exports to the EU")
    place_topics: frozenset[str]  # the topics named that are places or partners ("the EU", "Hainan")
    wholes: frozenset[str]  # the topics named that stand for a whole group ("firms": foreign-trade enterprises)
    # The topics named that are goods ("high-tech products"): the topic, its name's own words, the words typed
    goods_named: tuple[tuple[str, frozenset[str], frozenset[str]], ...]
    names_place: bool  # a partner, country or region is named (a topic that is a place, or a place entity)
    products: frozenset[str]  # the words typed that name goods (Harmonized System)
    # Words typed beside the topics named that are some figure's own subject ("little giant" beside "firms")
    specific: frozenset[str]
    unmatched: float  # the unmatched feature, the same for every figure
    terse: bool  # a message of a few words, every one of them what it asks about (``TERSE``)

    @classmethod
    def of(
        cls,
        reading: Reading,
        index: Index,
        topic_words: dict[str, frozenset[str]],
        covered_year: int,
        place_topics: frozenset[str] = frozenset(),
        place_words: frozenset[str] = frozenset(),
        product_words: frozenset[str] = frozenset(),
        goods_topics: frozenset[str] = frozenset(),
        whole_topics: frozenset[str] = frozenset(),
        subject_words: frozenset[str] = frozenset(),
    ) -> Asked:
        words = reading.words
        # Words that named a topic weigh half: the topic feature counts them already, and the word beside them says
        # which of its figures is meant ("agricultural trade with Belt and Road partners").
        coverage = tuple((w, index.idf.get(w, 0.0) * (0.5 if w in reading.topic_words else 1.0)) for w in words)
        typed = frozenset(words) | {w for s in reading.subjects for w in s.words}
        topic_vocabulary = frozenset(w for s in reading.subjects for w in topic_words.get(s.topic, frozenset()))
        vocabulary = set(words)
        for subject in reading.subjects:
            vocabulary |= set(subject.words) | topic_words.get(subject.topic, frozenset())
        for entity in reading.entities:
            vocabulary |= set(entity.words)
        return cls(
            reading=reading,
            words=words,
            coverage=coverage,
            idf_total=sum(mass for _, mass in coverage),
            vocabulary=frozenset(vocabulary),
            typed_words=typed,
            topics=frozenset(s.topic for s in reading.subjects),
            topic_vocabulary=topic_vocabulary,
            fuzzy_text=" ".join((*reading.typed, *(s.name for s in reading.subjects))),
            covered_year=covered_year,
            national=not (reading.words or reading.subjects or reading.entities),
            entity_words=tuple(frozenset(e.words) for e in reading.entities),
            subject_words=tuple((s.topic, frozenset(s.words) - _JOINING) for s in reading.subjects),
            topic_only=typed <= topic_vocabulary,
            place_topics=frozenset(s.topic for s in reading.subjects if s.topic in place_topics),
            wholes=frozenset(s.topic for s in reading.subjects if s.topic in whole_topics),
            goods_named=tuple(
                (s.topic, frozenset(phrase_of(s.name)) - _GENERIC_GOODS, frozenset(s.words))
                for s in reading.subjects
                if s.topic in goods_topics
            ),
            names_place=any(s.topic in place_topics for s in reading.subjects)
            or any(e.kind == "place" for e in reading.entities)
            or bool(set(words) & place_words),
            unmatched=_unmatched(reading),
            products=frozenset(words) & product_words,  # goods typed beside the topics named
            specific=(typed - topic_vocabulary) & subject_words,
            terse=reading.length <= TERSE and not reading.unmatched,
        )


def fuzzy_similarity(asked: Asked, profile: Profile) -> float:
    """rapidfuzz's token-set similarity of the words asked to the figure's label, subject and synonyms, in [0, 1].

    The slowest feature: the engine computes it for its best few candidates only.
    """
    return fuzz.token_set_ratio(asked.fuzzy_text, profile.label_text) / 100


def coverage(asked: Asked, profile: Profile, index: Index) -> float:
    """The idf-weighted share of the subject words asked that describe the figure (0 when none was asked)."""
    if not asked.idf_total:
        return 0.0
    weights = index.weights[profile.position]
    return sum(mass * min(1.0, weights.get(w, 0.0) / 3.0) for w, mass in asked.coverage) / asked.idf_total


def covered(asked: Asked, subject: float) -> bool:
    """Whether a figure with this coverage can be the answer at all."""
    return not asked.idf_total or subject >= MIN_COVERAGE


def features(asked: Asked, profile: Profile, index: Index, subject: float | None = None) -> Features:
    """The features of ``profile`` for the question ``asked`` (``subject``: its coverage, when already known)."""
    r = asked.reading
    if subject is None:
        subject = coverage(asked, profile, index)
    mentions = profile.mentions
    return Features(
        subject=subject,
        # Too few of the words asked describe it: about something else, unless it belongs to a topic named (the
        # other words are then the question's context: "for an industrial-policy brief, equipment exports").
        uncovered=-1.0 if asked.idf_total and subject < MIN_COVERAGE and profile.topic not in asked.topics else 0.0,
        topic=_topic(asked, profile) if r.subjects else 0.0,
        entity=-float(sum(1 for words in asked.entity_words if not words <= mentions)) if asked.entity_words else 0.0,
        extra=_extra(asked, profile),
        flow=_flow(r, profile),
        measure=_measure(r, profile),
        period=_period(r, profile, asked.covered_year),
        # Slots not asked cost nothing: this runs for every candidate of every question.
        comparison=_comparison(r, profile, asked.covered_year) if r.compared_with or profile.compared_with else 0.0,
        currency=_currency(r, profile) if r.currency else 0.0,
        source=_source(r, profile),
        alone=-1.0 if r.alone and (_unnamed_core(asked, profile) or profile.members) else 0.0,
        group=_group(asked, profile) if profile.members else 0.0,
        not_total=-1.0 if r.not_total and profile.flow is Flow.TRADE else 0.0,
        speaker=0.0 if r.speaker is None else (1.0 if profile.speaker == r.speaker else -0.3),
        amount=_amount(r, profile),
        fuzzy=0.0,  # the engine adds it for its best few candidates (``fuzzy_similarity``)
        unmatched=asked.unmatched,
        headline=1.0 if profile.headline else 0.0,
    )


def _unnamed_core(asked: Asked, p: Profile) -> bool:
    """Whether the figure's subject holds words the question did not name, unless it named the figure by one of its
    synonyms ("wind turbines to the EU specifically": wind power equipment to the EU)."""
    if any(len(name) > 1 and name <= asked.typed_words for name in p.synonym_names):
        return False
    return bool(p.core - asked.vocabulary)


def _extra(asked: Asked, p: Profile) -> float:
    """A quarter for each word of the figure's own subject that was not asked, never below -0.9 on its own.

    Garment exports to the EU are not what "exports to the EU" asks, and a question naming no subject is about
    China, not the world. The figure's best-named name counts ("lidar" names "laser radar (lidar)"); the other
    members of a listed group are the group feature's part.
    """
    if p.national:
        return 0.0
    if not asked.national and any(len(name) > 1 and name <= asked.typed_words for name in p.synonym_names):
        return 0.0  # the question names it by one of its own synonyms ("cooking oil": edible vegetable oil)
    if asked.national:
        # A question naming no subject asks about China as a whole, not ASEAN or the world; one asking what dragged
        # a figure down asks for the subject, which a figure of that drag names.
        return 0.0 if asked.reading.cause in p.about else -1.0
    slots = asked.reading.measures or asked.reading.flows
    if slots and asked.terse and not asked.topics and not asked.entity_words and asked.typed_words <= p.measured:
        # A terse message names only what the figure measures ("price drop?"), not whose: the prices stated are
        # those of crude oil and iron ore, the one such figure, and its label says so. (A longer question asking
        # "China's overall import prices" asks another figure.)
        return -0.5
    if p.partner and p.topic not in asked.topics and not asked.names_place:
        return -1.0  # "high-tech imports" named no partner: high-tech imports from the EU are the EU's
    if asked.products and not asked.products & p.about:
        return -1.0  # goods named that the figure is not about: EU garment or high-tech exports are no EV exports
    other_goods = asked.products and not asked.products & p.core and p.topic not in asked.topics and not p.members
    if other_goods and min(len(name - asked.vocabulary) for name in p.names) >= 2:
        return -1.0  # goods named, and the figure is named for two other words: bulk commodities are no crude oil
    # A group's other members are the group feature's part, and all of them when the topic naming the group is named.
    others = frozenset()
    if p.members and (p.topic in asked.topics or any(m & asked.typed_words for m in p.members)):
        others = p.member_words
    unnamed = [name - asked.vocabulary - others for name in p.names]
    words = min(len(u) for u in unnamed)
    if asked.topic_only and (p.narrower - asked.vocabulary - others or words >= 2):
        return -1.0  # only a topic asked ("exports to the EU"): high-tech exports to the EU are something narrower
    if p.topic not in asked.topics and words >= 3:
        return -1.0  # three words of another subject: the GBA's nine cities are not Guangdong
    # Otherwise a soft penalty: subjects carry qualifiers ("customs and relevant departments"); goods nobody named
    # count half as much again.
    extra = min(len(u) + len(u & p.products) / 2 for u in unnamed)
    return -min(MAX_SOFT_EXTRA, extra / 4)


_AMOUNTS = frozenset({"value", "count", "volume"})  # kinds of figure that add up over a group's members


def _group(asked: Asked, p: Profile) -> float:
    """-0.5 when one member of a listed group is asked and the figure is the group's ("solar panels" against
    "EVs, lithium batteries and solar panels"): a member's own figure comes first when there is one, and the group's
    is given with a note when there is not (never when "alone" is asked). +0.5 when several members are named."""
    if not p.members:
        return 0.0
    named = [member for member in p.members if member & asked.typed_words]
    if len(named) == 1:
        # A province is not the seven provinces: a place's figure is its own or none. Nor is the group's amount
        # (value, count, volume) a member's: it is their sum. A rate stated for the group may be given, noted.
        if named[0] <= p.places:
            return -1.0
        if p.entry.indicator.kind in _AMOUNTS:
            # (unless the group is named too: "'new trio' exports, for a piece on NEVs")
            group_named = any(topic == p.topic and not words <= named[0] for topic, words in asked.subject_words)
            return -0.5 if group_named else -1.0
        return -0.5
    return 0.5 if named else 0.0


def _currency(r: Reading, p: Profile) -> float:
    if r.currency is None:
        return 0.0
    if p.currency is r.currency:
        return 1.0
    if p.currency is None and r.quantities:
        return 0.0  # "partners with over 1 trillion yuan of trade": the currency qualifies an amount named
    return -1.0


def _topic(asked: Asked, p: Profile) -> float:
    about = [topic == p.topic or words <= p.about for topic, words in asked.subject_words]
    if p.topic in asked.wholes and asked.specific and p.about.isdisjoint(asked.specific):
        # The whole group named with what some narrower figure is about, which this one is not: "how many 'little
        # giant' firms" asks no count of every trading firm.
        return -1.0
    if all(about):
        return 1.0
    if not any(about):
        return -1.0
    if p.topic in asked.wholes:
        # A group's figure as a whole is not one of the other subject named with it: "number of private trading
        # firms" is no count of all trading firms, "companies at the CIIE" no count of every business entity.
        return -1.0
    # Some of the topics named: a figure about none of the partners or places named is another figure (the
    # national high-tech exports are not those to the EU); another kind of topic may be the question's context.
    places = [
        topic == p.topic or words <= p.about or words <= p.mentions
        for (topic, words) in asked.subject_words
        if topic in asked.place_topics
    ]
    # Likewise goods: the EU's share of consumer-goods exports is no figure of high-tech exports to the EU.
    goods = [topic == p.topic or name <= p.about or typed <= p.mentions for topic, name, typed in asked.goods_named]
    return -1.0 if (places and not any(places)) or (goods and not any(goods)) else 0.0


def _flow(r: Reading, p: Profile) -> float:
    asked = r.flow
    if asked is None:
        return 0.2 if p.flow is Flow.TRADE and not r.flows else 0.0
    if p.flow is asked:
        return 1.0
    if r.flow_weak:
        return -0.3  # "bought" says little: shoppers' purchases are not China's imports
    if p.flow is None:
        return -1.0  # a figure of no flow (a survey, a population) is no answer to a trade question
    if asked is Flow.TRADE:
        return -0.5  # one flow where "trade" was asked: people say "EV trade" of what is only stated for exports
    # The opposite flow, or the two-way total where one flow was asked: the total is not the exports to the US. The
    # decline offers it first, with its value, so the reader still sees what is stated.
    return -1.0


def _measure(r: Reading, p: Profile) -> float:
    # ("How much did imports grow" asks growth only: a weak "how much" counts only alone, see ``MeasureParser``.)
    asked = r.measures
    if not asked:
        if p.offers & _DEFAULT_MEASURES:
            return 0.3
        # "exports to ASEAN" asks an amount or its growth, not how many years ASEAN has been the largest market;
        # a bare subject ("cosmetics") takes whatever figure is stated about it.
        return -1.0 if r.flows else -0.3
    if Measure.BALANCE in asked:
        return -1.0  # a surplus is never stated: it would have to be computed
    if asked & _STRICT_MEASURES - p.offers:
        return -1.0  # a forecast, an average or a multiple asked is that or nothing
    if Measure.AVERAGE in asked and r.per not in (None, "year") and r.per != p.per:
        return -1.0  # spending per shopper is not sales per day, and trade per enterprise no average annual growth
    if r.counted and Measure.COUNT in p.offers and p.counted != r.counted and (p.counted or r.counted != "enterprise"):
        # "how many years" is not a number of countries, nor "how many firms" a number of quarters (a count of
        # firms is a count with no unit of time or people)
        return -1.0
    if p.counted in _TIME_COUNTS and not r.counted and not asked & _COUNT_MEASURES:
        return -1.0  # "how much did China export to ASEAN" is not how many years ASEAN has led
    if (
        Measure.VALUE in asked
        and not r.measures_weak
        and p.entry.indicator.kind == "volume"
        and not asked & {Measure.VOLUME}
    ):
        return -1.0  # "the value of crude imports" is not their tonnage; a weak "how much" may still ask it
    stated = len(asked & p.offers)
    if stated:
        return stated / len(asked)
    # "how big" may ask a count, so it is a mild mismatch there; "what share" asks a share, "how much" no rank.
    return -0.5 if p.offers & r.measures_near else -1.0


def _period(r: Reading, p: Profile, covered_year: int) -> float:
    if p.period is None:
        return 0.0 if r.period is None else -0.5
    if r.period is None:
        if r.level and p.period.event and p.entry.indicator.kind == "count":
            return -0.5  # "how many registered firms does Hainan have now": not those added since the launch
        whole_covered_year = p.period.first == covered_year * 12 and p.period.last == covered_year * 12 + 11
        return 0.0 if whole_covered_year else -0.3
    if r.period.same_span(p.period):
        return 1.0
    if _average_over_base(r, p):
        return 1.0  # "the average annual rate, 2025 against 2020" is the average over 2021-2025
    return -1.0


def _average_over_base(r: Reading, p: Profile) -> bool:
    """An average annual rate over years Y1..Y2 is what a question asks of year Y2 against year Y1 - 1."""
    if Measure.AVERAGE not in r.measures or Measure.AVERAGE not in p.offers or p.period is None:
        return False
    base, period = r.compared_with, r.period
    if base is None or period is None or not (base.whole_years and p.period.whole_years):
        return False
    return base.last // 12 + 1 == p.period.first // 12 and period.last == p.period.last


def _comparison(r: Reading, p: Profile, covered_year: int) -> float:
    wanted = r.compared_with
    if _average_over_base(r, p):
        return 1.0
    if wanted is None:
        # Growth asked with no base means on the year before; "a 3.5-fold increase from 2020" is another change.
        asked_year = (r.period.last // 12) if r.period else covered_year
        other_base = p.compared_with is not None and p.compared_with.first // 12 != asked_year - 1
        return -0.5 if other_base and Measure.GROWTH in r.measures else 0.0
    if p.compared_with is not None and wanted.same_span(p.compared_with):
        return 1.0
    asked_year = (r.period.last // 12) if r.period else covered_year
    year_on_year = wanted.whole_years and wanted.first // 12 == wanted.last // 12 == asked_year - 1
    if year_on_year and p.compared_with is None and Measure.GROWTH in p.offers:
        return 0.5  # a growth rate of the year is a change on the year before
    return -1.0


def _source(r: Reading, p: Profile) -> float:
    if r.source is None:
        return -0.4 if p.source.name != "CUSTOMS" else 0.0
    return 1.0 if p.source is r.source else -1.0


def _amount(r: Reading, p: Profile) -> float:
    if not r.quantities:
        return -0.5 if p.named_amount else 0.0  # a figure about a threshold nobody named
    named = sum(1 for q in r.quantities if q in p.amounts)
    return 1.0 if named == len(r.quantities) else 0.5 if named else -0.5


def _unmatched(r: Reading) -> float:
    """The share of subject-like words that describe no figure, and -1 in a terse message where they are at least
    half of what it names: "hainan casinos" asks about casinos, not Hainan."""
    if not r.unmatched:
        return 0.0
    named = len(r.words) + len(r.entities)
    if len(r.unmatched) >= named and r.length <= TERSE:
        return -1.0
    if not named:
        return 0.0  # a chatty question about China as a whole: its other words are the chat ("my boss is asking")
    return -len(r.unmatched) / (len(r.unmatched) + named)


def agrees(found: Features) -> bool:
    """True when no slot of the figure contradicts the question."""
    return all(getattr(found, name) > -1.0 for name in CONFLICTS)
