"""``/trade subscribe``, ``/trade subscriptions`` and ``/trade unsubscribe``: scheduled digests, from Slack.

The work is the subscription desk's (``bot.schedule.desk``, given in ``RouteContext.services``): these handlers
only say where and who, and turn its answer into an outcome. The terminal has no desk.
"""

from __future__ import annotations

from bot.outcomes import NoticeOutcome, Outcome, SubscriptionRemovedOutcome
from bot.router.table import COMMAND, RouteContext, Subcommand, register
from bot.schedule.manage import Removed

NOT_HERE = "Subscriptions are made in a Slack channel: type this command there."


def subscribe_outcome(args: str, ctx: RouteContext) -> Outcome:
    """Subscribe the channel to a digest on a schedule."""
    desk = ctx.services.subscriptions
    if desk is None or not ctx.channel_id or not ctx.user_id:
        return NoticeOutcome(text=NOT_HERE, ok=False)
    return _outcome(desk.subscribe(channel=ctx.channel_id, user=ctx.user_id, text=args))


def subscriptions_outcome(args: str, ctx: RouteContext) -> Outcome:
    """List the channel's subscriptions with their next run."""
    desk = ctx.services.subscriptions
    if desk is None or not ctx.channel_id or not ctx.user_id:
        return NoticeOutcome(text=NOT_HERE, ok=False)
    return _outcome(desk.listing(channel=ctx.channel_id))


def unsubscribe_outcome(args: str, ctx: RouteContext) -> Outcome:
    """Remove one of the channel's subscriptions by id."""
    desk = ctx.services.subscriptions
    if desk is None or not ctx.channel_id or not ctx.user_id:
        return NoticeOutcome(text=NOT_HERE, ok=False)
    return _outcome(desk.unsubscribe(channel=ctx.channel_id, user=ctx.user_id, text=args))


def _outcome(result: tuple[bool, str] | Removed) -> Outcome:
    if isinstance(result, Removed):
        return SubscriptionRemovedOutcome(**result.model_dump())
    ok, text = result
    return NoticeOutcome(text=text, ok=ok)


register(
    Subcommand(
        name="subscribe",
        usage=f'{COMMAND} subscribe daily HH:MM | weekly DAY HH:MM | figure-of-the-day [HH:MM] | "CRON" [topic] [zone]',
        summary="post the key figures (or a topic's) in this channel on a schedule; your Slack time zone by default",
        handler=subscribe_outcome,
        examples=(
            f"{COMMAND} subscribe daily 09:00",
            f"{COMMAND} subscribe weekly mon 09:00 asean",
            f'{COMMAND} subscribe "0 9 * * 1-5" Asia/Shanghai',
            f"{COMMAND} subscribe figure-of-the-day 08:30",
        ),
        takes_args=True,
    )
)
register(
    Subcommand(
        name="subscriptions",
        usage=f"{COMMAND} subscriptions",
        summary="this channel's subscriptions and when each posts next",
        handler=subscriptions_outcome,
        examples=(f"{COMMAND} subscriptions",),
    )
)
register(
    Subcommand(
        name="unsubscribe",
        usage=f"{COMMAND} unsubscribe ID",
        summary="stop one of this channel's subscriptions (the channel is told when it was someone else's)",
        handler=unsubscribe_outcome,
        examples=(f"{COMMAND} unsubscribe 3",),
        takes_args=True,
    )
)
