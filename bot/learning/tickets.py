"""What an answer's feedback buttons carry: the answer's id and what it was, so a vote is stored with the
indicator, the reading and the outcome even when the question log is off.

Slack sends back the pressed button's value as the bot posted it, in a signed request, so the value can be
trusted as far as the signature is; it is still parsed defensively (a stale or foreign button, a changed format).
"""

from __future__ import annotations

import json
import secrets

from pydantic import BaseModel, ConfigDict, ValidationError

from bot.answer.models import Reply
from bot.store.models import QuestionOutcome

READING_MAX = 300
REASONS = {
    "wrong_figure": "Wrong figure",
    "wrong_speaker": "Wrong speaker",
    "not_asked": "Not what I asked",
    "missing": "Missing",
}


class FeedbackTicket(BaseModel):
    """One answer as its feedback buttons name it."""

    model_config = ConfigDict(frozen=True)

    answer_id: str
    outcome: QuestionOutcome
    indicator: str | None = None
    reading: str | None = None

    @classmethod
    def of(cls, reply: Reply) -> FeedbackTicket:
        """A new ticket for ``reply``, with a fresh answer id."""
        return cls(
            answer_id=secrets.token_hex(8),
            outcome=outcome_of(reply),
            indicator=reply.answers[0].id if reply.answered and reply.answers else None,
            reading=reply.reading.summary[:READING_MAX] if reply.reading else None,
        )

    def value(self, vote: int) -> str:
        """The button value for a vote of ``vote`` (+1 or -1) on this answer."""
        data = {"v": vote, "a": self.answer_id, "o": self.outcome, "i": self.indicator, "r": self.reading}
        return json.dumps({k: v for k, v in data.items() if v is not None}, ensure_ascii=False, separators=(",", ":"))


class Press(BaseModel):
    """A feedback button's value, read back: the vote and the answer."""

    model_config = ConfigDict(frozen=True)

    vote: int
    ticket: FeedbackTicket


def read_press(value: str) -> Press | None:
    """The vote and ticket in a feedback button's value; None when it is not one of ours."""
    try:
        data = json.loads(value)
        if not isinstance(data, dict) or data.get("v") not in (1, -1):
            return None
        ticket = FeedbackTicket(answer_id=data["a"], outcome=data["o"], indicator=data.get("i"), reading=data.get("r"))
    except (TypeError, ValueError, KeyError, ValidationError):
        return None
    return Press(vote=data["v"], ticket=ticket)


def reason_value(answer_id: str, code: str) -> str:
    """The value of a down-vote's reason button."""
    return json.dumps({"a": answer_id, "c": code}, separators=(",", ":"))


def read_reason(value: str) -> tuple[str, str] | None:
    """(answer id, reason code) from a reason button's value; None when it is not one of ours."""
    try:
        data = json.loads(value)
    except (TypeError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("c") not in REASONS or not isinstance(data.get("a"), str):
        return None
    return data["a"], data["c"]


def outcome_of(reply: Reply) -> QuestionOutcome:
    """answered, topic (a bare topic's figures) or declined."""
    if not reply.answered:
        return "declined"
    return "topic" if reply.reason == "topic" else "answered"
