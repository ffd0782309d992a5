"""Reading a question: canonical words, what kind of figure is wanted, and what it names that we may not hold."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.answer import lexicon
from bot.answer.normalize import strip_slack_markup, words

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_HZMB = re.compile(r"hong\s*kong[\s-]*zhuhai[\s-]*maca[ou](?:\s*bridge)?")
_QUARTER = re.compile(
    r"\b(?:q[1-4]|h[12]|(?:first|second|third|fourth|1st|2nd|3rd|4th|last) quarter|quarterly)\b"
    r"|\bfirst half\b|\bsecond half\b"
)
_MONTH = re.compile(r"\b(" + "|".join(m for m in lexicon.MONTHS) + r")\b")
# Short period names, spelled as figures' periods spell them ("first half of 2025").
_PERIOD_NAMES = {
    "h1": "first half", "h2": "second half", "q1": "first quarter", "q2": "second quarter", "q3": "third quarter",
    "q4": "fourth quarter",
}  # fmt: skip
# Periods a figure is named by: asking for "the first three quarters" or "the first half" is asking for that figure.
_NAMED_PERIOD = re.compile(r"first three quarters|seven consecutive quarters|quarters in a row|consecutive quarters")
_PRONOUN_US = re.compile(
    r"\b(?:tell|give|show|let|for|help|send|get|remind|update|brief|teach|inform|walk|ping|to|with) us\b"
    r"|\bus (?:about|know|what|how|the|a|an|some|more)\b"
)
_PHRASES = sorted(lexicon.PHRASES, key=len, reverse=True)
# A phrase may follow a hyphen ("china-latin america"), but must not run into a longer word.
_PHRASE_RE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in _PHRASES) + r")(?![\w-])")


@dataclass
class Query:
    """A message read for matching."""

    raw: str
    text: str  # markup stripped, lower case
    tokens: list[str]  # canonical words, in order
    typed: dict[str, str] = field(default_factory=dict)  # canonical word -> the word it came from (for declines)
    years: list[str] = field(default_factory=list)
    periods: list[str] = field(default_factory=list)  # quarter or month phrases as typed
    period_typed: dict[str, str] = field(default_factory=dict)  # "first half" -> "h1", as the decline names it
    us_meant: bool = False  # "US" as the country, not the pronoun

    @property
    def content(self) -> list[str]:
        """Tokens that are not stop words."""
        return [t for t in self.tokens if t not in lexicon.STOPWORDS]

    def has(self, vocabulary: frozenset[str] | set[str]) -> bool:
        """True when any token is in ``vocabulary``."""
        return any(t in vocabulary for t in self.tokens)


def canonical_words(text: str, split_hyphens: bool = True) -> list[str]:
    """Lower-case ``text``, rewrite known phrases, then map single words to their canonical form.

    Used for both questions and indicator fields, so both sides of a match speak the same words.
    """
    text = _HZMB.sub(" hzmb ", text.lower())
    text = _PHRASE_RE.sub(lambda m: f" {lexicon.PHRASES[m.group()]} ", text)
    tokens = []
    for word in words(text):
        tokens.append(canonical(word))
        if split_hyphens and "-" in word:  # "special-purpose" is also found as "special purpose"
            tokens += [canonical(part) for part in word.split("-") if part]
    return tokens


def canonical(word: str) -> str:
    """One word's canonical form: possessive dropped, lexicon mapping, then a light plural stem."""
    if word.endswith("'s") and len(word) > 3:
        word = word[:-2]
    word = lexicon.WORDS.get(word, word)
    if word in _KEEP:
        return word
    return stem(word)


# Words never stemmed: canonical forms chosen on purpose, and small words "does" -> "doe" would spoil.
_KEEP = frozenset(
    {*lexicon.PHRASES.values(), *lexicon.WORDS.values(), *lexicon.GENERIC, *lexicon.STOPWORDS, *lexicon.FLUFF}
)


def stem(word: str) -> str:
    """Strip an English plural so "batteries" and "battery" meet: batteries -> battery, ores -> ore."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def read_query(raw: str, correct: Callable[[str], str] = lambda word: word) -> Query:
    """Parse a raw Slack message into a Query.

    Args:
        raw: The message as Slack delivered it.
        correct: Maps a typed word to the known word it was probably meant as ("asaen" -> "asean"); applied
            before phrases are rewritten, so "foriegn invested" still becomes "fies".
    """
    text = strip_slack_markup(raw)
    lowered = text.lower().replace("–", "-").replace("—", " ").replace("y/y", " yoy ")
    query = Query(raw=raw, text=lowered, tokens=[])
    query.years = _YEAR.findall(lowered)
    for match in _QUARTER.finditer(lowered) if not _NAMED_PERIOD.search(lowered) else ():
        period = _PERIOD_NAMES.get(match.group(), match.group())
        query.periods.append(period)
        query.period_typed[period] = match.group()
    query.periods += [m.group() for m in _MONTH.finditer(lowered) if m.group() != "may"]
    # "us" is the country when typed "US"/"U.S.", or when it does not follow a verb as in "tell us", "show us".
    query.us_meant = bool(re.search(r"\bU\.?S\.?A?\b", text)) or bool(
        re.search(r"\bus\b", lowered) and not _PRONOUN_US.search(lowered)
    )
    corrected = " ".join(correct(w) for w in words(lowered))
    for word in words(_PHRASE_RE.sub(lambda m: f" {lexicon.PHRASES[m.group()]} ", _HZMB.sub(" hzmb ", corrected))):
        token = canonical(word)
        if token == "us" and word == "us" and not query.us_meant:
            continue  # "tell us about ..." is the pronoun
        query.tokens.append(token)
        query.typed.setdefault(token, word)
    return query
