"""Socket Mode: the bot opens a WebSocket to Slack and serves no HTTP port."""

from __future__ import annotations

import logging
import signal
import threading

from slack_bolt.error import BoltError

from bot.config import Settings
from bot.garbage import freeze_startup_objects
from bot.kb.base import KnowledgeBase

logger = logging.getLogger(__name__)

WAKE_SECONDS = 0.5  # how often the main thread wakes to run a pending signal's handler


def run_socket_mode(settings: Settings, kb: KnowledgeBase, stop: threading.Event | None = None) -> None:
    """Connect and serve until SIGTERM/SIGINT (or ``stop`` is set).

    The handler's client is the app's WebClient, so ``apps.connections.open`` also goes to ``SLACK_API_URL``.

    Raises:
        SlackStartupError: the first connection failed (a refused token, Slack unreachable). A connection that
            drops later is reconnected with backoff (``bot.slack.reconnect``).
    """
    from bot.slack.preflight import startup_error
    from bot.slack.reconnect import BackoffSocketModeHandler
    from bot.slack.runtime import build_runtime

    try:
        runtime = build_runtime(settings, kb, signing_secret=None)
    except BoltError as error:  # auth.test failed between the start-up check and here
        raise startup_error(error.__context__ or error, "SLACK_BOT_TOKEN", "auth.test", settings) from None
    handler = BackoffSocketModeHandler(runtime.app, app_token=settings.slack_app_token)
    freeze_startup_objects()
    stop = stop or threading.Event()
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
    try:
        try:
            handler.connect()
        except Exception as error:  # a refused app token or an unreachable Slack, said in one line
            raise startup_error(error, "SLACK_APP_TOKEN", "apps.connections.open", settings) from None
        logger.info("connected to Slack in Socket Mode")
        # A timed wait: a signal the kernel hands to another thread only flags the main thread, which must wake to
        # run the handler (an untimed wait slept through SIGTERM until SIGKILL, seen in tests/slack/test_socket_mode).
        while not stop.wait(WAKE_SECONDS):
            pass
    finally:
        handler.close()
        runtime.stop()
        logger.info("disconnected")
