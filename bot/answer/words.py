"""Words as the engine compares them, and phrase tables that find known phrases in a message.

A question and a knowledge-base field go through the same steps, so both sides of every match speak the same
words: Slack markup stripped, lower case, hyphens split ("high-tech" -> "high tech"), thousands separators and
"%" and "$" made tokens of their own, possessives and plurals stemmed ("batteries" -> "battery").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from bot.answer.normalize import strip_slack_markup, words

Phrase = tuple[str, ...]
V = TypeVar("V")

_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_NUMBER_UNIT = re.compile(r"(\d)(bn|tn|trn|mn|mln|k)\b", re.IGNORECASE)  # "100bn" -> "100 bn"
_FLOW_PAIR = re.compile(r"\b((?:im|ex)ports?)\s*/\s*((?:im|ex)ports?)\b", re.IGNORECASE)  # "import/export business"
_US_DOLLARS = re.compile(r"\b(?:u\.?s\.?\s*\$|u\.?s\.?\s+dollars?\b|us\s*\$)", re.IGNORECASE)
_UNITED_STATES = re.compile(r"\bunited\s+states(?:\s+of\s+america)?\b|\bu\.s\.a?\.?(?!\w)|\busa\b", re.IGNORECASE)
_US_CAPITALS = re.compile(r"\bUS\b")
# "us" after these is the pronoun ("tell us about asean"), and before these too ("us know", "us what").
_PRONOUN_BEFORE = frozenset(
    "tell give show let for help send get remind update brief teach inform walk ping to with of among".split()
)
_TRADE_WORDS = frozenset("export import trade shipment sale purchase".split())
_PREPOSITIONS = frozenset("for to with of among".split())
_PRONOUN_AFTER = frozenset("about know what how the a an some more please pls".split())
_DOTTED = re.compile(r"^[a-z](?:\.[a-z])+\.?$")  # "u.s", "e.g", "no."


def prepare(text: str, markup: bool = True) -> str:
    """Slack markup stripped (``markup``) and the few spellings that must be read before words are split."""
    if markup:
        text = strip_slack_markup(text)
    text = _THOUSANDS.sub("", text)
    text = _FLOW_PAIR.sub(r"\1 and \2", text)
    text = _NUMBER_UNIT.sub(r"\1 \2", text)
    text = _US_DOLLARS.sub(" usd ", text)
    text = _US_CAPITALS.sub(" usa ", text)  # "US" in capitals is the country, never the pronoun
    text = _UNITED_STATES.sub(" usa ", text)
    return text.replace("%", " % ").replace("$", " usd ").replace("/", " / ").replace("+", " and ")


def norm(word: str) -> str:
    """One word's compared form: dots of abbreviations dropped, possessive dropped, a light plural stem."""
    if _DOTTED.match(word):
        word = word.replace(".", "")
    if word.endswith("'s") and len(word) > 3:
        word = word[:-2]
    word = word.strip("'")
    if word == "us":
        return "usa"
    return stem(word)


def stem(word: str) -> str:
    """Strip an English plural so "batteries" and "battery" meet: batteries -> battery, ores -> ore."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s")):
        return word[:-1]
    return word


def split_words(text: str) -> list[str]:
    """Lower-case words of prepared text with hyphenated words split: "china-latin america" -> 3 words."""
    out: list[str] = []
    for word in words(text):
        parts = [p for p in word.split("-") if p] if "-" in word and not _is_number(word) else [word]
        out += parts
    return out


@lru_cache(maxsize=32_768)
def phrase_of(text: str) -> Phrase:
    """The compared words of a data phrase or field ("Exports to ASEAN" -> ("export", "to", "asean")).

    Remembered: knowledge-base fields repeat (a quote shared by several figures), and data holds no Slack markup.
    """
    return tuple(norm(w) for w in split_words(prepare(text, markup=False)))


def message_words(text: str) -> tuple[list[str], list[str]]:
    """A message's compared words and, position by position, the words as typed (for declines).

    A lower-case "us" that reads as the pronoun ("tell us about ASEAN") is dropped here, so it never names the
    United States.
    """
    typed = split_words(prepare(text))
    kept_typed: list[str] = []
    compared: list[str] = []
    for i, word in enumerate(typed):
        if word == "us":
            before = typed[i - 1] if i else ""
            after = typed[i + 1] if i + 1 < len(typed) else ""
            trade_before = i > 1 and typed[i - 2].rstrip("s") in _TRADE_WORDS  # "exports to us": the country
            # "growth for us trade": the country, after a preposition ("tell us exports" is still the pronoun)
            trade_after = before in _PREPOSITIONS and after.rstrip("s") in _TRADE_WORDS
            if (before in _PRONOUN_BEFORE and not (trade_before or trade_after)) or after in _PRONOUN_AFTER:
                continue
        kept_typed.append(word)
        compared.append(norm(word))
    return compared, kept_typed


def _is_number(word: str) -> bool:
    return bool(re.fullmatch(r"[\d.,]+(?:-[\d.,]+)?", word))


@dataclass(frozen=True)
class Match(Generic[V]):
    """A phrase found at ``tokens[start:end]``."""

    start: int
    end: int
    value: V

    @property
    def span(self) -> range:
        return range(self.start, self.end)


class PhraseTable(Generic[V]):
    """Phrases mapped to values, found longest first, left to right, never overlapping."""

    def __init__(self, entries: Iterable[tuple[Phrase, V]]):
        self._by_first: dict[str, list[tuple[Phrase, V]]] = {}
        for phrase, value in entries:
            if phrase:
                self._by_first.setdefault(phrase[0], []).append((phrase, value))
        for candidates in self._by_first.values():
            candidates.sort(key=lambda item: -len(item[0]))

    def find(self, tokens: list[str], taken: set[int] | None = None) -> list[Match[V]]:
        """Every phrase in ``tokens``, skipping positions in ``taken`` (and adding the ones it takes)."""
        return list(self._scan(tokens, taken if taken is not None else set()))

    def _scan(self, tokens: list[str], taken: set[int]) -> Iterator[Match[V]]:
        i = 0
        while i < len(tokens):
            found = None
            if i not in taken:
                for phrase, value in self._by_first.get(tokens[i], ()):
                    end = i + len(phrase)
                    if tuple(tokens[i:end]) == phrase and not taken.intersection(range(i, end)):
                        found = Match(i, end, value)
                        break
            if found is None:
                i += 1
                continue
            taken.update(found.span)
            yield found
            i = found.end
