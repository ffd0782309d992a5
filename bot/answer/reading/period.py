"""The period slot: the span a figure is asked for, and a period it is compared with.

"2025", "December", "last month", "Jan-Oct", "first 10 months", "H1", "Q3", "first three quarters",
"2021-2025", "since 2020", "the 14th five-year plan", "since the launch", and "compared with 2024" (a comparison,
not the period asked). The year a briefing covers comes from the knowledge base, so "last year" and a bare
"December" need no code change for a later briefing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.answer.language import Language
from bot.answer.reading.frame import Period
from bot.answer.words import PhraseTable

_YEAR = re.compile(r"^(?:19|20)\d\d$")
_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")  # a day of the month: "Dec. 18", "the 14th"
_RANGE = re.compile(r"^((?:19|20)\d\d)-((?:19|20)\d\d)$")
_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12,
}  # fmt: skip
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": 4}
_QUARTERS = {"q1": 1, "q2": 2, "q3": 3, "q4": 4}
_HALVES = {"h1": 1, "1h": 1, "h2": 2, "2h": 2}
_MONTH_NAMES = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_LOOSE_COMPARISON = {"over", "on", "against"}  # words that also open a period: "over the past five years"
_SPAN_JOINERS = {"to", "through", "thru", "until", "till", "-", "and"}
_MONTH_PREPOSITIONS = {"in", "during", "since", "for", "of", "from", "by"}


@dataclass(frozen=True)
class PeriodReading:
    period: Period | None
    compared_with: Period | None
    since: Period | None = None  # "since 2020": a span for a value, the base of a change for a growth rate
    year_on_year: bool = False  # "higher than a year before": a change on the same span a year earlier


@dataclass(frozen=True)
class _Found:
    period: Period
    start: int
    end: int
    explicit_year: bool  # a year was typed for it
    since: Period | None = None  # the year after "since"
    year_before: bool = False  # "the year before", "the previous year": the covered year's, or a comparison's


class PeriodParser:
    """Reads periods from compared words; ``covered_year`` is the year the briefing reports on."""

    def __init__(self, language: Language, covered_year: int):
        words = language.period
        self.year = covered_year
        self._month_names = PhraseTable(list(words.months.items()))
        self._phrases = PhraseTable(
            [(p, "year") for p in words.covered_year]
            + [(p, "year_before") for p in words.year_before]
            + [(p, "year_after") for p in words.year_after]
            + [(p, "last_month") for p in words.last_month]
            + [(p, "plan") for p in words.five_year_plan]
            + [(p, "event") for p in words.since_event]
        )
        self._comparison = frozenset(language.comparison)

    def parse(self, tokens: list[str], taken: set[int]) -> PeriodReading:
        found = self._find(tokens, taken)
        # Only a year or a plan is compared against ("up 5% on 2024"); "on Dec 18" is a date.
        compared = [f for f in found if f.period.whole_years and self._is_comparison(tokens, f)]
        # "than a year before", "compared with the previous year": a change on the same span a year earlier, whatever
        # span is asked (Hainan's weeks since the launch, or the year)
        year_on_year = any(f.year_before for f in compared)
        compared = [f for f in compared if not f.year_before]
        asked = [f for f in found if f not in compared and not (f.year_before and year_on_year)]
        # A comparison needs something to compare: "compared with 2024" alone still asks about the covered year.
        period = _most_specific(asked)
        if period is not None and any(f.period == period and _after_end_of(tokens, f.start) for f in asked):
            period = period.model_copy(update={"ending": True, "label": f"by the end of {period.label}"})
        elif (
            period is not None
            and not (period.whole_years or period.event or period.starting)
            and any(f.period == period and _word_before(tokens, f.start) in _STARTS for f in asked)
        ):
            # "starting in June", "since the second quarter": the span that opens then, as long as it runs
            period = period.model_copy(update={"starting": True, "label": f"since {period.label}"})
        compared_with = compared[0].period if compared else None
        if period is not None and compared_with is not None and period.same_span(compared_with):
            compared_with = None
        covered = Period.years(self.year, self.year, str(self.year))
        if period is None and compared_with is not None and compared_with.same_span(covered):
            period, compared_with = compared_with, None  # "trade over 2025": nothing earlier to compare with
        for f in found:
            taken.update(range(f.start, f.end))
        since = next((f.since for f in asked if f.since is not None and f.period == period), None)
        return PeriodReading(period=period, compared_with=compared_with, since=since, year_on_year=year_on_year)

    # ------------------------------------------------------------------ finding spans
    def _find(self, tokens: list[str], taken: set[int]) -> list[_Found]:
        found: list[_Found] = []
        used: set[int] = set(taken)
        for match in self._phrases.find(tokens, used):
            period = self._named(match.value, tokens, match.start)
            if period is not None:
                before = match.value == "year_before"
                found.append(_Found(period, match.start, match.end, False, year_before=before))
        i = 0
        while i < len(tokens):
            if i in used:
                i += 1
                continue
            hit = self._at(tokens, i)
            if hit is None:
                i += 1
                continue
            found.append(hit)
            used.update(range(hit.start, hit.end))
            i = hit.end
        found.sort(key=lambda f: f.start)
        return self._attach_years(found)

    def _named(self, kind: str, tokens: list[str], start: int) -> Period | None:
        if kind == "year":
            return Period.years(self.year, self.year, str(self.year))
        if kind == "year_before":
            return Period.years(self.year - 1, self.year - 1, str(self.year - 1))
        if kind == "year_after":
            return Period.years(self.year + 1, self.year + 1, str(self.year + 1))
        if kind == "last_month":
            return Period.months(self.year, 12, 12, f"December {self.year}")
        if kind == "event":
            return Period(first=self.year * 12 + 11, last=self.year * 12 + 11, label="since the launch", event=True)
        # A five-year plan: the one ending with the covered year, unless an earlier one is named ("13th").
        before = tokens[start - 1] if start else ""
        ordinal = re.match(r"^(\d+)(?:st|nd|rd|th)$", before)
        back = 0
        if ordinal and ordinal.group(1) < "14":  # plans are numbered; the 14th ended with 2025
            back = 5 * (14 - int(ordinal.group(1)))
        first, last = self.year - 4 - back, self.year - back
        return Period.years(first, last, f"{first}-{last}")

    def _at(self, tokens: list[str], i: int) -> _Found | None:
        word = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        after = tokens[i + 2] if i + 2 < len(tokens) else ""
        span = _RANGE.match(word)
        if span:
            first, last = int(span.group(1)), int(span.group(2))
            return _Found(Period.years(first, last, f"{first}-{last}"), i, i + 1, True)
        if _YEAR.match(word):
            year = int(word)
            if nxt in _SPAN_JOINERS and _YEAR.match(after) and int(after) > year:
                return _Found(Period.years(year, int(after), f"{year}-{after}"), i, i + 3, True)
            if i and tokens[i - 1] == "since" and year < self.year:
                span = Period.years(year + 1, self.year, f"{year + 1}-{self.year}")
                return _Found(span, i - 1, i + 1, True, since=Period.years(year, year, word))
            return _Found(Period.years(year, year, word), i, i + 1, True)
        if word in _QUARTERS:
            q = _QUARTERS[word]
            return _Found(self._months(3 * q - 2, 3 * q, f"Q{q}"), i, i + 1, False)
        if word in _HALVES:
            h = _HALVES[word]
            return _Found(self._months(6 * h - 5, 6 * h, f"H{h}"), i, i + 1, False)
        if word in _ORDINALS and nxt in {"half"}:
            h = min(_ORDINALS[word], 2)
            return _Found(self._months(6 * h - 5, 6 * h, f"H{h}"), i, i + 2, False)
        if word in _ORDINALS and nxt == "quarter":
            q = _ORDINALS[word]
            return _Found(self._months(3 * q - 2, 3 * q, f"Q{q}"), i, i + 2, False)
        if word in _ORDINALS and nxt in _SPAN_JOINERS and after in _ORDINALS and _at(tokens, i + 3) == "quarter":
            q1, q2 = _ORDINALS[word], _ORDINALS[after]
            return _Found(self._months(3 * q1 - 2, 3 * q2, f"Q{q1}-Q{q2}"), i, i + 4, False)
        if word == "first" and _count(nxt) and after in {"month", "quarter"}:
            n = _count(nxt)
            last = n if after == "month" else 3 * n
            if 0 < last <= 12:
                return _Found(self._months(1, last, _span_label(1, last)), i, i + 3, False)
        months = self._months_at(tokens, i)
        if months is not None:
            return months
        return None

    def _months_at(self, tokens: list[str], i: int) -> _Found | None:
        matches = self._month_names.find(tokens[i : i + 1], set())
        # "may" is the verb far more often than the month, unless a year or a day follows ("May 2025") or a
        # preposition comes before it ("imports in May").
        if not matches:
            return None
        if tokens[i] == "may" and not (
            re.fullmatch(r"(?:19|20)\d\d|\d{1,2}", _at(tokens, i + 1)) or _at(tokens, i - 1) in _MONTH_PREPOSITIONS
        ):
            return None
        first = matches[0].value
        end = i + 1
        last = first
        days = 0
        if i and _DAY.fullmatch(tokens[i - 1]):
            # "18 December and 10 January": the day before its month, then a span into the next year's month
            joined = end < len(tokens) and tokens[end] in _SPAN_JOINERS
            at = end + 2 if joined and _DAY.fullmatch(_at(tokens, end + 1)) else end + 1
            second = self._month_names.find(tokens[at : at + 1], set()) if joined else []
            if second and second[0].value < first:
                return self._into_next_year(tokens, i - 1, at + 1, first, second[0].value)
        while end < len(tokens) and _DAY.fullmatch(tokens[end]):
            end, days = end + 1, days + 1  # a day of the month: "Dec. 18, 2025", "dec 18 to jan 10"
        if end < len(tokens) and tokens[end] in _SPAN_JOINERS and end + 1 < len(tokens):
            second = self._month_names.find(tokens[end + 1 : end + 2], set())
            if second and second[0].value > first:
                last, end = second[0].value, end + 2
            elif second and (days or _DAY.fullmatch(_at(tokens, end + 2))):
                # "Dec 18 to Jan 10", "mid-December to Jan 10": into the next year, an event's span
                return self._into_next_year(tokens, i, end + 2, first, second[0].value)
        before = _word_before(tokens, i)
        if days and before in {"since", "on", "from"}:  # "since Dec 18", "since the dec 18 launch": from an event on
            return _Found(
                Period(
                    first=self.year * 12 + first - 1,
                    last=self.year * 12 + first - 1,
                    label=f"since {_span_label(first, first)} {self.year}",
                    event=True,
                ),
                i - 1,
                end,
                False,
            )
        elif end < len(tokens) and tokens[end] != "may":
            second = self._month_names.find(tokens[end : end + 1], set())  # "jan oct" from "Jan-Oct"
            if second and second[0].value > first:
                last, end = second[0].value, end + 1
            elif second and days:  # "dec 18 - jan 10": the dash is gone, the span runs into the next year
                return self._into_next_year(tokens, i, end + 1, first, second[0].value)
        while end < len(tokens) and _DAY.fullmatch(tokens[end]):
            end += 1  # a day of the month: "Dec. 18, 2025"
        return _Found(self._months(first, last, _span_label(first, last)), i, end, False)

    def _into_next_year(self, tokens: list[str], start: int, end: int, first: int, second: int) -> _Found:
        """A dated span from a month of the covered year into a month of the next ("Dec 18 to Jan 10")."""
        while end < len(tokens) and _DAY.fullmatch(tokens[end]):
            end += 1
        span = Period(
            first=self.year * 12 + first - 1,
            last=(self.year + 1) * 12 + second - 1,
            label=f"{_span_label(first, first)} {self.year} - {_span_label(second, second)}",
            event=True,
        )
        return _Found(span, start, end, False)

    def _months(self, first: int, last: int, label: str) -> Period:
        return Period.months(self.year, first, last, f"{label} {self.year}")

    def _attach_years(self, found: list[_Found]) -> list[_Found]:
        """A month or quarter takes the year typed next to it ("December 2025", "first half of 2024"); two dated
        months in a row make one span ("Dec. 18, 2025 - Jan. 14, 2026")."""
        dated: list[_Found] = []
        i = 0
        while i < len(found):
            f = found[i]
            year_at = _year_after(found, i)
            if not f.explicit_year and not f.period.event and year_at is not None:
                year = found[year_at].period.first // 12
                shift = (year - self.year) * 12
                label = f.period.label.rsplit(" ", 1)[0] + f" {year}"
                f = _Found(
                    Period(first=f.period.first + shift, last=f.period.last + shift, label=label),
                    f.start,
                    found[year_at].end,
                    True,
                )
                i = year_at
            dated.append(f)
            i += 1
        out: list[_Found] = []
        for f in dated:
            last = out[-1] if out else None
            if (
                last is not None
                and not last.period.whole_years
                and not f.period.whole_years
                and last.explicit_year
                and f.explicit_year
                and f.start - last.end <= 1
                and f.period.first > last.period.last
            ):
                span = Period(
                    first=last.period.first,
                    last=f.period.last,
                    label=f"{last.period.label} - {f.period.label}",
                    event=True,
                )
                out[-1] = _Found(span, last.start, f.end, True)
                continue
            out.append(f)
        return out

    def _is_comparison(self, tokens: list[str], found: _Found) -> bool:
        """A period right after "compared with", "than (in) the 13th", "vs" ... is what a change is measured against."""
        start = found.start
        while start and (
            tokens[start - 1] in {"the", "in", "of", "a"} or re.fullmatch(r"\d+(?:st|nd|rd|th)", tokens[start - 1])
        ):
            start -= 1
        for length in (3, 2, 1):
            if start - length >= 0 and tuple(tokens[start - length : start]) in self._comparison:
                if tokens[start - 1] in _LOOSE_COMPARISON and not _one_year(found):
                    return False  # "over the past five years", "from 2021 to 2025": the period itself
                return tokens[start - 1] not in {"since", "from"} or _followed_by_span(tokens, start)
        return False


def _most_specific(found: list[_Found]) -> Period | None:
    if not found:
        return None
    return min(found, key=lambda f: (f.period.last - f.period.first, f.start)).period


def _year_after(found: list[_Found], i: int) -> int | None:
    """The index in ``found`` of a single year that follows entry ``i`` within three words ("December of 2025")."""
    nxt = i + 1
    if nxt < len(found):
        f = found[nxt]
        single_year = f.explicit_year and f.period.whole_years and f.period.first // 12 == f.period.last // 12
        if single_year and f.start - found[i].end <= 2:
            return nxt
    return None


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS.get(word, 0)


def _at(tokens: list[str], i: int) -> str:
    return tokens[i] if 0 <= i < len(tokens) else ""


def _span_label(first: int, last: int) -> str:
    if first == last:
        return {12: "December"}.get(first, _MONTH_NAMES[first - 1])
    return f"{_MONTH_NAMES[first - 1]}-{_MONTH_NAMES[last - 1]}"


def _followed_by_span(tokens: list[str], start: int) -> bool:
    """ "from 2024" compares unless it opens a span ("from 2021 to 2025")."""
    return not any(t in _SPAN_JOINERS for t in tokens[start + 1 : start + 2])


def _one_year(found: _Found) -> bool:
    return found.period.whole_years and found.period.first // 12 == found.period.last // 12


_UNTIL = frozenset({"by", "at", "as", "until", "till", "to"})


def _after_end_of(tokens: list[str], start: int) -> bool:
    """ "by the end of 2025", "as of end of 2025", "until the end of the year": the span is where something stood
    then, not what happened over it."""
    before = tokens[max(0, start - 5) : start]
    if len(before) < 2 or before[-2:] != ["end", "of"]:
        return False
    return bool(_UNTIL & set(before[:-2]))


_STARTS = frozenset({"since", "starting", "beginning", "from"})
_SKIPPED_BEFORE = frozenset({"the", "in", "of"})  # "since the Dec 18 launch", "starting in June"


def _word_before(tokens: list[str], i: int) -> str:
    """The word before position ``i``, past articles and "in": "since" in "since the dec 18 launch"."""
    j = i - 1
    while j >= 0 and tokens[j] in _SKIPPED_BEFORE:
        j -= 1
    return tokens[j] if j >= 0 else ""
