"""The App Home tab: the key figures and how to ask."""

from __future__ import annotations

from typing import Any

from bot.outcomes import HelpOutcome, KeyFiguresOutcome
from bot.render import limits
from bot.render.blocks import figure_mrkdwn
from bot.render.kit import Block, context, divider, header, section
from bot.render.mrkdwn import escape
from bot.render.text import human_date

FIGURES_PER_SECTION = 8  # several short lines per section keeps the tab compact


def home_view(key: KeyFiguresOutcome, usage: HelpOutcome) -> dict[str, Any]:
    """A ``views.publish`` view of type ``home``."""
    blocks: list[Block] = [header("China's foreign trade in 2025")]
    if key.answers:
        first = key.answers[0].briefing
        blocks.append(
            section(
                f"Figures as stated at the *{escape(first.title)}* ({human_date(first.date)}), "
                "each with who said it and the exact quote."
            )
        )
    blocks += [divider(), header("Key figures")]
    lines = [f"• {escape(a.label)}: {figure_mrkdwn(a)} — {escape(a.speaker)}" for a in key.answers]
    for start in range(0, len(lines), FIGURES_PER_SECTION):
        blocks.append(section("\n".join(lines[start : start + FIGURES_PER_SECTION])))
    if not lines:
        blocks.append(section("No key figures are marked in the knowledge base."))
    blocks += [divider(), header("How to ask")]
    blocks.append(
        section(
            "• *Mention me* in a channel: `@tradebot how fast did exports to ASEAN grow?` — I answer in a thread.\n"
            "• *Message me* here, in the Messages tab.\n"
            f"• *`{escape(usage.command)}`* followed by a topic or a question — only you see the answer, "
            "with a button to share it in the channel."
        )
    )
    for entry in usage.entries:
        blocks.append(context(f"`{escape(entry.usage)}` — {escape(entry.summary)}"))
    blocks.append(context("I decline rather than guess when the briefing does not hold the answer."))
    if len(blocks) > limits.VIEW_BLOCKS:
        blocks = [*blocks[: limits.VIEW_BLOCKS - 1], context(f"{limits.CUT} more than fits in the Home tab.")]
    return {"type": "home", "blocks": blocks}
