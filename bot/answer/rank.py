"""Ranking: which figures a question asks for, best first.

A weighted word index finds the candidates (``bot.answer.index``); each is then scored by how well its kind,
flow, period and subject fit what the question asks for, and by how many of the subject words asked describe it.
"""

from __future__ import annotations

import heapq

from bot.answer import lexicon
from bot.answer.index import Document, Index
from bot.answer.query import Query
from bot.kb.base import Entry

MAX_ANSWERS = 3
_PRESELECT = 600  # candidates kept by subject score before the other words are weighed
_SHORTLIST = 200  # candidates kept by base score before fit and coverage
# Topics whose figures are about China as a whole: what a question naming no subject is about.
NATIONAL_TOPICS = ("total-trade", "exports", "imports", "december", "fyp14")
_AMOUNT_WORDS = frozenset({"value", "volume", "trillion", "billion", "yuan", "dollars", "usd"})


class Ranker:
    """Ranks the indicators of one index for a question."""

    def __init__(self, index: Index):
        self.index = index
        self.national = [p for p, d in enumerate(index.documents) if d.entry.indicator.topic in NATIONAL_TOPICS]

    def rank(self, query: Query, content: list[str], specific: list[str]) -> list[tuple[Entry, float]]:
        # Words asking for growth rank through _fit, not through the index: as index words they would favour any
        # figure whose label happens to say "growth" over the value that states its growth as a change.
        others = [t for t in content if t not in specific and t not in lexicon.GROWTH_WORDS]
        if specific:
            scores = self.index.score(specific)
            candidates = scores.keys()
            if len(scores) > _PRESELECT:  # a common subject word in a large knowledge base
                candidates = [p for p, _ in heapq.nlargest(_PRESELECT, scores.items(), key=lambda i: (i[1], -i[0]))]
        else:
            scores, candidates = {}, self.national
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
                factor *= 2.0 if year in doc.mentions else 1.3 if covers_year(doc.mentions, year) else 0.4
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


def covers_year(mentions: str, year: str) -> bool:
    """A figure covers a year it names; a five-year figure (2021-2025) also covers "since 2020".

    It does not cover 2021 to 2024 one by one: the briefing gives no figure for those years alone.
    """
    return year in mentions or ("2021-2025" in mentions and year == "2020")
