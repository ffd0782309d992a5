"""Outcomes of the router (and engine replies) as Slack messages: Block Kit plus a plain ``text`` fallback.

``text`` is what notifications and screen readers use, so it always carries the figure and the speaker.
Everything a user typed is escaped before it reaches mrkdwn; every block is cut to Slack's limits, and
when content is dropped a visible marker says so. ``render`` is a ``functools.singledispatch`` function:
a module that adds its own outcome type registers how it is drawn with ``@render.register``.
"""

from __future__ import annotations

import re
from functools import singledispatch
from typing import Any

from pydantic import BaseModel, ConfigDict

from bot.answer.models import Answer, Reply
from bot.outcomes import (
    AnswerOutcome,
    HelpOutcome,
    KeyFiguresOutcome,
    NoticeOutcome,
    Outcome,
    SubscriptionRemovedOutcome,
    TopicsOutcome,
)
from bot.render import limits
from bot.render.actions import MORE_ON, SHARE, SUGGEST, action_id
from bot.render.comparison import chart_block, table_block
from bot.render.kit import Block, actions, button, context, divider, header, section
from bot.render.limits import CUT, clip
from bot.render.memo import IdentityMemo
from bot.render.mrkdwn import bold, escape, quote
from bot.render.text import (
    decline_lead,
    decline_text,
    facts_text,
    figure_line,
    human_date,
    read_as,
    reply_text,
)

# Room kept free at the end of every message for the actions row, the share button and a "shared by" line.
RESERVED_BLOCKS = 3
CONTENT_BLOCKS = limits.MESSAGE_BLOCKS - RESERVED_BLOCKS
NOT_FOUND_MAX = 200  # how much of an unmatched question a decline repeats
MORE_ON_BUTTONS = 3
USER_ID = re.compile(r"^[UW][A-Z0-9]{2,20}$")
APOLOGY = "Sorry, something went wrong while answering. Please try again in a moment."
SHARE_BLOCK_ID = "share"


class SlackMessage(BaseModel):
    """A message ready for ``chat.postMessage``, ``respond`` or ``say``: ``text`` plus ``blocks``."""

    model_config = ConfigDict(frozen=True)

    text: str
    blocks: list[dict[str, Any]]

    def as_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for the Slack clients."""
        return {"text": self.text, "blocks": list(self.blocks)}


def message(text: str, blocks: list[Block]) -> SlackMessage:
    """A message with ``text`` cut to Slack's limit and at most 50 blocks."""
    return SlackMessage(text=clip(text, limits.MESSAGE_TEXT), blocks=blocks[: limits.MESSAGE_BLOCKS])


@singledispatch
def render(outcome: Outcome) -> SlackMessage:
    """Draw an outcome as a Slack message."""
    raise TypeError(f"no Slack rendering registered for {type(outcome).__name__}")


# As many as the engine remembers replies (``bot.answer.engine.DEFAULT_CACHE_SIZE``).
_drawn_replies: IdentityMemo[Reply, SlackMessage] = IdentityMemo(size=1024)


@render.register
def _(outcome: AnswerOutcome) -> SlackMessage:
    return _drawn_replies.get(outcome.reply, reply_message)


@render.register
def _(outcome: NoticeOutcome) -> SlackMessage:
    text = escape(outcome.text)
    return message(text, [section(text if outcome.ok else f":warning: {text}")])


@render.register
def _(outcome: SubscriptionRemovedOutcome) -> SlackMessage:
    what = f"subscription #{outcome.id} ({escape(outcome.spec)})"
    if not outcome.announce:
        text = f"Removed {what}. Nothing more will be posted for it."
    else:
        made = f", which {_mention(outcome.creator)} made" if outcome.creator else ""
        text = f"{_mention(outcome.by)} removed {what}{made}. Nothing more will be posted for it."
    return message(text, [section(text)])


def _mention(user_id: str | None) -> str:
    # Ids come from Slack's signed payload; anything not shaped like one is never put into markup.
    return f"<@{user_id}>" if USER_ID.match(user_id or "") else "someone"


@render.register
def _(outcome: HelpOutcome) -> SlackMessage:
    blocks: list[Block] = [header(f"How to use {outcome.command}")]
    lines = [f"{outcome.command} — ask about China's 2025 foreign trade."]
    for entry in outcome.entries:
        examples = "  ".join(f"`{escape(e)}`" for e in entry.examples)
        blocks.append(
            section(f"`{escape(entry.usage)}`\n{escape(entry.summary)}" + (f"\n{examples}" if examples else ""))
        )
        lines.append(f"{entry.usage}: {entry.summary}")
    asks = "\n".join(f"`{escape(e)}`" for e in outcome.question_examples)
    blocks.append(
        section(f"*Anything else is a question*, answered with the figure, who said it and the quote:\n{asks}")
    )
    blocks.append(context("You can also mention me in a channel or send me a direct message."))
    lines.append("Anything else is a question: " + "; ".join(outcome.question_examples))
    return message(escape("\n".join(lines)), _fit(blocks))


