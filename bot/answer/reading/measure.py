"""The measure slot: what kind of figure is asked (value, growth, share, count, rank, contribution ...)."""

from __future__ import annotations

from bot.answer.language import Language
from bot.answer.reading.frame import Measure
from bot.answer.words import PhraseTable


class MeasureParser:
    """Strong words decide ("grow", "share", "how many"); weak ones ("how much", "%") count only alone, so
    "how much did imports grow" asks growth, and "how much were imports" asks the value."""

    def __init__(self, language: Language):
        words = language.measure
        strong = [(p, Measure(name)) for name, phrases in words.strong.items() for p in phrases]
        self._strong = PhraseTable(strong + [(p, Measure.POINTS) for p in words.points])
        self._weak = PhraseTable([(p, Measure(name)) for name, phrases in words.weak.items() for p in phrases])
        self._near = {Measure(name): frozenset(Measure(m) for m in near) for name, near in words.near.items()}

    def where(self, tokens: list[str]) -> tuple[tuple[Measure, int], ...]:
        """Where each measure is first named, so a join between two of them can be seen."""
        first: dict[Measure, int] = {}
        for match in sorted(self._strong.find(tokens, set()) + self._weak.find(tokens, set()), key=lambda m: m.start):
            first.setdefault(match.value, match.start)
        return tuple(first.items())

    def near(self, measures: frozenset[Measure]) -> frozenset[Measure]:
        """The measures that weak words asking ``measures`` may also mean."""
        return frozenset(m for asked in measures for m in self._near.get(asked, ()))

    def parse(self, tokens: list[str], taken: set[int]) -> tuple[frozenset[Measure], bool]:
        """The measures asked, and whether they were read from weak words only."""
        strong = self._strong.find(tokens, taken)
        weak = self._weak.find(tokens, taken)
        found = {m.value for m in strong} or {m.value for m in weak}
        if any(m.value is Measure.SHARE for m in weak) and any(m.value is Measure.GROWTH for m in strong):
            found.add(Measure.SHARE)  # "how much of global trade growth": a share of the growth
        if found == {Measure.VOLUME}:
            # "by volume, up how much": by volume says in what terms; the weak words say what is asked of it
            # ("how much" of a volume is the tonnage itself, not a value)
            found |= {m.value for m in weak} - {Measure.VOLUME, Measure.VALUE}
        if any("point" in tokens[m.start : m.end] for m in strong):
            found.add(Measure.POINTS)  # "by how many percentage points": the figure asked is in points
        if Measure.MARGIN in found and found & {Measure.CONTRIBUTION, Measure.SHARE}:
            found.discard(Measure.MARGIN)  # "share rose by how many points": the change of the share is asked
        if {Measure.SHARE, Measure.GROWTH} <= found:
            found.add(Measure.POINTS)  # a share's rise is stated in percentage points
        contributions = [m.start for m in strong if m.value is Measure.CONTRIBUTION]
        growths = [m.start for m in strong if m.value is Measure.GROWTH]
        # "what growth rate did he give, on export drivers": a rate asked for by "what" is the figure asked.
        rate_asked = any(
            m.value is Measure.GROWTH and {"what", "which"} & set(tokens[max(0, m.start - 2) : m.start]) for m in strong
        )
        if contributions and growths and min(contributions) < min(growths) and not rate_asked:
            # "how much did prices shave off import growth": the growth named after it is the whole contributed to
            found.discard(Measure.GROWTH)
        return frozenset(found), not strong

    def names_multiple(self, tokens: list[str], taken: set[int]) -> bool:
        """Whether a multiple is asked by a phrase that names a flow ("imports relative to exports"), which the
        flow slot has read first."""
        return any(m.value is Measure.MULTIPLE for m in self._strong.find(tokens, taken))

    def offered(self, tokens: list[str]) -> frozenset[Measure]:
        """Measures a knowledge-base text states ("up 6.3%, 2.5 percentage points higher than ...")."""
        strong = self._strong.find(tokens, set())
        found = {m.value for m in strong}
        if any("point" in tokens[m.start : m.end] for m in strong):
            found.add(Measure.POINTS)
        return frozenset(found)
