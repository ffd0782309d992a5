"""The qualifier slots: the currency or unit asked, whose statistics, and exclusions ("alone", "not total trade")."""

from __future__ import annotations

from dataclasses import dataclass

from bot.answer.language import Language
from bot.answer.reading.frame import Currency, Flow, Source
from bot.answer.words import PhraseTable

_CURRENCIES = {"usd": Currency.USD, "cny": Currency.CNY}
_SOURCES = {"us": Source.US, "eu": Source.EU, "customs": Source.CUSTOMS}
# "America's own statistics", "the EU's data": whose statistics, a few words before the word for statistics.
_WHOSE = {
    "usa": Source.US,
    "america": Source.US,
    "american": Source.US,
    "washington": Source.US,
    "eu": Source.EU,
    "europe": Source.EU,
    "european": Source.EU,
    "eurostat": Source.EU,
    "customs": Source.CUSTOMS,
}
_STATISTICS = {"statistic", "stat", "data", "figure", "number", "census", "side", "count", "reported", "report"}
_REFUSING = frozenset({"not", "rather", "instead", "no"})  # words before a currency that refuse it
_OWN = frozenset({"own", "official"})  # words between whose and the statistics that change nothing
_PLAIN = frozenset({"figure", "number", "count"})  # words for any figure at all ("the 2025 numbers")


@dataclass(frozen=True)
class Qualifiers:
    currency: Currency | None
    source: Source | None
    alone: bool
    not_total: bool
    excluded: tuple[Flow, ...]


class QualifierParser:
    """Currency words are taken from the message ("US dollars" is never the United States); source words are not
    ("US statistics" still names the United States as the subject)."""

    def __init__(self, language: Language):
        self._currency = PhraseTable(
            [(p, _CURRENCIES[name]) for name, phrases in language.currency.items() for p in phrases]
        )
        self._source = PhraseTable([(p, _SOURCES[name]) for name, phrases in language.source.items() for p in phrases])
        self._alone = PhraseTable([(p, "alone") for p in language.exclusion["alone"]])
        self._not_total = PhraseTable([(p, "not_total") for p in language.exclusion["not_total"]])
        self._excluding = PhraseTable([(p, "excluding") for p in language.exclusion["excluding"]])
        self._flows = PhraseTable(
            [(p, Flow.EXPORTS) for p in language.flow.exports] + [(p, Flow.IMPORTS) for p in language.flow.imports]
        )

    def currency(self, tokens: list[str], taken: set[int]) -> Currency | None:
        """Taken first of all, so that "US dollars" never reads as the United States."""
        # A currency refused is not the one asked: "in usd?? not yuan", "in dollars rather than yuan"
        matches = self._currency.find(tokens, taken)
        found = [m.value for m in matches if not set(tokens[max(0, m.start - 2) : m.start]) & _REFUSING]
        return found[0] if len(set(found)) == 1 else None

    def parse(self, tokens: list[str], taken: set[int]) -> Qualifiers:
        sources = {m.value for m in self._source.find(tokens, set(taken))} | _named_statistics(tokens)
        source = next(iter(sources)) if len(sources) == 1 else None
        not_total = bool(self._not_total.find(tokens, taken))
        excluded: list[Flow] = []
        for match in self._excluding.find(tokens, set(taken)):
            follows = self._flows.find(tokens[match.end : match.end + 2], set())
            if follows:
                excluded.append(follows[0].value)
                taken.update(range(match.start, match.end + follows[0].end))
        alone = bool(self._alone.find(tokens, taken))
        return Qualifiers(
            currency=None, source=source, alone=alone, not_total=not_total, excluded=tuple(dict.fromkeys(excluded))
        )


def _named_statistics(tokens: list[str]) -> set[Source]:
    found: set[Source] = set()
    for i, word in enumerate(tokens):
        if word == "number" and tokens[i + 1 : i + 2] in (["one"], ["1"], ["of"]):
            continue  # "the US's number one market", "number of partners": a rank or a count, not US statistics
        if word in _STATISTICS:
            # "us trade statistics", but "china eu trade 2025 numbers": a figure or number is whose only beside it
            # (or with "own" between: "the EU's own figures")
            before = [w for w in tokens[max(0, i - 4) : i] if w not in _OWN]
            reach = 3 if word not in _PLAIN else 1
            found |= {_WHOSE[w] for w in before[-reach:] if w in _WHOSE}
    return found
