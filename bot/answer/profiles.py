"""Each figure of the knowledge base read into the same slots as a question, with the same parsers.

No figure is annotated by hand for matching: its flow comes from its measure ("import volume" -> imports), what it
states from its kind, change and share ("up 6.3%, 2.5 percentage points higher" -> growth, margin, points), its
period from its period field, its currency from its unit and its source from its subject ("(U.S. statistics)").
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.answer.index import DESCRIBES, Index
from bot.answer.reading.frame import Currency, Flow, Measure, Period, Source
from bot.answer.reading.quantity import amounts_in
from bot.answer.reading.reader import Reader
from bot.answer.words import phrase_of
from bot.kb.base import Entry

# What a figure of each kind states, before its change and share are read.
_KIND_MEASURES: dict[str, frozenset[Measure]] = {
    "value": frozenset({Measure.VALUE}),
    "growth": frozenset({Measure.GROWTH}),
    "share": frozenset({Measure.SHARE}),
    "contribution": frozenset({Measure.CONTRIBUTION}),
    "count": frozenset({Measure.COUNT}),
    "volume": frozenset({Measure.VOLUME, Measure.VALUE}),
    "rank": frozenset({Measure.RANK}),
    "forecast": frozenset({Measure.FORECAST}),
    "multiple": frozenset({Measure.MULTIPLE}),
    "average": frozenset({Measure.AVERAGE, Measure.VALUE}),
}
_CURRENCIES = {"CNY": Currency.CNY, "USD": Currency.USD}


@dataclass(frozen=True)
class Profile:
    """One figure's slots, computed once."""

    position: int
    entry: Entry
    topic: str
    flow: Flow | None
    offers: frozenset[Measure]
    period: Period | None
    compared_with: Period | None
    currency: Currency | None
    source: Source
    speaker: str
    core: frozenset[str]  # the specific words of its subject: what a question must name to mean it
    # The specific words of what it measures that no figure of another subject measures ("prices": of crude oil and
    # iron ore only; not "registrations", of Hainan's firms and of overseas food firms)
    measured: frozenset[str]
    names: tuple[frozenset[str], ...]  # the specific words of each name it goes by: subject, parenthesis
    synonym_names: tuple[frozenset[str], ...]  # its synonyms' specific words: a question typing one names the figure
    products: frozenset[str]  # words of its subject that name goods (Harmonized System): "garment", "machinery"
    narrower: frozenset[str]  # words of its subject that name goods or another topic ("garment", "high-tech")
    about: frozenset[str]  # every word that describes it (subject, synonyms, label, topic)
    mentions: frozenset[str]  # every word it is described by or quoted with: where a named entity may appear
    amounts: frozenset[float]
    named_amount: bool  # its label names an amount ("partners with trade over 1 trillion yuan"): a subset, a milestone
    headline: bool
    members: tuple[frozenset[str], ...]  # the items of a subject that lists several ("EVs, lithium batteries, solar")
    member_words: frozenset[str]  # every word of those items
    places: frozenset[str]  # words of its subject that name places (countries, provinces)
    partner: bool  # its topic is a partner or place (the EU, ASEAN): a figure of that partner's trade only
    per: str | None  # what an average is per ("day" for sales per day)
    label_text: str  # label, subject and synonyms, for the fuzzy word similarity
    counted: str | None  # what a count counts when it is time or people: "year", "month", "quarter", "person"

    @property
    def national(self) -> bool:
        """About China as a whole: its subject names nothing more specific than the country."""
        return not self.core


