"""A claimed Slack request, carried in the request context so the handling can mark it done after replying, or give
it back after failing; and the rules, filled in by the listeners as they are registered, of what a claim is on.

Every request Slack could deliver, or an attacker replay, more than once is claimed before any listener runs
(``dedupe.EventDeduplication``): an event by its ``event_id``, a slash command or a button press by its
``trigger_id`` (unique per invocation). Two kinds of rule refine that, and only the listeners know them, so they
declare them here when they are registered (``ClaimRules``) and this package imports no listener:

- a *subject*: events that are about one thing another event may be about too get that thing as their claim. Slack
  delivers one message in the bot's DM that mentions it twice, as ``app_mention`` and as ``message.im``, with two
  event ids; the listeners that answer messages key both by the message (channel and ts), so it is answered once.
- a *lease*: commands and buttons whose answer can be lost the same way as an event's (the process dies after the
  ack) have their body kept with the claim, so another process redoes them. It happens in middleware, before the
  listener acks: the lease must be in the database before Slack is told the request arrived, or a process dying in
  between would leave nothing for another to redo. Their answer goes to the ``response_url``, which Slack accepts
  for 30 minutes: a take-over comes after one lease (20 s by default), well within it, and the sweeper gives up on
  older work. Events are always leased.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from logging import Logger
from typing import Any, Protocol

from slack_bolt import BoltContext, BoltRequest

from bot.store.models import PendingWork

CLAIM_KEY = "tradebot_event_claim"
# Set only by the sweeper, on a request it rebuilt in-process: a context key cannot come from the network.
REPLAY_KEY = "tradebot_replay_of"

# A request body to the key its claim is on, or None when the rule does not apply to it.
SubjectRule = Callable[[dict[str, Any]], str | None]
# A request body to whether its work is leased (kept for another process to redo).
LeaseRule = Callable[[dict[str, Any]], bool]


class EventClaims(Protocol):
    """Insert-if-absent claims on event ids shared by every bot process (``bot.store.Store`` is one)."""

    def claim_event(self, event_id: str, work: PendingWork | None = None) -> bool:
        """True for the one caller, in any process, that claimed ``event_id`` first; ``work`` makes it a lease."""

    def complete_event(self, event_id: str) -> None:
        """The reply is posted: end the lease."""

    def release_event(self, event_id: str) -> None:
        """Forget ``event_id`` so that its next delivery is handled."""

    def holds_event(self, event_id: str) -> bool:
        """Whether this process still holds the lease on ``event_id`` (another may have taken it over)."""


@dataclass
class ClaimRules:
    """What listeners declared about the requests they handle, read by the de-duplication middleware."""

    subjects: list[SubjectRule] = field(default_factory=list)
    leases: list[LeaseRule] = field(default_factory=list)

    def subject(self, rule: SubjectRule) -> None:
        """Claim the events ``rule`` gives a key for by that key, not by their event id."""
        self.subjects.append(rule)

    def lease(self, rule: LeaseRule) -> None:
        """Lease the work of the commands and buttons ``rule`` accepts."""
        self.leases.append(rule)

    def subject_of(self, body: dict[str, Any]) -> str | None:
        """The first declared subject of an event, or None."""
        return next((key for rule in self.subjects if (key := rule(body))), None)

    def leased(self, body: dict[str, Any]) -> bool:
        """Whether a command's or button's work is leased."""
        return any(rule(body) for rule in self.leases)


@dataclass(eq=False)
class EventClaim:
    """This request's claim: the store it is in, its key, whether its work is leased, and whether this handling is a
    take-over (the process that had it may have posted the reply before it died)."""

    claims: EventClaims
    event_id: str
    taken_over: bool = False
    leased: bool = True

    def may_be_answered(self) -> bool:
        """Whether a reply to this request may be out already: it was taken over from a process that stopped, or
        this process, stalled past its lease, had it taken over by another."""
        return self.taken_over or (self.leased and not self.claims.holds_event(self.event_id))


def claim_of(context: BoltContext | dict[str, Any] | None) -> EventClaim | None:
    """The request's claim, if it has one."""
    return (context or {}).get(CLAIM_KEY)


def pending_work(req: BoltRequest) -> PendingWork:
    """What another process needs to redo ``req``: the body as received (in Socket Mode, re-encoded as JSON)."""
    if req.raw_body:
        return PendingWork(body=req.raw_body, content_type=req.content_type or "application/json")
    return PendingWork(body=json.dumps(req.body), content_type="application/json")


def complete_event(context: BoltContext | None, logger: Logger) -> None:
    """Mark the request's claim done after its reply was posted, so no other process redoes it.

    A database that is down now is logged; this process keeps the lease and marks it done when the database is
    back (``EventLeases.renew``).
    """
    claim = claim_of(context)
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
    claim = claim_of(context)
    if claim is None:
        return
    try:
        claim.claims.release_event(claim.event_id)
        logger.info("released event %s for Slack's retry", claim.event_id)
    except Exception as error:  # the failure being handled matters more than this one
        logger.warning("could not release event %s: %s", claim.event_id, type(error).__name__)
