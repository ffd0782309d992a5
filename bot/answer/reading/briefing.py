"""The speaker and meta slots: a speaker named, and questions about the briefing itself (who, when, where, what)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.answer.language import Language
from bot.answer.reading.frame import MetaAsk
from bot.answer.words import PhraseTable, phrase_of
from bot.kb.base import KnowledgeBase


@dataclass(frozen=True)
class BriefingAsk:
    speaker: str | None  # speaker id
    meta: MetaAsk | None
    about_briefing: bool  # "briefing", "press conference" named
    outlet: str | None = None  # a media outlet whose question was answered ("from TASS")


class BriefingParser:
    """Speakers come from the knowledge base's briefing records: full name, family name or given name."""

    def __init__(self, language: Language, kb: KnowledgeBase):
        names: list[tuple[tuple[str, ...], str]] = []
        for briefing in kb.briefings.values():
            for speaker in briefing.speakers:
                full = phrase_of(speaker.name)
                names.append((full, speaker.id))
                names += [((part,), speaker.id) for part in full if len(part) > 2]
        self._speakers = PhraseTable(names)
        # The outlets whose questions the speakers answered, by their names and the names' first words ("Nanfang
        # Daily, Nanfang Plus"; "Beijing Youth Daily")
        outlets = sorted({e.outlet for e in kb.entries if e.outlet})
        aliases = [(phrase_of(name.split(",")[0]), name) for name in outlets] + [(phrase_of(n), n) for n in outlets]
        self._outlets = PhraseTable([(a, name) for a, name in aliases if a])
        meta = language.meta
        self._meta = PhraseTable(
            [(p, "who") for p in meta.who]
            + [(p, "chair") for p in meta.chair]
            + [(p, "when") for p in meta.when]
            + [(p, "where") for p in meta.where]
            + [(p, "what") for p in meta.what]
        )
        self._question = PhraseTable(
            [(p, "when" if p[0] == "when" else "where" if p[0] == "where" else "who") for p in meta.question]
        )
        self._briefing = PhraseTable([(p, True) for p in meta.briefing])

    def parse(self, tokens: list[str], taken: set[int], about_briefing: bool = False) -> BriefingAsk:
        """``about_briefing``: the conversation is about the briefing already ("who chaired it?", then "her
        title?"), so a question's words ask about it without naming it."""
        outlets = self._outlets.find(tokens, taken)
        for match in outlets:
            taken.update(range(match.start, match.end))  # "Beijing Youth Daily" names no place
        speakers = [m.value for m in self._speakers.find(tokens, taken)]
        asks = [m.value for m in self._meta.find(tokens, taken)]
        about = bool(self._briefing.find(tokens, taken)) or about_briefing
        questions = [m.value for m in self._question.find(tokens, taken)]
        if not asks and questions and (about or speakers):
            asks = questions  # "who is Lyu Daliang", "when was the briefing"; never "who are you"
        return BriefingAsk(
            speaker=speakers[0] if speakers else None,
            meta=asks[0] if asks else None,
            about_briefing=about,
            outlet=outlets[0].value if outlets else None,
        )
