"""Follow-up questions: a message in a conversation read against the conversation's last question.

"Trade with Latin America?", then "and imports?" (the flow swapped), "what about Africa?" (the subject swapped),
"growth?" (the measure), "and in December?" (the period), "who said that?" (the last answer's source). A message
that is a whole question of its own is read on its own. Only the reading and the figures given are remembered,
never the message text: a follow-up keeps every slot of the last reading that it does not fill itself.
"""

from __future__ import annotations

from typing import Protocol

from pydantic import BaseModel, ConfigDict

from bot.answer.language import Language
from bot.answer.models import Reply
from bot.answer.reading.frame import Flow, Measure, Period, Reading
from bot.answer.words import PhraseTable, phrase_of, stem

# Slots a follow-up may take from the last question, besides its subject and flow.
CARRIED = frozenset({"measure", "period", "currency", "words", "flow"})
SHORT = 3  # words (stop words aside) up to which a message with no subject, or no slot, continues the last one
# Words that may stand around "who said that" without making it another question.
_COURTESY = frozenset({"please", "pls", "plz", "thanks", "thx", "ok", "okay", "so", "hey", "and", "but", "again"})


class Turn(BaseModel):
    """What a conversation remembers of its last question: how it was read, and the figures given, answer first."""

    model_config = ConfigDict(frozen=True)

    reading: Reading
    answers: tuple[str, ...] = ()

    @classmethod
    def of(cls, reading: Reading, reply: Reply, last: Turn | None = None) -> Turn:
        """The turn after ``reply``; a declined question keeps the last figures given, which "who said that?"
        still asks about."""
        # A topic's figures: its headline, listed first, is the one "who said that?" asks about.
        given = reply.answers[: max(1, reply.asked)] if reply.answered and reply.reason in {"answer", "topic"} else []
        answers = tuple(a.id for a in given) or (last.answers if last is not None and not reply.answered else ())
        return cls(reading=reading, answers=answers)


GOODS_GROUP = "Products"  # the topics' group whose topics are goods (briefing.toml)


