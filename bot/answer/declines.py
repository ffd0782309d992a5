"""Why a question is declined, said truthfully, with the closest figure the briefing does state.

A decline names the slot of the best figure that contradicts the question ("no figure in US dollars for total
trade"), and offers that figure with its value first among the suggestions. Before saying a kind of figure is not
stated for a subject, it checks that no figure about that subject states it; if one does (and lost on another
slot), it says only that no single figure matches everything asked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.answer.models import Suggestion
from bot.answer.reading.frame import Flow, Measure, Reading
from bot.answer.scoring import Scored

if TYPE_CHECKING:
    from bot.answer.engine import Engine

MAX_CLOSEST = 2
_MEASURE_NAMES = {
    Measure.VALUE: "value",
    Measure.GROWTH: "growth rate",
    Measure.SHARE: "share",
    Measure.COUNT: "count",
    Measure.RANK: "ranking",
    Measure.CONTRIBUTION: "contribution to growth",
    Measure.MARGIN: "margin between growth rates",
    Measure.POINTS: "figure in percentage points",
    Measure.VOLUME: "physical volume",
    Measure.FORECAST: "forecast",
    Measure.AVERAGE: "average",
    Measure.MULTIPLE: "multiple",
}
# Slots whose contradiction a decline can name; the others decline as "not found".
_RELAXED = {
    "period": {"period": None},
    "comparison": {"compared_with": None},
    "currency": {"currency": None},
    "source": {"source": None},
    "measure": {"measures": frozenset()},
    "flow": {"flows": ()},
    "alone": {"alone": False},
    "group": {"alone": False},
    "not_total": {"not_total": False},
    "extra": {},
    "uncovered": {},
}


@dataclass(frozen=True)
class Decline:
    """A decline's reason code, what the briefing does not hold (as the reply names it) and what to offer."""

    reason: str
    not_found: str | None
    suggestions: list[Suggestion] = field(default_factory=list)

    def sentence(self) -> str:
        """The decline as one sentence, for the part of a two-part question that is not answered."""
        if self.reason == "place":
            return f"The briefing gives no figures for {self.not_found}."
        if self.reason in {"period", "kind"}:
            return f"The briefing gives no {self.not_found}."
        return f"The briefing has no figure for “{self.not_found}”."


def explain_decline(reading: Reading, ranked: list[Scored], engine: Engine) -> Decline:
    """Why the best figures for ``reading`` do not answer it."""
    if reading.entities:
        # Something named that no figure is about is the reason, whatever else disagrees.
        entity = reading.entities[0]
        return Decline(reason="place" if entity.kind == "place" else "unknown", not_found=entity.name)
    if Measure.BALANCE in reading.measures:
        subject = _subject(reading, engine.whole_topics)
        closest = _closest(reading, "measure", engine)
        return Decline(reason="kind", not_found=_missing("measure", reading, subject), suggestions=closest)
    if not ranked:
        return Decline(reason="unknown", not_found=_subject(reading, engine.whole_topics) or reading.text[:80])
    scoring = engine.scoring
    best = ranked[0]
    conflict = scoring.worst_conflict(best.features)
    if conflict == "topic":
        # The best figure is about something else: judge the figures about what was named instead.
        about = [s for s in ranked if s.features.topic >= 0]
        if about:
            best = about[0]
            conflict = scoring.worst_conflict(best.features)
    if conflict == "measure" and not reading.measures:
        # No kind of figure was asked ("exports to the US"): a rank that lost on that says less than the figure that
        # lost on a slot the question did fill.
        asked_slot = [s for s in ranked[:5] if scoring.worst_conflict(s.features) not in {"measure", None}]
        if asked_slot:
            best = asked_slot[0]
            conflict = scoring.worst_conflict(best.features)
    subject = _subject(reading, engine.whole_topics)
    if conflict == "unmatched" and reading.unmatched:
        return Decline(reason="unknown", not_found=" ".join(reading.unmatched))
    if conflict in _RELAXED:
        same_subject = [s for s in ranked if s.features.topic >= 0 and s.features.entity >= 0]
        # The kind of figure is stated for the subject when a figure about the subject itself (not a narrower one)
        # agrees on that slot and on the measure asked: EU import shares do not make an EU import value, nor
        # exports of projects contracted in Africa an export figure for Africa.
        stated_elsewhere = any(
            getattr(s.features, conflict) >= 0 and s.features.measure > -1.0 and s.features.extra > -1.0
            for s in same_subject[:20]
        )
        closest = _closest(reading, conflict, engine, ranked)
        if not stated_elsewhere:
            return Decline(
                reason=_reason(conflict), not_found=_missing(conflict, reading, subject), suggestions=closest
            )
        return Decline(
            reason="kind", not_found=f"single figure that matches all of: {reading.summary()}", suggestions=closest
        )
    if reading.unmatched:
        return Decline(reason="unknown", not_found=" ".join(reading.unmatched))
    return Decline(
        reason="unknown", not_found=subject or reading.summary(), suggestions=_closest(reading, None, engine, ranked)
    )


