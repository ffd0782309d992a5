"""The lease sweeper: a thread in every serving process that keeps this process's leases alive and redoes the
work of processes that died after acknowledging Slack and before replying (see ``bot.store.leases``).

Every ``interval`` seconds it renews the leases this process holds, then takes over leases that expired (one atomic
UPDATE, so one process takes each) and dispatches each taken request again through this process's Bolt app, as if
Slack had just sent it: the same middleware and listeners run, and the listener's callback posts the reply and marks
the lease done.

The replayed request is re-signed with the app's own signing secret, so Bolt's signature check passes it without
being switched off. That is safe because only a request that passed the check on arrival is stored (the claim is
taken by global middleware, which Bolt runs after its own verification), and only a process holding the database
credentials can write the table; the request never leaves the process. The id being redone travels in the request
context, which nothing from the network can set, so de-duplication lets it through once without a second claim.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time

from slack_bolt import App, BoltRequest
from slack_sdk.signature import SignatureVerifier

from bot.periodic import PeriodicThread
from bot.slack.middleware.claims import REPLAY_KEY
from bot.store import StoreError, utcnow
from bot.store.leases import EventLeases
from bot.store.models import TakenOver

logger = logging.getLogger(__name__)

DEFAULT_INTERVAL_SECONDS = 5.0
# A request that killed (or outlived) its process this many times is not retried again: it may be what kills them.
MAX_TAKEOVERS = 3
# Slack accepts posts to a response_url for 30 minutes; an event answered later than this would puzzle its asker.
MAX_AGE = dt.timedelta(minutes=25)
# Leases taken over in one UPDATE, and how many such batches one sweep takes while they come back full: a backlog
# (a process killed under load holds hundreds) is taken at once, not 50 a sweep as it was (800 in 80 s), and one
# sweep still holds a bounded number of bodies in memory.
TAKEOVER_BATCH = 500
MAX_BATCHES = 4


def rebuild_request(item: TakenOver, signing_secret: str | None) -> BoltRequest:
    """The request to dispatch again: signed now with ``signing_secret`` (HTTP), or as Socket Mode without one."""
    context = {REPLAY_KEY: item.event_id}
    body, content_type = item.body or "", item.content_type or "application/json"
    if not signing_secret:
        # Socket Mode requests carry no raw body, so their pending work is always stored as JSON
        # (``claims.pending_work``): Bolt's socket-mode request takes that payload as a dict.
        return BoltRequest(body=json.loads(body), context=context, mode="socket_mode")
    timestamp = str(int(time.time()))
    signature = SignatureVerifier(signing_secret).generate_signature(timestamp=timestamp, body=body)
    headers = {"content-type": content_type, "x-slack-request-timestamp": timestamp, "x-slack-signature": signature}
    return BoltRequest(body=body, headers=headers, context=context)


class LeaseSweeper(PeriodicThread):
    """Renews this process's leases and redoes expired ones, on a daemon thread.

    Args:
        app: the Bolt app of this process.
        leases: this process's leases (``Store.leases``).
        signing_secret: the app's signing secret (HTTP mode); None in Socket Mode.
        interval: seconds between sweeps; at most half the lease, so a live process never loses one.
    """

    def __init__(
        self,
        app: App,
        leases: EventLeases,
        signing_secret: str | None,
        interval: float = DEFAULT_INTERVAL_SECONDS,
    ):
        super().__init__(self.sweep, interval, "tradebot-lease-sweeper", logger, immediately=False)
        self.app = app
        self.leases = leases
        self.signing_secret = signing_secret
        self._was_down = False

    def sweep(self) -> list[str]:
        """Renew, take over and redo once; return the ids redone."""
        try:
            lost = self.leases.renew()
            taken = self.leases.take_expired(TAKEOVER_BATCH)
        except StoreError as error:
            if not self._was_down:  # once per outage, not every few seconds
                logger.warning("lease sweep skipped, the database is unavailable: %s", error)
            self._was_down = True
            return []
        if self._was_down:
            logger.info("lease sweep: the database is back")
        self._was_down = False
        for event_id in lost:
            logger.warning("lease on %s was taken over by another process (renewed too late)", event_id)
        redone = [item.event_id for item in taken if self._redo(item)]
        for _ in range(MAX_BATCHES - 1):
            if len(taken) < TAKEOVER_BATCH:
                break
            try:
                taken = self.leases.take_expired(TAKEOVER_BATCH)
            except StoreError:
                break  # the next sweep says so, once
            redone += [item.event_id for item in taken if self._redo(item)]
        return redone

    def _redo(self, item: TakenOver) -> bool:
        late = utcnow() - item.seen_at
        if item.attempts > MAX_TAKEOVERS or late > MAX_AGE or not item.body:
            logger.error("giving up on %s after %d take-overs, %s after it arrived", item.event_id, item.attempts, late)
            self._give_up(item.event_id)
            return False
        logger.warning("taking over %s from a process that stopped (take-over %d)", item.event_id, item.attempts)
        try:
            self.app.dispatch(rebuild_request(item, self.signing_secret))
        except Exception:  # the lease stays ours until it expires; then it is tried again, a bounded number of times
            logger.exception("redoing %s failed", item.event_id)
            return False
        return True

    def _give_up(self, event_id: str) -> None:
        try:
            self.leases.give_up(event_id)
        except StoreError as error:
            logger.warning("could not record giving up on %s: %s", event_id, error)
