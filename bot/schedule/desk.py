"""The subscription desk: what ``/trade subscribe|subscriptions|unsubscribe`` do, bound to the store and to what
a subscriber's defaults need, so the router only parses and routes and never touches the database itself.

The serving process builds one (``bot.slack.runtime``) and hands it to the router in ``RouteServices``; the
terminal has none, and its ``/trade subscribe`` says subscriptions are made in Slack.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from bot.kb.base import KnowledgeBase
from bot.schedule import manage
from bot.schedule.limits import SubscriptionLimits
from bot.store import Store, StoreError, utcnow

logger = logging.getLogger(__name__)

UNAVAILABLE = "The bot's database is unavailable right now, so I cannot change subscriptions. Try again in a minute."

Said = tuple[bool, str]  # whether it worked, and the text to show
T = TypeVar("T")


@dataclass(frozen=True)
class SubscriptionDesk:
    """Subscriptions made, listed and removed in a channel, on ``store``.

    Attributes:
        store: the database shared by every process.
        kb: the knowledge base (topics named in a subscription).
        timezone_of: a Slack user id to the user's IANA time zone (``users.info``), or None when unknown.
        limits: the caps per channel and per user (None: the documented defaults).
        clock: "now", aware; tests fix it.
    """

    store: Store
    kb: KnowledgeBase
    timezone_of: manage.TimezoneOf | None = None
    limits: SubscriptionLimits | None = None
    clock: Callable[[], dt.datetime] = utcnow

    def subscribe(self, *, channel: str, user: str, text: str) -> Said:
        """A subscription for ``channel`` from what follows ``/trade subscribe``."""
        return self._at_store(
            lambda now: manage.subscribe(
                self.store,
                self.kb,
                channel=channel,
                user=user,
                text=text,
                timezone_of=self.timezone_of,
                now=now,
                limits=self.limits,
            )
        )

    def listing(self, *, channel: str) -> Said:
        """The channel's subscriptions with their next run."""
        return self._at_store(
            lambda now: (True, manage.list_subscriptions(self.store, self.kb, channel=channel, now=now))
        )

    def unsubscribe(self, *, channel: str, user: str, text: str) -> Said | manage.Removed:
        """Remove the subscription whose id ``text`` names; the removal of another's is announced."""
        return self._at_store(lambda now: manage.unsubscribe(self.store, channel=channel, user=user, text=text))

    def _at_store(self, work: Callable[[dt.datetime], T]) -> T | Said:
        try:
            return work(self.clock())
        except StoreError as exc:  # the database is down: say so, the request itself did nothing wrong
            logger.error("subscriptions: %s", exc)
            return False, UNAVAILABLE
