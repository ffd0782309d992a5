"""Checking the schedule's settings and database once, before any serving process starts.

``prepare_scheduling`` runs once in ``tradebot run`` before any worker starts, so a bad DATABASE_URL or DIGEST_*
setting stops start-up with a message. Each serving process then starts its own scheduler
(``bot.slack.runtime.build_runtime``); slots are claimed in the database, so each is posted once.
"""

from __future__ import annotations

from bot.config import Settings
from bot.kb.base import KnowledgeBase
from bot.schedule.learning_chores import report_schedule
from bot.schedule.standing import apply_standing_subscription
from bot.schedule.unfit import pause_unfit_subscriptions
from bot.store import open_store


def prepare_scheduling(settings: Settings, kb: KnowledgeBase) -> None:
    """Open (create or upgrade) the database, apply the standing subscription and pause stored subscriptions whose
    schedules the rules refuse, then close it.

    Raises:
        StoreError: the database is unreachable or not writable (the message says what to fix).
        SettingsError: a DIGEST_* or REPORT_* setting is malformed.
    """
    report_schedule(settings)
    store = open_store(settings.database_url)
    try:
        apply_standing_subscription(store, settings, kb)
        pause_unfit_subscriptions(store)
    finally:
        store.close()