@render.register
def _(outcome: TopicsOutcome) -> SlackMessage:
    blocks: list[Block] = [header("What the briefing covers")]
    lines = []
    for group in outcome.groups:
        names = " · ".join(escape(t.name) for t in group.topics)
        blocks.append(section(f"*{escape(group.name)}*\n{names}"))
        buttons = [button(t.name, action_id(MORE_ON, t.id), t.id) for t in group.topics]
        row = actions(buttons)
        if row:
            blocks.append(row)
        lines.append(f"{group.name}: " + ", ".join(t.name for t in group.topics))
    blocks.append(context(f"Press a topic, or type `{outcome.command} <topic>`, for its figures."))
    return message(escape("\n".join(lines)), _fit(blocks))


@render.register
def _(outcome: KeyFiguresOutcome) -> SlackMessage:
    return key_figures_message(outcome.answers)


def key_figures_message(answers: tuple[Answer, ...] | list[Answer], title: str = "Key figures of 2025") -> SlackMessage:
    """The key figures, each with its quote and speaker, as a message."""
    blocks: list[Block] = [header(title)]
    for answer in answers:
        blocks += [*answer_blocks(answer), divider()]
    if not answers:
        blocks.append(section("No key figures are marked in the knowledge base."))
    text = "\n".join(f"{a.label}: {figure_line(a)} — {a.speaker}" for a in answers)
    return message(escape(f"{title}\n{text}"), _fit(blocks, more=len(answers)))


def reply_message(reply: Reply) -> SlackMessage:
    """The engine's reply: answers with figure, quote and citation, or a decline with suggestion buttons."""
    if reply.answered and reply.facts:
        return facts_message(reply)
    if not reply.answered or not reply.answers:
        return decline_message(reply)
    if reply.reason == "comparison":
        return comparison_message(reply)
    blocks: list[Block] = []
    if reply.topic:
        blocks.append(header(reply.topic_name or reply.topic))
        for answer in reply.answers:
            blocks += [*answer_blocks(answer), divider()]
    else:
        # The answers asked for in full (two for "A and B"); the runners-up only as figures, so the answer asked
        # for stands out.
        asked = max(1, reply.asked)
        for i, answer in enumerate(reply.answers[:asked]):
            if i:
                blocks.append(divider())
            blocks += answer_blocks(answer)
        related = reply.answers[asked:]
        if related:
            lines = "\n".join(f"• {escape(a.label)}: {figure_mrkdwn(a)}" for a in related)
            blocks.append(section(clip(f"*Related figures*\n{lines}", limits.SECTION_TEXT)))
        for missing in reply.missing:
            blocks.append(context(f":information_source: {escape(missing)}"))
        if reply.reading:
            # How the question was read, so a wrong reading is visible at a glance.
            blocks.append(context(escape(read_as(reply))))
    blocks = _fit(blocks, more=len(reply.answers))
    if blocks and blocks[-1]["type"] == "divider":
        blocks.pop()
    if not reply.topic:
        topics: dict[str, str] = {}
        for answer in reply.answers:
            topics.setdefault(answer.topic, answer.topic_name)
        buttons = [
            button(f"More on {name}", action_id(MORE_ON, topic), topic)
            for topic, name in list(topics.items())[:MORE_ON_BUTTONS]
        ]
        row = actions(buttons, block_id="more")
        if row:
            blocks.append(row)
    return message(escape(reply_text(reply)), blocks)


def comparison_message(reply: Reply) -> SlackMessage:
    """Figures side by side: what was compared (and which stated figure is higher, when asked), a table of the
    stated figures, a bar chart of them where they share a unit, then what is missing and how it was read."""
    lead = f"*Compared:* {escape(reply.reading.summary)}" if reply.reading else "*Compared*"
    if reply.verdict:
        lead += f"\n{escape(reply.verdict)}"
    blocks: list[Block] = [section(clip(lead, limits.SECTION_TEXT)), table_block(reply)]
    chart = chart_block(reply)
    if chart is not None:
        blocks.append(chart)
    blocks += [context(f":information_source: {escape(m)}") for m in reply.missing[:5]]
    speakers = dict.fromkeys(f"{a.speaker}, {a.short_role}" for a in reply.answers)
    blocks.append(context(escape(f"Stated by {'; '.join(speakers)} · {human_date(reply.answers[0].briefing.date)}")))
    if reply.reading:
        blocks.append(context(escape(read_as(reply))))
    return message(escape(reply_text(reply)), blocks)


