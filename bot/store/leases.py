"""Leases on acknowledged work, so a question is answered even when the process that took it dies.

Slack gets its acknowledgement before the answer is posted (the answer pool posts it). A process killed in
between leaves a question Slack will not redeliver (it had its 2xx). So the claim on an event is also a lease:
the row holds status ``processing``, the owner (host:pid), an expiry and the verified request body. The owner
renews the leases it holds while it works, and marks each done after posting. Every process sweeps: a lease
past its expiry belongs to a process that stopped renewing (killed, hung past gunicorn's timeout), and the
sweeper takes it over with one atomic UPDATE and redoes the work (``bot.slack.sweeper``).

A process that posts and dies before it marks the work done leaves a reply Slack has; marking done before posting
would lose the answer instead, and a lost answer is the worse failure. So the taker looks for that reply before
answering (``bot.slack.posted_replies``: each reply carries its lease's id in Slack message metadata); with the
look-up turned off, such a question is answered twice.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import threading

from bot.store.errors import StoreError
from bot.store.events import SeenEvents
from bot.store.models import PendingWork, TakenOver

DEFAULT_LEASE = dt.timedelta(seconds=20)


def process_owner() -> str:
    """``host:pid``: who holds a lease (call after the fork, in the process that works)."""
    return f"{socket.gethostname()}:{os.getpid()}"


class EventLeases:
    """The leases this process holds, on top of ``SeenEvents``. Thread-safe."""

    def __init__(self, events: SeenEvents, lease: dt.timedelta = DEFAULT_LEASE, owner: str | None = None):
        self.events = events
        self.lease = lease
        self.owner = owner or process_owner()
        self._held: set[str] = set()
        self._completing: set[str] = set()  # posted, but marking done failed (database down): retried on renew
        self._lock = threading.Lock()

    @property
    def held(self) -> set[str]:
        """Ids whose work this process is doing now."""
        with self._lock:
            return set(self._held)

    def claim(self, event_id: str, work: PendingWork | None = None) -> bool:
        """Claim ``event_id`` (and lease its ``work`` to this process); True for the first claimant anywhere."""
        claimed = self.events.claim(event_id, work, owner=self.owner, lease=self.lease)
        if claimed and work is not None:
            self._hold(event_id)
        return claimed

    def complete(self, event_id: str) -> None:
        """The reply is posted: nothing left to redo.

        Raises:
            StoreError: the database is down; the lease stays held (renewed, so no other process redoes the work)
                and ``renew`` marks it done once the database is back.
        """
        try:
            self.events.complete(event_id)
        except StoreError:
            with self._lock:
                self._completing.add(event_id)
            raise
        self._drop(event_id)

    def give_up(self, event_id: str) -> None:
        """Stop retrying ``event_id`` (too many take-overs, or too old to answer)."""
        self.events.complete(event_id, "failed")
        self._drop(event_id)

    def release(self, event_id: str) -> None:
        """Forget ``event_id`` entirely, so Slack's next delivery of it is handled."""
        self._drop(event_id)
        self.events.release(event_id)

    def renew(self) -> set[str]:
        """Finish the completions the database missed, then extend every lease this process holds; return those it
        no longer holds (another process took them over)."""
        with self._lock:
            completing = set(self._completing)
        for event_id in completing:
            self.events.complete(event_id)
            with self._lock:
                self._completing.discard(event_id)
            self._drop(event_id)
        held = self.held
        renewed = self.events.renew(held, self.owner, self.lease)
        # Work completed while the renewal ran was not renewed either, but it is not lost: it left ``held``.
        lost = (held - renewed) & self.held
        for event_id in lost:
            self._drop(event_id)
        return lost

    def take_expired(self, limit: int = 50) -> list[TakenOver]:
        """Take over up to ``limit`` expired leases of other (dead) processes; the caller redoes their work."""
        taken = self.events.take_expired(self.owner, self.lease, limit)
        for item in taken:
            self._hold(item.event_id)
        return taken

    def _hold(self, event_id: str) -> None:
        with self._lock:
            self._held.add(event_id)

    def _drop(self, event_id: str) -> None:
        with self._lock:
            self._held.discard(event_id)
            self._completing.discard(event_id)
