"""Reading a message into its frame: each slot parser takes the words it recognises, in a fixed order.

The order matters where words could belong to two slots: a currency first ("US dollars" is not the United States),
then periods ("December" is not the December topic), speakers and questions about the briefing, exclusions,
subjects, flows, measures and amounts. What is left is looked up in the word index; a word no figure is described
by is kept apart as ``unmatched`` when it is an English word, and is otherwise noise (filler, an unfixable typo).
"""

from __future__ import annotations

import re

from bot.answer.index import Index
from bot.answer.language import Language
from bot.answer.reading.briefing import BriefingParser
from bot.answer.reading.flow import FlowParser
from bot.answer.reading.frame import Flow, Measure, Period, Reading
from bot.answer.reading.measure import MeasureParser
from bot.answer.reading.period import PeriodParser
from bot.answer.reading.places import gazetteer
from bot.answer.reading.qualifiers import QualifierParser
from bot.answer.reading.quantity import quantities
from bot.answer.reading.subject import SubjectParser
from bot.answer.spelling import Speller, is_english
from bot.answer.words import PhraseTable, message_words, norm, phrase_of
from bot.kb.base import KnowledgeBase

_NUMBER = re.compile(r"^[\d.,%-]+(?:st|nd|rd|th)?$")


_COMPOUND_TRADE = {"import", "export"}


