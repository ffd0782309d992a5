"""A comparison drawn for Slack and for text: a table block slack_sdk accepts, a chart within Slack's limits."""

from __future__ import annotations

from slack_sdk.models.blocks import Block, TableBlock

from bot.answer.engine import Engine
from bot.render import limits
from bot.render.blocks import reply_message
from bot.render.comparison import CHART_BLOCK, chart_block, table_block
from bot.render.text import reply_text


def test_the_table_block_has_a_header_and_a_row_per_figure(session_engine: Engine) -> None:
    reply = session_engine.ask("private vs foreign-invested vs state-owned enterprises")
    block = table_block(reply)
    parsed = Block.parse(block)
    assert isinstance(parsed, TableBlock) and parsed.to_dict()["rows"] == block["rows"]
    header, *rows = [[cell["text"] for cell in row] for row in block["rows"]]
    assert header == ["Subject", "Figure", "Change", "Period", "Speaker"]
    assert rows[0][:2] == ["Private enterprises", "26.04 trillion yuan"] and rows[0][4] == "Wang Jun"
    assert len(block["rows"]) <= limits.TABLE_ROWS and all(len(r) <= limits.TABLE_CELLS for r in block["rows"])


def test_the_chart_shows_the_stated_growth_rates_within_slacks_limits(session_engine: Engine) -> None:
    chart = chart_block(session_engine.ask("rank the partners by growth"))
    assert chart is not None and chart["type"] == CHART_BLOCK and len(chart["title"]) <= limits.CHART_TITLE
    bars = chart["chart"]["series"][0]["data"]
    assert [bar["value"] for bar in bars] == [18.4, 8.0, 6.5, 6.3, 6.0]
    labels = chart["chart"]["axis_config"]["categories"]
    assert labels == [bar["label"] for bar in bars] and len(set(labels)) == len(labels)
    assert all(len(label) <= limits.CHART_LABEL for label in labels) and len(labels) <= limits.CHART_CATEGORIES


def test_values_are_charted_in_the_unit_they_were_stated_in(session_engine: Engine) -> None:
    chart = chart_block(session_engine.ask("asean vs eu"))
    assert chart is not None and chart["title"] == "Value, trillion yuan"
    assert [bar["value"] for bar in chart["chart"]["series"][0]["data"]] == [7.55, 5.93]


def test_no_chart_where_the_units_differ(session_engine: Engine) -> None:
    reply = session_engine.ask("biggest trading partners")  # Central Asia is stated in dollars only
    assert chart_block(reply) is None


def test_the_message_holds_the_verdict_table_and_chart_and_a_readable_fallback(session_engine: Engine) -> None:
    reply = session_engine.ask("which grew faster, exports or imports?")
    msg = reply_message(reply)
    types = [b["type"] for b in msg.blocks]
    assert types[:3] == ["section", "table", CHART_BLOCK]
    assert "Higher: Exports, 2025 (up 6.1%)" in msg.blocks[0]["text"]["text"]
    for block in msg.blocks:
        if block["type"] != CHART_BLOCK:  # slack_sdk has no model of the chart block yet
            Block.parse(block).validate_json()
    lines = reply_text(reply).splitlines()
    assert lines[1].startswith("Subject  Figure") and lines[3].startswith("Exports  26.99 trillion yuan  up 6.1%")
    assert lines[1].index("Figure") == lines[3].index("26.99") == lines[4].index("18.48")  # aligned columns


def test_the_chart_as_a_png_for_workspaces_without_the_chart_block(session_engine: Engine) -> None:
    import struct

    from bot.render.chart_png import WIDTH, chart_png

    image = chart_png(session_engine.ask("rank the partners by growth"))
    assert image is not None and image.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", image[16:24])  # the IHDR chunk
    assert width == int(WIDTH * 100) and height > 0
    assert chart_png(session_engine.ask("biggest trading partners")) is None  # units differ: no chart at all
