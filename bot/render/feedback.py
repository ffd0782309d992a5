"""Feedback controls on an answer: Block Kit's ``context_actions`` block with ``feedback_buttons``, and plain
buttons in its place where a workspace refuses the block; the menu of reasons offered after a down-vote."""

from __future__ import annotations

from bot.learning.tickets import REASONS, FeedbackTicket, reason_value
from bot.render import limits
from bot.render.actions import FEEDBACK, FEEDBACK_REASON, action_id
from bot.render.blocks import SlackMessage, message
from bot.render.kit import Block, actions, button, section

CONTEXT_ACTIONS = "context_actions"
FEEDBACK_BLOCK_ID = "feedback"
UP_LABEL, DOWN_LABEL = "Helpful", "Not helpful"


def feedback_block(ticket: FeedbackTicket) -> Block:
    """The 👍/👎 controls of one answer."""
    return {
        "type": CONTEXT_ACTIONS,
        "block_id": FEEDBACK_BLOCK_ID,
        "elements": [
            {
                "type": "feedback_buttons",
                "action_id": FEEDBACK,
                "positive_button": {
                    "text": {"type": "plain_text", "text": UP_LABEL},
                    "accessibility_label": "This answer was helpful",
                    "value": ticket.value(1),
                },
                "negative_button": {
                    "text": {"type": "plain_text", "text": DOWN_LABEL},
                    "accessibility_label": "This answer was not helpful",
                    "value": ticket.value(-1),
                },
            }
        ],
    }


def with_feedback(msg: SlackMessage, ticket: FeedbackTicket | None) -> SlackMessage:
    """``msg`` with the feedback controls last; unchanged without a ticket or when no block is left."""
    if ticket is None or len(msg.blocks) >= limits.MESSAGE_BLOCKS:
        return msg
    return SlackMessage(text=msg.text, blocks=[*msg.blocks, feedback_block(ticket)])


def feedback_as_buttons(blocks: list[Block]) -> list[Block] | None:
    """``blocks`` with the feedback controls drawn as two ordinary buttons; None when there are none."""
    if not any(b.get("type") == CONTEXT_ACTIONS for b in blocks):
        return None
    drawn: list[Block] = []
    for block in blocks:
        if block.get("type") != CONTEXT_ACTIONS:
            drawn.append(block)
            continue
        element = block["elements"][0]
        up, down = element["positive_button"], element["negative_button"]
        row = actions(
            [
                button(f"👍 {up['text']['text']}", action_id(FEEDBACK, "up"), up["value"]),
                button(f"👎 {down['text']['text']}", action_id(FEEDBACK, "down"), down["value"]),
            ],
            block_id=FEEDBACK_BLOCK_ID,
        )
        if row:
            drawn.append(row)
    return drawn


def reasons_message(answer_id: str) -> SlackMessage:
    """The reply to a down-vote, to its presser only: thanks, and what was wrong (optional)."""
    buttons = [
        button(label, action_id(FEEDBACK_REASON, code), reason_value(answer_id, code))
        for code, label in REASONS.items()
    ]
    row = actions(buttons, block_id="feedback_reasons")
    lead = "Thanks, noted. What was wrong? (optional)"
    return message(lead, [section(lead), *([row] if row else [])])