class Reader:
    """Reads messages against one knowledge base's subjects, speakers and year."""

    def __init__(self, language: Language, kb: KnowledgeBase, index: Index):
        self.language = language
        self.index = index
        covered_year = max((b.reported_year for b in kb.briefings.values()), default=2025)
        slot_phrases = _slot_phrases(language)
        stop = language.generic | language.stopwords
        self.slot_words = frozenset(w for p in slot_phrases for w in p) | stop
        # Words that never make up a subject: stop words, generic words, and one-word flow, measure or period
        # phrases ("growth", "share"); "partner" in "largest trading partner" still names partners.
        self.subjectless_words = frozenset(p[0] for p in slot_phrases if len(p) == 1) | stop
        self.place_words = frozenset(w for name in gazetteer() for w in phrase_of(name))
        self.periods = PeriodParser(language, covered_year)
        self.briefing = BriefingParser(language, kb)
        self.qualifiers = QualifierParser(language)
        self.flows = FlowParser(language)
        self.measures = MeasureParser(language)
        self.subjects = SubjectParser(language, kb, index.described, self._slot_only)
        self.covered_year = covered_year
        self._abbreviations = PhraseTable(language.abbreviations.items())
        self._conjunctions = PhraseTable([(p, True) for p in language.conjunction])
        self._year_on_year = PhraseTable([(p, True) for p in language.year_on_year])
        self._level = PhraseTable([(p, True) for p in language.period.level])
        self._cause = PhraseTable([(p, name) for name, phrases in language.cause.items() for p in phrases])
        # Words that name goods: a figure about goods nobody named is about something narrower than the question.
        self.product_words = frozenset(w for p in language.products for w in p) - language.generic - language.stopwords
        self.product_words -= language.product_qualifiers
        # Each topic's words, from its name and synonyms; a figure whose subject holds one is about that topic too.
        self.words_of_topic = {
            t.id: frozenset(w for alias in (t.name, *t.synonyms) for w in phrase_of(alias)) for t in kb.topics
        }
        self.topic_words = frozenset().union(*self.words_of_topic.values()) - stop
        gazetteer_words = {w for phrase in _gazetteer_phrases(language) for w in phrase}
        known = set(index.idf) | index.surface | self.slot_words | gazetteer_words | self.place_words
        # A short form is expanded, never corrected ("merch" is merchandise, not March).
        known |= {short[0] for short in language.abbreviations if len(short) == 1}
        # Country names are targets too: "south koera" is South Korea, which the briefing does not cover.
        places = {w for w in self.place_words if len(w) > 3}
        # So are goods' names and the singular of the briefing's plural words ("garmnet": garments is two edits away).
        singulars = {w[:-1] for w in index.surface if len(w) > 4 and w.endswith("s") and is_english(w[:-1])}
        targets = index.surface | singulars | self.product_words | {w for p in slot_phrases for w in p} | places
        targets -= language.stopwords
        self.speller = Speller(known=known, targets=targets)

    def _per(self, tokens: list[str]) -> str | None:
        """What "per <...>" divides by: the first of the four words after "per" that names a basis."""
        for i, word in enumerate(tokens):
            if word == "per":
                basis = next((self.per_basis(w) for w in tokens[i + 1 : i + 5] if self.per_basis(w)), None)
                if basis:
                    return basis
        return None

    def _per_companies(self, tokens: list[str]) -> set[int]:
        """ "avg per company": a company after "per" is what the average divides by, not the subject (so it does not
        name foreign-trade enterprises); a kind of company ("per SOE") still names its subject."""
        return {
            i + 1
            for i, word in enumerate(tokens[:-1])
            if word == "per" and tokens[i + 1] in _COMPANY and self.per_basis(tokens[i + 1]) == "enterprise"
        }

    def per_basis(self, word: str | None) -> str | None:
        """What "per <word>" divides by, as a group name ("shopper" -> "person"); None when not a known basis."""
        return self.language.per.get(word) if word else None

    def _slot_only(self, phrase: tuple[str, ...]) -> bool:
        """A phrase the flow, measure, period or currency slots read whole ("exports", "trade volume", "december")."""
        tokens, taken = list(phrase), set()
        self.qualifiers.currency(tokens, taken)
        self.periods.parse(tokens, taken)
        self.flows.parse(tokens, taken)
        self.measures.parse(tokens, taken)
        stop = self.language.stopwords | self.language.generic
        return all(i in taken or word in stop for i, word in enumerate(tokens))

    def _expand(self, tokens: list[str], typed: list[str]) -> tuple[list[str], list[str]]:
        """Short forms replaced by the words they stand for ("ev" -> "electric vehicle"); typed words follow."""
        out: list[str] = []
        shown: list[str] = []
        taken: set[int] = set()
        by_start = {m.start: m for m in self._abbreviations.find(tokens, taken)}
        i = 0
        while i < len(tokens):
            match = by_start.get(i)
            pair = {w.lower() for w in typed[i : i + 2]}
            if pair == _COMPOUND_TRADE and all(w.islower() or w.istitle() for w in typed[i : i + 2]):
                # "import-export volume", "import export value": the singular compound is two-way trade, while
                # "imports exports" lists both flows.
                out += ["import", "and", "export"]
                shown += [" ".join(typed[i : i + 2])] * 3
                i += 2
                continue
            if match is None:
                out.append(tokens[i])
                shown.append(typed[i])
                i += 1
                continue
            out += match.value
            shown += [" ".join(typed[match.start : match.end])] * len(match.value)
            i = match.end
        return out, shown

    def read(self, text: str, about_briefing: bool = False) -> Reading:
        """The frame of one message (Slack markup allowed); ``about_briefing``: in a conversation about the
        briefing itself, where "when was it held" needs no "briefing" to ask about it."""
        _, typed = message_words(text)
        tokens = [norm(self.speller.correct(typed_word)) for typed_word in typed]
        tokens, typed = self._expand(tokens, typed)
        taken: set[int] = set()
        currency = self.qualifiers.currency(tokens, taken)
        periods = self.periods.parse(tokens, taken)
        briefing = self.briefing.parse(tokens, taken, about_briefing)
        qualifiers = self.qualifiers.parse(tokens, taken)
        taken |= self._per_companies(tokens)
        subjects = self.subjects.parse(tokens, taken)
        before_flows = set(taken)
        flows = self.flows.parse(tokens, taken)
        measures, measures_weak = self.measures.parse(tokens, taken)
        if self.measures.names_multiple(tokens, before_flows):
            # "imports relative to exports" names its flows inside the multiple it asks
            measures, measures_weak = measures | {Measure.MULTIPLE}, False
        amounts = quantities(tokens, taken)
        words: list[str] = []
        word_at: list[int] = []
        shown: list[str] = []
        unmatched: list[str] = []
        stop = self.language.stopwords | self.language.generic
        subject_positions = subjects.topic_positions
        for i, token in enumerate(tokens):
            if i in subject_positions and token in self.index.describing and token not in stop:
                words.append(token)  # a topic's name still says which of its figures is meant ("shoppers")
                word_at.append(i)
                continue
            if i in taken or token in stop or _NUMBER.match(token) or len(token) < 2:
                continue
            if token in self.index.describing:
                words.append(token)
                word_at.append(i)
                shown.append(typed[i])
            elif (
                token not in self.index.idf
                and token not in self.slot_words
                and _english(typed[i], token)
                and not _adverb(token)
            ):
                unmatched.append(typed[i])
        period, compared_with = periods.period, periods.compared_with
        if period is not None and period.first // 12 > self.covered_year and measures & {Measure.GROWTH, Measure.VALUE}:
            # A growth rate or value of a year after the one covered can only be a forecast ("the WTO's figure for
            # global trade growth in 2026")
            measures = measures | {Measure.FORECAST}
        if compared_with is None and (periods.year_on_year or self._year_on_year.find(tokens, set())):
            year = period.last // 12 if period else self.covered_year
            compared_with = Period.years(year - 1, year - 1, str(year - 1))  # "yoy": a change on the year before
        if periods.since is not None and Measure.GROWTH in measures and compared_with is None:
            # "growth since 2020" is a change on 2020, not a growth rate for 2021-2025
            period, compared_with = None, periods.since
        flow_list = list(flows.flows)
        for flow in qualifiers.excluded:  # "trade excluding imports" asks exports
            flow_list = [f for f in flow_list if f is not flow and f is not Flow.TRADE] or [_other(flow)]
        unique = dict(zip(words, word_at, strict=True))
        # An "and" inside a name ("Belt and Road", "mechanical and electrical") joins nothing.
        # Nor does one after China: "trade between China and BRI partners" is one figure, China's with them.
        joins = [
            m.start
            for m in self._conjunctions.find(tokens, set())
            if m.start not in subject_positions and tokens[m.start - 1 : m.start] != ["china"]
        ]
        # Every value below is already typed; validating the frame again would be a third of the time spent reading.
        return Reading.model_construct(
            text=text,
            word_at=tuple(unique.values()),
            length=sum(1 for t in tokens if t not in self.language.stopwords),
            joins=tuple(joins),
            subjects=subjects.subjects,
            entities=subjects.entities,
            words=tuple(unique),
            topic_words=tuple(w for w, at in unique.items() if at in subject_positions),
            typed=tuple(dict.fromkeys(shown)),
            unmatched=tuple(dict.fromkeys(unmatched)),
            flows=tuple(flow_list),
            flow_weak=flows.weak,
            measures=measures,
            measures_weak=measures_weak,
            measures_near=self.measures.near(measures) if measures_weak else frozenset(),
            # (where each measure stands, when two are asked or something is joined: "shoppers count + total sales")
            measure_at=self.measures.where(tokens) if len(measures) > 1 or joins else (),
            per=self._per(tokens),
            counted=_counted(tokens, self.language.per),
            period=period,
            compared_with=compared_with,
            currency=currency,
            source=qualifiers.source,
            alone=qualifiers.alone,
            level=bool(self._level.find(tokens, set())),
            cause=next((m.value for m in self._cause.find(tokens, set())), None),
            not_total=qualifiers.not_total,
            speaker=briefing.speaker,
            quantities=amounts,
            meta=briefing.meta,
            about_briefing=briefing.about_briefing,
            outlet=briefing.outlet,
            two_parts=_joined(joins, subjects.subjects, subjects.entities),
        )


