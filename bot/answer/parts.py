"""Two figures asked in one message ("ASEAN vs the EU", "exports and imports, respectively", "partners over
1 trillion, and over 100 billion"): the reading split into one reading per figure, each answered on its own."""

from __future__ import annotations

from bot.answer.reading.frame import Reading


def split(reading: Reading) -> list[Reading]:
    """One reading per figure asked; most messages ask one."""
    named = [*reading.subjects, *reading.entities]
    if reading.two_parts and len(named) == 2:
        first, second = sorted(named, key=lambda n: n.at)
        return [_only(reading, first), _only(reading, second)]
    if len(reading.flows) == 2:
        return [reading.model_copy(update={"flows": (flow,)}) for flow in reading.flows]
    if len(reading.quantities) == 2:
        return [reading.model_copy(update={"quantities": (q,)}) for q in reading.quantities]
    return [reading]


def _only(reading: Reading, named: object) -> Reading:
    """The reading about one of the two things named."""
    return reading.model_copy(
        update={
            "subjects": tuple(s for s in reading.subjects if s is named),
            "entities": tuple(e for e in reading.entities if e is named),
            "two_parts": False,
        }
    )
