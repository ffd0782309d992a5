"""The answer engine: rank indicators for a question, or decline when the briefing does not hold the answer.

Declining is as important as answering: a figure for a different subject stated with confidence is the worst
failure. So a question is declined when it names a place no topic covers (India), a period no figure covers
(2024, Q3), or a word the knowledge base does not know at all (steel, GDP, bitcoin), before any ranking.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA
from spellchecker import SpellChecker

from bot.answer import lexicon
from bot.answer.index import Document, Index
from bot.answer.models import Answer, Reply
from bot.answer.normalize import MAX_CHARS, words
from bot.answer.places import find_places
from bot.answer.query import Query, canonical, canonical_words, read_query
from bot.answer.suggest import Suggester
from bot.kb.base import Entry, KnowledgeBase

MAX_ANSWERS = 3
MAX_TOPIC_ANSWERS = 40  # a bare topic lists its headline and this many figures at most (Slack shows fewer)
_PRESELECT = 600  # candidates kept by subject score before the other words are weighed
_SHORTLIST = 200  # candidates kept by base score before fit and coverage
_NAMES_WITH_PLACES = re.compile(
    r"hong\s*kong[\s-]*zhuhai[\s-]*maca[ou]|guangdong[\s-]*hong\s*kong[\s-]*maca[ou]|china[\s-]*laos|china[\s-]*europe"
)
_WORLD_WORDS = frozenset({"global", "world", "worldwide", "international", "wto", "unctad"})
_WORLD_SUBJECTS = frozenset({"global", "world"})
_DECLINE = "decline"  # what _measure_note returns when the only figure found measures the opposite flow
_REAL_WORD = 100  # occurrences in the English frequency list above which a word is taken as typed
# Topics whose figures are about China as a whole: what a question naming no subject is about.
NATIONAL_TOPICS = ("total-trade", "exports", "imports", "december", "fyp14")
_AMOUNT_WORDS = frozenset({"value", "volume", "trillion", "billion", "yuan", "dollars", "usd"})
INTENT_WORDS = (
    lexicon.GROWTH_WORDS
    | lexicon.SHARE_WORDS
    | lexicon.COUNT_WORDS
    | lexicon.VALUE_WORDS
    | lexicon.CONTRIBUTION_WORDS
    | lexicon.FORECAST_WORDS
)


class Engine:
    """Answers messages from one knowledge base. Build once; ``ask`` is cheap and thread-safe."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        _english()  # load the English word list and the gazetteer now, not on the first question
        find_places("")
        self.index = Index(kb)
        self.suggester = Suggester(kb)
        self._known_words = self._collect_known_words()
        # Typos are corrected towards words that describe figures, never towards filler ("surplus" is not a
        # typo of "surpass") and never away from a subject we know we do not hold.
        self._correctable = sorted(
            w
            for w in self._known_words
            if len(w) >= 4 and w not in lexicon.STOPWORDS and w not in lexicon.FLUFF and w not in lexicon.UNHELD
        )
        self._covered_places = self._collect_covered_places()
        self._documents_by_uid = {d.entry.uid: d for d in self.index.documents}
        self._national = [p for p, d in enumerate(self.index.documents) if d.entry.indicator.topic in NATIONAL_TOPICS]
        self._topic_phrases = [
            (topic.id, frozenset(_content(phrase)))
            for topic in kb.topics
            for phrase in (topic.name, *topic.synonyms)
            if _content(phrase)
        ]

    # ------------------------------------------------------------------ set-up
    def _collect_known_words(self) -> frozenset[str]:
        texts: list[str] = []
        for entry in self.kb.entries:
            ind = entry.indicator
            texts += [ind.label, ind.subject, ind.measure, ind.period, ind.quote, *ind.synonyms]
        for topic in self.kb.topics:
            texts += [topic.name, *topic.synonyms]
        texts += [*lexicon.PHRASES, *lexicon.WORDS]
        known = {w for text in texts for w in words(text)}
        return frozenset(known | lexicon.STOPWORDS | lexicon.GENERIC | INTENT_WORDS | lexicon.FLUFF)

    def _collect_covered_places(self) -> frozenset[str]:
        covered = {"china"}
        for topic in self.kb.topics:
            if topic.place:
                covered |= {topic.name.lower(), *(s.lower() for s in topic.synonyms)}
        for entry in self.kb.entries:
            if self.kb.topic(entry.indicator.topic) and self.kb.topic(entry.indicator.topic).place:
                covered.add(entry.indicator.subject.lower())
        return frozenset(covered)

    def _correct(self, word: str) -> str:
        """The known word ``word`` was probably meant as, or ``word`` itself."""
        if word in self._known_words or word in lexicon.UNHELD:
            return word
        if "-" in word:  # "us-china", "trade-desk": read the parts
            return " ".join(self._correct(part) for part in word.split("-") if part)
        if len(word) < 4 or not word.isalpha() or _english_frequency(word) >= _REAL_WORD:
            return word  # a real English word is not a typo: "comparing" is not "computing", "pork" not "port"
        if len(word) == 4:  # only swapped letters ("raod"): "pork" is not a typo of "port"
            swapped = [w for w in self._correctable if len(w) == 4 and sorted(w) == sorted(word) and w[0] == word[0]]
            return swapped[0] if swapped else word
        limit = 1 if len(word) < 10 else 2
        # Typos keep the first letter: "exprts", "asaen", "lithum". Without that rule "exchange" became "change".
        for candidate, _, _ in process.extract(word, self._correctable, scorer=OSA.distance, score_cutoff=limit):
            if candidate[0] == word[0]:
                return candidate
        return word

    # ------------------------------------------------------------------ asking
    def ask(self, text: str, *, slash: bool = False) -> Reply:
        """Answer a message.

        Args:
            text: A mention, a DM, or (``slash=True``) what follows ``/trade``. Slack markup is allowed.
            slash: The text is a slash-command argument, usually terse ("asean", "lithium batteries").

        Returns:
            A Reply: ranked answers, the figures of a topic, or a decline with suggestions.
        """
        if len(text) > MAX_CHARS:
            return Reply(query=text[:200], answered=False, reason="too_long")
        query = read_query(text, self._correct)
        content = [t for t in query.content if not _is_year(t)]
        if not content and not query.years:
            return self._decline(query, "empty", None)

        places = [(typed, name) for typed, name in find_places(_place_text(query)) if not self._covered(typed, name)]

        # Words naming a period or a place are judged by _period_gap and the place check, not as unknown subjects;
        # a place some quote names still helps find that figure ("trade of Guangdong, Jiangsu, Zhejiang").
        period_words = {w for phrase in query.periods for w in phrase.split()}
        place_words = {canonical(w) for typed, _ in places for w in typed.split()}
        content = [t for t in content if t not in period_words]
        quoted_places = [t for t in content if t in place_words and t in self.index.vocabulary]
        content = [t for t in content if t not in place_words]
        specific = [t for t in content if t in self.index.subject_vocabulary and t not in lexicon.WEAK]
        if not specific and len(set(quoted_places)) < 2:
            quoted_places = []  # "total trade with Australia" is not the Oceania dairy figure whose quote names it
        unknown = [t for t in content if t not in self.index.strong_vocabulary and not self._is_known_filler(t)]
        # A word we know nothing about is what the question is about when nothing else names a subject, or when
        # it is a subject we know we do not hold ("steel exports to ASEAN").
        unheld = [t for t in content if t in lexicon.UNHELD and t not in self.index.strong_vocabulary]
        # In a terse message every word counts ("hainan casinos"). A chatty one carries words we need not know: when
        # it names no subject but does name a flow ("…can you confirm how much china exported last year?") the
        # national figure for that flow is what it asks.
        chatty_flow = len(content) >= 8 and bool({"exports", "imports", "trade"} & set(content))
        if unheld or (unknown and (len(content) <= 3 or (not specific and not chatty_flow))):
            named = unheld or unknown
            return self._decline(query, "unknown", _join(dict.fromkeys(query.typed.get(t, t) for t in named)))

        bare = not places and not query.periods and not set(query.years) - {"2025"}
        topic_id = self._bare_topic(content) if bare else None
        if topic_id is not None:
            return self._topic_reply(query, topic_id)

        ranked = self._rank(query, content + quoted_places, specific + quoted_places)
        if not ranked and places:
            return self._decline(query, "place", _join(dict.fromkeys(name for _, name in places)))
        if not ranked:
            return self._decline(query, "unknown", query.text[:80])
        best_entry = ranked[0][0]
        # A place no topic covers is declined, unless the best figure's own quote names it ("dairy imports from
        # Australia and New Zealand" is the Oceania figure whose quote names both).
        quote = _NAMES_WITH_PLACES.sub(" ", best_entry.indicator.quote.lower())
        places = [(typed, name) for typed, name in places if typed not in quote and name.lower() not in quote]
        if places:
            return self._decline(query, "place", _join(dict.fromkeys(name for _, name in places)))
        period_gap = self._period_gap(query, best_entry)
        if period_gap:
            return self._decline(query, "period", period_gap)
        if self._global_for_china(query, ranked[0][0]):
            subject = best_entry.indicator.subject
            return self._decline(query, "kind", f"figure for China on this (only one for {subject})")
        gap = self._kind_gap(query, best_entry, specific)
        if gap:
            return self._decline(query, "kind", gap)
        note = self._measure_note(query, best_entry)
        if note == _DECLINE:
            subject = best_entry.indicator.subject
            asked = "exports" if "exports" in query.tokens else "imports"
            return self._decline(query, "kind", f"{asked} of {subject}" if specific else asked)
        answers = [self._answer(entry, score) for entry, score in ranked]
        if note:
            answers[0] = answers[0].model_copy(update={"note": note})
        return Reply(query=text, answered=True, answers=answers, reason="answer")

    def topic(self, topic_id: str) -> Reply:
        """The figures of one topic, headline first (what a "More on <topic>" button asks)."""
        topic = self.kb.topic(topic_id)
        if topic is None:
            return Reply(query=topic_id, answered=False, reason="unknown", not_found=topic_id)
        return self._topic_reply(read_query(topic.name), topic_id)

    # ------------------------------------------------------------------ steps
    def _covered(self, typed: str, name: str) -> bool:
        return typed in self._covered_places or name.lower() in self._covered_places

    def _is_known_filler(self, token: str) -> bool:
        return (
            token in lexicon.STOPWORDS
            or token in lexicon.GENERIC
            or token in INTENT_WORDS
            or token in lexicon.FLUFF
            or token.replace(".", "").isdigit()
        )

    def _bare_topic(self, content: list[str]) -> str | None:
        """The topic a message names and nothing else ("asean", "private enterprises", "14th fyp")."""
        words_ = frozenset(t for t in content if t not in {"china", "trade", "2025"}) or frozenset(content)
        if not words_ or words_ & (INTENT_WORDS - {"total"}):
            return None
        for topic_id, phrase in self._topic_phrases:
            if words_ == phrase:
                return topic_id
        return None

    def _topic_reply(self, query: Query, topic_id: str) -> Reply:
        topic = self.kb.topic(topic_id)
        entries = self.kb.entries_for_topic(topic_id)[:MAX_TOPIC_ANSWERS]
        answers = [self._answer(e, 100.0 if i == 0 else 90.0) for i, e in enumerate(entries)]
        return Reply(
            query=query.raw, answered=True, answers=answers, topic=topic_id, topic_name=topic.name, reason="topic"
        )

    def _rank(self, query: Query, content: list[str], specific: list[str]) -> list[tuple[Entry, float]]:
        # Words asking for growth rank through _fit, not through the index: as index words they would favour any
        # figure whose label happens to say "growth" over the value that states its growth as a change.
        others = [t for t in content if t not in specific and t not in lexicon.GROWTH_WORDS]
        if specific:
            scores = self.index.score(specific)
            candidates = scores.keys()
            if len(scores) > _PRESELECT:  # a common subject word in a large knowledge base
                candidates = [p for p, _ in heapq.nlargest(_PRESELECT, scores.items(), key=lambda i: (i[1], -i[0]))]
        else:
            scores, candidates = {}, self._national
        # The other words add to figures already found; looked up per candidate, not through their long postings.
        weighted = [(t, self.index.idf[t]) for t in dict.fromkeys(others) if t in self.index.idf]
        documents = self.index.documents
        base = {
            p: scores.get(p, 1.0) + 0.3 * sum(idf * documents[p].weights.get(t, 0.0) for t, idf in weighted)
            for p in candidates
        }
        # Fit and coverage re-rank the best candidates by base score; a large knowledge base has thousands of
        # candidates for a common subject and fit cannot lift one from below this many.
        shortlist = heapq.nlargest(_SHORTLIST, base.items(), key=lambda item: (item[1], -item[0]))
        asked = frozenset(query.tokens)
        wanted = frozenset(specific)
        ranked = [
            (p, score * self._fit(query, asked, documents[p]) * self._coverage(wanted, documents[p]))
            for p, score in shortlist
        ]
        # Ties go to the figure stated first in the briefing (documents are in briefing order).
        ranked.sort(key=lambda pair: (-pair[1], pair[0]))
        return [(documents[p].entry, score) for p, score in ranked[:MAX_ANSWERS]]

    @staticmethod
    def _coverage(wanted: frozenset[str], doc: Document) -> float:
        """The share of the subject words asked that describe this figure (not merely occur in its quote), squared:
        "high-tech imports from the EU" prefers the figure about both over the EU's headline."""
        if not wanted:
            return 1.0
        described = sum(1 for w in wanted if doc.weights.get(w, 0.0) > 0.5)
        return (max(described, 0.5) / len(wanted)) ** 2

    def _fit(self, query: Query, asked: frozenset[str], doc: Document) -> float:
        """How well a figure's kind, measure and period fit what the question asks for (a multiplier)."""
        factor = 1.0
        counting = bool(asked & lexicon.COUNT_WORDS)  # "with how many countries did trade grow": a count
        if asked & lexicon.GROWTH_WORDS and not counting:
            factor *= 1.5 if doc.growth else 0.6
        if asked & lexicon.SHARE_WORDS:
            factor *= 1.6 if doc.share else 0.6
        if counting:
            factor *= 1.5 if doc.kind == "count" else 0.7
        if doc.kind == "rank":  # "where does the EU rank": only then a rank, never for "how much"
            factor *= 1.6 if asked & lexicon.RANK_WORDS else 0.6
        if asked & _AMOUNT_WORDS:
            factor *= 1.3 if doc.kind in {"value", "volume"} else 0.8
        if asked & lexicon.CONTRIBUTION_WORDS:
            factor *= 1.8 if doc.kind == "contribution" else 0.7
        if asked & lexicon.FORECAST_WORDS:
            factor *= 1.8 if doc.kind == "forecast" or "2026" in doc.period else 0.6
        exports, imports = "exports" in asked, "imports" in asked
        if exports != imports:
            wanted, other = ("export", "import") if exports else ("import", "export")
            if wanted in doc.measure:
                factor *= 1.4
            elif other in doc.measure:
                factor *= 0.5
            else:
                factor *= 0.8
        else:  # "imports and exports", "trade", or no flow at all: total trade, not one flow
            one_flow = ("export" in doc.measure) != ("import" in doc.measure)
            if exports or "trade" in asked:
                factor *= 0.7 if one_flow else 1.2
            else:
                factor *= 0.9 if one_flow else 1.1
        if "december" in asked:
            factor *= 2.5 if "december" in doc.period else 0.5
        if "fyp" in asked:
            fyp = doc.entry.indicator.topic == "fyp14" or "2021" in doc.period or "2020" in doc.mentions
            factor *= 2.0 if fyp else 0.6
        for year in query.years:
            if year != "2025":
                factor *= 2.0 if year in doc.mentions else 1.3 if _covers_year(doc.mentions, year) else 0.4
        if not set(query.years) - {"2025"} and "fyp" not in asked:
            # No other period asked: 2025 is meant, not 2024 or the five-year average.
            other_period = "2021-2025" in doc.period or any(y in doc.period for y in ("2020", "2024"))
            factor *= 0.7 if other_period else 1.0
        # A figure about something narrower than what was asked ("garment exports to the EU" for "exports to the
        # EU") gives way to the figure about exactly that subject.
        factor /= 1 + 0.35 * len(doc.core_words - asked)
        if doc.headline:  # a tie-breaker: the topic's headline before its details
            factor *= 1.08
        return factor

    def _period_gap(self, query: Query, entry: Entry) -> str | None:
        """A period the question asks for that the best answer does not cover ("2024", "Q3"), or None."""
        ind = entry.indicator
        mentions = f"{ind.period} {ind.change or ''} {ind.label}"
        for year in query.years:
            if year != "2025" and not _covers_year(mentions, year):
                return f"figures for {year}"
        for period in query.periods:
            words_ = period.split()
            if any(w in ind.period.lower() for w in words_ if len(w) > 2 and w not in {"first", "last"}):
                continue
            return f"figures for {period.upper() if len(period) == 2 else period}"
        return None

    def _global_for_china(self, query: Query, entry: Entry) -> bool:
        """China's own figure asked, only a world figure held ("China's export growth forecast for 2026")."""
        asked = set(query.tokens)
        document = self._documents_by_uid[entry.uid]
        return "china" in asked and not asked & _WORLD_WORDS and bool(document.core_words & _WORLD_SUBJECTS)

    def _kind_gap(self, query: Query, entry: Entry, specific: list[str]) -> str | None:
        """A growth rate asked of a subject for which the briefing states none ("Xiongan's growth rate")."""
        asked = set(query.tokens)
        if not asked & (lexicon.GROWTH_WORDS - {"%"}) or asked & (
            lexicon.SHARE_WORDS | lexicon.CONTRIBUTION_WORDS | lexicon.COUNT_WORDS
        ):
            return None
        ind = entry.indicator
        if ind.change or ind.kind in {"growth", "multiple", "contribution", "share", "forecast"}:
            return None
        return f"growth rate for {ind.subject}" if specific else "growth rate"

    def _measure_note(self, query: Query, entry: Entry) -> str | None:
        """Exports asked, total trade found: say so. Exports asked, only imports found: decline (``_DECLINE``)."""
        asked = set(query.tokens)
        exports, imports = "exports" in asked, "imports" in asked
        if exports == imports:
            return None
        wanted, other = ("export", "import") if exports else ("import", "export")
        measure = entry.indicator.measure.lower()
        if wanted in measure:
            return None
        if other in measure:
            return _DECLINE
        return f"The briefing gives no {wanted} figure for this; the figure stated is {measure}."

    def _answer(self, entry: Entry, score: float) -> Answer:
        topic = self.kb.topic(entry.indicator.topic)
        return Answer.from_entry(entry, topic.name if topic else entry.indicator.topic, score)

    def _decline(self, query: Query, reason: str, not_found: str | None) -> Reply:
        return Reply(
            query=query.raw,
            answered=False,
            reason=reason,
            not_found=not_found,
            suggestions=self.suggester.suggest(query.text, reason),
        )


@lru_cache(maxsize=1)
def _english() -> SpellChecker:
    return SpellChecker(language="en")


def _english_frequency(word: str) -> int:
    """How often ``word`` occurs in pyspellchecker's English word-frequency list (0 for a non-word)."""
    return _english().word_frequency[word]


def _content(phrase: str) -> list[str]:
    return [w for w in canonical_words(phrase, split_hyphens=False) if w not in lexicon.STOPWORDS]


def _is_year(token: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d", token))


def _covers_year(mentions: str, year: str) -> bool:
    """A figure covers a year it names; a five-year figure (2021-2025) also covers "since 2020".

    It does not cover 2021 to 2024 one by one: the briefing gives no figure for those years alone.
    """
    return year in mentions or ("2021-2025" in mentions and year == "2020")


def _place_text(query: Query) -> str:
    # Names that contain places are not questions about those places: the bridge, the Greater Bay Area.
    return _NAMES_WITH_PLACES.sub(" ", query.text)


def _join(names: Iterable[str]) -> str:
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
