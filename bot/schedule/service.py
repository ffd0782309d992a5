"""Starting the scheduler inside the bot process (the Slack app's ``run`` command calls this)."""

from __future__ import annotations

import threading

from slack_sdk import WebClient

from bot.config import Settings
from bot.kb.base import KnowledgeBase
from bot.learning.housekeeping import learning_chores
from bot.learning.service import Learning
from bot.schedule.poster import Poster, build_client
from bot.schedule.runner import DEFAULT_INTERVAL_SECONDS, SchedulerThread
from bot.schedule.scheduler import Scheduler
from bot.schedule.standing import apply_standing_subscription
from bot.store import Store


def start_scheduler(
    settings: Settings,
    kb: KnowledgeBase,
    store: Store,
    client: WebClient | None = None,
    interval: float = DEFAULT_INTERVAL_SECONDS,
    learning: Learning | None = None,
) -> SchedulerThread:
    """Apply the standing subscription from settings, then start the scheduler thread; ``stop()`` it on exit.

    Every process may call this: slots are claimed in the database, so each is posted once. With ``learning``,
    each tick also purges the question log and posts the weekly report (``bot.learning.housekeeping``).

    Raises:
        SettingsError: a DIGEST_* setting is malformed (or SLACK_BOT_TOKEN is missing).
        StoreError: the database is unavailable.
    """
    apply_standing_subscription(store, settings, kb)
    if client is None:
        settings.require("slack_bot_token")
        client = build_client(settings.slack_bot_token or "", settings.slack_api_url, settings.slack_timeout_seconds)
    stop = threading.Event()
    poster = Poster(client, sleep=stop.wait)
    chores = [learning_chores(settings, learning, poster.post)] if learning is not None else []
    return SchedulerThread(Scheduler(store, kb, poster, chores=chores), interval=interval, stop=stop).start()