class FollowUps:
    """Tells a follow-up from a new question, and reads it against the last reading."""

    def __init__(
        self,
        language: Language,
        groups: dict[str, str] | None = None,
        goods_topic_words: frozenset[str] = frozenset(),
        place_words: frozenset[str] = frozenset(),
        place_topics: frozenset[str] = frozenset(),
        whole_topics: frozenset[str] = frozenset(),
        covered_year: int | None = None,
    ):
        self._covered_year = covered_year  # the briefing's year: a year before it is a look back, not the thread's
        self._groups = groups or {}  # each topic's group: a partner named replaces a partner, not a product
        self._cues = PhraseTable([(p, True) for p in language.followup.cues])
        self._national = PhraseTable([(p, True) for p in language.followup.national])
        self._pronouns = frozenset(w for p in language.followup.pronouns for w in p)
        self._stopwords = frozenset(language.stopwords)
        self._source = frozenset(language.followup.source)
        # "bri countries?": "countries" names no goods of its own (words are compared stemmed, as the reader keeps them)
        self._place_nouns = frozenset(stem(w) for p in language.followup.place_nouns for w in p)
        # "industrial robots?" after equipment exports, "aquatic products?" after dairy imports from Oceania: goods
        # named on their own replace the goods asked before, and the partner stays.
        self._goods = frozenset(stem(w) for p in language.products for w in p) | goods_topic_words
        self._goods -= {stem(w) for w in language.generic | language.stopwords | language.product_qualifiers}
        self._places = place_words  # countries, provinces, cities: "guangdong alone?" names a place of its own
        self._place_topics = place_topics  # partners and regions: "latam?" after wind turbine exports keeps the goods
        # Topics of a whole group ("trading partners", "enterprises"): "is it still the top export market?" names
        # what the last subject is, not another subject.
        self._whole_topics = whole_topics

    def asks_source(self, text: str) -> bool:
        """ "who said that?", "source?": the whole message asks who stated the last answer."""
        words = tuple(w for w in phrase_of(text) if w not in _COURTESY)
        return bool(words) and words in self._source

    def names_china(self, text: str) -> bool:
        """Whether the message names China as a whole ("China's goods trade", "total trade", "nationwide")."""
        return bool(self._national.find(list(phrase_of(text)), set()))

    def starts_with_cue(self, text: str) -> bool:
        """Whether the message opens with a follow-up cue ("and", "what about", "same for")."""
        return self._opens_with_cue(list(phrase_of(text)))

    def _opens_with_cue(self, tokens: list[str]) -> bool:
        return any(m.start == 0 for m in self._cues.find(tokens, set()))

    def points_back(self, text: str) -> bool:
        """ "exports to them", "ship exports from there": the message refers to what the last one named ("in that
        period" refers to its time, which the period slot carries)."""
        words = phrase_of(text)
        return any(w in self._pronouns and words[i + 1 : i + 2] not in _TIMES for i, w in enumerate(words))

    def continues(self, reading: Reading, text: str) -> bool:
        """Whether ``reading`` (of ``text``) continues the last question rather than asking a new one."""
        tokens = list(phrase_of(text))
        if any(
            m.start == 0 or tokens[m.start - 1] in self._stopwords - _PART_OF
            for m in self._national.find(tokens, set())
        ):
            # About China as a whole, with a cue or not: "total trade in 2025", "and what growth does customs expect
            # for China's own trade?". Not a part of it or another subject's whole: "share of total exports?", "what
            # share of China's exports went to them?", "and the island's total trade in that window?" follow up.
            return False
        if reading.meta and (reading.about_briefing or reading.outlet):
            return False  # "who handled the US question at the briefing?": a question about the briefing itself
        if self._opens_with_cue(tokens):
            return True  # "and imports?", "what about the EU?"
        if self.points_back(text) and not (reading.subjects or reading.entities):
            return True  # "how fast did exports to them grow?", "how much did that add to overall growth?"
        if any(w == "many" and tokens[i + 1 : i + 2] and tokens[i + 1] in _ELIDED for i, w in enumerate(tokens)):
            return True  # "how many had trade above 1 trillion?": how many of those the last question counted
        named = bool(reading.subjects or reading.entities or reading.words)
        slots = bool(
            reading.flows or reading.measures or reading.period or reading.compared_with or reading.currency
        ) or bool(reading.source or reading.quantities or reading.alone or reading.not_total)
        if reading.length > SHORT:
            return False  # a question of its own
        return (slots and not named) or (named and not slots)  # "growth?", "in dollars?" / "eu?", "africa"

    def names_anew(self, reading: Reading, text: str) -> bool:
        """A follow-up that names a subject of the knowledge base, not a partner, and nothing else ("cross border
        ecommerce?", "duty free sales"): when nothing carried to it is stated, it is a question about that subject.
        A partner named ("latam?" after wind turbine exports to BRI countries) asks the same figure of it, or none."""
        slots = reading.flows or reading.measures or reading.period or reading.compared_with or reading.currency
        partner = self.names_partner(reading)
        named = bool(reading.subjects) and not partner and not reading.entities
        return named and not slots and not self.points_back(text)

    def _carries_goods(self, word: str, last: Reading) -> bool:
        """Whether ``word`` of the last reading names goods that stay with a subject named anew ("wind turbine
        exports", then "to the EU?"); "sales" then "how many shoppers" asks the shoppers, not the sales."""
        return word not in last.topic_words and word in self._goods

    def names_partner(self, reading: Reading) -> bool:
        return any(s.topic in self._place_topics for s in reading.subjects)

    def may_continue(self, reading: Reading, text: str) -> bool:
        """A short message that names something and asks a slot ("ship exports?", "avg per company?"): read
        against the last question first, and on its own when that states nothing (``Engine.converse``)."""
        if reading.length > SHORT or self.continues(reading, text):
            return False
        named = bool(reading.subjects or reading.entities or reading.words)
        # A qualifier of the last figure counts as a slot too: "what do the us stats say" (its source), "with
        # neighbouring countries only?" (a part of it), "eu in usd?" (its currency).
        # A place named alone is a question of its own ("guangdong alone?" after the border provinces).
        parts = (reading.alone or reading.not_total) and not set(reading.words) & self._places
        qualifies = bool(reading.source or reading.currency or parts)
        return named and bool(reading.flows or reading.measures or qualifies)

    def merge(self, last: Reading, new: Reading, text: str, carry: frozenset[str] = CARRIED) -> Reading:
        """``new`` with the slots it leaves empty taken from ``last`` (those named in ``carry``): "and imports?"
        keeps the subject, the measure and the period; "what about Africa?" keeps the flow, the measure and the
        period. Words that name no topic narrow the last subject ("tariff exemptions?" of Hainan), as does a
        pronoun ("ship exports from there")."""
        update: dict[str, object] = {"joins": (), "two_parts": False, "length": max(last.length, new.length)}
        # "how many exhibitors" after the CIIE's deals names only what no figure is about: that replaces the last
        # question's words, and the message is as terse as typed.
        unknown = bool(new.unmatched) and not (new.words or new.subjects or new.entities or new.flows)
        if unknown:
            update["length"] = new.length
        names_topic = bool(new.subjects or new.entities)
        # A pronoun beside a subject named anew points at that subject ("foreign-invested enterprises, what was
        # their trade value?"); one of another kind named with it keeps the last ("their trade with ASEAN?").
        anew = any(s.topic not in self._whole_topics for s in new.subjects)
        if names_topic and (anew or not self.points_back(text)):
            # "wind turbine exports" then "to the EU?": the EU replaces any partner named before, and the goods
            # named before stay ("wind turbine exports to the EU"); a topic of another kind stays as well.
            kinds = {self._groups.get(s.topic, s.topic) for s in new.subjects}
            # (a whole group's noun the last question counted stays behind: "how many foreign trade firms registered in
            # Hainan", then "and Hainan's goods trade in that period?")
            kept = tuple(
                s
                for s in last.subjects
                if self._groups.get(s.topic, s.topic) not in kinds and s.topic not in self._whole_topics
            )
            update["subjects"] = _unique(kept + new.subjects) if new.subjects else new.subjects
            names_goods = any(self._groups.get(s.topic) == GOODS_GROUP for s in new.subjects)
            if not set(new.words) - set(new.topic_words) - self._place_nouns and not new.entities and not names_goods:
                pairs = zip(last.words, last.word_at, strict=True)
                goods = [(w, at) for w, at in pairs if self._carries_goods(w, last)]
                update["words"] = tuple(w for w, _ in goods) + new.words
                update["word_at"] = tuple(at for _, at in goods) + new.word_at
                update["typed"] = tuple(t for t in last.typed if t not in last.topic_words) + new.typed
        elif set(new.words) & self._goods:
            # (a pronoun points at the partner, which stays: "medical devices exports to them?" after BRI farm trade)
            kept = tuple(s for s in last.subjects if self._groups.get(s.topic) != GOODS_GROUP)
            update["subjects"] = _unique(kept + new.subjects)
            update["entities"] = _unique(last.entities + new.entities)
        elif not names_topic or self.points_back(text):
            update["subjects"] = _unique(last.subjects + new.subjects)
            update["entities"] = _unique(last.entities + new.entities)
            update["two_parts"] = last.two_parts and not new.words
            if not new.words and "words" in carry and not unknown:
                for name in ("words", "typed", "topic_words", "word_at"):
                    update[name] = getattr(last, name)
                # (words of its own that describe no figure stay evidence: "how many exhibitors" after CIIE deals)
                update["unmatched"] = tuple(dict.fromkeys(last.unmatched + new.unmatched))
            elif not new.words:
                # Let go of the last question's qualifying words ("cumulative"), never of the goods it named.
                kept = [(w, at) for w, at in zip(last.words, last.word_at, strict=True) if w in self._goods]
                update["words"] = tuple(w for w, _ in kept)
                update["word_at"] = tuple(at for _, at in kept)
                update["topic_words"] = tuple(w for w in last.topic_words if w in update["words"])
            update["quantities"] = new.quantities or last.quantities
        if not new.flows and _asks_the_total(text) and last.flows and Flow.TRADE not in last.flows:
            update["flows"], update["flow_weak"] = (Flow.TRADE,), False  # "total value?" after exports: both flows
        elif not new.flows and "flow" in carry and not (names_topic and len(last.flows) > 1):
            # (the two flows of a comparison are not carried to another subject: "duty free sales?")
            update["flows"], update["flow_weak"] = last.flows, last.flow_weak
        if not new.measures and "measure" in carry:
            for name in ("measures", "measures_weak", "measures_near", "measure_at", "per", "counted"):
                update[name] = getattr(last, name)
        if new.period is None and "period" in carry:
            update["period"] = last.period
        if new.compared_with is None and "period" in carry:
            update["compared_with"] = last.compared_with
        if new.currency is None and "currency" in carry and ("measure" in carry or new.measures):
            # A currency qualifies the value asked: "and imports from there?" after "how big in yuan" may be
            # answered by a growth rate once the value is let go.
            update["currency"] = last.currency
        if new.source is None:
            update["source"] = last.source
        return new.model_copy(update=update)

    def carried(self, last: Reading, new: Reading) -> list[frozenset[str]]:
        """The slots to carry, most first: a follow-up whose reading with everything carried is not stated is
        tried without the last measure ("in usd?" after a growth rate: the dollar figure is a value). The period is
        let go only for another source or currency, whose figures have periods of their own ("and by US data?": the
        first ten months); otherwise December exports are not the year's."""
        options = [CARRIED]
        swapped = self.names_partner(new) and not new.flows
        basic = not last.measures_weak and set(last.measures) <= _BASIC_MEASURES
        if last.measures and not new.measures and not (swapped and basic):
            # A partner swapped for another keeps a growth rate or value asked in so many words: "growth?" then
            # "what about the US?" asks the US's growth, and the decline offers its value rather than answering
            # with it. A narrower measure ("contribution to export growth", then "to the eu?") is seldom stated
            # for the next partner, and people moving on mean that partner's figure.
            options.append(CARRIED - {"measure"})
        if (new.source or new.currency) and (last.period or last.compared_with) and not new.period:
            options.append(CARRIED - {"measure", "period"})
        if new.compared_with and last.period and not new.period and last.period.first // 12 != last.period.last // 12:
            # "vs 2020?" after the five-year plan's trade: the change of the year asked on 2020, not of the span
            options.append(CARRIED - {"period"})
        if new.measures and set(last.words) - self._goods and not new.words:
            # "avg annual growth" after cumulative trade: the average is stated for trade, not for the cumulative sum
            options.append(CARRIED - {"words"})
        if last.flows and not new.flows and new.measures and set(new.words) - self._goods:
            # "what value of goods was sold to the mainland, and how much duty was exempted?": what the second
            # part names (the duty) may be stated with no flow or the other one; it is tried without the first's.
            options.append(CARRIED - {"flow"})
        if last.period is not None and not new.period and self._looks_back(last.period):
            # "n the year before?", then "exports to them?": the thread goes back to the briefing's year when the
            # earlier one states nothing (a December asked stays: "and exports?" then asks December's exports)
            options.append(CARRIED - {"period", "measure"})
        if new.measures and new.words and not new.period and (last.period or last.compared_with):
            # "avg shoppers per day?" after "and duty-free sales for the whole of 2024?": another figure of the same
            # subject, named and measured anew, is asked for its own period when the last one states nothing.
            options.append(CARRIED - {"period"})
        if last.currency and new.measures and not new.currency:
            # "growth?" after "in usd?": a growth rate stated in yuan terms only is still the one asked; the reply
            # reads as yuan, so the change shows.
            options.append(CARRIED - {"currency"})
        return options

    def _looks_back(self, period: Period) -> bool:
        """Whether ``period`` lies wholly before the briefing's year (2024, when 2025 is covered)."""
        return self._covered_year is not None and period.last // 12 < self._covered_year


