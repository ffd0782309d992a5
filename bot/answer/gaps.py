"""Checks on the best figure found: does it really answer what was asked, or must the question be declined?

Each returns what the briefing does not hold, as the decline names it ("figures for 2024", "growth rate for
Xiongan New Area"), or None when the figure answers the question.
"""

from __future__ import annotations

from bot.answer import lexicon
from bot.answer.index import Document
from bot.answer.query import Query
from bot.answer.rank import covers_year
from bot.kb.base import Entry

_WORLD_WORDS = frozenset({"global", "world", "worldwide", "international", "wto", "unctad"})
_WORLD_SUBJECTS = frozenset({"global", "world"})
OPPOSITE_FLOW = "opposite flow"  # what measure_note returns when the only figure found measures the other flow


def period_gap(query: Query, entry: Entry) -> str | None:
    """A period the question asks for that the best answer does not cover ("2024", "Q3"), or None."""
    ind = entry.indicator
    mentions = f"{ind.period} {ind.change or ''} {ind.label}"
    for year in query.years:
        if year != "2025" and not covers_year(mentions, year):
            return f"figures for {year}"
    for period in query.periods:
        words_ = period.split()
        named = [w for w in words_ if len(w) > 2 and w not in {"last"}]
        if named and all(w in ind.period.lower() for w in named):
            continue
        typed = query.period_typed.get(period, period)
        return f"figures for {typed.upper() if len(typed) == 2 else typed}"
    return None


def global_for_china(query: Query, document: Document) -> bool:
    """China's own figure asked, only a world figure held ("China's export growth forecast for 2026")."""
    asked = set(query.tokens)
    return "china" in asked and not asked & _WORLD_WORDS and bool(document.core_words & _WORLD_SUBJECTS)


def kind_gap(query: Query, entry: Entry, specific: list[str]) -> str | None:
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


def share_gap(query: Query, entry: Entry, specific: list[str]) -> str | None:
    """A share asked of a subject for which the briefing states none ("FIE share of total trade")."""
    if not set(query.tokens) & lexicon.SHARE_WORDS:
        return None
    ind = entry.indicator
    if ind.share or ind.kind in {"share", "contribution", "multiple", "rank"} or "%" in ind.stated:
        return None
    return f"share figure for {ind.subject}" if specific else "share figure"


def measure_note(query: Query, entry: Entry) -> str | None:
    """Exports asked, total trade found: say so. Exports asked, only imports found: decline (``OPPOSITE_FLOW``)."""
    asked = set(query.tokens)
    exports, imports = "exports" in asked, "imports" in asked
    if exports == imports:
        return None
    wanted, other = ("export", "import") if exports else ("import", "export")
    measure = entry.indicator.measure.lower()
    if wanted in measure:
        return None
    if other in measure:
        return OPPOSITE_FLOW
    return f"The briefing gives no {wanted} figure for this; the figure stated is {measure}."
