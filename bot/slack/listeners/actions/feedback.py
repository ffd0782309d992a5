"""👍/👎 on an answer (``feedback_buttons``, or the plain buttons drawn where that element is refused): the vote is
stored, and acknowledged to the presser alone; a 👎 also offers the reasons to choose from."""

from __future__ import annotations

from logging import Logger
from typing import Any

from slack_bolt import BoltContext, Respond

from bot.render.feedback import reasons_message
from bot.slack.services import services_of
from bot.store.errors import StoreError

THANKS = "Thanks for the feedback."
CHANGED = "Changed your vote to {vote}."
UNAVAILABLE = "I could not record your feedback just now; please try again in a minute."
NOT_OURS = "That feedback button is no longer valid."


def feedback_callback(
    body: dict[str, Any], action: dict[str, Any], context: BoltContext, respond: Respond, logger: Logger
) -> None:
    """Store the press as the user's vote on the answer; a second press replaces the first."""
    learning = services_of(context).learning
    user = context.user_id or (body.get("user") or {}).get("id") or ""
    try:
        stored = learning.vote(str(action.get("value", "")), user) if learning else None
    except StoreError as error:
        logger.warning("feedback not recorded: %s", error)
        respond(text=UNAVAILABLE, response_type="ephemeral", replace_original=False)
        return
    if stored is None:
        respond(text=NOT_OURS, response_type="ephemeral", replace_original=False)
        return
    vote, previous = stored
    if vote.vote == -1 and (previous is None or previous.vote != -1):
        respond(response_type="ephemeral", replace_original=False, **reasons_message(vote.answer_id).as_kwargs())
        return
    changed = previous is not None and previous.vote != vote.vote
    text = CHANGED.format(vote="👍 helpful" if vote.vote == 1 else "👎 not helpful") if changed else THANKS
    respond(text=text, response_type="ephemeral", replace_original=False)
