"""Socket Mode: the bot opens a WebSocket to Slack and serves no HTTP port."""

from __future__ import annotations

import logging
import signal
import threading

from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.answer.engine import Engine
from bot.config import Settings
from bot.garbage import freeze_startup_objects
from bot.kb.base import KnowledgeBase
from bot.slack.app import create_app

logger = logging.getLogger(__name__)


def run_socket_mode(settings: Settings, kb: KnowledgeBase, stop: threading.Event | None = None) -> None:
    """Connect and serve until SIGTERM/SIGINT (or ``stop`` is set).

    The handler's client is the app's WebClient, so ``apps.connections.open`` also goes to ``SLACK_API_URL``.
    """
    from bot.schedule.runtime import start_scheduling
    from bot.slack.client import build_web_client
    from bot.slack.middleware.chain import hardening_middleware
    from bot.slack.sweeper import LeaseSweeper

    client = build_web_client(settings)
    scheduling = start_scheduling(settings, kb, client)
    middleware = hardening_middleware(scheduling.store)
    engine = Engine(kb, settings.answer_cache_size)
    app = create_app(settings, kb, engine, client=client, middleware=middleware, extras=scheduling.extras)
    sweeper = LeaseSweeper(app, scheduling.store.leases, None, interval=settings.lease_sweep_seconds).start()
    handler = SocketModeHandler(app, app_token=settings.slack_app_token)
    freeze_startup_objects()
    stop = stop or threading.Event()
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
    handler.connect()
    logger.info("connected to Slack in Socket Mode")
    try:
        stop.wait()
    finally:
        handler.close()
        sweeper.stop()
        scheduling.stop()
        logger.info("disconnected")
