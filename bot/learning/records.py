"""A question as the question log keeps it: what was typed, how it was read and answered, never who asked."""

from __future__ import annotations

import datetime as dt

from bot.answer.models import Reply
from bot.learning.tickets import FeedbackTicket, outcome_of
from bot.store.models import NewQuestion, Surface


def question_of(
    reply: Reply,
    *,
    text: str,
    surface: Surface,
    asked_at: dt.datetime,
    user_hash: str | None,
    ticket: FeedbackTicket | None,
) -> NewQuestion:
    """The log entry for one reply (built off the critical path: only the reply and a ticket are kept till then)."""
    top = reply.answers[0] if reply.answered and reply.answers else None
    return NewQuestion.model_construct(
        asked_at=asked_at,
        answer_id=ticket.answer_id if ticket else None,
        user_hash=user_hash,
        surface=surface,
        text=text,
        outcome=outcome_of(reply),
        reason=reply.reason,
        not_found=reply.not_found,
        reading=reply.reading.summary if reply.reading else None,
        indicator=top.id if top else None,
        score=top.score if top else None,
    )
