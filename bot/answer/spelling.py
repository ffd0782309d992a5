"""Typo correction: only words that are not English are corrected, towards words the engine knows.

pyspellchecker's English word-frequency list tells a typo ("asaen", "lithum") from a real word that merely sits
close to one of ours ("comparing" is not "computing", "pork" is not "port", "surplus" is not "surpass").
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA
from spellchecker import SpellChecker

REAL_WORD = 100  # occurrences in the English frequency list above which a word is taken as typed
RARE_WORD = 20  # occurrences above which an uncorrected word is a real one ("exhibitors"), if rare


class Speller:
    """Corrects typed words towards ``targets``; words in ``known`` are never corrected."""

    def __init__(self, known: Iterable[str], targets: Iterable[str]):
        english()  # load the word list now, not on the first typo
        self.known = frozenset(known)
        self._targets = sorted(w for w in set(targets) if len(w) >= 4 and w.isalpha())
        self._by_length: dict[int, list[str]] = {}
        for word in self._targets:
            self._by_length.setdefault(len(word), []).append(word)

    def correct(self, word: str) -> str:
        """The known word ``word`` was probably meant as, or ``word`` itself."""
        if word in self.known or len(word) < 4 or not word.isalpha() or is_english(word):
            return word
        if len(word) == 4:  # only swapped letters ("raod"): "pork" is not a typo of "port"
            swapped = [w for w in self._by_length.get(4, ()) if sorted(w) == sorted(word) and w[0] == word[0]]
            return swapped[0] if swapped else word
        limit = 1 if len(word) < 10 else 2
        near = [w for n in range(len(word) - limit, len(word) + limit + 1) for w in self._by_length.get(n, ())]
        # Typos keep the first letter: "exprts", "asaen", "lithum". Without that rule "exchange" became "change".
        for candidate, _, _ in process.extract(word, near, scorer=OSA.distance, score_cutoff=limit, limit=5):
            if candidate[0] == word[0]:
                return candidate
        return word


@lru_cache(maxsize=1)
def english() -> SpellChecker:
    """The English word-frequency list, loaded once per process."""
    return SpellChecker(language="en")


def is_english(word: str, rare: bool = False) -> bool:
    """A word common enough in English to be taken as typed (with ``rare``, any real word of the list: a word
    left uncorrected that names something, "exhibitors")."""
    return english().word_frequency[word] >= (RARE_WORD if rare else REAL_WORD)