def answer_blocks(answer: Answer) -> list[Block]:
    """One answer: the label and the figure in bold with its change and period, the quote, then who said it."""
    # A note (a group's figure given where one member was asked) comes before the figure, so it is read first.
    note = f":information_source: _{escape(answer.note)}_\n" if answer.note else ""
    figure = f"{note}{escape(answer.label)}\n{figure_mrkdwn(answer)}"
    room = limits.SECTION_TEXT - len(figure) - 1
    return [section(f"{figure}\n{quote(answer.quote, room)}"), context(citation_mrkdwn(answer))]


def citation_mrkdwn(answer: Answer) -> str:
    """Speaker, role, (the outlet answered,) briefing title and date."""
    parts = [f"*{escape(answer.speaker)}*, {escape(answer.short_role)}"]
    if answer.outlet:
        parts.append(f"answering {escape(answer.outlet)}")
    parts += [escape(answer.briefing.title), human_date(answer.briefing.date)]
    return " · ".join(parts)


def decline_message(reply: Reply) -> SlackMessage:
    """What the briefing does not hold (escaped, cut) and the topics it offers instead, as buttons."""
    shown = reply.model_copy(
        update={"not_found": clip(reply.not_found, NOT_FOUND_MAX) if reply.not_found else reply.not_found}
    )
    lead = escape(decline_lead(shown))
    blocks: list[Block] = [section(lead)]
    buttons = [button(s.label, action_id(SUGGEST, i), s.query) for i, s in enumerate(reply.suggestions)]
    row = actions(buttons, block_id="suggestions")
    if row:
        blocks.append(context("It does state these — press one to ask it:"))
        blocks.append(row)
    else:
        blocks.append(context("Type `/trade topics` to see what the briefing covers."))
    if reply.reading and reply.reason not in {"empty", "too_long"}:
        blocks.append(context(escape(read_as(reply))))
    return message(escape(decline_text(shown)), blocks)


def facts_message(reply: Reply) -> SlackMessage:
    """A question about the briefing itself: who spoke, when and where, what it covers."""
    lines = "\n".join(f"*{escape(f.label)}*: {escape(f.text)}" for f in reply.facts)
    blocks: list[Block] = [section(clip(lines, limits.SECTION_TEXT)), context("From the briefing's own record")]
    return message(escape(facts_text(reply)), blocks)


def with_share_button(msg: SlackMessage, value: str | None) -> SlackMessage:
    """``msg`` with a "Share in channel" button carrying ``value``; unchanged when value is None or too long."""
    share = button("Share in channel", SHARE, value, style="primary") if value else None
    row = actions([share], block_id=SHARE_BLOCK_ID) if share else None
    if row is None or len(msg.blocks) >= limits.MESSAGE_BLOCKS:
        return msg
    return SlackMessage(text=msg.text, blocks=[*msg.blocks, row])


def shared_by(msg: SlackMessage, user_id: str) -> SlackMessage:
    """The public copy of a shared answer: no share button, and a line naming who shared it."""
    who = _mention(user_id)
    blocks = [b for b in msg.blocks if b.get("block_id") != SHARE_BLOCK_ID][: limits.MESSAGE_BLOCKS - 1]
    blocks.append(context(f"Shared by {who} from `/trade`"))
    return message(f"Shared by {who}: {msg.text}", blocks)


def apology_message() -> SlackMessage:
    """What a user sees when answering failed."""
    return message(APOLOGY, [section(f":warning: {APOLOGY}")])


def figure_mrkdwn(answer: Answer) -> str:
    """The figure in Slack mrkdwn: the lead in bold, the rest escaped, the period after a middle dot."""
    return figure_line(answer, strong=bold, escape=escape, period_sep=" · ")


def _fit(blocks: list[Block], more: int = 0, budget: int = CONTENT_BLOCKS) -> list[Block]:
    """At most ``budget`` blocks; when some are dropped, the last kept one says so."""
    if len(blocks) <= budget:
        return blocks
    kept = blocks[: budget - 1]
    while kept and kept[-1]["type"] == "divider":
        kept.pop()
    note = "Not everything fits in one Slack message"
    if more:
        note += "; ask about a single figure for its full quote"
    return [*kept, context(f"{CUT} {note}.")]
