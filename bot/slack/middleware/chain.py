"""The hardening middleware, in the order Bolt must run them."""

from __future__ import annotations

from slack_bolt.middleware import Middleware

from bot.slack.middleware.claims import ClaimRules, EventClaims
from bot.slack.middleware.dedupe import EventDeduplication
from bot.slack.middleware.respond import ResponseUrlClient


def hardening_middleware(claims: EventClaims, rules: ClaimRules | None = None) -> list[Middleware]:
    """De-duplication first, so a retried request is not handled twice.

    Args:
        claims: where event ids are claimed, shared by every process (the ``Store``).
        rules: what the listeners declared about claims (give the same object to ``create_app``, which has the
            listeners fill it in).
    """
    return [EventDeduplication(claims, rules), ResponseUrlClient()]
