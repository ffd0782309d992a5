"""Reading numbers out of text: the figures a sentence states, and the value a stated figure means."""

from __future__ import annotations

import re

_SCALES = {"trillion": 1e12, "billion": 1e9, "million": 1e6, "thousand": 1e3}
_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "half": 0.5,
}  # fmt: skip

# A digit number ("45.47", "780,000", "$80", "17th"), or a number word standing as a count.
NUMBER = re.compile(
    r"(?<![\w.])\$?\d[\d,]*(?:\.\d+)?(?:st|nd|rd|th)?(?![\w])"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|half)\b",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def number_tokens(text: str) -> list[str]:
    """The number tokens of ``text``, normalised (lower case, no "$", no thousands separators).

    Example: "up 8%, to $1,234.5 billion" -> ["8", "1234.5"].
    """
    return [normalize_token(m.group()) for m in NUMBER.finditer(text)]


def normalize_token(token: str) -> str:
    """Lower-case a token and drop "$" and thousands separators so "780,000" matches "780000"."""
    return token.lower().lstrip("$").replace(",", "")


def stated_value(stated: str) -> float | None:
    """The numeric value a stated figure means, or None when it has no digits.

    "45.47 trillion yuan" -> 4.547e13; "more than 780,000" -> 780000.0; "nearly 60%" -> 60.0.
    """
    match = _DIGITS.search(stated)
    if match is None:
        return None
    number = float(match.group().replace(",", ""))
    rest = stated[match.end() :].lower().split()
    scale = _SCALES.get(rest[0], 1.0) if rest else 1.0
    return number * scale


def word_value(word: str) -> float | None:
    """The value of a number word ("three" -> 3), or None."""
    return _WORDS.get(word.lower())
