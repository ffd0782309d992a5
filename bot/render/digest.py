"""Scheduled digests as Slack messages and as plain text, drawn with the same pieces as answers."""

from __future__ import annotations

from bot.answer.models import Reply
from bot.render.blocks import SlackMessage, key_figures_message, reply_message
from bot.render.text import answer_text
from bot.schedule.content import Digest


def digest_message(digest: Digest) -> SlackMessage:
    """The digest as ``chat.postMessage`` would send it: a topic like a bare-topic answer, else a titled list."""
    if digest.kind == "topic" and digest.topic:
        name = digest.answers[0].topic_name if digest.answers else digest.topic
        reply = Reply(
            query=name, answered=True, reason="topic", answers=digest.answers, topic=digest.topic, topic_name=name
        )
        return reply_message(reply)
    return key_figures_message(digest.answers, title=digest.title)


def digest_text(digest: Digest) -> str:
    """The digest as plain text, every figure with its quote and speaker (``tradebot digest --preview``)."""
    parts = [digest.title, "=" * len(digest.title)]
    parts += [answer_text(a) + "\n" for a in digest.answers]
    return "\n".join(parts).rstrip() + "\n"
