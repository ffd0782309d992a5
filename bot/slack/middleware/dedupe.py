"""Each Slack request handled once, however often and wherever Slack (or anyone replaying it) delivers it.

Slack redelivers an event it thinks was not acknowledged (``X-Slack-Retry-Num`` 1 to 3, the last about five
minutes after the first) and may deliver it to any process behind the URL. A signed command or button press can be
replayed as it is for as long as its signature's timestamp is accepted (five minutes), and each replay would run it
again. Every delivery claims its key in the shared database (insert-if-absent, atomic in SQLite and PostgreSQL):
an event's ``event_id`` (or the subject a listener declared, ``claims.ClaimRules``), a command's or a button's
``trigger_id``. The one that wins is handled; the others are acknowledged and dropped, whether they come later or
at the same moment. Keys are kept at least ten minutes (``bot.store.events``), past both windows. A handling that
fails before it replies gives its claim back (``claims.release_event``), so Slack's next retry is answered.

The claim on an event (and on a command or button a listener leases) is also a lease on the work
(``bot.store.leases``): it stores the verified body, so that if this process dies after the ack and before the
reply, another process's sweeper (``bot.slack.sweeper``) redoes it. The sweeper's rebuilt request carries the key
it took over in its context, and passes here without claiming again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import BoltRequest, BoltResponse
from slack_bolt.middleware import Middleware

from bot.slack.middleware.claims import CLAIM_KEY, REPLAY_KEY, ClaimRules, EventClaim, EventClaims, pending_work
from bot.store.errors import StoreError


def claim_key(body: dict[str, Any], rules: ClaimRules) -> tuple[str, bool] | None:
    """The key a request is claimed by and whether its work is leased; None for what Slack sends only once."""
    if body.get("type") == "event_callback":
        event_id = body.get("event_id")
        if isinstance(event_id, str) and event_id:
            return rules.subject_of(body) or event_id, True
        return None
    trigger = body.get("trigger_id")
    if isinstance(trigger, str) and trigger:
        return f"trigger:{trigger}", rules.leased(body)
    return None


class EventDeduplication(Middleware):
    """Claims every event, command and button press before a listener sees it; drops the ones already claimed."""

    def __init__(self, claims: EventClaims, rules: ClaimRules | None = None):
        self.claims = claims
        self.rules = rules or ClaimRules()

    def process(self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]) -> BoltResponse:
        replay_of = req.context.get(REPLAY_KEY)
        if replay_of:  # already leased to this process, by the sweeper
            req.context[CLAIM_KEY] = EventClaim(self.claims, replay_of, taken_over=True)
            return next()
        found = claim_key(req.body, self.rules)
        if found is None:
            return next()
        key, leased = found
        logger = req.context.logger
        delivery = _delivery(req)
        event = key if req.body.get("type") == "event_callback" else None
        try:
            claimed = self.claims.claim_event(key, pending_work(req) if leased else None)
        except StoreError as error:
            if event is None:
                # Slack does not retry commands or buttons: refusing one would show the user an error instead of
                # the answer, so it is answered, only not protected against a replay or this process dying.
                logger.warning("answering without a claim, the database is unavailable: %s", type(error).__name__)
                return next()
            # Refuse rather than risk answering twice: Slack retries a non-2xx, by when the database may be back.
            logger.error("event %s%s not handled, the database is unavailable: %s", key, delivery, error)
            return BoltResponse(status=503, body="")
        if not claimed:
            logger.info("%s%s was already taken; acknowledged, not handled again", key, delivery)
            return BoltResponse(status=200, body="")
        if delivery:
            logger.info("event %s%s: handling it", key, delivery)
        req.context[CLAIM_KEY] = EventClaim(self.claims, key, leased=leased)
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
