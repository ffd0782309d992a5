"""Parse a briefing transcript, as published, into turns, paragraphs and sentences.

A turn starts at a line that is nothing but a name and a colon ("Wang Jun:", "TASS:"). Names that are
the briefing's speakers open a speaker's turn; any other name after the first speaker's turn is a
media outlet asking a question, and the speaker turns that follow answer that outlet. So when Wang Jun
hands a question to Mr. Lyu, the next turn is Lyu Daliang's and its figures are his.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

# A heading line: a short name followed by a colon and nothing else.
_HEADING = re.compile(r"^(?P<name>[A-Z0-9][\w .,'&-]{0,60}):\s*$")
_PAGE_BREAK = "_ueditor_page_break_tag_"

# Abbreviations whose final period does not end a sentence.
_ABBREVIATIONS = ("Mr.", "Ms.", "Mrs.", "Dr.", "Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.", "No.", "St.")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’]?\s+(?=[\"“'‘(]?[A-Z0-9])")


@dataclass(frozen=True)
class Turn:
    """One speaker's (or outlet's) uninterrupted contribution."""

    index: int
    name: str  # as printed in the heading
    speaker_id: str | None  # the briefing speaker's id, None for an outlet's question
    outlet: str | None  # the outlet whose question this turn answers (or asks)
    paragraphs: tuple[str, ...]
    line: int  # 1-based line of the heading in the source

    @property
    def text(self) -> str:
        """The turn's paragraphs joined by blank lines."""
        return "\n\n".join(self.paragraphs)

    @cached_property
    def flat_text(self) -> str:
        """The turn's text with white space collapsed, for verbatim look-ups."""
        return normalize_space(self.text)

    def sentences(self) -> list[str]:
        """All sentences of the turn, in order."""
        return [s for p in self.paragraphs for s in split_sentences(p)]


@dataclass
class Transcript:
    """A parsed transcript: its raw text and its turns."""

    text: str
    turns: list[Turn] = field(default_factory=list)

    def speaker_turns(self, speaker_id: str) -> list[Turn]:
        """The turns spoken by one speaker."""
        return [t for t in self.turns if t.speaker_id == speaker_id]

    def turn_containing(self, quote: str, speaker_id: str | None = None) -> Turn | None:
        """The first turn (of ``speaker_id`` when given) whose text contains ``quote`` verbatim."""
        needle = normalize_space(quote)
        for turn in self.turns:
            if speaker_id is not None and turn.speaker_id != speaker_id:
                continue
            if needle in turn.flat_text:
                return turn
        return None


def normalize_space(text: str) -> str:
    """Collapse runs of white space, so a quote may wrap differently from the source."""
    return " ".join(text.split())


def split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences, keeping abbreviations such as "Dec. 18" and "U.S." intact."""
    text = normalize_space(paragraph)
    if not text:
        return []
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        candidate = text[start : match.start()].rstrip()
        last_word = candidate.rsplit(" ", 1)[-1]
        # "Jan. 14", "Mr. Lyu" and "U.S. imports" do not end a sentence.
        if last_word in _ABBREVIATIONS or re.fullmatch(r"(?:[A-Z]\.){2,}", last_word):
            continue
        pieces.append(candidate)
        start = match.end()
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


def parse_transcript(text: str, speakers: dict[str, str]) -> Transcript:
    """Parse ``text`` into turns.

    Args:
        text: The transcript as published.
        speakers: Speaker name as printed in headings (e.g. "Wang Jun") to speaker id.

    Returns:
        The transcript with its turns. Lines before the first speaker's heading (title, list of
        speakers, date) are the preamble and belong to no turn.
    """
    transcript = Transcript(text=text)
    heading: tuple[str, int] | None = None
    paragraphs: list[str] = []
    outlet: str | None = None
    started = False

    def close() -> None:
        nonlocal outlet
        if heading is None:
            return
        name, line = heading
        speaker_id = speakers.get(name)
        if speaker_id is None:
            outlet = name
        transcript.turns.append(Turn(len(transcript.turns), name, speaker_id, outlet, tuple(paragraphs), line))

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        match = _HEADING.match(line)
        if match and (started or match["name"] in speakers):
            started = True
            close()
            heading, paragraphs = (match["name"], number), []
            continue
        if not started or not line or line == _PAGE_BREAK:
            continue
        paragraphs.append(line)
    close()
    return transcript
