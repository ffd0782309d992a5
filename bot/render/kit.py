"""Block Kit building blocks as plain dicts, each cut to Slack's limits so no caller can exceed them."""

from __future__ import annotations

from typing import Any

from bot.render import limits
from bot.render.limits import clip

Block = dict[str, Any]


def section(mrkdwn: str, block_id: str | None = None) -> Block:
    """A mrkdwn section; the caller has escaped what users typed."""
    block: Block = {"type": "section", "text": {"type": "mrkdwn", "text": clip(mrkdwn, limits.SECTION_TEXT)}}
    if block_id:
        block["block_id"] = block_id[: limits.BLOCK_ID]
    return block


def header(text: str) -> Block:
    """A header (plain text, so nothing in it is parsed)."""
    return {"type": "header", "text": {"type": "plain_text", "text": clip(text, limits.HEADER_TEXT), "emoji": True}}


def context(*mrkdwn: str) -> Block:
    """A context line of up to ten mrkdwn elements."""
    elements = [{"type": "mrkdwn", "text": clip(t, limits.CONTEXT_TEXT)} for t in mrkdwn if t]
    return {"type": "context", "elements": elements[: limits.CONTEXT_ELEMENTS]}


def divider() -> Block:
    """A horizontal rule between answers."""
    return {"type": "divider"}


def button(text: str, action_id: str, value: str, style: str | None = None) -> Block | None:
    """A button, or None when its value or action id cannot fit (a value cut short would ask something else)."""
    if len(value) > limits.BUTTON_VALUE or len(action_id) > limits.ACTION_ID:
        return None
    element: Block = {
        "type": "button",
        "text": {"type": "plain_text", "text": clip(text, limits.BUTTON_TEXT, "…"), "emoji": True},
        "action_id": action_id,
        "value": value,
    }
    if style:
        element["style"] = style
    return element


def actions(elements: list[Block | None], block_id: str | None = None) -> Block | None:
    """An actions block of the buttons that fit, or None when there are none."""
    kept = [e for e in elements if e is not None][: limits.ACTIONS_ELEMENTS]
    if not kept:
        return None
    block: Block = {"type": "actions", "elements": kept}
    if block_id:
        block["block_id"] = block_id
    return block
