"""A weighted word index over the indicators, built once when the knowledge base is loaded.

Each indicator is a small document whose fields carry different weights: its subject and synonyms say most
about what it is, its quote least. Words rare across indicators (ASEAN, lidar) count for more than common
ones (exports) through an inverse document frequency.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from bot.answer import lexicon
from bot.answer.query import canonical_words
from bot.kb.base import Entry, KnowledgeBase

# How much a word says about an indicator, by the field it appears in.
FIELD_WEIGHTS = {
    "subject": 3.0,
    "synonyms": 3.0,
    "label": 2.0,
    "topic": 2.0,
    "measure": 1.5,
    "period": 1.0,
    "quote": 0.5,
}


@dataclass(frozen=True)
class Document:
    """One indicator's words and weights, and the facts ranking asks of it, computed once."""

    entry: Entry
    weights: dict[str, float]
    subject_words: frozenset[str]  # specific words of subject, synonyms and topic: what it is about
    core_words: frozenset[str]  # specific words of the subject alone: what a question must name to mean it
    kind: str
    growth: bool  # states a rate of change (a growth figure, or a value with its change)
    share: bool  # states a share (a share figure, or a value with its share)
    measure: str  # lower case
    period: str  # lower case
    mentions: str  # period, change and label: where a year asked about must appear
    headline: bool  # the headline figure of its topic
    key: bool


class Index:
    """Word -> weighted postings over all indicators, plus the vocabulary used for typo correction."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.documents: list[Document] = [self._document(e) for e in kb.entries]
        frequency = Counter(w for d in self.documents for w in d.weights)
        total = len(self.documents) or 1
        self.idf = {w: math.log(1 + total / n) for w, n in frequency.items()}
        self.postings: dict[str, list[tuple[int, float]]] = {}
        for position, document in enumerate(self.documents):
            for word, weight in document.weights.items():
                self.postings.setdefault(word, []).append((position, weight))
        self.vocabulary = frozenset(self.idf)
        self.subject_vocabulary = frozenset(w for d in self.documents for w in d.subject_words)
        # Words that describe some figure (not merely occur in a quote): knowing only a quote's word is not
        # knowing the subject ("shared interests" does not make "interest rates" a question we can answer).
        self.strong_vocabulary = frozenset(w for d in self.documents for w, weight in d.weights.items() if weight > 0.5)

    def _document(self, entry: Entry) -> Document:
        ind = entry.indicator
        topic = self.kb.topic(ind.topic)
        fields = {
            "subject": [ind.subject],
            "synonyms": list(ind.synonyms),
            "label": [ind.label, ind.stated],
            "topic": [topic.name, *topic.synonyms] if topic else [ind.topic],
            "measure": [ind.measure, ind.kind],
            "period": [ind.period],
            "quote": [ind.quote],
        }
        weights: dict[str, float] = {}
        subject_words: set[str] = set()
        for name, texts in fields.items():
            for text in texts:
                for word in canonical_words(text):
                    if word in lexicon.STOPWORDS:
                        continue
                    weights[word] = max(weights.get(word, 0.0), FIELD_WEIGHTS[name])
                    # What a figure is about, and its numbers: "40 trillion" asks for a figure by its number.
                    about = name in {"subject", "synonyms", "topic"} and word not in lexicon.GENERIC
                    if about or (name == "label" and word[:1].isdigit()):
                        subject_words.add(word)
        core = {w for w in canonical_words(ind.subject) if w not in lexicon.STOPWORDS and w not in lexicon.GENERIC}
        return Document(
            entry=entry,
            weights=weights,
            subject_words=frozenset(subject_words),
            core_words=frozenset(core),
            kind=ind.kind,
            growth=ind.kind == "growth" or ind.change is not None,
            share=ind.kind == "share" or ind.share is not None,
            measure=ind.measure.lower(),
            period=ind.period.lower(),
            mentions=f"{ind.period} {ind.change or ''} {ind.label}",
            headline=topic is not None and topic.headline == ind.id,
            key=ind.key,
        )

    def score(self, words: list[str]) -> dict[int, float]:
        """Sum of idf x field weight over ``words``, per document position (documents with no word are absent)."""
        scores: dict[int, float] = {}
        for word in dict.fromkeys(words):
            idf = self.idf.get(word)
            if idf is None:
                continue
            for position, weight in self.postings[word]:
                scores[position] = scores.get(position, 0.0) + idf * weight
        return scores