def build_profiles(reader: Reader, index: Index) -> list[Profile]:
    """Every figure of the index's knowledge base, in knowledge-base order."""
    kb = index.kb
    # Words no subject is made of: stop words, trade's generic words, and the words of flows, measures and periods
    # ("countries and regions with trade growth" is about countries and regions).
    stop = reader.subjectless_words
    # A synonym that is a topic's own name ("high-tech" of the EU's high-tech imports), or only names the figure's
    # topic ("exports to Latin America" of a machinery figure), says where the figure sits, not what it is.
    topic_names = {_specific(alias, stop) for t in kb.topics for alias in (t.name, *t.synonyms)}
    profiles: list[Profile] = []
    for position, entry in enumerate(kb.entries):
        ind = entry.indicator
        topic = kb.topic(ind.topic)
        measure_words = list(phrase_of(ind.measure))
        flow = _flow(reader, measure_words) or _flow(reader, list(phrase_of(ind.label)))
        offers = set(_KIND_MEASURES.get(ind.kind, frozenset()))
        # The measure field names what was measured ("import value" grew): it adds a share, a count, an average ...
        # but not a value or a growth rate, which the kind and the change say.
        dropped = {Measure.VALUE} if ind.kind == "count" else {Measure.VALUE, Measure.GROWTH}
        offers |= reader.measures.offered(measure_words) - dropped
        for text in (ind.stated, ind.change or "", ind.share or ""):
            offers |= reader.measures.offered(list(phrase_of(text)))
        if ind.change:
            offers.add(Measure.GROWTH)
        if ind.share:
            offers.add(Measure.SHARE)
        if ind.kind == "rank" and _counted(ind.unit):
            offers.add(Measure.COUNT)  # "the 17th consecutive year": how many years it has held the rank
        if ind.kind == "contribution" and ind.unit == "percent":
            offers.add(Measure.GROWTH)  # a share of growth ("over 40% of global trade growth")
        if ind.unit == "points":
            offers.add(Measure.POINTS)
            if ind.kind == "share":
                offers.add(Measure.GROWTH)  # a share's change in points ("up 1.4 percentage points")
        offers.discard(Measure.BALANCE)
        period = reader.periods.parse(list(phrase_of(ind.period)), set()).period
        compared = reader.periods.parse(list(phrase_of(f"{ind.period} {ind.change or ''}")), set()).compared_with
        source = reader.qualifiers.parse(list(phrase_of(ind.subject)), set()).source or Source.CUSTOMS
        weights = index.weights[position]
        core = _specific(ind.subject, stop)
        about = frozenset(w for w, weight in weights.items() if weight >= DESCRIBES)
        profiles.append(
            Profile(
                position=position,
                entry=entry,
                topic=ind.topic,
                flow=flow,
                offers=frozenset(offers),
                period=period,
                compared_with=compared,
                currency=_CURRENCIES.get(ind.unit),
                source=source,
                speaker=entry.speaker.id,
                core=core,
                measured=_specific(ind.measure, stop),
                products=core & reader.product_words,
                narrower=core & (reader.product_words | reader.topic_words),
                names=_names(ind.subject, stop),
                synonym_names=tuple(
                    n
                    for n in (_specific(s, stop) for s in ind.synonyms)
                    if n and n not in topic_names and not n <= reader.words_of_topic.get(ind.topic, frozenset())
                ),
                per=reader.per_basis(_per(ind.measure)),
                label_text=" ".join((ind.label, ind.subject, *ind.synonyms)),
                counted=_counted(ind.unit),
                about=about,
                mentions=frozenset(phrase_of(" ".join((ind.quote, *ind.restated)))) | about,
                amounts=amounts_in(list(phrase_of(f"{ind.label} {ind.measure} {ind.stated}"))),
                named_amount=bool(amounts_in(list(phrase_of(f"{ind.label} {ind.measure}")))),
                headline=topic is not None and topic.headline == ind.id,
                members=(members := _members(ind.subject, stop)),
                member_words=frozenset().union(*members),
                places=core & reader.place_words,
                partner=topic is not None and topic.place,
            )
        )
    return _measured_by_one_subject(profiles)


def _measured_by_one_subject(profiles: list[Profile]) -> list[Profile]:
    subjects: dict[str, set[frozenset[str]]] = {}
    for profile in profiles:
        for word in profile.measured:
            subjects.setdefault(word, set()).add(profile.core)
    return [
        replace(profile, measured=frozenset(w for w in profile.measured if len(subjects[w]) == 1))
        for profile in profiles
    ]


def _flow(reader: Reader, words: list[str]) -> Flow | None:
    flows = reader.flows.parse(words, set()).flows
    return flows[0] if len(flows) == 1 else None


def _counted(unit: str) -> str | None:
    word = phrase_of(unit)
    if word and word[0] in {"year", "month", "quarter"}:
        return word[0]
    return "person" if word and word[0] == "people" else None


def _per(measure: str) -> str | None:
    words = phrase_of(measure)
    return next((words[i + 1] for i, w in enumerate(words[:-1]) if w == "per"), None)


def _specific(text: str, stop: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w in phrase_of(text) if w not in stop and not w[:1].isdigit())


def _names(subject: str, stop: frozenset[str]) -> tuple[frozenset[str], ...]:
    """A figure's names: its subject, and the subject without and within a parenthesis ("laser radar (lidar)").
    A question names the figure when it names one of them whole. Synonyms are left out: they let a narrower figure
    pass for a perfect name ("partners" for every figure of a topic); the word index still weighs them."""
    plain, _, inside = subject.partition("(")
    texts = [subject, plain, inside.rstrip(")")] if inside else [subject]
    names = [_specific(t, stop) for t in texts]

    return tuple(dict.fromkeys(n for n in names if n)) or (frozenset(),)


def _members(subject: str, stop: frozenset[str]) -> tuple[frozenset[str], ...]:
    """The items of a subject that lists several ("A, B and C"), each as its specific words; () otherwise.

    A comma alone often qualifies ("ships and offshore engineering equipment, Yangtze River Delta"), and "and"
    alone often joins one thing ("mechanical and electrical products", "provinces and autonomous regions"): a list
    has commas and a final "and".
    """
    listed = subject.split(":", 1)[-1]
    chunks = [c.strip() for c in listed.split(",")]
    examples = listed.split(" such as ", 1)
    if len(examples) == 2 and " and " in examples[1]:
        # "electrical equipment such as large transformers and energy storage batteries": the examples are listed
        chunks = [c.strip() for c in examples[1].split(",")]
    elif len(chunks) < 2 or " and " not in chunks[-1]:
        return ()
    items = [*chunks[:-1], *chunks[-1].split(" and ")]
    members = [frozenset(w for w in phrase_of(item) if w not in stop) for item in items]
    return tuple(m for m in members if m)
