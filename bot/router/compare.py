"""``/trade compare <a> <b> …`` and ``/trade rank <subjects> by <measure>``: stated figures side by side."""

from __future__ import annotations

from bot.outcomes import AnswerOutcome, Outcome
from bot.router.table import COMMAND, RouteContext, Subcommand, register


def compare_outcome(args: str, ctx: RouteContext) -> Outcome:
    """A figure for each subject (or flow) named, in a table sorted by the stated values."""
    return AnswerOutcome(reply=ctx.engine.compare(f"compare {args}"))


def rank_outcome(args: str, ctx: RouteContext) -> Outcome:
    """The members of a group (the partners, by default) ordered by a stated value or growth rate."""
    return AnswerOutcome(reply=ctx.engine.compare(f"rank {args}", rank=True))


register(
    Subcommand(
        name="compare",
        usage=f"{COMMAND} compare <subject> <subject> [growth]",
        summary="stated figures side by side, in a table with a chart",
        handler=compare_outcome,
        examples=(f"{COMMAND} compare asean eu", f"{COMMAND} compare exports imports growth"),
        takes_args=True,
    )
)
register(
    Subcommand(
        name="rank",
        usage=f"{COMMAND} rank [partners | enterprises] by <value | growth>",
        summary="a group's stated figures in order, highest first",
        handler=rank_outcome,
        examples=(f"{COMMAND} rank partners by growth", f"{COMMAND} rank enterprises by value"),
        takes_args=True,
    )
)
