"""A reason chosen after a 👎 (wrong figure, wrong speaker, not what I asked, missing): kept with the vote."""

from __future__ import annotations

from logging import Logger
from typing import Any

from slack_bolt import BoltContext, Respond

from bot.learning.tickets import REASONS, read_reason
from bot.slack.services import services_of
from bot.store.errors import StoreError


def feedback_reason_callback(
    body: dict[str, Any], action: dict[str, Any], context: BoltContext, respond: Respond, logger: Logger
) -> None:
    """Attach the reason to the presser's down-vote and replace the menu (only they see it) with thanks."""
    learning = services_of(context).learning
    chosen = read_reason(str(action.get("value", "")))
    user = context.user_id or (body.get("user") or {}).get("id") or ""
    if chosen is None or learning is None:
        respond(text="That choice is no longer valid.", response_type="ephemeral", replace_original=True)
        return
    answer_id, code = chosen
    try:
        kept = learning.give_reason(answer_id, user, code)
    except StoreError as error:
        logger.warning("feedback reason not recorded: %s", error)
        respond(text="I could not record that just now; please try again in a minute.", replace_original=True)
        return
    text = f"Thanks, noted: {REASONS[code].lower()}." if kept else "Your vote on that answer is no longer 👎."
    respond(text=text, response_type="ephemeral", replace_original=True)
