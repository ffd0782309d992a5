"""Two questions in one message, joined as clauses: "how many people shopped there, and what were sales?".

The second clause is read as a follow-up of the first (``bot.answer.followup``): what it leaves unsaid (the
subject, the period) is the first clause's. Only a boundary that opens a new question splits: ", and what",
"; how", "? And did"; "exports and imports" or "between Dec. 18 and Jan. 10" do not.
"""

from __future__ import annotations

import re

# A comma, semicolon or question mark, an optional "and"/"also", then a word that opens a question.
_OPENERS = r"what|what's|how|which|who|when|where|did|does|do|was|were|is|are|has|have|and by how"
_BOUNDARY = re.compile(rf"(?:[,;?]\s*(?:and\s+|also\s+|plus\s+)?|\s+and\s+(?:also\s+)?)(?=(?:{_OPENERS})\b)", re.I)
MIN_WORDS = 3  # each clause: "what were sales" is a question, "what" alone is not
_ASKS = re.compile(rf"\b(?:{_OPENERS})\b", re.I)


def clause_split(text: str) -> tuple[str, str] | None:
    """The message as its first question and the rest, or None when it is one question."""
    for match in _BOUNDARY.finditer(text):
        first, rest = text[: match.start()].strip(), text[match.end() :].strip()
        # "Within the seven provinces, how did …" is one question with a preamble: the first clause must ask too.
        if len(first.split()) >= MIN_WORDS and len(rest.split()) >= MIN_WORDS and _ASKS.search(first):
            return first, rest
    return None
