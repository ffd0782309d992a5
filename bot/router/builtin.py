"""The subcommands every tradebot has: help, topics and key."""

from __future__ import annotations

from bot.answer.kb_replies import key_answers
from bot.outcomes import HelpEntry, HelpOutcome, KeyFiguresOutcome, Outcome, TopicGroup, TopicItem, TopicsOutcome
from bot.router.table import COMMAND, RouteContext, Subcommand, lookup, register, subcommands

QUESTION_EXAMPLES = (
    f"{COMMAND} how fast did exports to ASEAN grow?",
    f"{COMMAND} lithium batteries",
    f"{COMMAND} trade with the EU",
)


def help_outcome(args: str = "", ctx: RouteContext | None = None) -> HelpOutcome:
    """Usage generated from the table; ``/trade help <subcommand>`` narrows it to that one."""
    chosen = lookup(args.split()[0]) if args.split() else None
    table = [chosen] if chosen else subcommands()
    entries = tuple(HelpEntry(name=s.name, usage=s.usage, summary=s.summary, examples=s.examples) for s in table)
    return HelpOutcome(command=COMMAND, entries=entries, question_examples=QUESTION_EXAMPLES)


def topics_outcome(args: str, ctx: RouteContext) -> TopicsOutcome:
    """The briefing's topics under their group headings, in the order the briefing lists them."""
    groups: dict[str, list[TopicItem]] = {}
    for topic in ctx.kb.topics:
        groups.setdefault(topic.group, []).append(TopicItem(id=topic.id, name=topic.name))
    return TopicsOutcome(
        command=COMMAND, groups=tuple(TopicGroup(name=name, topics=tuple(items)) for name, items in groups.items())
    )


def key_outcome(args: str, ctx: RouteContext) -> Outcome:
    """The key figures with their speakers."""
    return KeyFiguresOutcome(answers=key_answers(ctx.kb))


register(
    Subcommand(
        name="help",
        usage=f"{COMMAND} help [subcommand]",
        summary="this help (also an empty " + COMMAND + ")",
        handler=help_outcome,
        examples=(f"{COMMAND} help",),
        takes_args=True,
    )
)
register(
    Subcommand(
        name="topics",
        usage=f"{COMMAND} topics",
        summary="what the briefing covers, grouped",
        handler=topics_outcome,
        examples=(f"{COMMAND} topics",),
    )
)
register(
    Subcommand(
        name="key",
        usage=f"{COMMAND} key",
        summary="the key figures of 2025, each with who stated it",
        handler=key_outcome,
        examples=(f"{COMMAND} key",),
    )
)
