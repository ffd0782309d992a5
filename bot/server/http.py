"""``tradebot run --http``: the Slack app behind gunicorn, uvicorn workers and the request gate."""

from __future__ import annotations

import logging

from sqlalchemy.engine import make_url

from bot.config import Settings
from bot.garbage import freeze_startup_objects
from bot.kb.base import KnowledgeBase
from bot.server.asgi import SlackAsgi
from bot.server.gunicorn import serve
from bot.server.health import knowledge_check

logger = logging.getLogger(__name__)


class WorkerFactory:
    """Builds the ASGI app inside a worker. The knowledge base, pure data loaded and checked before the fork,
    is inherited by every worker; everything that opens connections or threads is made here, after it."""

    def __init__(self, settings: Settings, kb: KnowledgeBase):
        self.settings = settings
        self.kb = kb

    def __call__(self) -> SlackAsgi:
        from bot.slack.runtime import build_runtime
        from bot.store.health import database_check

        runtime = build_runtime(self.settings, self.kb, signing_secret=self.settings.slack_signing_secret)
        checks = {"knowledge": knowledge_check(self.kb), "database": database_check(runtime.store)}
        asgi = SlackAsgi(runtime.app, checks, signing_secret=self.settings.slack_signing_secret or "")
        freeze_startup_objects()
        return asgi


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