def _reason(conflict: str) -> str:
    return "period" if conflict in {"period", "comparison"} else "kind"


def _subject(reading: Reading, wholes: frozenset[str] = frozenset()) -> str:
    names = [s.name for s in reading.subjects] + [e.name for e in reading.entities]
    if len(reading.subjects) == 1 and not reading.entities and reading.subjects[0].topic in wholes and reading.typed:
        # "'little giant' firms": the words typed say which firms; the briefing does count all trading firms.
        return f"{' '.join(reading.typed)} ({names[0]})"
    if names:
        return " and ".join(names)
    return " ".join(reading.typed)


def _missing(conflict: str, r: Reading, subject: str) -> str:
    """What the briefing does not state, as "The briefing gives no …" ends."""
    flow = r.flow.value if r.flow and r.flow is not Flow.TRADE else "total trade"
    about = f" for {subject}" if subject else f" for {flow}" if conflict != "flow" else ""
    if conflict == "period" and r.period:
        return f"figure for {r.period.label}{about}"
    if conflict == "comparison" and r.compared_with:
        return f"comparison with {r.compared_with.label}{about}"
    if conflict == "currency" and r.currency:
        return f"figure in {r.currency.value}{about}"
    if conflict == "source" and r.source:
        return f"figure from {r.source.value}{about}"
    if conflict == "measure":
        if Measure.BALANCE in r.measures:
            return "trade surplus or deficit (it would be exports minus imports, and I never compute a figure)"
        return f"{_measure_names(r) or 'such figure'}{about}"
    if conflict == "flow" and r.flow:
        return f"{r.flow.value} {_measure_names(r) or 'figure'}{' for ' + subject if subject else ''}"
    if conflict == "uncovered":
        return f"figure for {subject or 'that'}"
    if conflict == "extra":
        return f"figure for {subject or 'China as a whole'} on this; the figures stated are about narrower subjects"
    if conflict in {"alone", "group"}:
        return f"figure for {subject or 'that'} on its own (only for a group that includes it)"
    if conflict == "not_total":
        return f"figure other than total trade{about}"
    return f"figure matching {r.summary()}"


def _measure_names(r: Reading) -> str:
    names = [_MEASURE_NAMES[m] for m in sorted(r.measures, key=list(Measure).index) if m in _MEASURE_NAMES]
    return " or ".join(names)


def _closest(
    reading: Reading, conflict: str | None, engine: Engine, ranked: list[Scored] | None = None
) -> list[Suggestion]:
    """The figures that answer the question once the contradicting slot is let go, with their values.

    ``ranked`` is the ranking of ``reading`` itself, reused where letting the slot go changes nothing.
    """
    variants: list[Reading] = []
    if conflict == "measure" and Measure.BALANCE in reading.measures:
        # A surplus is exports minus imports: offer both, never their difference.
        variants = [
            reading.model_copy(update={"measures": frozenset(), "flows": (f,)}) for f in (Flow.EXPORTS, Flow.IMPORTS)
        ]
    elif conflict == "flow" and reading.flow in (Flow.EXPORTS, Flow.IMPORTS):
        # One flow asked where the two-way total is what is stated: the total comes first, said to be the total.
        variants = [reading.model_copy(update={"flows": (Flow.TRADE,)})]
    elif conflict in _RELAXED:
        variants = [reading.model_copy(update=_RELAXED[conflict])]
    else:
        variants = [reading]
    out: list[Suggestion] = []
    for variant in variants:
        found = ranked if ranked is not None and variant == reading else engine.rank(variant)
        take = 1 if len(variants) > 1 else MAX_CLOSEST
        for scored in found[:take]:
            if scored.score < engine.scoring.related_at:
                continue
            ind = scored.profile.entry.indicator
            label = f"{ind.label}: {ind.stated}"
            if all(s.label != label for s in out):
                out.append(Suggestion(label=label, query=ind.label))
    return out
