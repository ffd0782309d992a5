"""Turn the text after ``/trade`` (or a mention, or a button) into an outcome."""

from __future__ import annotations

from bot.answer.kb_replies import topic_reply
from bot.outcomes import AnswerOutcome, NoticeOutcome, Outcome
from bot.router.builtin import help_outcome
from bot.router.table import RouteContext, lookup


def route(text: str, ctx: RouteContext) -> Outcome:
    """Route one line.

    Empty text is help; a first word naming a subcommand runs it; anything else is a question for the engine.
    A subcommand that takes no arguments but is followed by some ("key exports") is read as a question.

    Args:
        text: what followed ``/trade``, or a mention with the bot's name removed.
        ctx: knowledge, engine and who asked.
    """
    text = text.strip()
    if not text:
        return help_outcome("", ctx)
    first, _, rest = text.partition(" ")
    subcommand = lookup(first)
    if subcommand is not None and (subcommand.takes_args or not rest.strip()):
        return subcommand.handler(rest.strip(), ctx)
    return ask(text, ctx)


def ask(text: str, ctx: RouteContext) -> AnswerOutcome:
    """A question for the engine (a suggestion button asks its query this way); in a conversation, read against its
    last question, which it then replaces."""
    if ctx.conversation is None:
        return AnswerOutcome(reply=ctx.engine.ask(text))
    last = ctx.conversation.recall()
    reply, turn = ctx.engine.converse(text, last)
    if turn is not None and turn is not last:
        ctx.conversation.remember(turn)
    return AnswerOutcome(reply=reply)


def more_on(topic_id: str, ctx: RouteContext) -> Outcome:
    """Every figure of a topic, headline first ("More on <topic>")."""
    reply = topic_reply(ctx.kb, topic_id)
    if reply is None:
        return NoticeOutcome(text="That topic is no longer in the knowledge base. Try /trade topics.", ok=False)
    return AnswerOutcome(reply=reply)
