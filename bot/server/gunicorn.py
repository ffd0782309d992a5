"""gunicorn embedded: its arbiter and N workers of ``bot.server.worker`` (uvicorn's loop), the app built in each.

gunicorn's arbiter forks workers; ``load`` runs in each worker after the fork (``preload_app`` stays off), so
every worker makes its own Bolt app, WebClient and thread pools, and none is shared across a fork.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gunicorn.app.base import BaseApplication

from bot.server.asgi import SlackAsgi
from bot.server.worker import Worker


class Server(BaseApplication):
    """gunicorn with options from code rather than its command line."""

    def __init__(self, factory: Callable[[], SlackAsgi], options: dict[str, Any]):
        self.factory = factory
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        """Apply ``options`` (gunicorn setting names)."""
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> SlackAsgi:
        """Build the ASGI app; called once in each worker process."""
        return self.factory()


def serve(
    factory: Callable[[], SlackAsgi],
    *,
    host: str,
    port: int,
    workers: int = 1,
    log_level: str = "info",
) -> None:
    """Serve until SIGTERM/SIGINT (gunicorn stops workers gracefully)."""
    options = {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": workers,
        # An event loop in each worker reads requests, so slow or silent clients hold no thread (bot.server.worker).
        "worker_class": Worker,
        "timeout": 30,
        "graceful_timeout": 10,
        # uvicorn's keep-alive: an idle connection is closed after this many seconds.
        "keepalive": 5,
        "preload_app": False,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": log_level.lower(),
        "proc_name": "tradebot",
        # gunicorn's control socket is a fixed path in $HOME: two bots on one host would fight over it.
        "control_socket_disable": True,
    }
    Server(factory, options).run()
