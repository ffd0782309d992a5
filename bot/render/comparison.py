"""A comparison or ranking drawn as a table: Slack's table block with a bar chart beside it, or aligned text.

Each row is a stated figure with its change, period and speaker; nothing is computed. The chart shows the stated
numbers only where every row has one in the same unit (growth rates, or yuan values), using Slack's native data
visualization block; a workspace that does not take it gets the message again without the chart
(``bot.slack.answer_message``).
"""

from __future__ import annotations

from bot.answer.compare import compared_measure, same_unit, stated_value
from bot.answer.models import Answer, Reply
from bot.answer.reading.frame import Currency
from bot.render import limits
from bot.render.kit import Block
from bot.render.text import COLUMNS, names, rows

CHART_BLOCK = "data_visualization"
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def table_block(reply: Reply) -> Block:
    """Slack's table block: a header row, then a row per figure."""
    cells = [[{"type": "raw_text", "text": cell} for cell in row] for row in [COLUMNS, *rows(reply)]]
    return {
        "type": "table",
        "column_settings": [{"is_wrapped": True}, {"is_wrapped": True}, {"is_wrapped": True}],
        "rows": cells,
    }


def chart_block(reply: Reply) -> Block | None:
    """A bar chart of the stated numbers, or None where they are not all stated in one unit."""
    measure = compared_measure(reply)
    answers: list[Answer] = reply.answers[: limits.CHART_CATEGORIES]
    values = [stated_value(a, measure) for a in answers]
    if len(answers) < 2 or any(v is None for v in values) or not same_unit(answers, measure):
        return None
    unit, scale = _unit(answers, measure, values)
    labels = _labels(answers)
    title = f"{'Growth' if measure else 'Value'}, {unit}" if unit else ("Growth" if measure else "Value")
    return {
        "type": CHART_BLOCK,
        "title": title[: limits.CHART_TITLE],
        "chart": {
            "type": "bar",
            "series": [
                {
                    "name": "stated"[: limits.CHART_LABEL],
                    "data": [
                        {"label": label, "value": round(v / scale, 4)}
                        for label, v in zip(labels, values, strict=True)  # type: ignore[operator]
                    ],
                }
            ],
            "axis_config": {"categories": labels, "y_label": unit[: limits.CHART_TITLE]},
        },
    }


def _unit(answers: list[Answer], measure: object, values: list[float | None]) -> tuple[str, float]:
    """The axis unit and the divisor that shows the stated values as they were said ("trillion yuan")."""
    if measure is not None or answers[0].unit == "percent":
        return "%", 1.0
    currency = Currency.__members__.get(answers[0].unit)  # the knowledge base's unit codes, CNY and USD
    if currency is None:
        return answers[0].unit, 1.0  # a count, tonnes …: as it is
    smallest = min(v for v in values if v is not None)
    for size, name in _SCALES:
        if smallest >= size:
            return f"{name} {currency.value}", size
    return currency.value, 1.0


def _labels(answers: list[Answer]) -> list[str]:
    """Unique category labels within Slack's 20 characters: the subject's name, shortened if need be."""
    labels: list[str] = []
    for name in names(answers):
        label = name if len(name) <= limits.CHART_LABEL else name[: limits.CHART_LABEL - 1] + "…"
        while label in labels:
            label = label[: limits.CHART_LABEL - 2] + f"{len(labels)}"[:2]
        labels.append(label)
    return labels
