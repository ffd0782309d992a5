"""A claimed Slack event, carried in the request context so a failed handling can give it back."""

from __future__ import annotations

from dataclasses import dataclass
from logging import Logger
from typing import Any, Protocol

from slack_bolt import BoltContext

CLAIM_KEY = "tradebot_event_claim"


class EventClaims(Protocol):
    """Insert-if-absent claims on event ids shared by every bot process (``bot.store.Store`` is one)."""

    def claim_event(self, event_id: str) -> bool:
        """True for the one caller, in any process, that claimed ``event_id`` first."""

    def release_event(self, event_id: str) -> None:
        """Forget ``event_id`` so that its next delivery is handled."""


@dataclass(frozen=True, eq=False)
class EventClaim:
    """This request's claim on its event id."""

    claims: EventClaims
    event_id: str

    def __deepcopy__(self, memo: dict[int, Any]) -> EventClaim:
        # Bolt deep-copies the context for lazy listeners; the claim (and the store in it) must stay shared.
        return self


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
