"""An answer's feedback controls, and its question logged once the reply is out: the two calls every answering
listener makes around posting (``bot.learning`` does the work)."""

from __future__ import annotations

from bot.learning.tickets import FeedbackTicket
from bot.outcomes import AnswerOutcome, Outcome
from bot.render.blocks import SlackMessage
from bot.render.feedback import with_feedback
from bot.slack.services import Services
from bot.store.models import Surface


def with_controls(
    services: Services, outcome: Outcome, msg: SlackMessage
) -> tuple[SlackMessage, FeedbackTicket | None]:
    """``msg`` with 👍/👎 when ``outcome`` is an answer (or a decline) and the bot has a database to keep votes."""
    if services.learning is None or services.learning.store is None or not isinstance(outcome, AnswerOutcome):
        return msg, None
    ticket = services.learning.ticket(outcome.reply)
    return with_feedback(msg, ticket), ticket


def log_question(
    services: Services,
    outcome: Outcome,
    *,
    text: str,
    surface: Surface,
    user_id: str | None,
    ticket: FeedbackTicket | None,
) -> None:
    """Record a question in the log after its reply was posted (a queue put; no database call here)."""
    if services.learning is not None and isinstance(outcome, AnswerOutcome):
        services.learning.record(outcome.reply, text=text, surface=surface, user_id=user_id, ticket=ticket)