_BASIC_MEASURES = frozenset({Measure.GROWTH, Measure.VALUE})

# The whole that the last subject is a part of: "share of total exports?", "contribution to overall export growth?".
_PART_OF = frozenset({"of", "to", "in", "than", "vs", "versus", "over"})  # (and the base it is compared with)

_TIMES = {(w,) for w in ("period", "window", "time", "year", "month", "span", "stretch", "quarter", "week")}

# Words after "how many" that leave out what is counted ("how many had", "how many of them").
_ELIDED = frozenset({"had", "have", "has", "were", "are", "was", "did", "do", "of", "in", "got", "saw"})

_TOTAL_OF = frozenset({"value", "amount", "figure", "size", "volume", "trade"})


def _asks_the_total(text: str) -> bool:
    """ "total value?", "the total amount in yuan?" after one flow: the two-way total ("share of the total?" is a
    share of China's total, and keeps the flow)."""
    words = phrase_of(text)
    return any(w == "total" and words[i + 1 : i + 2] and words[i + 1] in _TOTAL_OF for i, w in enumerate(words))


def _unique(items: tuple) -> tuple:  # subjects or entities
    return tuple(dict.fromkeys(items))


class Conversation(Protocol):
    """Where a conversation's last turn is kept: the bot's store in Slack, memory in the terminal."""

    def recall(self) -> Turn | None:
        """The last turn, or None when there is none or it has expired."""

    def remember(self, turn: Turn) -> None:
        """Keep ``turn`` as the last one."""


class LocalConversation:
    """A conversation kept in this process: the terminal chat, or one thread of ``tradebot ask -``."""

    def __init__(self) -> None:
        self._turn: Turn | None = None

    def recall(self) -> Turn | None:
        return self._turn

    def remember(self, turn: Turn) -> None:
        self._turn = turn
