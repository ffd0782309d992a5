"""A claimed Slack event (or a leased command or button press), carried in the request context so the handling
can mark it done after replying, or give it back after failing.

Events are claimed by ``EventDeduplication`` before any listener runs. Slash commands and button presses are not
redelivered by Slack, so they need no de-duplication, but their answer can be lost the same way (the process dies
after the ack); the same middleware leases those the bot answers (``/trade``, its own buttons), keyed by their
``trigger_id``. It happens in middleware, before the listener acks: the lease must be in the database before Slack is
told the request arrived, or a process dying in between would leave nothing for another to redo. Their answer goes to
the ``response_url``, which Slack accepts for 30 minutes: a take-over comes after one lease (20 s by default),
well within it, and the sweeper gives up on older work.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from logging import Logger
from typing import Any, Protocol

from slack_bolt import BoltContext, BoltRequest

from bot.render.actions import FEEDBACK, FEEDBACK_REASON, MORE_ON, SHARE, SUGGEST, matcher
from bot.router import COMMAND
from bot.store.errors import StoreError
from bot.store.models import PendingWork

CLAIM_KEY = "tradebot_event_claim"
# Set only by the sweeper, on a request it rebuilt in-process: a context key cannot come from the network.
REPLAY_KEY = "tradebot_replay_of"


class EventClaims(Protocol):
    """Insert-if-absent claims on event ids shared by every bot process (``bot.store.Store`` is one)."""

    def claim_event(self, event_id: str, work: PendingWork | None = None) -> bool:
        """True for the one caller, in any process, that claimed ``event_id`` first; ``work`` makes it a lease."""

    def complete_event(self, event_id: str) -> None:
        """The reply is posted: end the lease."""

    def release_event(self, event_id: str) -> None:
        """Forget ``event_id`` so that its next delivery is handled."""


@dataclass(frozen=True, eq=False)
class EventClaim:
    """This request's claim on its event id."""

    claims: EventClaims
    event_id: str


def pending_work(req: BoltRequest) -> PendingWork:
    """What another process needs to redo ``req``: the body as received (in Socket Mode, re-encoded as JSON)."""
    if req.raw_body:
        return PendingWork(body=req.raw_body, content_type=req.content_type or "application/json")
    return PendingWork(body=json.dumps(req.body), content_type="application/json")


_BUTTONS = tuple(matcher(kind) for kind in (MORE_ON, SHARE, SUGGEST, FEEDBACK, FEEDBACK_REASON))


def lease_key(body: dict[str, Any]) -> str | None:
    """The lease id of a ``/trade`` command or a press of one of the bot's buttons: its ``trigger_id``, unique per
    invocation. None for anything else (no listener of ours would complete the lease)."""
    trigger = body.get("trigger_id")
    if not isinstance(trigger, str) or not trigger or not body.get("response_url"):
        return None
    if body.get("command") == COMMAND:
        return f"trigger:{trigger}"
    actions = body.get("actions") if body.get("type") == "block_actions" else None
    if not isinstance(actions, list) or len(actions) != 1 or not isinstance(actions[0], dict):
        return None
    ours = any(pattern.match(str(actions[0].get("action_id", ""))) for pattern in _BUTTONS)
    return f"trigger:{trigger}" if ours else None


def hold_lease(req: BoltRequest, claims: EventClaims, logger: Logger) -> None:
    """Lease a command's or button's work to this process (events are claimed separately).

    Best effort: with the database down the request is still answered, only not protected against this process
    dying (Slack does not retry commands, so refusing it would show the user an error instead of the answer).
    """
    key = lease_key(req.body)
    if key is None:
        return
    try:
        if claims.claim_event(key, pending_work(req)):
            req.context[CLAIM_KEY] = EventClaim(claims, key)
    except StoreError as error:
        logger.warning("answering without a lease, the database is unavailable: %s", type(error).__name__)


def complete_event(context: BoltContext | None, logger: Logger) -> None:
    """Mark the request's claim done after its reply was posted, so no other process redoes it.

    A database that is down now is logged; this process keeps the lease and marks it done when the database is
    back (``EventLeases.renew``).
    """
    claim: EventClaim | None = (context or {}).get(CLAIM_KEY)
    if claim is None:
        return
    try:
        claim.claims.complete_event(claim.event_id)
    except Exception as error:  # the reply is posted; this is bookkeeping
        logger.warning("could not mark %s done yet: %s", claim.event_id, type(error).__name__)


def release_event(context: BoltContext | None, logger: Logger) -> None:
    """Give back the request's event claim after its handling failed, so Slack's retry of it is answered.

    Call it only when the reply was not posted: a retry after a posted reply would answer twice. Best effort:
    a database that is down now is logged, and the retry is then treated as already handled.
    """
    claim: EventClaim | None = (context or {}).get(CLAIM_KEY)
    if claim is None:
        return
    try:
        claim.claims.release_event(claim.event_id)
        logger.info("released event %s for Slack's retry", claim.event_id)
    except Exception as error:  # the failure being handled matters more than this one
        logger.warning("could not release event %s: %s", claim.event_id, type(error).__name__)
