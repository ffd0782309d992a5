"""The curator's report as text (``tradebot report``), CSV, JSON, a Slack message (the weekly post) and a short
Home-tab section for admins."""

from __future__ import annotations

import csv
import io

from bot.learning.report import DownVoted, Report
from bot.render import limits
from bot.render.blocks import SlackMessage, message
from bot.render.kit import Block, context, divider, header, section
from bot.render.limits import clip
from bot.render.mrkdwn import escape

HOME_ITEMS = 3  # items per list on the Home tab


def _period(report: Report) -> str:
    return f"{report.since:%Y-%m-%d %H:%M} to {report.until:%Y-%m-%d %H:%M} UTC"


def _totals(report: Report) -> str:
    return (
        f"{report.questions} question(s) from {report.users} user(s): {report.answered} answered, "
        f"{report.declined} declined; feedback {report.up_votes} up, {report.down_votes} down"
    )


def _reasons(item: DownVoted) -> str:
    return ", ".join(f"{r.reason} ×{r.count}" for r in item.reasons)


def report_lines(report: Report, items: int | None = None) -> dict[str, list[str]]:
    """Each list of the report as plain lines, under its title; ``items`` cuts each list."""
    cut = slice(None, items)
    return {
        "Declined, by what was not found": [
            f"{g.count} × {g.not_found} ({g.reason or 'declined'}; {g.users} user(s)) — e.g. “{g.examples[0]}”"
            for g in report.declines[cut]
        ],
        "Down-voted answers": [
            f"{d.down} down / {d.up} up: {d.label or d.outcome}"
            + (f" — asked “{d.question}”" if d.question else "")
            + (f" (read as {d.reading})" if d.reading else "")
            + f" — {_reasons(d)}"
            for d in report.down_voted[cut]
        ],
        "Most-asked figures": [f"{i.count} × {i.label} ({i.users} user(s))" for i in report.most_asked[cut]],
        "Answered with a low score (to check)": [
            f"{s.score:.1f} “{s.question}” → {s.label}" + (f" (read as {s.reading})" if s.reading else "")
            for s in report.low_scores[cut]
        ],
    }


def report_text(report: Report) -> str:
    """The whole report for a terminal."""
    out = [f"tradebot report, {_period(report)}", _totals(report)]
    for title, lines in report_lines(report).items():
        out += ["", f"{title}:"] + ([f"  {line}" for line in lines] or ["  (none)"])
    return "\n".join(out) + "\n"


def report_json(report: Report) -> str:
    """The report as JSON."""
    return report.model_dump_json(indent=2) + "\n"


CSV_FIELDS = ["list", "item", "detail", "count", "users", "score"]


def report_csv(report: Report) -> str:
    """One row per item of each list: ``list`` says which (declined, down_voted, most_asked, low_score)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for g in report.declines:
        detail = f"{g.reason}; e.g. {' | '.join(g.examples)}"
        writer.writerow({"list": "declined", "item": g.not_found, "detail": detail, "count": g.count, "users": g.users})
    for d in report.down_voted:
        detail = "; ".join(x for x in (d.question, d.reading, _reasons(d)) if x)
        writer.writerow({"list": "down_voted", "item": d.label or d.outcome, "detail": detail, "count": d.down})
    for i in report.most_asked:
        writer.writerow(
            {"list": "most_asked", "item": i.label, "detail": i.indicator, "count": i.count, "users": i.users}
        )
    for s in report.low_scores:
        writer.writerow({"list": "low_score", "item": s.question, "detail": s.label, "score": f"{s.score:.1f}"})
    return buffer.getvalue()


def report_blocks(report: Report, items: int | None = None, title: str = "What people asked") -> list[Block]:
    """The report as Block Kit sections, each list cut to ``items``."""
    blocks: list[Block] = [header(title), context(escape(f"{_period(report)} · {_totals(report)}"))]
    for name, lines in report_lines(report, items).items():
        body = "\n".join(f"• {escape(line)}" for line in lines) or "_none_"
        blocks.append(section(clip(f"*{escape(name)}*\n{body}", limits.SECTION_TEXT)))
    return blocks


def home_report_blocks(report: Report) -> list[Block]:
    """The shortened summary on an admin's Home tab."""
    blocks = [divider(), *report_blocks(report, HOME_ITEMS, title="What people asked (admins only)")]
    blocks.append(context("The full report: `tradebot report --since 7d`."))
    return blocks


def report_message(report: Report) -> SlackMessage:
    """The weekly report as a message."""
    text = escape(f"tradebot weekly report: {_totals(report)}")
    return message(text, report_blocks(report, 10, title="tradebot: the week's questions"))
