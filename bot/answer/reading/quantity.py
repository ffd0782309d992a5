"""The quantity slot: amounts a question names ("partners with trade over 1 trillion yuan", "the 40 trillion mark")."""

from __future__ import annotations

import re

_SCALES = {"trillion": 1e12, "billion": 1e9, "million": 1e6, "thousand": 1e3}
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "five": 5, "ten": 10, "hundred": 100}


def quantities(tokens: list[str], taken: set[int]) -> tuple[float, ...]:
    """Each number followed by a scale word, as an absolute amount; takes the words it reads."""
    found: list[float] = []
    for i in range(len(tokens) - 1):
        scale = _SCALES.get(tokens[i + 1])
        word = tokens[i]
        if scale is None or i in taken:
            continue
        number = float(word) if _NUMBER.match(word) else _WORDS.get(word)
        if number is None:
            continue
        found.append(number * scale)
        taken.update((i, i + 1))
    return tuple(found)


def amounts_in(text_tokens: list[str]) -> frozenset[float]:
    """The amounts a knowledge-base text names, read the same way."""
    return frozenset(quantities(text_tokens, set()))
