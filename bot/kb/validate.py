"""Cross-checks of the knowledge against its transcript: the quote is verbatim, the figure is in it."""

from __future__ import annotations

import math

from bot.kb.base import Entry, KnowledgeBase
from bot.kb.errors import Problem
from bot.kb.figures import number_tokens, stated_value
from bot.kb.models import Briefing, Indicator
from bot.kb.transcript import Transcript, normalize_space


def validate_entry(
    indicator: Indicator,
    briefing: Briefing,
    transcript: Transcript,
    file: str,
    uid: str,
    problems: list[Problem],
) -> Entry | None:
    """Check one indicator against its briefing; return its entry, or None after recording problems."""
    found: list[Problem] = []

    def problem(field: str, message: str) -> None:
        found.append(Problem(file, indicator.id, field, message))

    speaker = briefing.speaker(indicator.speaker)
    if speaker is None:
        problem("speaker", f"unknown speaker {indicator.speaker!r}; known: {[s.id for s in briefing.speakers]}")
    if briefing.topics and not any(t.id == indicator.topic for t in briefing.topics):
        problem("topic", f"unknown topic {indicator.topic!r}; add it to briefing.toml")

    quote = normalize_space(indicator.quote)
    turn = None
    if transcript.turn_containing(quote) is None:
        problem("quote", "not found verbatim in the transcript")
    elif speaker is not None:
        turn = transcript.turn_containing(quote, speaker.id)
        if turn is None:
            who = transcript.turn_containing(quote).name
            problem("speaker", f"the quote is said by {who}, not by {speaker.name}")

    stating = {s.id for s in briefing.speakers if s.states_figures}
    for position, passage in enumerate(indicator.restated):
        again = transcript.turn_containing(normalize_space(passage))
        if again is None or again.speaker_id not in stating:
            problem(f"restated.{position}", "not found verbatim in a speaker's turn")
        elif not set(number_tokens(indicator.stated)) <= set(number_tokens(passage)):
            problem(f"restated.{position}", f"does not state {indicator.stated!r} again")

    if normalize_space(indicator.stated).lower() not in quote.lower():
        problem("stated", f"{indicator.stated!r} does not appear in the quote")
    for name in ("change", "share"):
        text = getattr(indicator, name)
        if text is None:
            continue
        missing = [n for n in number_tokens(text) if n not in number_tokens(quote)]
        if missing:
            problem(name, f"number(s) {', '.join(missing)} of {text!r} do not appear in the quote")

    expected = stated_value(indicator.stated)
    if expected is not None and not math.isclose(expected, indicator.value, rel_tol=1e-9):
        problem("value", f"{indicator.value:g} does not match the stated {indicator.stated!r} ({expected:g})")

    problems.extend(found)
    if found or speaker is None or turn is None:
        return None
    return Entry(uid, indicator, briefing, speaker, turn.outlet, file)


def validate_topics(briefing: Briefing, kb: KnowledgeBase, file: str, problems: list[Problem]) -> None:
    """Each topic's headline must be one of its own indicators."""
    for position, topic in enumerate(briefing.topics):
        entry = kb.get(f"{briefing.id}/{topic.headline}")
        if entry is None:
            problems.append(Problem(file, topic.id, f"topics.{position}.headline", f"no indicator {topic.headline!r}"))
        elif entry.indicator.topic != topic.id:
            problems.append(
                Problem(
                    file,
                    topic.id,
                    f"topics.{position}.headline",
                    f"{topic.headline!r} belongs to topic {entry.indicator.topic!r}",
                )
            )
