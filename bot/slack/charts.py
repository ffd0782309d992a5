"""Posting a message whose chart a workspace may not take: Slack's native chart block is new, and a workspace or
client that does not have it refuses the whole message with ``invalid_blocks``. The message is then sent again
without the chart; its table and text carry the same figures."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_sdk.errors import SlackApiError

from bot.render.comparison import CHART_BLOCK

INVALID = "invalid_blocks"


def without_charts(kwargs: dict[str, Any]) -> dict[str, Any] | None:
    """``kwargs`` with the chart blocks removed, or None when there were none."""
    blocks = kwargs.get("blocks") or []
    kept = [b for b in blocks if b.get("type") != CHART_BLOCK]
    return None if len(kept) == len(blocks) else {**kwargs, "blocks": kept}


def post_message(post: Callable[..., Any], **kwargs: Any) -> Any:
    """``post(**kwargs)`` (``client.chat_postMessage``), again without charts if Slack refuses the blocks."""
    try:
        return post(**kwargs)
    except SlackApiError as error:
        plain = without_charts(kwargs)
        if plain is None or error.response.get("error") != INVALID:
            raise
        return post(**plain)


def respond_message(respond: Callable[..., Any], **kwargs: Any) -> Any:
    """``respond(**kwargs)`` through a response URL, which answers a refused message with HTTP 400."""
    response = respond(**kwargs)
    plain = without_charts(kwargs)
    if plain is not None and getattr(response, "status_code", 200) == 400 and INVALID in str(response.body):
        return respond(**plain)
    return response
