"""The runtime of one serving process, built in one place for both modes (Socket Mode and each HTTP worker).

Order matters: the Web API client first (everything posts through it), then the store (it holds subscriptions,
event claims and conversations), the scheduler on it, the engine, the Bolt app with the hardening middleware,
and last the lease sweeper, which redoes requests through that app. Build it in the process that serves
(after gunicorn's fork): the store's connections, the scheduler's and sweeper's threads and Bolt's ``auth.test``
must not be shared across a fork.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass

from slack_bolt import App
from slack_sdk import WebClient

from bot.answer.engine import Engine
from bot.config import Settings
from bot.kb.base import KnowledgeBase
from bot.learning.service import Learning
from bot.router import RouteServices
from bot.schedule.desk import SubscriptionDesk
from bot.schedule.learning_chores import learning_chores
from bot.schedule.limits import SubscriptionLimits
from bot.schedule.scheduler_thread import SchedulerThread, start_scheduler
from bot.slack.app import create_app
from bot.slack.client import build_web_client
from bot.slack.digest_poster import DigestPoster, digest_client
from bot.slack.middleware.chain import hardening_middleware
from bot.slack.middleware.claims import ClaimRules
from bot.slack.report_poster import ReportPoster
from bot.slack.sweeper import LeaseSweeper
from bot.slack.user_timezones import timezone_lookup
from bot.store import Store, open_store


@dataclass
class Runtime:
    """One process's running parts; ``stop()`` them on exit."""

    settings: Settings
    kb: KnowledgeBase
    client: WebClient
    store: Store
    scheduler: SchedulerThread
    app: App
    sweeper: LeaseSweeper

    def stop(self) -> None:
        """Stop the threads, then close the database connections."""
        self.sweeper.stop()
        stop_scheduling(self.scheduler, self.store)


def start_scheduling(
    settings: Settings, kb: KnowledgeBase, store: Store, learning: Learning | None = None
) -> SchedulerThread:
    """The scheduler thread on ``store``, posting digests through its own retry-free client; with ``learning``,
    it also purges the question log and posts the weekly report (``bot.schedule.learning_chores``).

    Raises:
        SettingsError: SLACK_BOT_TOKEN is missing, or a DIGEST_* setting is malformed.
        StoreError: the database is unavailable.
    """
    settings.require("slack_bot_token")
    client = digest_client(settings.slack_bot_token or "", settings.slack_api_url, settings.slack_timeout_seconds)
    # The poster sleeps on the thread's stop event between retries, so stopping also cuts a wait short.
    stop = threading.Event()
    poster = DigestPoster(client, sleep=stop.wait)
    chores = [learning_chores(settings, learning, ReportPoster(poster))] if learning is not None else []
    interval = settings.schedule_tick_seconds
    return start_scheduler(settings, kb, store, poster, interval=interval, stop=stop, chores=chores)


def stop_scheduling(scheduler: SchedulerThread, store: Store) -> None:
    """Stop the scheduler thread and close the database connections."""
    scheduler.stop()
    store.close()


def build_runtime(settings: Settings, kb: KnowledgeBase, *, signing_secret: str | None) -> Runtime:
    """Open the store, start the scheduler, build the app and start the lease sweeper.

    Args:
        settings: validated settings.
        kb: the knowledge base, loaded and checked before any fork.
        signing_secret: the app's signing secret in HTTP mode (the sweeper re-signs what it redoes); None in
            Socket Mode.

    Raises:
        StoreError: the database is unavailable.
        BoltError: ``auth.test`` failed while the app was built (the store and scheduler are stopped first).
    """
    client = build_web_client(settings)
    store = open_store(settings.database_url, event_lease=dt.timedelta(seconds=settings.event_lease_seconds))
    try:
        learning = Learning.from_settings(settings, kb, store)
        scheduler = start_scheduling(settings, kb, store, learning)
    except Exception:
        store.close()
        raise
    try:
        engine = Engine(kb, settings.answer_cache_size)
        desk = SubscriptionDesk(store, kb, timezone_lookup(client), SubscriptionLimits.of(settings))
        # The store also de-duplicates Slack's events: a claim there is seen by every process sharing the database.
        # The listeners declare in ``rules`` what else is claimed (a message's subject, the leased commands).
        rules = ClaimRules()
        app = create_app(
            settings,
            kb,
            engine,
            client=client,
            middleware=hardening_middleware(store, rules),
            claim_rules=rules,
            route_services=RouteServices(subscriptions=desk),
            store=store,
            learning=learning,
        )
    except BaseException:
        stop_scheduling(scheduler, store)
        raise
    # Answers questions that a process killed after acking left unanswered (its own or another's).
    sweeper = LeaseSweeper(app, store.leases, signing_secret, interval=settings.lease_sweep_seconds).start()
    return Runtime(settings=settings, kb=kb, client=client, store=store, scheduler=scheduler, app=app, sweeper=sweeper)
