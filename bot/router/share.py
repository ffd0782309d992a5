"""What a "Share in channel" button carries, so the shared message repeats exactly the answer the user saw.

The value names the figures by uid rather than repeating the question: re-asking could rank differently
after a knowledge update, and the uids fit in Slack's 2,000-character button value where a long question
might not.
"""

from __future__ import annotations

import json

from bot.answer.kb_replies import key_answers, reply_from_ids
from bot.outcomes import AnswerOutcome, KeyFiguresOutcome, Outcome
from bot.router.table import RouteContext

VALUE_MAX = 2000  # Slack's limit on a button value
QUERY_MAX = 200  # the question is kept only as the shared reply's label


def share_value(outcome: Outcome) -> str | None:
    """The button value that recreates ``outcome``; None when it is not worth sharing (a decline, help)."""
    if isinstance(outcome, KeyFiguresOutcome):
        return json.dumps({"k": "key"})
    if isinstance(outcome, AnswerOutcome) and outcome.reply.answered and outcome.reply.answers:
        reply = outcome.reply
        data = {"k": "ids", "q": reply.query[:QUERY_MAX], "t": reply.topic, "ids": [a.id for a in reply.answers]}
        value = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        return value if len(value) <= VALUE_MAX else None
    return None


def shared_outcome(value: str, ctx: RouteContext) -> Outcome | None:
    """The outcome a share button's value stands for; None when the value is unreadable or the figures are gone."""
    try:
        data = json.loads(value)
    except (TypeError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    if data.get("k") == "key":
        return KeyFiguresOutcome(answers=key_answers(ctx.kb))
    if data.get("k") == "ids" and isinstance(data.get("ids"), list):
        topic = data.get("t") if isinstance(data.get("t"), str) else None
        reply = reply_from_ids(ctx.kb, str(data.get("q", "")), [str(i) for i in data["ids"]], topic)
        return AnswerOutcome(reply=reply) if reply else None
    return None
