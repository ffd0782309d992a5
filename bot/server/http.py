"""``tradebot run --http``: the Slack app behind gunicorn."""

from __future__ import annotations

import logging

from sqlalchemy.engine import make_url

from bot.config import Settings
from bot.garbage import freeze_startup_objects
from bot.kb.base import KnowledgeBase
from bot.server.gunicorn import serve
from bot.server.health import knowledge_check
from bot.server.wsgi import WsgiApp, build_wsgi

logger = logging.getLogger(__name__)


class WorkerFactory:
    """Builds the WSGI app inside a worker. The knowledge base, pure data loaded and checked before the fork,
    is inherited by every worker; everything that opens connections or threads is made here, after it."""

    def __init__(self, settings: Settings, kb: KnowledgeBase):
        self.settings = settings
        self.kb = kb

    def __call__(self) -> WsgiApp:
        from bot.answer.engine import Engine
        from bot.schedule.runtime import start_scheduling
        from bot.slack.app import create_app
        from bot.slack.client import build_web_client
        from bot.slack.middleware.chain import hardening_middleware
        from bot.slack.sweeper import LeaseSweeper

        client = build_web_client(self.settings)
        scheduling = start_scheduling(self.settings, self.kb, client)
        # The store also de-duplicates Slack's events: a claim there is seen by every worker sharing the database.
        middleware = hardening_middleware(scheduling.store)
        engine = Engine(self.kb, self.settings.answer_cache_size)
        app = create_app(self.settings, self.kb, engine, client=client, middleware=middleware, extras=scheduling.extras)
        # Answers questions that a worker killed after acking left unanswered (its own or another worker's).
        secret = self.settings.slack_signing_secret
        LeaseSweeper(app, scheduling.store.leases, secret, interval=self.settings.lease_sweep_seconds).start()
        wsgi = build_wsgi(app, {"knowledge": knowledge_check(self.kb), **scheduling.health_checks()})
        freeze_startup_objects()
        return wsgi


def run_http(settings: Settings, kb: KnowledgeBase, *, host: str, port: int, workers: int = 1) -> None:
    """Serve ``POST /slack/events`` and ``GET /healthz`` on ``host:port``."""
    logger.info("serving Slack over HTTP on %s:%s with %d worker(s)", host, port, workers)
    if workers > 1 and make_url(settings.database_url).get_backend_name() == "sqlite":
        logger.warning(
            "%d workers share an SQLite file: fine on one machine, but PostgreSQL is the database for several "
            "processes (see the deployment notes)",
            workers,
        )
    serve(WorkerFactory(settings, kb), host=host, port=port, workers=workers, log_level=settings.log_level)
