"""Two figures asked in one message ("ASEAN vs the EU", "exports and imports, respectively", "partners over
1 trillion, and over 100 billion"): the reading split into one reading per figure, each answered on its own."""

from __future__ import annotations

from bot.answer.reading.frame import Entity, Measure, Reading, Subject


def split(reading: Reading) -> list[Reading]:
    """One reading per figure asked; most messages ask one."""
    parts = _named_parts(reading)
    return parts if len(parts) > 1 else [reading]


def word_split(reading: Reading) -> list[list[Reading]]:
    """ "Electronic components and computer parts", "by sea and by air": the subject words on either side of a
    join, each side with the rest of the reading; the words that named a topic go with both sides. The second side
    is also offered with the first side's context, without its first word and whole ("how many categories of farm
    products gained market access, and from how many countries": the countries of market access). A guess: the
    engine takes it only when no one figure names every word ("mechanical and electrical products" is one figure)
    and both sides find a figure.

    Returns:
        [] when there is no split, else [[first side], [second side, second side with the first's context]].
    """
    if len(reading.words) < 2 or not reading.joins:
        return []
    pairs = list(zip(reading.words, reading.word_at, strict=True))
    shared = [(w, at) for w, at in pairs if w in reading.topic_words]
    for join in reading.joins:
        for own in ([p for p in pairs if p not in shared], pairs):
            left = [(w, at) for w, at in own if at < join]
            right = [(w, at) for w, at in own if at > join]
            if left and right:
                common = [] if own is pairs else shared
                second = [with_words(reading, common + right)]
                # The first side's words after its first, then all of them: "processing value-added exemption, how
                # much was sold … and how much duty was exempted" asks the duty of that exemption.
                for context in (left[1:], left) if len(left) > 1 else ():
                    second.append(with_words(reading, common + context + right))
                if common:
                    # The topic named may be the first side's only ("gas purification equipment … compare with
                    # electric forklifts")
                    second.append(with_words(without_topics(reading), right))
                typed_at = [at for measure, at in reading.measure_at if measure in reading.measures]
                if typed_at and all(at < join for at in typed_at):
                    # Every measure typed before the join may be the first side's only: "shoppers count + total
                    # sales" asks no count of sales.
                    second.append(second[0].model_copy(update={"measures": frozenset()}))
                return [[with_words(reading, common + left)], second]
    return []


def list_split(reading: Reading) -> list[list[Reading]]:
    """ "By sea, land and air": three or more things listed, a side each (one option per side), every join parting
    subject words; [] otherwise. The engine tries it before ``word_split``, which splits at one join."""
    own, shared = run_split(reading)
    cuts = sorted(reading.joins)
    if len(cuts) < 2:
        return []
    bounds = [-1, *cuts, 10**6]
    sides = [[(w, at) for w, at in own if low < at < high] for low, high in zip(bounds, bounds[1:], strict=False)]
    if not all(sides):
        return []
    options = [[with_words(reading, shared + side)] for side in sides]
    # The first side may hold the message's preamble too ("logistics question: … by sea, by land and by air"): it
    # is also tried with the words next to the first join alone.
    near = [(w, at) for w, at in sides[0] if at >= cuts[0] - 2]
    if near and near != sides[0]:
        options[0].append(with_words(reading, shared + near))
    return options


def run_split(reading: Reading) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """ "electronic components computer parts imports growth": the subject words, in the order typed, that a terse
    message may list with no join, and the words that named a topic (both sides keep those). The engine parts the
    runs so that one figure names each run wholly (``Engine._runs``)."""
    pairs = list(zip(reading.words, reading.word_at, strict=True))
    shared = [(w, at) for w, at in pairs if w in reading.topic_words]
    return [p for p in pairs if p not in shared], shared


def without_topics(reading: Reading) -> Reading:
    """``reading`` with no topic named: for a part whose words are another thing than the topic named beside them."""
    return reading.model_copy(update={"subjects": (), "topic_words": ()})


def measure_split(reading: Reading) -> list[Reading]:
    """ "Growth against 2020 and the average annual rate": one reading per measure joined, when no one figure states
    both (the engine tries it only then). A percentage-point unit goes with the measure it qualifies."""
    measures = [m for m in sorted(reading.measures, key=list(Measure).index) if m is not Measure.POINTS]
    if len(measures) != 2 or not reading.joins or reading.measures_weak:
        return []  # weak words ("up how much") ask one figure, not two
    starts = [at for _, at in reading.measure_at]  # weak words too: "how much larger …, and the average rate"
    if not any(min(starts) < join < max(starts) for join in reading.joins):
        return []  # "average annual growth": one measure qualifies the other, nothing joins them
    points = {Measure.POINTS} & reading.measures
    return [reading.model_copy(update={"measures": frozenset({m} | points)}) for m in measures]


def with_words(reading: Reading, words: list[tuple[str, int]]) -> Reading:
    """``reading`` about just these subject words (with their positions)."""
    words = sorted(dict.fromkeys(words), key=lambda pair: pair[1])
    kept = tuple(w for w, _ in words)
    return reading.model_copy(update={"words": kept, "word_at": tuple(at for _, at in words), "typed": kept})


def _named_parts(reading: Reading) -> list[Reading]:
    named = [*reading.subjects, *reading.entities]
    if reading.two_parts and len(named) == 2:
        first, second = sorted(named, key=lambda n: n.at)
        return [only(reading, first), only(reading, second)]
    by_flow = flow_split(reading)
    if by_flow:
        return by_flow
    if len(reading.quantities) == 2:
        return [reading.model_copy(update={"quantities": (q,)}) for q in reading.quantities]
    return [reading]


def flow_split(reading: Reading) -> list[Reading]:
    """ "Exports and imports": a reading per flow, or [] when one flow (or a multiple of the two) is asked. The
    engine also tries it where a split by the things named leaves one unanswered ("the EU's share of consumer-goods
    imports and of consumer-goods exports")."""
    if len(reading.flows) == 2 and not reading.measures & {Measure.MULTIPLE, Measure.MARGIN}:
        # ("imports relative to exports" asks one figure: a multiple of the two)
        return [reading.model_copy(update={"flows": (flow,), "two_parts": False}) for flow in reading.flows]
    return []


def only(reading: Reading, named: Subject | Entity) -> Reading:
    """The reading about one of the two things named, without the other's words."""
    others = [n for n in (*reading.subjects, *reading.entities) if n is not named]
    away = {n.at + k for n in others for k in range(len(n.words))}
    words = [(w, at) for w, at in zip(reading.words, reading.word_at, strict=True) if at not in away]
    return reading.model_copy(
        update={
            "subjects": tuple(s for s in reading.subjects if s is named),
            "entities": tuple(e for e in reading.entities if e is named),
            "words": tuple(w for w, _ in words),
            "word_at": tuple(at for _, at in words),
            "two_parts": False,
        }
    )
