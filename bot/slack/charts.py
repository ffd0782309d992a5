"""Posting a message whose chart a workspace may not take.

Slack's native chart block is new, and a workspace or client that does not have it refuses the whole message with
``invalid_blocks``. The message is then sent again without the chart (its table and text carry the same figures),
and the chart follows in the same thread as a PNG through ``files_upload_v2`` (scope ``files:write``). A reply
only the asker sees (``/trade``, through its response URL) gets no file: files are visible to the channel. The
answer's feedback controls (a ``context_actions`` block, as new) are redrawn as two plain buttons in the same retry.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.render.comparison import CHART_BLOCK
from bot.render.feedback import feedback_as_buttons

INVALID = "invalid_blocks"
PNG_NAME = "comparison.png"


def without_charts(kwargs: dict[str, Any]) -> dict[str, Any] | None:
    """``kwargs`` with the chart blocks removed and the feedback controls drawn as plain buttons (both are new
    blocks a workspace may refuse), or None when there were neither."""
    blocks = kwargs.get("blocks") or []
    kept = [b for b in blocks if b.get("type") != CHART_BLOCK]
    buttons = feedback_as_buttons(kept)
    if buttons is None and len(kept) == len(blocks):
        return None
    return {**kwargs, "blocks": kept if buttons is None else buttons}


def post_message(client: WebClient, png: Callable[[], bytes | None] | None = None, **kwargs: Any) -> Any:
    """``client.chat_postMessage(**kwargs)``; if Slack refuses the chart block, the message without it and then
    ``png()`` (the chart drawn as an image) uploaded to the same thread."""
    try:
        return client.chat_postMessage(**kwargs)
    except SlackApiError as error:
        plain = without_charts(kwargs)
        if plain is None or error.response.get("error") != INVALID:
            raise
    posted = client.chat_postMessage(**plain)
    image = png() if png is not None else None
    if image:
        thread = kwargs.get("thread_ts") or posted.get("ts")
        client.files_upload_v2(
            channel=kwargs["channel"], thread_ts=thread, file=image, filename=PNG_NAME, title="Comparison chart"
        )
    return posted


def respond_message(respond: Callable[..., Any], **kwargs: Any) -> Any:
    """``respond(**kwargs)`` through a response URL, which answers a refused message with HTTP 400."""
    response = respond(**kwargs)
    plain = without_charts(kwargs)
    if plain is not None and getattr(response, "status_code", 200) == 400 and INVALID in str(response.body):
        return respond(**plain)
    return response
