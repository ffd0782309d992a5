"""The answer engine: rank indicators for a question, or decline when the briefing does not hold the answer.

Declining is as important as answering: a figure for a different subject stated with confidence is the worst
failure. So a question is declined when it names a place no topic covers (India), a period no figure covers
(2024, Q3), or a word the knowledge base does not know at all (steel, GDP, bitcoin), and again when the best
figure found does not answer what was asked (a growth rate never stated, China's figure where only the world's
is held).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from bot.answer import gaps, lexicon
from bot.answer.index import Index
from bot.answer.models import Answer, Reply
from bot.answer.normalize import MAX_CHARS, words
from bot.answer.places import find_places
from bot.answer.query import Query, canonical, canonical_words, read_query
from bot.answer.rank import Ranker
from bot.answer.spelling import Speller
from bot.answer.suggest import Suggester
from bot.kb.base import Entry, KnowledgeBase

DEFAULT_CACHE_SIZE = 1024  # distinct messages whose replies are remembered (a few MB at most)
MAX_TOPIC_ANSWERS = 40  # a bare topic lists its headline and this many figures at most (Slack shows fewer)
_NAMES_WITH_PLACES = re.compile(
    r"hong\s*kong[\s-]*zhuhai[\s-]*maca[ou]|guangdong[\s-]*hong\s*kong[\s-]*maca[ou]|china[\s-]*laos|china[\s-]*europe"
)
_CHATTY = 6  # content words from which a message is chatty: unknown words there are context, not the subject
_NATIONAL_CUES = frozenset(
    {"exports", "imports", "trade", "trading", "total", "china", "goods", "foreign", "december", "fyp", "yoy", "value"}
)
INTENT_WORDS = (
    lexicon.GROWTH_WORDS
    | lexicon.SHARE_WORDS
    | lexicon.COUNT_WORDS
    | lexicon.VALUE_WORDS
    | lexicon.CONTRIBUTION_WORDS
    | lexicon.FORECAST_WORDS
)


class Engine:
    """Answers messages from one knowledge base. Build once; ``ask`` is cheap and thread-safe."""

    def __init__(self, kb: KnowledgeBase, cache_size: int = DEFAULT_CACHE_SIZE):
        """Index ``kb``; remember the replies to the last ``cache_size`` distinct messages (0: none)."""
        self.kb = kb
        # The knowledge base never changes under an engine and replies are immutable, so a repeated message
        # ("/trade key", a popular question, a button pressed by many) is answered from memory.
        self._remembered = lru_cache(maxsize=cache_size)(self._ask) if cache_size else self._ask
        find_places("")  # compile the gazetteer now, not on the first question
        self.index = Index(kb)
        self.ranker = Ranker(self.index)
        self.suggester = Suggester(kb)
        self.speller = Speller(self._collect_known_words())
        self._covered_places = self._collect_covered_places()
        self._documents_by_uid = {d.entry.uid: d for d in self.index.documents}
        self._topic_phrases = [
            (topic.id, frozenset(_content(phrase)))
            for topic in kb.topics
            for phrase in (topic.name, *topic.synonyms)
            if _content(phrase)
        ]

    # ------------------------------------------------------------------ set-up
    def _collect_known_words(self) -> frozenset[str]:
        texts: list[str] = []
        for entry in self.kb.entries:
            ind = entry.indicator
            texts += [ind.label, ind.subject, ind.measure, ind.period, ind.quote, *ind.synonyms]
        for topic in self.kb.topics:
            texts += [topic.name, *topic.synonyms]
        texts += [*lexicon.PHRASES, *lexicon.WORDS]
        known = {w for text in texts for w in words(text)}
        return frozenset(known | lexicon.STOPWORDS | lexicon.GENERIC | INTENT_WORDS | lexicon.FLUFF)

    def _collect_covered_places(self) -> frozenset[str]:
        covered = {"china"}
        for topic in self.kb.topics:
            if topic.place:
                covered |= {topic.name.lower(), *(s.lower() for s in topic.synonyms)}
        for entry in self.kb.entries:
            if self.kb.topic(entry.indicator.topic) and self.kb.topic(entry.indicator.topic).place:
                covered.add(entry.indicator.subject.lower())
        return frozenset(covered)

    # ------------------------------------------------------------------ asking
    def ask(self, text: str, *, slash: bool = False) -> Reply:
        """Answer a message.

        Args:
            text: A mention, a DM, or (``slash=True``) what follows ``/trade``. Slack markup is allowed.
            slash: The text is a slash-command argument, usually terse ("asean", "lithium batteries").

        Returns:
            A Reply: ranked answers, the figures of a topic, or a decline with suggestions.
        """
        if len(text) > MAX_CHARS:
            return Reply(query=text[:200], answered=False, reason="too_long")
        return self._remembered(text, slash)

    def _ask(self, text: str, slash: bool) -> Reply:
        query = read_query(text, self.speller.correct)
        content = [t for t in query.content if not _is_year(t)]
        if not content and not query.years:
            return self._decline(query, "empty", None)

        places = [(typed, name) for typed, name in find_places(_place_text(query)) if not self._covered(typed, name)]

        # Words naming a period or a place are judged by gaps.period_gap and the place check, not as unknown subjects;
        # a place some quote names still helps find that figure ("trade of Guangdong, Jiangsu, Zhejiang").
        period_words = {w for phrase in query.periods for w in phrase.split()}
        place_words = {canonical(w) for typed, _ in places for w in typed.split()}
        content = [t for t in content if t not in period_words]
        quoted_places = [t for t in content if t in place_words and t in self.index.vocabulary]
        content = [t for t in content if t not in place_words]
        specific = [t for t in content if t in self.index.subject_vocabulary and t not in lexicon.WEAK]
        if not specific and len(set(quoted_places)) < 2:
            quoted_places = []  # "total trade with Australia" is not the Oceania dairy figure whose quote names it
        unknown = [t for t in content if t not in self.index.strong_vocabulary and not self._is_known_filler(t)]
        # A word we know nothing about is what the question is about when nothing else names a subject, or when
        # it is a subject we know we do not hold ("steel exports to ASEAN").
        unheld = [t for t in content if t in lexicon.UNHELD and t not in self.index.strong_vocabulary]
        # In a terse message every word counts ("hainan casinos"). A chatty one carries words we need not know: when
        # it names no subject but does name a flow ("…can you confirm how much china exported last year?") the
        # national figure for that flow is what it asks.
        chatty_flow = len(content) >= _CHATTY and bool({"exports", "imports", "trade"} & set(content))
        # Terse: the word we do not know is what the message ends on ("hainan casinos", not "editor … exports").
        terse = 0 < len(content) <= 3 and content[-1] in unknown
        if unheld or (unknown and (terse or (not specific and not chatty_flow))):
            named = unheld or unknown
            return self._decline(query, "unknown", _join(dict.fromkeys(query.typed.get(t, t) for t in named)))

        bare = not places and not query.periods and not set(query.years) - {"2025"}
        topic_id = self._bare_topic(content) if bare else None
        if topic_id is not None:
            return self._topic_reply(query, topic_id)

        # With no subject named, only a question about China's trade as a whole is answered with the national
        # figures; "how's your day going?" is not one.
        if content and not specific and not quoted_places and not set(content) & _NATIONAL_CUES and not places:
            return self._decline(query, "unknown", _join(dict.fromkeys(query.typed.get(t, t) for t in content)))

        ranked = self.ranker.rank(query, content + quoted_places, specific + quoted_places)
        if not ranked and places:
            return self._decline(query, "place", _join(dict.fromkeys(name for _, name in places)))
        if not ranked:
            return self._decline(query, "unknown", query.text[:80])
        best_entry = ranked[0][0]
        # A place no topic covers is declined, unless the best figure's own quote names it ("dairy imports from
        # Australia and New Zealand" is the Oceania figure whose quote names both).
        quote = _NAMES_WITH_PLACES.sub(" ", best_entry.indicator.quote.lower())
        places = [(typed, name) for typed, name in places if typed not in quote and name.lower() not in quote]
        if places:
            return self._decline(query, "place", _join(dict.fromkeys(name for _, name in places)))
        period_gap = gaps.period_gap(query, best_entry)
        if period_gap:
            return self._decline(query, "period", period_gap)
        if gaps.global_for_china(query, self._documents_by_uid[best_entry.uid]):
            subject = best_entry.indicator.subject
            return self._decline(query, "kind", f"figure for China on this (only one for {subject})")
        gap = gaps.kind_gap(query, best_entry, specific) or gaps.share_gap(query, best_entry, specific)
        if gap:
            return self._decline(query, "kind", gap)
        note = gaps.measure_note(query, best_entry)
        if note == gaps.OPPOSITE_FLOW:
            subject = best_entry.indicator.subject
            asked = "exports" if "exports" in query.tokens else "imports"
            return self._decline(query, "kind", f"{asked} of {subject}" if specific else asked)
        answers = [self._answer(entry, score) for entry, score in ranked]
        if note:
            answers[0] = answers[0].model_copy(update={"note": note})
        return Reply(query=text, answered=True, answers=answers, reason="answer")

    def topic(self, topic_id: str) -> Reply:
        """The figures of one topic, headline first (what a "More on <topic>" button asks)."""
        topic = self.kb.topic(topic_id)
        if topic is None:
            return Reply(query=topic_id, answered=False, reason="unknown", not_found=topic_id)
        return self._topic_reply(read_query(topic.name), topic_id)

    # ------------------------------------------------------------------ steps
    def _covered(self, typed: str, name: str) -> bool:
        return typed in self._covered_places or name.lower() in self._covered_places

    def _is_known_filler(self, token: str) -> bool:
        return (
            token in lexicon.STOPWORDS
            or token in lexicon.GENERIC
            or token in INTENT_WORDS
            or token in lexicon.FLUFF
            or token.replace(".", "").isdigit()
        )

    def _bare_topic(self, content: list[str]) -> str | None:
        """The topic a message names and nothing else ("asean", "private enterprises", "14th fyp")."""
        words_ = frozenset(t for t in content if t not in {"china", "trade", "2025"}) or frozenset(content)
        if not words_ or words_ & (INTENT_WORDS - {"total"}):
            return None
        for topic_id, phrase in self._topic_phrases:
            if words_ == phrase:
                return topic_id
        return None

    def _topic_reply(self, query: Query, topic_id: str) -> Reply:
        topic = self.kb.topic(topic_id)
        entries = self.kb.entries_for_topic(topic_id)[:MAX_TOPIC_ANSWERS]
        answers = [self._answer(e, 100.0 if i == 0 else 90.0) for i, e in enumerate(entries)]
        return Reply(
            query=query.raw, answered=True, answers=answers, topic=topic_id, topic_name=topic.name, reason="topic"
        )

    def _answer(self, entry: Entry, score: float) -> Answer:
        topic = self.kb.topic(entry.indicator.topic)
        return Answer.from_entry(entry, topic.name if topic else entry.indicator.topic, score)

    def _decline(self, query: Query, reason: str, not_found: str | None) -> Reply:
        return Reply(
            query=query.raw,
            answered=False,
            reason=reason,
            not_found=not_found,
            suggestions=self.suggester.suggest(query.text, reason),
        )


def _content(phrase: str) -> list[str]:
    return [w for w in canonical_words(phrase, split_hyphens=False) if w not in lexicon.STOPWORDS]


def _is_year(token: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d", token))


def _place_text(query: Query) -> str:
    # Names that contain places are not questions about those places: the bridge, the Greater Bay Area.
    return _NAMES_WITH_PLACES.sub(" ", query.text)


def _join(names: Iterable[str]) -> str:
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
