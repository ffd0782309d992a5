"""The comparison's bar chart as a PNG, for a workspace that does not show Slack's native chart block.

Drawn with matplotlib (imported here only, so start-up does not pay for it) from the same stated numbers as the
native chart: ``chart_block``'s labels, values, title and axis unit.
"""

from __future__ import annotations

import io

from bot.answer.models import Reply
from bot.outcomes import AnswerOutcome, Outcome
from bot.render.comparison import chart_block

WIDTH, HEIGHT, DPI = 8.0, 4.5, 100  # inches: 800 x 450 pixels, legible in a Slack preview


def chart_png(reply: Reply) -> bytes | None:
    """The chart as PNG bytes, or None where the comparison has no chart (mixed units, a single figure)."""
    block = chart_block(reply)
    if block is None:
        return None
    import matplotlib

    matplotlib.use("Agg")  # no display: draw to memory
    from matplotlib.figure import Figure

    bars = block["chart"]["series"][0]["data"]
    figure = Figure(figsize=(WIDTH, HEIGHT), dpi=DPI)
    axes = figure.subplots()
    drawn = axes.bar([b["label"] for b in bars], [b["value"] for b in bars], color="#1264a3")
    axes.bar_label(drawn, labels=[f"{b['value']:g}" for b in bars], padding=2)
    axes.set_title(block["title"])
    axes.set_ylabel(block["chart"]["axis_config"].get("y_label", ""))
    axes.tick_params(axis="x", labelrotation=20)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()


def outcome_png(outcome: Outcome) -> bytes | None:
    """The chart of an outcome that is a comparison, as a PNG; None for any other outcome."""
    return chart_png(outcome.reply) if isinstance(outcome, AnswerOutcome) else None
