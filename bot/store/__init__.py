"""The database: subscriptions, the record of scheduled posts, and seen Slack events.

SQLite by default (one process), PostgreSQL for several processes; see ``docs/deployment.md``.
"""

from bot.store.errors import StoreError
from bot.store.models import Delivery, NewSubscription, RotationState, Subscription
from bot.store.store import Store, open_store, utcnow

__all__ = [
    "Delivery",
    "NewSubscription",
    "RotationState",
    "Store",
    "StoreError",
    "Subscription",
    "open_store",
    "utcnow",
]
