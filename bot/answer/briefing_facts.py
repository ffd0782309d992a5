"""Questions about the briefing itself (who spoke and their roles, when and where it was held, what it covers),
answered from the briefing records of the knowledge base."""

from __future__ import annotations

from bot.answer.models import Fact
from bot.answer.reading.frame import Reading
from bot.answer.words import phrase_of
from bot.kb.base import KnowledgeBase
from bot.kb.models import Briefing, Speaker


def briefing_facts(kb: KnowledgeBase, reading: Reading) -> list[Fact]:
    """The facts that answer ``reading``: the speaker named, or all of them; the date; the venue; the topics."""
    facts: list[Fact] = []
    for briefing in kb.briefings.values():
        speakers = [s for s in briefing.speakers if reading.speaker in (None, s.id)]
        if reading.meta == "chair":
            speakers = [briefing.chair] if briefing.chair else speakers
        elif reading.speaker is None:
            speakers = _by_role(speakers, reading.text)
        if reading.meta in ("who", "chair", None) or reading.speaker:
            facts += [_speaker_fact(briefing, s) for s in speakers]
        if reading.meta in ("when", "where", None) and not reading.speaker:
            when = f"{briefing.date.day} {briefing.date:%B %Y}" + (f", {briefing.starts}" if briefing.starts else "")
            facts.append(_event_fact(briefing, "Briefing", f"{briefing.title}: {when}, {briefing.venue}"))
        if reading.meta == "what" or (reading.meta is None and not reading.speaker):
            groups: dict[str, list[str]] = {}
            for topic in briefing.topics:
                groups.setdefault(topic.group, []).append(topic.name)
            covered = "; ".join(f"{group}: {', '.join(names)}" for group, names in groups.items())
            text = f"China's foreign trade in {briefing.reported_year}. {covered}"
            facts.append(_event_fact(briefing, "Covers", text))
    return facts


_ROLE_STOP = frozenset({"of", "the", "and", "a", "an", "at", "this", "is", "who", "who's", "whos", "was"})


def _by_role(speakers: list[Speaker], question: str) -> list[Speaker]:
    """The speakers whose role the question names best ("who's the GACC spokesperson": Lyu Daliang, not the SCIO's
    spokesperson nor the GACC's vice minister); all of them when it names no role."""
    asked = set(phrase_of(question)) - _ROLE_STOP
    named = {s.id: len(asked & set(phrase_of(s.role))) for s in speakers}
    most = max(named.values(), default=0)
    return [s for s in speakers if named[s.id] == most] if most else speakers


def _speaker_fact(briefing: Briefing, speaker: Speaker) -> Fact:
    listing = f"{speaker.name}, {speaker.role}"  # as the transcript lists the speakers and the chair
    return Fact(
        label="Speaker", text=listing, id=f"{briefing.id}/speaker/{speaker.id}", speaker=speaker.name, quote=listing
    )


def _event_fact(briefing: Briefing, label: str, text: str) -> Fact:
    chair = briefing.chair.name if briefing.chair else ""
    quote = briefing.dateline or briefing.title
    return Fact(label=label, text=text, id=f"{briefing.id}/{label.lower()}", speaker=chair, quote=quote)


def outlet_facts(kb: KnowledgeBase, reading: Reading) -> list[Fact]:
    """Who answered the question an outlet asked ("who fielded the Hainan question from TASS?"): the speaker of the
    figures given in answer to it, those about the subjects named first when the outlet asked more than one."""
    entries = [e for e in kb.entries if e.outlet == reading.outlet]
    about = [e for e in entries if any(e.indicator.topic == s.topic for s in reading.subjects)]
    facts: list[Fact] = []
    for entry in about or entries:
        if all(f.speaker != entry.speaker.name for f in facts):
            text = f"{entry.speaker.name}, {entry.speaker.role}, answered the question from {entry.outlet}"
            uid = f"{entry.briefing.id}/answered/{entry.speaker.id}"
            facts.append(
                Fact(label="Answered", text=text, id=uid, speaker=entry.speaker.name, quote=entry.indicator.quote)
            )
    return facts
