"""Typo correction: only words that are not English are corrected, towards words that describe figures.

pyspellchecker's English word-frequency list tells a typo ("asaen", "lithum") from a real word that merely sits
close to one of ours ("comparing" is not "computing", "pork" is not "port", "surplus" is not "surpass").
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA
from spellchecker import SpellChecker

from bot.answer import lexicon

REAL_WORD = 100  # occurrences in the English frequency list above which a word is taken as typed


class Speller:
    """Corrects typed words towards a vocabulary."""

    def __init__(self, known: Iterable[str]):
        english()  # load the word list now, not on the first typo
        self.known = frozenset(known)
        # Typos are corrected towards words that describe figures, never towards filler ("surplus" is not a
        # typo of "surpass") and never away from a subject we know we do not hold.
        self._targets = sorted(
            w
            for w in self.known
            if len(w) >= 4 and w not in lexicon.STOPWORDS and w not in lexicon.FLUFF and w not in lexicon.UNHELD
        )

    def correct(self, word: str) -> str:
        """The known word ``word`` was probably meant as, or ``word`` itself."""
        if word in self.known or word in lexicon.UNHELD:
            return word
        if "-" in word:  # "us-china", "trade-desk": read the parts
            return " ".join(self.correct(part) for part in word.split("-") if part)
        if len(word) < 4 or not word.isalpha() or english_frequency(word) >= REAL_WORD:
            return word
        if len(word) == 4:  # only swapped letters ("raod"): "pork" is not a typo of "port"
            swapped = [w for w in self._targets if len(w) == 4 and sorted(w) == sorted(word) and w[0] == word[0]]
            return swapped[0] if swapped else word
        limit = 1 if len(word) < 10 else 2
        # Typos keep the first letter: "exprts", "asaen", "lithum". Without that rule "exchange" became "change".
        for candidate, _, _ in process.extract(word, self._targets, scorer=OSA.distance, score_cutoff=limit):
            if candidate[0] == word[0]:
                return candidate
        return word


@lru_cache(maxsize=1)
def english() -> SpellChecker:
    """The English word-frequency list, loaded once per process."""
    return SpellChecker(language="en")


def english_frequency(word: str) -> int:
    """How often ``word`` occurs in the English word-frequency list (0 for a non-word)."""
    return english().word_frequency[word]
