"""Each Slack event handled once, however often and wherever Slack delivers it.

Slack redelivers an event it thinks was not acknowledged (``X-Slack-Retry-Num`` 1 to 3, the last about five
minutes after the first) and may deliver it to any process behind the URL. Every delivery claims its ``event_id``
in the shared database (insert-if-absent, atomic in SQLite and PostgreSQL): the one that wins is handled, the
others are acknowledged and dropped, whether they come later or at the same moment. Ids are kept at least ten
minutes (``bot.store.events``). A handling that fails before it replies gives its claim back
(``claims.release_event``), so Slack's next retry is answered.

The claim is also a lease on the work (``bot.store.leases``): it stores the verified body, so that if this process
dies after the ack and before the reply, another process's sweeper (``bot.slack.sweeper``) redoes it. The sweeper's
rebuilt request carries the id it took over in its context, and passes here without claiming again.
"""

from __future__ import annotations

from collections.abc import Callable

from slack_bolt import BoltRequest, BoltResponse
from slack_bolt.middleware import Middleware

from bot.slack.middleware.claims import (
    CLAIM_KEY,
    REPLAY_KEY,
    EventClaim,
    EventClaims,
    hold_lease,
    pending_work,
)
from bot.store.errors import StoreError


class EventDeduplication(Middleware):
    """Claims the event id of every ``event_callback``; commands and buttons are not de-duplicated (Slack does
    not retry those), only leased."""

    def __init__(self, claims: EventClaims):
        self.claims = claims

    def process(self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]) -> BoltResponse:
        replay_of = req.context.get(REPLAY_KEY)
        if replay_of:
            req.context[CLAIM_KEY] = EventClaim(self.claims, replay_of)  # already leased to this process
            return next()
        body = req.body
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if not isinstance(event_id, str) or not event_id:
            hold_lease(req, self.claims, req.context.logger)  # a /trade command or a button: not retried by Slack
            return next()
        logger = req.context.logger
        delivery = _delivery(req)
        try:
            claimed = self.claims.claim_event(event_id, pending_work(req))
        except StoreError as error:
            # Refuse rather than risk answering twice: Slack retries a non-2xx, by when the database may be back.
            logger.error("event %s%s not handled, the database is unavailable: %s", event_id, delivery, error)
            return BoltResponse(status=503, body="")
        if not claimed:
            logger.info("event %s%s was already taken; acknowledged, not handled again", event_id, delivery)
            return BoltResponse(status=200, body="")
        if delivery:
            logger.info("event %s%s: handling it", event_id, delivery)
        req.context[CLAIM_KEY] = EventClaim(self.claims, event_id)
        return next()

    @property
    def name(self) -> str:
        return "EventDeduplication"


def _delivery(req: BoltRequest) -> str:
    """`` (retry 2, http_timeout)`` for Slack's redeliveries, else empty."""
    number = (req.headers.get("x-slack-retry-num") or [None])[0]
    if not number:
        return ""
    reason = (req.headers.get("x-slack-retry-reason") or [""])[0]
    return f" (retry {number[:8]}{', ' + reason[:40] if reason else ''})"
