"""The answer engine: read a message into a typed frame, score every figure against it, answer or decline.

A pipeline of stages with one job each: ``bot.answer.reading`` reads the frame, ``bot.answer.profiles`` holds each
figure's own frame, ``bot.answer.features`` compares the two slot by slot, ``bot.answer.scoring`` weighs the
features with weights kept as data, and this module decides. It answers with the best figure when its score
reaches the calibrated threshold, and otherwise declines, naming the slot that did not agree and offering the
closest figure the briefing does state. It never computes a figure.
"""

from __future__ import annotations

from functools import lru_cache

from bot.answer.briefing_facts import briefing_facts, outlet_facts
from bot.answer.clauses import clause_split, preamble_split
from bot.answer.compare import Comparer
from bot.answer.declines import Decline, explain_decline
from bot.answer.features import Asked, agrees, coverage, covered, features, fuzzy_similarity
from bot.answer.followup import GOODS_GROUP, FollowUps, Turn
from bot.answer.index import Index
from bot.answer.kb_replies import entry_answer, topic_reply
from bot.answer.language import language
from bot.answer.models import Answer, Candidate, Reply
from bot.answer.normalize import MAX_CHARS
from bot.answer.parts import (
    flow_split,
    list_split,
    measure_split,
    run_split,
    split,
    with_words,
    without_topics,
    word_split,
)
from bot.answer.profiles import Profile, build_profiles
from bot.answer.reading.frame import Flow, Measure, Reading, ReadingView
from bot.answer.reading.reader import Reader
from bot.answer.scoring import Scored, Scoring, dot, load_scoring
from bot.answer.suggest import Suggester
from bot.answer.words import phrase_of, stem
from bot.kb.base import Entry, KnowledgeBase

DEFAULT_CACHE_SIZE = 1024  # distinct messages whose replies are remembered (a few MB at most)
MAX_ANSWERS = 3  # the answer and its related figures (one more per extra part asked)
MAX_LISTED = 6  # words (stop words aside) up to which a message may list things with no join between them
FULL_COVERAGE = 0.9  # a figure described by the subject words asked answers a message with "and" by itself
FUZZY_SHORTLIST = 8  # the fuzzy similarity is computed for this many best candidates only (it is the slow part)


