"""Comparisons and rankings from stated figures only: "asean vs eu", "which grew faster, exports or imports?",
"rank the partners by growth", "private vs foreign-invested vs state-owned enterprises".

Each subject (or flow) compared gets the figure the engine would answer for it alone; the figures are sorted by
their stated values where they share a unit, and a subject with no such figure is named as missing. Nothing is
derived: no difference, ratio or surplus. "Which grew faster" is answered only by saying which stated figure is
higher, with both shown.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.answer.declines import explain_decline
from bot.answer.models import Answer, Reply
from bot.answer.parts import only
from bot.answer.reading.frame import Entity, Flow, Measure, Reading, ReadingView, Subject
from bot.answer.words import PhraseTable, phrase_of

if TYPE_CHECKING:
    from bot.answer.engine import Engine

MAX_COMPARED = 12  # subjects in one comparison: a table Slack shows whole, and a chart's categories
_CHANGE = re.compile(r"\b(up|down|rose|fell|increase|decrease|grew|declined?)\b[^\d-]*(-?\d+(?:\.\d+)?)\s?%", re.I)
_FALLING = {"down", "fell", "decrease", "decline", "declined"}
_RANKED = {"value", "growth"}  # the kinds of figure a ranking orders (a rank or a share is not an amount of trade)


class Comparer:
    """Answers a message that compares or ranks, with a figure per subject."""

    def __init__(self, engine: Engine):
        words = engine.language.compare
        self._engine = engine
        self._compare = PhraseTable([(p, True) for p in words.compare])
        self._rank = PhraseTable([(p, True) for p in words.rank])
        self._which = PhraseTable([(p, True) for p in words.which])
        self._plural = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in words.rank_plural) + r")\b")
        self._group = {t.id: t.group for t in engine.kb.topics}
        # Each group of topics in the knowledge base ranks as a whole: its first topic is the umbrella ("trading
        # partners", "enterprises"), the others its members ("rank the partners by growth").
        self._members: dict[str, list[Subject]] = {}
        umbrella: dict[str, str] = {}
        for topic in engine.kb.topics:
            if topic.group not in umbrella:
                umbrella[topic.group] = topic.id
                self._members[topic.id] = []
                continue
            subject = Subject(topic=topic.id, name=topic.name, words=(), at=0)
            self._members[umbrella[topic.group]].append(subject)
        self._umbrella = frozenset(self._members)
        # With nothing named, a ranking is of the partners: the group the place topics belong to.
        self._default = next((umbrella[t.group] for t in engine.kb.topics if t.place), None)

    def asks(self, text: str, reading: Reading) -> bool:
        """Whether ``text`` asks to compare or rank."""
        tokens = list(phrase_of(text))
        return bool(self._compare.find(tokens, set()) or self._ranks(text, tokens, reading))

    def _ranks(self, text: str, tokens: list[str], reading: Reading) -> bool:
        if self._rank.find(tokens, set()):
            return True
        # "the largest trading partners" is a ranking, but the share they account for is one figure of the group.
        return Measure.SHARE not in reading.measures and bool(self._plural.search(text.lower()))

    def reply(self, text: str, reading: Reading, *, rank: bool = False) -> Reply | None:
        """The comparison ``text`` asks for, or None when it names fewer than two things to compare."""
        tokens = list(phrase_of(text))
        ranking = rank or self._ranks(text, tokens, reading)
        parts = self._parts(reading, ranking)
        if len(parts) < 2:
            return None
        answers: list[Answer] = []
        missing: list[str] = []
        for part in parts[: MAX_COMPARED if not ranking else None]:
            best, ranked = self._engine.best(part)
            if ranking and best is not None and best.features.flow < 1.0:
                continue  # a ranking of two-way trade leaves out a partner stated only for its imports
            if best is None:
                if not ranking:  # a ranking lists what is stated; it does not list every member that is not
                    missing.append(explain_decline(part, ranked, self._engine).sentence())
            elif all(a.id != best.profile.entry.uid for a in answers):
                answers.append(self._engine.answer_of(best))
        if not answers:
            return None  # nothing stated for any of them: declined the usual way, with the closest figures
        measure = Measure.GROWTH if Measure.GROWTH in reading.measures else None
        if ranking:  # a ranking lists the figures that state what it ranks by
            answers = [a for a in answers if stated_value(a, measure) is not None and a.kind in _RANKED]
        answers = sort_stated(answers, measure)[:MAX_COMPARED]
        verdict = self._verdict(answers, measure) if self._which.find(tokens, set()) else None
        return Reply(
            query=text,
            answered=True,
            reason="comparison",
            answers=answers,
            asked=len(answers),
            missing=missing,
            verdict=verdict,
            reading=ReadingView.of(reading),
        )

    def _parts(self, reading: Reading, ranking: bool) -> list[Reading]:
        named = sorted([*reading.subjects, *reading.entities], key=lambda n: n.at)
        members = [n for n in named if getattr(n, "topic", None) not in self._umbrella]
        kinds = {self._kind(n) for n in members}
        narrower = [w for w in reading.words if w not in reading.topic_words]  # "gas purification equipment"
        if len(members) >= 2 and len(kinds) == 1 and not narrower:
            # Subjects of one kind, side by side ("ASEAN vs the EU"); of different kinds they qualify each other
            # ("high-tech exports to the EU versus imports from it" compares the flows).
            return [only(reading, n) for n in members]
        flows = reading.flows  # "compare exports and imports" reads both flows (``FlowParser``)
        if len(flows) >= 2:
            return [reading.model_copy(update={"flows": (flow,)}) for flow in flows]
        if ranking:
            # An entity (a country the briefing names no figures for) has no topic: ``rank Australia/LHI``.
            umbrellas = [topic for topic in (getattr(n, "topic", None) for n in named) if topic in self._umbrella]
            group = next(iter(umbrellas), None) if named else self._default
            # A ranking of partners is of their two-way trade, unless a flow is asked, by value unless by growth.
            measures = frozenset({Measure.GROWTH}) if Measure.GROWTH in reading.measures else frozenset({Measure.VALUE})
            base = reading.model_copy(
                update={
                    "subjects": (),
                    "entities": (),
                    "words": (),
                    "typed": (),
                    "flows": flows or (Flow.TRADE,),
                    "measures": measures,
                    "measures_weak": False,
                }
            )
            return [base.model_copy(update={"subjects": (s,)}) for s in self._members.get(group or "", [])]
        return []

    def _kind(self, named: Subject | Entity) -> str:
        """What kind of thing is named: its topic's group, or for an entity the partners' group if it is a place."""
        if isinstance(named, Subject):
            return self._group.get(named.topic, named.topic)
        if named.kind == "place" and self._default is not None:
            return self._group.get(self._default, "place")
        return named.kind

    @staticmethod
    def _verdict(answers: list[Answer], measure: Measure | None) -> str | None:
        """ "Which grew faster": which stated figure is higher, with both, so the reader can check it."""
        values = [(a, stated_value(a, measure)) for a in answers[:2]]
        if len(values) < 2 or any(v is None for _, v in values) or not same_unit(answers[:2], measure):
            return None
        (first, a), (second, b) = values
        if a == b:
            return f"The two stated figures are equal: {shown(first, measure)} and {shown(second, measure)}."
        return f"Higher: {first.label} ({shown(first, measure)}), against {second.label} ({shown(second, measure)})."


def compared_measure(reply: Reply) -> Measure | None:
    """What a comparison reply orders by: growth when growth was asked, else the value."""
    return Measure.GROWTH if reply.reading and Measure.GROWTH.value in reply.reading.measures else None


def stated_value(answer: Answer, measure: Measure | None) -> float | None:
    """The number a figure states for ``measure``: its growth rate as stated ("up 8%"), or its value."""
    if measure is Measure.GROWTH:
        if answer.unit == "percent" and answer.kind == "growth":
            return answer.numeric
        found = _CHANGE.search(answer.change or "")
        if found is None:
            return None
        rate = float(found.group(2))
        return -rate if found.group(1).lower() in _FALLING else rate
    return answer.numeric


def same_unit(answers: list[Answer], measure: Measure | None) -> bool:
    """Whether the figures can be ordered against each other: all growth rates, or all in one unit."""
    if measure is Measure.GROWTH:
        return True
    return len({a.unit for a in answers}) == 1


def shown(answer: Answer, measure: Measure | None) -> str:
    """The stated text of the compared number: "up 8%" or "7.55 trillion yuan"."""
    if measure is Measure.GROWTH and answer.change and not (answer.unit == "percent" and answer.kind == "growth"):
        return answer.change
    return answer.value


def sort_stated(answers: list[Answer], measure: Measure | None) -> list[Answer]:
    """Highest stated value first among the figures in the most common unit; the others (another currency, no
    such value) follow in their own order, since they cannot be ordered against the first."""
    units = [a.unit for a in answers if stated_value(a, measure) is not None]
    if not units:
        return answers
    main = max(dict.fromkeys(units), key=units.count)
    comparable = [a for a in answers if stated_value(a, measure) is not None and (measure or a.unit == main)]
    rest = [a for a in answers if a not in comparable]
    return sorted(comparable, key=lambda a: -(stated_value(a, measure) or 0.0)) + rest
