"""``create_app``: the one place the Slack app is wired (settings, client, services, listeners, errors)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.answer.engine import Engine
from bot.config import Settings
from bot.conversations.memory import Memory, Windows
from bot.kb.base import KnowledgeBase
from bot.learning.service import Learning
from bot.router import RouteServices
from bot.slack import listeners
from bot.slack.apology import on_error
from bot.slack.client import PooledWebClient, build_web_client
from bot.slack.middleware.claims import ClaimRules
from bot.slack.middleware.services import ProvideServices
from bot.slack.services import Services
from bot.store import Store, utcnow

# Threads of the answer pool, where the listeners' work runs after the ack (Bolt's default pool has 5).
LISTENER_THREADS = 32
LOGGER_NAME = "tradebot.slack"


class _DropTokenSkipped(logging.Filter):
    """Bolt reads SLACK_BOT_TOKEN from the environment itself and warns that it is unused when a client is given;
    we give one on purpose (for SLACK_API_URL and the timeout), so the warning is noise on every start."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


def _memory(settings: Settings, store: Store | None) -> Memory | None:
    """Conversations kept in the store, if the app has one."""
    if store is None:
        return None
    windows = Windows(
        thread=dt.timedelta(hours=settings.conversation_thread_hours),
        direct=dt.timedelta(minutes=settings.conversation_dm_minutes),
    )
    return Memory(store.conversations, windows, utcnow)


def create_app(
    settings: Settings,
    kb: KnowledgeBase,
    engine: Engine,
    *,
    client: WebClient | None = None,
    middleware: Sequence[Callable[..., Any]] = (),
    route_services: RouteServices | None = None,
    store: Store | None = None,
    learning: Learning | None = None,
    listener_threads: int = LISTENER_THREADS,
    claim_rules: ClaimRules | None = None,
) -> App:
    """Build the Bolt app.

    Call it in the process that serves requests (after gunicorn forks), since Bolt calls ``auth.test`` here
    and later starts listener threads.

    Args:
        settings: validated settings; ``slack_bot_token`` must be set, ``slack_signing_secret`` for HTTP mode.
        kb: the knowledge base.
        engine: the answer engine on ``kb``.
        client: a ready WebClient (default: ``build_web_client(settings)``).
        middleware: global middleware run before listeners, in order (e.g. de-duplicating Slack's retries).
        route_services: what subcommands may use (the subscription desk), as ``RouteContext.services``.
        store: the database, where each thread's and DM's last question is kept for follow-ups (None: none kept).
        learning: feedback and the question log (``bot.learning``); None draws no feedback controls.
        listener_threads: size of Bolt's listener thread pool.
        claim_rules: filled in by the listeners as they are registered; the de-duplication middleware among
            ``middleware`` reads the same object (``hardening_middleware(store, rules)``).
    """
    logger = logging.getLogger(LOGGER_NAME)
    if not any(isinstance(f, _DropTokenSkipped) for f in logger.filters):
        logger.addFilter(_DropTokenSkipped())
    # One pool for the work after each ack (bot.slack.listeners.after_ack), also Bolt's listener executor (the size
    # guard's reply runs there): sized so a burst of slow answers does not hold back newer ones.
    answers = ThreadPoolExecutor(max_workers=listener_threads, thread_name_prefix="tradebot-listener")
    route_services = route_services or RouteServices()
    services = Services(
        settings=settings,
        kb=kb,
        engine=engine,
        answers=answers,
        route_services=route_services,
        memory=_memory(settings, store),
        learning=learning,
    )
    shared = client or build_web_client(settings)
    app = App(
        client=shared,
        signing_secret=settings.slack_signing_secret or "",
        # Every listener acks and queues its work on the answer pool. True runs the listener in the request's own
        # thread and answers at once; False (Bolt's default) would hand it to the pool too and poll for the ack
        # every 10 ms, so a command's ack waited behind queued answers and took 14 ms, not 4
        # (bench/slack_latency.py).
        process_before_response=True,
        listener_executor=answers,
        logger=logger,
        # A request no listener matches goes to ``on_error`` too, which finishes its claim: left alone, an event's
        # lease would be renewed by this process for as long as it runs, with nothing ever to complete it.
        raise_error_for_unhandled_request=True,
    )

    app.use(ProvideServices(services, shared if isinstance(shared, PooledWebClient) else None))
    for extra in middleware:
        app.use(extra)
    app.error(on_error)
    listeners.register(app, claim_rules if claim_rules is not None else ClaimRules())
    return app
