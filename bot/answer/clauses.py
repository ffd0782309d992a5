"""Two questions in one message, joined as clauses: "how many people shopped there, and what were sales?".

The second clause is read as a follow-up of the first (``bot.answer.followup``): what it leaves unsaid (the
subject, the period) is the first clause's. Only a boundary that opens a new question splits: ", and what",
"; how", "? And did"; "exports and imports" or "between Dec. 18 and Jan. 10" do not.
"""

from __future__ import annotations

import re

# A comma, semicolon or question mark, an optional "and"/"also", then a word that opens a question.
_OPENERS = r"what|what's|how|which|who|when|where|did|does|do|was|were|is|are|has|have|and by how"
_BOUNDARY = re.compile(
    rf"(?:[,;?]\s*(?:and\s+|also\s+|plus\s+)?|\s+(?:and|&|\+)\s+(?:also\s+)?)(?=(?:{_OPENERS})\b)", re.I
)
MIN_WORDS = 3  # each clause: "what were sales" is a question, "what" alone is not
_ASKS = re.compile(rf"\b(?:{_OPENERS})\b", re.I)


def clause_split(text: str) -> tuple[str, str] | None:
    """The message as its first question and the rest, or None when it is one question."""
    for match in _BOUNDARY.finditer(text):
        first, rest = text[: match.start()].strip(), text[match.end() :].strip()
        # "Within the seven provinces, how did …" is one question with a preamble: the first clause must ask too.
        # (a terse first part joined by "+" or "&" asks too: "LDC imports growth + what % of tariff lines …")
        listed = match.group(0).strip() in {"+", "&"}
        if len(first.split()) >= MIN_WORDS and len(rest.split()) >= MIN_WORDS and (_ASKS.search(first) or listed):
            return first, rest
    return None


# Words that open a question after a context, besides the clause openers ("By how much did …", "Can you …").
_ALSO_OPENERS = r"by how|in how|from how|at what|to what|for how|can|could|would|give|tell|please"

# Context before the question: "We export seafood from Australia. How did China's imports from Oceania change?",
# "For our energy outlook: did China bring in more crude oil?", "we sell into china — how much did …".
_PREAMBLE = re.compile(
    rf"^(?P<context>[^?]*?\w[^?]*?)(?:[.:;!]|\s[—–-]{{1,2}})\s+(?P<question>(?:{_OPENERS}|{_ALSO_OPENERS})\b.*)$",
    re.I | re.S,
)


def preamble_split(text: str) -> tuple[str, str] | None:
    """The message as the context its writer gave and the question it asks, or None when it opens with the
    question. The context is a sentence or phrase of two words or more that asks nothing."""
    match = _PREAMBLE.match(text.strip())
    if match is None:
        return None
    context, question = match.group("context").strip(), match.group("question").strip()
    if len(context.split()) < 2 or len(question.split()) < MIN_WORDS or _ASKS.match(context):
        return None
    return context, question
