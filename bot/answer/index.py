"""A weighted word index over the figures, built once per knowledge base.

Each figure is a small document whose fields carry different weights: its subject and synonyms say most about
what it is, its quote least. Words rare across figures (ASEAN, lidar) count for more than common ones through an
inverse document frequency. The index answers one question for the scorer: how much of what a message names
describes this figure?
"""

from __future__ import annotations

import math
from collections import Counter

from bot.answer.words import Phrase, phrase_of, prepare, split_words
from bot.kb.base import Entry, KnowledgeBase

# How much a word says about a figure, by the field it appears in.
FIELD_WEIGHTS = {"subject": 3.0, "synonyms": 3.0, "label": 2.0, "topic": 2.0, "measure": 1.5, "quote": 0.5}
DESCRIBES = 1.0  # a weight from which a word describes a figure, rather than merely occurring in its quote
MAX_NGRAM = 4


class Index:
    """Word -> weighted postings over every figure, in knowledge-base order."""

    def __init__(self, kb: KnowledgeBase, stopwords: frozenset[str]):
        self.kb = kb
        self.stopwords = stopwords
        self.weights: list[dict[str, float]] = [self._weights(e) for e in kb.entries]
        frequency = Counter(w for weights in self.weights for w in weights)
        total = len(self.weights) or 1
        self.idf = {w: math.log(1 + total / n) for w, n in frequency.items()}
        self.postings: dict[str, list[tuple[int, float]]] = {}
        for position, weights in enumerate(self.weights):
            for word, weight in weights.items():
                self.postings.setdefault(word, []).append((position, weight))
        # Words that describe some figure: a word found only in quotes ("shared interests") names no subject.
        self.describing = frozenset(
            w for weights in self.weights for w, weight in weights.items() if weight >= DESCRIBES
        )
        self.described = frozenset(self._described_phrases())
        # The words as written (before stemming), for typo correction: "devcies" is one swap from "devices".
        texts = {t for e in kb.entries for field in self._fields(e).values() for t in field}
        self.surface = frozenset(w for t in texts for w in split_words(prepare(t, markup=False)))

    def _fields(self, entry: Entry) -> dict[str, list[str]]:
        ind = entry.indicator
        topic = self.kb.topic(ind.topic)
        return {
            "subject": [ind.subject],
            "synonyms": list(ind.synonyms),
            "label": [ind.label],
            "topic": [topic.name, *topic.synonyms] if topic else [ind.topic],
            "measure": [ind.measure],
            "quote": [ind.quote],
        }

    def _weights(self, entry: Entry) -> dict[str, float]:
        weights: dict[str, float] = {}
        for name, texts in self._fields(entry).items():
            for text in texts:
                for word in phrase_of(text):
                    if word not in self.stopwords and not word.replace(".", "").isdigit():
                        weights[word] = max(weights.get(word, 0.0), FIELD_WEIGHTS[name])
        return weights

    def _described_phrases(self) -> set[Phrase]:
        """Every run of up to four words of a figure's subject, synonyms, label or topic names.

        Runs inside a longer topic name are left out: "Hong Kong" in "Hong Kong-Zhuhai-Macao Bridge" describes the
        bridge, not Hong Kong.
        """
        names = [phrase_of(a) for t in self.kb.topics for a in (t.name, *t.synonyms)]
        names = [n for n in names if len(n) > 1]
        phrases: set[Phrase] = set()
        for entry in self.kb.entries:
            fields = self._fields(entry)
            for name in ("subject", "synonyms", "label", "topic"):
                for text in fields[name]:
                    for part in text.replace(";", ",").split(","):
                        for run in _outside(phrase_of(part), names):
                            for n in range(1, MAX_NGRAM + 1):
                                phrases.update(run[i : i + n] for i in range(len(run) - n + 1))
        return phrases

    def candidates(self, words: list[str], described: bool = False) -> set[int]:
        """Positions of the figures any of ``words`` occurs in; with ``described``, only those it describes (a word
        found only in a quote cannot make a figure the answer, and scoring such figures is most of the time)."""
        floor = DESCRIBES if described else 0.0
        return {position for word in words for position, weight in self.postings.get(word, ()) if weight >= floor}


def _outside(words: Phrase, names: list[Phrase]) -> list[Phrase]:
    """``words`` split into the runs that lie outside every occurrence of a multi-word name."""
    inside: set[int] = set()
    present = set(words)
    for name in names:
        if name[0] not in present:
            continue
        for i in range(len(words) - len(name) + 1):
            if words[i : i + len(name)] == name:
                inside.update(range(i, i + len(name)))
    if not inside:
        return [words]
    runs: list[Phrase] = []
    current: list[str] = []
    for i, word in enumerate(words):
        if i in inside:
            if current:
                runs.append(tuple(current))
            current = []
        else:
            current.append(word)
    if current:
        runs.append(tuple(current))
    return runs