def _other(flow: Flow) -> Flow:
    return Flow.IMPORTS if flow is Flow.EXPORTS else Flow.EXPORTS


def _slot_phrases(language: Language) -> list[tuple[str, ...]]:
    """Every flow, measure, period and currency phrase."""
    return [
        *language.flow.exports,
        *language.flow.imports,
        *language.flow.trade,
        *(p for group in language.measure.strong.values() for p in group),
        *(p for group in language.measure.weak.values() for p in group),
        *language.measure.points,
        *language.period.covered_year,
        *language.period.last_month,
        *language.period.five_year_plan,
        *language.period.months,
        *(p for group in language.currency.values() for p in group),
    ]


def _gazetteer_phrases(language: Language) -> list[tuple[str, ...]]:
    return [*language.products, *language.indicators, *language.off_topic]


def _joined(joins: list[int], subjects: tuple, entities: tuple) -> bool:
    """Two things named with "and", "vs", "or" ... between them: two figures may be asked."""
    named = sorted([*subjects, *entities], key=lambda s: s.at)
    return any(a.at + len(a.words) <= join < b.at for a, b in zip(named, named[1:], strict=False) for join in joins)


def _english(typed: str, token: str) -> bool:
    """An English word as typed or as stemmed ("teslas" -> "tesla"), rare ones too ("exhibitors")."""
    return is_english(typed.lower(), rare=True) or is_english(token, rare=True)


def _adverb(token: str) -> bool:
    """ "barely", "roughly", "honestly": an adverb says how, never what; it names no subject the briefing lacks."""
    return len(token) > 5 and token.endswith("ly")


_COMPANY = frozenset({"company", "firm", "enterprise", "business"})  # (stems, as tokens are compared)


def _counted(tokens: list[str], per: dict[str, str]) -> str | None:
    """What a count counts when it is time or people: "how many years", "quarters in a row", "how many shoppers"."""
    for i, word in enumerate(tokens):
        before = tokens[max(0, i - 2) : i]
        if word in {"year", "month", "quarter"}:
            after = tokens[i + 1 : i + 3]
            if "many" in before or "consecutive" in before or after[:2] in (["in", "a"], ["of", "growth"]):
                return word
        elif per.get(word) == "person" and "many" in before:
            return "person"
        elif per.get(word) == "enterprise" and {"many", "number"} & set(tokens[max(0, i - 4) : i]):
            return "enterprise"  # "how many firms"
    return None