class Engine:
    """Answers messages from one knowledge base. Build once; ``ask`` is cheap and thread-safe."""

    def __init__(self, kb: KnowledgeBase, cache_size: int = DEFAULT_CACHE_SIZE, scoring: Scoring | None = None):
        """Index ``kb``; remember the replies to the last ``cache_size`` distinct messages (0: none)."""
        self.kb = kb
        self.language = language()
        self.scoring = scoring or load_scoring()
        self._weights = self.scoring.vector  # read once: scoring a figure is the hot path
        # The knowledge base never changes under an engine and replies are immutable, so a repeated message
        # ("/trade key", a popular question, a button pressed by many) is answered from memory.
        self._remembered = lru_cache(maxsize=cache_size)(self._ask) if cache_size else self._ask
        self.index = Index(kb, self.language.stopwords)
        self.reader = Reader(self.language, kb, self.index)
        self.profiles: list[Profile] = build_profiles(self.reader, self.index)
        self._national = [p for p in self.profiles if p.national]
        self._profile_of = {p.entry.uid: p for p in self.profiles}
        self._subject_words = frozenset().union(*(p.core for p in self.profiles))  # what figures are about
        self._offering: dict[Measure, list[Profile]] = {}
        for profile in self.profiles:
            for measure in profile.offers:
                self._offering.setdefault(measure, []).append(profile)
        self._by_topic: dict[str, list[Profile]] = {}
        for profile in self.profiles:
            self._by_topic.setdefault(profile.topic, []).append(profile)
        self.suggester = Suggester(kb)
        goods_topics = [t.id for t in kb.topics if t.group == GOODS_GROUP]
        self._goods_topics = frozenset(goods_topics)
        goods_words = frozenset(stem(w) for t in goods_topics for w in self.reader.words_of_topic[t])
        self._place_topics = frozenset(t.id for t in kb.topics if t.place)
        # Topics whose figures are their whole group's (all foreign-trade enterprises): never another subject's.
        self.whole_topics = frozenset(t.id for t in kb.topics if t.whole)  # a whole group: "firms", "partners"
        self.followups = FollowUps(
            self.language,
            {t.id: t.group for t in kb.topics},
            goods_words,
            self.reader.place_words,
            self._place_topics,
            self.whole_topics,
            self.reader.covered_year,
        )
        self.comparer = Comparer(self)
        # A message that is exactly a topic's name or synonym ("outlook", "exports", "/trade customs") asks for it.
        self._alias_topics: dict[tuple[str, ...], str] = {}
        for topic in kb.topics:
            for alias in (topic.name, *topic.synonyms):
                self._alias_topics.setdefault(self._key(alias), topic.id)
        self._alias_topics.pop((), None)

    # ------------------------------------------------------------------ asking
    def ask(self, text: str) -> Reply:
        """Answer a message.

        Args:
            text: A mention, a DM, or what follows ``/trade`` (often terse: "asean"). Slack markup is allowed.

        Returns:
            A Reply: ranked answers, the figures of a topic, facts about the briefing, or a decline with suggestions.
        """
        if len(text) > MAX_CHARS:
            return Reply(query=text[:200], answered=False, reason="too_long")
        return self._remembered(text)

    def converse(self, text: str, last: Turn | None) -> tuple[Reply, Turn | None]:
        """Answer a message of a conversation whose last question was ``last`` (None: the first).

        A follow-up ("and imports?", "what about the EU?", "who said that?") is read against the last reading; a
        message that is a whole question is read on its own. Returns the reply and the turn to remember next (the
        last one again when the message asked nothing about trade: "thanks!").
        """
        if len(text) > MAX_CHARS:
            return self.ask(text), last
        if last is not None and self.followups.asks_source(text):
            return self._source_reply(text, last), last
        reading = self.reader.read(text)
        if last is not None and last.reading.meta and not (reading.about_trade or reading.words or reading.entities):
            # "who chaired it?", then "her title?" or "when was it held": still about the briefing itself
            # (when and where it was held, or a speaker named: "and lyu daliang's role?"; "who" alone may be a
            # word of another question: "how long did it run?")
            about = self.reader.read(text, about_briefing=True)
            if about.meta in ("when", "where", "chair") or (about.meta and about.speaker):
                reply = self._reply_read(text, about)
                return reply, Turn.of(about, reply)
        if last is not None and self.followups.continues(reading, text):
            merged = self._carried_reading(last.reading, reading, text)
            reply = self._reply(text, merged)
            if reply.answered and not self._about(reply, reading.words):
                # "what about guangdong on its own" after the border provinces: no figure carried is about what
                # the follow-up names, and the last one's figure is no answer to it.
                named = " ".join(reading.typed) or " ".join(reading.words)
                reply = self._declined(text, Decline(reason="unknown", not_found=named), merged)
            # (as is "what dragged imports down", which asks for a subject of its own)
            whole = bool(reading.flows and reading.measures and (reading.period or reading.cause))
            whole = whole and not self.followups.starts_with_cue(text)
            if not reply.answered and (whole or self.followups.names_anew(reading, text)):
                # "cross border ecommerce?" after new-trio exports against 2020: nothing carried is stated for the
                # subject named, so it is read on its own (its own figures), and "Read as" shows it.
                alone = self._reply_read(text, reading)
                if alone.answered:
                    return alone, Turn.of(reading, alone)
            return reply, Turn.of(merged, reply, last)
        if last is not None and self.followups.may_continue(reading, text):
            merged = self._carried_reading(last.reading, reading, text)
            reply = self._reply(text, merged)
            own_words = set(reading.words) - set(reading.topic_words)
            only_partner = self.followups.names_partner(reading) and not (own_words or reading.flows)
            if reply.answered or (only_partner and not reading.measures):
                # ("to the EU specifically?" after wind turbine exports asks that figure of the EU, or none: the
                # EU's own headline is no answer)
                return reply, Turn.of(merged, reply, last)
        reply = self._reply_read(text, reading)  # read once: the reply cache would read it again on a miss
        if not reading.about_trade:
            return reply, last
        return reply, Turn.of(reading, reply)

    def _about(self, reply: Reply, words: tuple[str, ...]) -> bool:
        """Whether the figures ``reply`` answers with are described by those of ``words`` that are some figure's
        subject ("guangdong"; not "window")."""
        named = set(words) & self._subject_words
        if not named or reply.reason != "answer":
            return True
        profiles = [self._profile_of.get(a.id) for a in reply.answers[: max(1, reply.asked)]]
        return all(p is not None and named <= p.about for p in profiles)

    def _carried_reading(self, last: Reading, new: Reading, text: str) -> Reading:
        """The follow-up's reading with what it leaves unsaid carried from the last one, carrying less where that
        is what is stated: "exports to them?" after BRI trade's value is the growth of exports to them, not the
        value of the narrower exports through contracted projects that alone has a value."""
        carries = self.followups.carried(last, new)
        if new.words and not new.flows and last.flows and not self.followups.names_partner(new):
            # "by land?" after exports to BRI partners, "duty free sales" after Hainan's imports: what the follow-up
            # names may be stated for another flow, or none. (A partner named keeps it: "from the us?")
            carries += [carry - {"flow"} for carry in carries if "flow" in carry]
        options = []
        for carry in carries:
            merged = self.followups.merge(last, new, text, carry)
            best, _ = self.best(merged)
            options.append((merged, best))
            if best is not None and best.features.extra >= 0 and set(new.words) <= best.profile.about:
                return merged  # stated, about exactly what was asked, and about what the follow-up names
        # Else a figure about what the follow-up names, then one about exactly what was asked, then any stated one.
        stated = [(merged, best) for merged, best in options if best is not None]
        ranked = [merged for merged, best in stated if set(new.words) <= best.profile.about]
        ranked += [merged for merged, best in stated if best.features.extra >= 0]
        ranked += [merged for merged, _ in stated]
        return ranked[0] if ranked else options[0][0]

    def compare(self, text: str, *, rank: bool = False) -> Reply:
        """ "/trade compare asean eu", "/trade rank partners by growth": a figure per subject named, side by side
        (with ``rank``, every member of a group named, or of the partners), or the usual reply when fewer than two
        things are named."""
        reading = self.reader.read(text)
        return self.comparer.reply(text, reading, rank=rank) or self._reply_read(text, reading)

    def read(self, text: str) -> Reading:
        """How ``text`` is read (the frame), without answering it."""
        return self.reader.read(text)

    def asked(self, reading: Reading) -> Asked:
        """What ``reading`` asks, in the forms the features compare."""
        return Asked.of(
            reading,
            self.index,
            self.reader.words_of_topic,
            self.reader.covered_year,
            self._place_topics,
            self.reader.place_words,
            self.reader.product_words,
            self._goods_topics,
            self.whole_topics,
            self._subject_words,
        )

    def rank(self, reading: Reading, candidates: list[Profile] | None = None) -> list[Scored]:
        """Every candidate figure for ``reading`` (``candidates``, when already found), best first, with its features
        and score."""
        asked = self.asked(reading)
        if candidates is None:
            candidates = self._candidates(reading)
        covering = [(p, coverage(asked, p, self.index)) for p in candidates]
        # A figure that describes too few of the words asked can be neither the answer nor the one a decline names
        # while others are described: scoring them all would be most of the time spent.
        topics = asked.topics
        kept = [(p, c) for p, c in covering if covered(asked, c) or p.topic in topics] or covering
        scored = [self._score(asked, p, c) for p, c in kept]
        scored.sort(key=lambda s: (-s.score, s.profile.position))
        # The fuzzy word similarity re-ranks the best few: computed for all, it would be most of the time spent.
        top = [self._with_fuzzy(asked, s) for s in scored[:FUZZY_SHORTLIST]]
        top.sort(key=lambda s: (-s.score, s.profile.position))
        return top + scored[FUZZY_SHORTLIST:]

    def explain(self, text: str, limit: int = 5) -> tuple[Reading, list[tuple[Reading, list[Candidate]]]]:
        """The reading of ``text`` and, for each part asked, the best ``limit`` candidates with their features."""
        reading = self.reader.read(text)
        out = []
        for part in split(reading):
            ranked = self.rank(part)[:limit]
            out.append((part, [self._candidate(s) for s in ranked]))
        return reading, out

    def topic(self, topic_id: str) -> Reply:
        """The figures of one topic, headline first (what a "More on <topic>" button asks)."""
        topic = self.kb.topic(topic_id)
        if topic is None:
            return Reply(query=topic_id, answered=False, reason="unknown", not_found=topic_id)
        return self._topic_reply(topic.name, topic_id, None)

    # ------------------------------------------------------------------ deciding
    def _ask(self, text: str) -> Reply:
        return self._reply_read(text, self.reader.read(text))

    def _reply_read(self, text: str, reading: Reading) -> Reply:
        """The reply to a message of its own, already read: a comparison, a topic named, or the figures asked."""
        framed = self._after_preamble(text)
        if framed is not None:
            return framed
        # Before the topic names: "biggest trading partners".
        if reading.about_trade and self.comparer.asks(text, reading):
            compared = self.comparer.reply(text, reading)
            if compared is not None:
                return compared
        alias_topic = self._alias_topics.get(self._key(text))
        if alias_topic is not None:  # "/trade outlook", "customs": a topic's own name
            return self._topic_reply(text, alias_topic, ReadingView.of(reading))
        reply = self._reply(text, reading)
        if reading.about_trade and reply.asked < 2:
            clauses = clause_split(text)
            if clauses is not None:
                return self._two_by_clauses(text, reading, clauses) or reply
        return reply

    def _after_preamble(self, text: str) -> Reply | None:
        """The reply to the question after the context its writer gave ("We distribute warehouse equipment. How did
        exports of electric forklifts do?"): the question is read as a follow-up of the context, so the context's
        words count only where the question leaves a slot to them ("luggage imports from the EU - what share of
        China's total?"), and a whole question is read on its own. None when the message opens with its question,
        or when the question so read is not answered (a question of its own that the briefing does not answer is
        declined as asked)."""
        split = preamble_split(text)
        if split is None:
            return None
        context, question = split
        asked = self.reader.read(question)
        if not asked.about_trade:
            return None
        about = self.reader.read(context)
        # A pronoun points at the context from the question's first clause ("We make medical devices. How did
        # exports of them …"); in a later clause it points at the first ("…, and by how much did it grow?").
        first = (clause_split(question) or (question,))[0]
        opening = asked if first == question else self.reader.read(first)
        alone = not (
            about.about_trade and (self.followups.points_back(first) or self.followups.continues(opening, first))
        )
        if alone:
            reply = self._reply_read(question, asked)
            named = [t for t in about.subjects if t.topic not in self.whole_topics]
            unnamed = not (asked.subjects or asked.entities or self.followups.names_china(question))
            if not reply.answered and unnamed and (named or about.period):
                # "Oceania: how much did imports of seafood and dairy rise?": the context names what the question
                # leaves unnamed (its subject, its period), and nothing else of it is carried.
                framed = self._reply(question, self.followups.merge(about, asked, question, frozenset({"period"})))
                reply = framed if framed.answered else reply
        else:
            # (read as one question: its clauses would each be read again without the context)
            reply = self._reply(question, self._carried_reading(about, asked, question))
        # A question of its own that the briefing does not answer is declined as asked: the context's words ("since
        # high-tech exports got so much attention: how fast did high-tech imports grow?") are not another question.
        declined = alone and not reply.answered and reply.reason in {"kind", "period"} and about.about_trade
        if not declined and (not reply.answered or reply.reason not in {"answer", "comparison"}):
            return None
        return reply.model_copy(update={"query": text})

    def _two_by_clauses(self, text: str, reading: Reading, clauses: tuple[str, str]) -> Reply | None:
        """Both clauses answered ("how many shoppers, and what were sales?"), the second read as a follow-up of
        the first; None unless that answers more than the whole message read as one question did."""
        first, second = clauses
        first_reading = self.reader.read(first)
        if not first_reading.about_trade:
            return None
        first_reply = self._reply(first, first_reading)
        if not first_reply.answered:
            return None
        firsts = first_reply.answers[: first_reply.asked]
        known = {a.id for a in firsts}
        later = self.reader.read(second)
        tried = [
            reading
            for carry in self.followups.carried(first_reading, later)
            for reading in self._with_context(first_reading, self.followups.merge(first_reading, later, second, carry))
        ]
        for second_reading in tried:
            second_reply = self._reply(second, second_reading)
            # The first clause's figure again is no answer to the second ("…, and what were sales?" carried "how
            # many"): try carrying less.
            seconds = [a for a in second_reply.answers[: second_reply.asked] if a.id not in known]
            if second_reply.answered and seconds:
                break
        else:
            # The first clause's figure ranked first for the second too ("…, and how far did those prices fall?"
            # after their drag on import growth): the best other figure that agrees, if it is close enough.
            second_reading, other = next(((r, s) for r in tried for s in self._runner_up(r, known)), (None, None))
            if other is None:
                return None  # the second clause not answered: the message read whole says as much, with its declines
            seconds = [self.answer_of(other)]
        answers = firsts + seconds
        summary = f"{first_reading.summary()} + {second_reading.summary()}"
        view = ReadingView.of(reading).model_copy(update={"summary": summary})
        return Reply.model_construct(  # every field is a value the engine built and typed
            query=text, answered=True, reason="answer", answers=answers, asked=len(answers), missing=[], reading=view
        )

    def _runner_up(self, reading: Reading, known: set[str]) -> list[Scored]:
        """The best figure for ``reading`` other than those ``known``, when it agrees, reaches the answer score and is
        the kind of figure asked (a growth rate for "how far did prices fall"; not a share that states its change)."""
        ranked = self.rank(reading)
        other = next((s for s in ranked if agrees(s.features) and s.profile.entry.uid not in known), None)
        if other is None or other.score < self.scoring.answer_at:
            return []
        return [other] if other.profile.entry.indicator.kind in reading.measures else []

    @staticmethod
    def _with_context(first: Reading, second: Reading) -> list[Reading]:
        """The second clause narrowed by the first clause's words, then as it is: "under the processing value-added
        exemption, how much was sold …, and how much in duties was waived?" asks the duties of that exemption."""
        extra = [(w, at) for w, at in zip(first.words, first.word_at, strict=True) if w not in second.words]
        if not extra or not second.words:
            return [second]
        words = tuple(w for w, _ in extra) + second.words
        # The first clause's positions come before the second's: nothing joins them ("joins" are the second's).
        at = tuple(at for _, at in extra) + tuple(a + len(first.text) for a in second.word_at)
        narrowed = second.model_copy(
            update={"words": words, "word_at": at, "typed": second.typed + tuple(w for w, _ in extra)}
        )
        return [narrowed, second]

    def _reply(self, text: str, reading: Reading) -> Reply:
        """The reply to a message read as ``reading``."""
        view = ReadingView.of(reading)
        # "when was the briefing on 2025's imports and exports held": the trade words are its title, not a figure.
        # ("who said exports grew 6.1% at the briefing" asks a figure; its answer names the speaker.)
        if reading.outlet is not None and reading.meta == "who":
            facts = outlet_facts(self.kb, reading)
            if facts:
                return Reply(query=text, answered=True, reason="briefing", facts=facts, reading=view)
        of_itself = reading.meta == "chair" or (reading.about_briefing and reading.meta in ("when", "where"))
        # "which official heads its statistics department?": who, with nothing of a figure asked but a role's words
        of_itself |= reading.meta == "who" and not (reading.flows or reading.measures or reading.subjects)
        if not reading.about_trade or of_itself:
            if reading.meta or reading.about_briefing or reading.speaker:
                facts = briefing_facts(self.kb, reading)
                return Reply(query=text, answered=True, reason="briefing", facts=facts, reading=view)
            reason = "empty" if not reading.unmatched and not reading.entities else "off_topic"
            return self._declined(text, Decline(reason=reason, not_found=None), reading)
        topic_id = self._bare_topic(reading)
        if topic_id is not None:
            return self._topic_reply(text, topic_id, view)
        answers: list[Answer] = []
        declines: list[Decline] = []
        parts = split(reading)
        bests = [self.best(part) for part in parts]
        found = [best.profile.entry.uid for best, _ in bests if best is not None]
        if len(found) > len(set(found)):
            # Two parts answered by one figure ask one thing after all (the "market access" and the "farm and food
            # products" of "how many categories of farm products got market access"): the message is read whole.
            parts, bests = [reading], [self.best(reading)]
        if len(parts) > 1 and any(best is None for best, _ in bests):
            by_flow = flow_split(reading)
            flow_bests = [self.best(part) for part in by_flow]
            if by_flow and by_flow != parts and all(best is not None for best, _ in flow_bests):
                parts, bests = by_flow, flow_bests
        if len(parts) == 1:
            parts, bests = self._two_by_words(reading, bests[0])
        if len(parts) == 1:
            parts, bests = self._two_by_measures(reading, bests[0])
        if len(parts) == 1:
            parts, bests = self._runs(reading, bests[0])
        for part, (best, ranked) in zip(parts, bests, strict=True):
            if best is None:
                declines.append(explain_decline(part, ranked, self))
                continue
            answers.append(self.answer_of(best))
        if not answers:
            return self._declined(text, declines[0], reading)
        missing = [d.sentence() for d in declines]
        # The runners-up of the first part, as related figures: what else was close.
        seen = {a.id for a in answers}
        for scored in bests[0][1][1:]:
            if len(answers) >= len(parts) + MAX_ANSWERS - 1:
                break
            if scored.score < self.scoring.related_at or not agrees(scored.features):
                continue
            if scored.profile.entry.uid not in seen:
                answers.append(self.answer_of(scored, note=False))
                seen.add(scored.profile.entry.uid)
        asked = len(parts) - len(declines)
        if len(parts) > 1:
            # "Read as" shows each part as it was read: "… shoppers · count + … sales"
            view = view.model_copy(update={"summary": " + ".join(part.summary() for part in parts)})
        return Reply.model_construct(  # every field is a value the engine built and typed
            query=text, answered=True, reason="answer", answers=answers, asked=asked, missing=missing, reading=view
        )

    def best(self, reading: Reading) -> tuple[Scored | None, list[Scored]]:
        """The answer for ``reading`` (or None) and the ranking it came from.

        An answer agrees with every slot asked, and its score reaches the calibrated threshold.
        """
        if Measure.BALANCE in reading.measures:
            return None, []  # a surplus is never stated: no figure can agree
        candidates = self._candidates(reading)
        if reading.entities and not any(self._mentions_entities(p, reading) for p in candidates):
            return None, []  # something named that no figure even mentions: nothing to score
        ranked = self.rank(reading, candidates)
        best = next((s for s in ranked if agrees(s.features)), None)
        if best is not None and best.score < self.scoring.answer_at:
            best = None
        return best, ranked

    def _two_by_words(
        self, reading: Reading, single: tuple[Scored | None, list[Scored]]
    ) -> tuple[list[Reading], list[tuple[Scored | None, list[Scored]]]]:
        """ "Electronic components and computer parts": two figures when no one figure names every subject word and
        each side of the "and" has an answer of its own; otherwise the message is one question."""
        best = single[0]
        listed = list_split(reading)
        if listed and (best is None or best.features.subject < FULL_COVERAGE):
            found = self._sides(reading, listed, single, listed=True)
            if len(found[0]) > 1:
                return found
        sides = word_split(reading)
        if not sides or (best is not None and (best.features.subject >= FULL_COVERAGE or best.features.group > 0)):
            return [reading], [single]  # one figure names it all, or names the group whose members are listed
        if best is not None and _joined_in_a_name(reading, best.profile):
            return [reading], [single]  # "agri & food companies": the "and" is inside the figure's own subject
        return self._sides(reading, sides, single)

    def _sides(
        self,
        reading: Reading,
        sides: list[list[Reading]],
        single: tuple[Scored | None, list[Scored]],
        listed: bool = False,
    ) -> tuple[list[Reading], list[tuple[Scored | None, list[Scored]]]]:
        """A figure per side, each side's best option; the message whole when a side has none."""
        parts: list[Reading] = []
        bests: list[tuple[Scored | None, list[Scored]]] = []
        for options in sides:
            tried = [(option, self.best(option)) for option in options]
            # (an option answered by an earlier side's figure is that side again, not this one; neighbours listed
            # may name one figure, and are merged below)
            taken = set() if listed else {id(found[0].profile) for found in bests if found[0] is not None}
            answered = [(o, b) for o, b in tried if b[0] is not None and id(b[0].profile) not in taken]
            if not answered:
                return [reading], [single]
            # The option whose figure explains most of the message's words: the duties of the exemption named
            # before, not any duties ("… processing value-added exemption, …, and how much duty was waived?")
            option, found = max(answered, key=lambda pair: _explained(*pair))
            if listed and bests and bests[-1][0].profile is found[0].profile:  # type: ignore[union-attr]
                continue  # "ship / offshore gear + biopharma": neighbours naming one figure are one thing listed
            parts.append(option)
            bests.append(found)
        if len(parts) < 2 or len({id(found[0].profile) for found in bests}) < len(bests):  # type: ignore[union-attr]
            return [reading], [single]  # two sides found the same figure: one question after all
        return parts, bests

    def _runs(
        self, reading: Reading, single: tuple[Scored | None, list[Scored]]
    ) -> tuple[list[Reading], list[tuple[Scored | None, list[Scored]]]]:
        """ "gas purification equipment forklift exports", "bri trade by water land air": a terse message that lists
        things with no join, when no one figure names all its words but a few figures each name a run of them
        wholly (the fewest such runs). Otherwise the message is one question."""
        best = single[0]
        own, shared = run_split(reading)
        if reading.joins or reading.length > MAX_LISTED or not 2 <= len(own) <= MAX_LISTED:
            return [reading], [single]
        if best is not None and best.features.subject >= FULL_COVERAGE:
            return [reading], [single]
        covered: dict[tuple[int, int], tuple[Reading, tuple[Scored | None, list[Scored]]] | None] = {}
        # The topic named may be one run's only ("gas purification equipment" of "… forklift exports")
        bare = without_topics(reading)

        def cover(i: int, j: int) -> tuple[Reading, tuple[Scored | None, list[Scored]]] | None:
            if (i, j) not in covered:
                covered[i, j] = None
                for part in (with_words(reading, shared + own[i:j]), with_words(bare, own[i:j])):
                    found = self.best(part)
                    if found[0] is not None and found[0].features.subject >= FULL_COVERAGE:
                        covered[i, j] = (part, found)
                        break
            return covered[i, j]

        # Runs part only where words stand side by side ("water land air"), or with a topic's words between them:
        # "population of shanghai" is one thing.
        beside = {at for _, at in shared}
        cuts = {0, len(own)} | {
            k for k in range(1, len(own)) if all(at in beside for at in range(own[k - 1][1] + 1, own[k][1]))
        }
        fewest: dict[int, list[tuple[Reading, tuple[Scored | None, list[Scored]]]]] = {0: []}
        for j in sorted(cuts - {0}):
            for i in sorted(c for c in cuts if c < j):
                run = cover(i, j) if i in fewest else None
                if run is not None and (j not in fewest or len(fewest[i]) + 1 < len(fewest[j])):
                    fewest[j] = [*fewest[i], run]
        runs = fewest.get(len(own), [])
        figures = {id(found[0].profile) for _, found in runs if found[0] is not None}
        if len(runs) < 2 or len(figures) < len(runs):
            return [reading], [single]
        return [part for part, _ in runs], [found for _, found in runs]

    def _two_by_measures(
        self, reading: Reading, single: tuple[Scored | None, list[Scored]]
    ) -> tuple[list[Reading], list[tuple[Scored | None, list[Scored]]]]:
        """ "Growth on 2020 and the average annual rate": a figure per measure, when each measure has an answer of
        its own; "exports and their growth" stays one figure, which states both."""
        parts = measure_split(reading)
        bests = [self.best(part) for part in parts]
        found = [b[0] for b in bests]
        if not parts or None in found or found[0].profile is found[1].profile:  # type: ignore[union-attr]
            return [reading], [single]
        return parts, bests

    @staticmethod
    def _mentions_entities(profile: Profile, reading: Reading) -> bool:
        return all(set(e.words) <= profile.mentions for e in reading.entities)

    def _candidates(self, reading: Reading) -> list[Profile]:
        """The figures worth scoring: those the subject words, topics and entities find, else the national ones."""
        found = self.index.candidates(list(reading.words), described=True)
        # An entity may be named only in a figure's quote ("dairy imports from Australia and New Zealand").
        generic = self.language.generic
        found |= self.index.candidates([w for e in reading.entities for w in e.words if w not in generic])
        for subject in reading.subjects:
            found.update(p.position for p in self._by_topic.get(subject.topic, ()))
        if not found:
            # Nothing named: China's own figures, and any figure stating a rare measure asked ("outlook").
            found = {p.position for p in self._national}
            for measure in reading.measures - {Measure.VALUE, Measure.GROWTH}:
                found.update(p.position for p in self._offering.get(measure, ()))
        return [self.profiles[position] for position in sorted(found)]

    def _score(self, asked: Asked, profile: Profile, subject: float | None = None) -> Scored:
        found = features(asked, profile, self.index, subject=subject)
        return Scored(profile=profile, features=found, score=dot(self._weights, found))

    def _with_fuzzy(self, asked: Asked, scored: Scored) -> Scored:
        found = scored.features._replace(fuzzy=fuzzy_similarity(asked, scored.profile))
        return Scored(profile=scored.profile, features=found, score=dot(self._weights, found))

    def _key(self, text: str) -> tuple[str, ...]:
        return tuple(w for w in phrase_of(text) if w not in self.language.stopwords)

    def _bare_topic(self, r: Reading) -> str | None:
        """A message that names one topic and nothing else ("asean", "/trade hainan"): the topic's figures."""
        if len(r.subjects) != 1 or r.entities or r.words or r.unmatched or r.measures or r.quantities:
            return None
        if r.flows not in ((), (Flow.TRADE,)) or r.currency or r.source or r.compared_with or r.alone:
            return None
        if r.period is not None and r.period.label != str(self.reader.covered_year):
            return None
        return r.subjects[0].topic

    def _topic_reply(self, query: str, topic_id: str, view: ReadingView | None) -> Reply:
        reply = topic_reply(self.kb, topic_id, query, view)
        if reply is None:  # a topic with no figures: nothing to list
            return Reply(query=query, answered=False, reason="unknown", not_found=topic_id, reading=view)
        return reply

    def answer_of(self, scored: Scored, note: bool = True) -> Answer:
        """The answer a scored figure gives; with ``note``, a group's figure given for one member says so."""
        answer = self._entry_answer(scored.profile.entry, scored.score)
        if note and scored.features.group < 0:
            # A member asked, only its group's figure stated: given, and said to be the group's.
            subject = scored.profile.entry.indicator.subject
            answer = answer.model_copy(update={"note": f"The briefing states this only for {subject} together."})
        return answer

    def _source_reply(self, text: str, last: Turn) -> Reply:
        """Who stated the last answer, in what role, answering which outlet, in their words."""
        answers = []
        for uid in last.answers:
            entry = self.kb.get(uid)
            if entry is None:
                continue  # the knowledge base changed since: nothing to cite
            answer = self._entry_answer(entry, 100.0)
            said = f"Said by {entry.speaker.name}, {entry.speaker.role}"
            said += f", answering {entry.outlet}." if entry.outlet else ", in the opening remarks."
            answers.append(answer.model_copy(update={"note": said}))
        if not answers:  # the last question was declined: there is no figure to cite
            return Reply(
                query=text,
                answered=False,
                reason="no_source",
                reading=ReadingView.of(last.reading),
            )
        view = ReadingView.of(last.reading).model_copy(update={"summary": f"source of: {last.reading.summary()}"})
        return Reply(query=text, answered=True, reason="source", answers=answers, asked=len(answers), reading=view)

    def _entry_answer(self, entry: Entry, score: float) -> Answer:
        return entry_answer(self.kb, entry, score)

    def _candidate(self, scored: Scored) -> Candidate:
        ind = scored.profile.entry.indicator
        parts = [(name, round(value, 2)) for name, value in self.scoring.parts(scored.features)]
        return Candidate(
            id=scored.profile.entry.uid,
            label=ind.label,
            value=ind.stated,
            score=scored.score,
            parts=parts,
            conflict=self.scoring.worst_conflict(scored.features) if not agrees(scored.features) else None,
        )

    def _declined(self, text: str, decline: Decline, reading: Reading) -> Reply:
        suggestions = self.suggester.suggest(reading, decline.reason, first=decline.suggestions)
        return Reply(
            query=text,
            answered=False,
            reason=decline.reason,
            not_found=decline.not_found,
            suggestions=suggestions[:3],
            reading=ReadingView.of(reading),
        )


def _explained(option: Reading, found: tuple[Scored | None, list[Scored]]) -> tuple[float, float]:
    """How many of ``option``'s subject words its figure covers, then its score."""
    best = found[0]
    assert best is not None
    return round(best.features.subject * len(option.words), 1), best.score


def _joined_in_a_name(reading: Reading, profile: Profile) -> bool:
    """Whether the words on both sides of a join are words of one name of ``profile`` ("overseas agricultural and
    food enterprises" for "agri & food companies"): the "and" then joins nothing."""
    placed = list(zip(reading.words, reading.word_at, strict=True))
    for join in reading.joins:
        left = [w for w, at in placed if at < join]
        right = [w for w, at in placed if at > join]
        if left and right and any({left[-1], right[0]} <= name for name in profile.names):
            return True
    return False
