"""Scheduling in the bot process: checked before serving, started in each serving process, stopped on exit.

``prepare_scheduling`` runs once in ``tradebot run`` before any worker starts, so a bad DATABASE_URL or DIGEST_*
setting stops start-up with a message. ``start_scheduling`` runs in each process that serves Slack (after
gunicorn's fork): it opens the store, builds the services the ``/trade subscribe`` handlers need, and starts the
scheduler thread. Every process runs a scheduler; slots are claimed in the database, so each is posted once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from slack_sdk import WebClient

from bot.config import Settings
from bot.kb.base import KnowledgeBase
from bot.schedule.limits import SubscriptionLimits
from bot.schedule.runner import SchedulerThread
from bot.schedule.service import start_scheduler
from bot.schedule.services import scheduling_services
from bot.schedule.standing import apply_standing_subscription
from bot.schedule.unfit import pause_unfit_subscriptions
from bot.store import Store, open_store
from bot.store.health import database_check


@dataclass
class Scheduling:
    """The store, the scheduler thread, and what to hand to ``create_app(extras=…)`` and ``/healthz``."""

    store: Store
    scheduler: SchedulerThread
    extras: dict[str, Any]

    def health_checks(self) -> dict[str, Any]:
        """``{"database": check}`` to merge into the health checks."""
        return {"database": database_check(self.store)}

    def stop(self) -> None:
        """Stop the scheduler thread and close the database connections."""
        self.scheduler.stop()
        self.store.close()


def prepare_scheduling(settings: Settings, kb: KnowledgeBase) -> None:
    """Open (create or upgrade) the database, apply the standing subscription and pause stored subscriptions whose
    schedules the rules refuse, then close it.

    Raises:
        StoreError: the database is unreachable or not writable (the message says what to fix).
        SettingsError: a DIGEST_* setting is malformed.
    """
    store = open_store(settings.database_url)
    try:
        apply_standing_subscription(store, settings, kb)
        pause_unfit_subscriptions(store)
    finally:
        store.close()


def start_scheduling(settings: Settings, kb: KnowledgeBase, client: WebClient) -> Scheduling:
    """Open the store and start the scheduler; ``client`` (the app's) serves ``users.info`` time-zone look-ups.

    Raises:
        StoreError: the database is unavailable.
    """
    store = open_store(settings.database_url, event_lease=dt.timedelta(seconds=settings.event_lease_seconds))
    try:
        scheduler = start_scheduler(settings, kb, store, interval=settings.schedule_tick_seconds)
    except Exception:
        store.close()
        raise
    extras = scheduling_services(store, client, SubscriptionLimits.of(settings))
    return Scheduling(store=store, scheduler=scheduler, extras=extras)
