"""The hardening middleware, in the order Bolt must run them."""

from __future__ import annotations

from slack_bolt.middleware import Middleware

from bot.slack.middleware.claims import EventClaims
from bot.slack.middleware.dedupe import EventDeduplication
from bot.slack.middleware.respond import ResponseUrlClient
from bot.slack.middleware.size import MAX_MESSAGE_CHARS, MessageSizeGuard


def hardening_middleware(claims: EventClaims, max_chars: int = MAX_MESSAGE_CHARS) -> list[Middleware]:
    """De-duplication first, so a retried oversized message is not answered twice either.

    Args:
        claims: where event ids are claimed, shared by every process (the ``Store``).
        max_chars: the longest message that is searched.
    """
    return [EventDeduplication(claims), MessageSizeGuard(max_chars), ResponseUrlClient()]
