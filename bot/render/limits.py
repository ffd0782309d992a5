"""Slack's size limits on messages and views, and cutting text to fit them with a visible marker.

Numbers from Slack's Block Kit reference; slack_sdk's block models check the same limits in the tests.
"""

from __future__ import annotations

MESSAGE_TEXT = 40_000  # chat.postMessage ``text``
MESSAGE_BLOCKS = 50  # blocks in one message
VIEW_BLOCKS = 100  # blocks in a Home tab view
SECTION_TEXT = 3_000
CONTEXT_TEXT = 3_000  # a text element of a context block
CONTEXT_ELEMENTS = 10
HEADER_TEXT = 150
BUTTON_TEXT = 75
BUTTON_VALUE = 2_000
ACTION_ID = 255
BLOCK_ID = 255
ACTIONS_ELEMENTS = 25
TABLE_ROWS = 100  # a table block's rows, the header row included
TABLE_CELLS = 20  # cells in one table row
CHART_TITLE = 50  # a data visualization block's title
CHART_LABEL = 20  # a chart category's label
CHART_CATEGORIES = 20

CUT = "… [cut]"  # a visible marker, so a reader knows text is missing


def clip(text: str, limit: int, marker: str = CUT) -> str:
    """``text`` if it fits in ``limit`` characters, else its start and ``marker`` within the limit."""
    if len(text) <= limit:
        return text
    return text[: max(0, limit - len(marker))].rstrip() + marker
