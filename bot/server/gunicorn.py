"""gunicorn embedded: a production server with gthread workers, the WSGI app built in each worker.

gunicorn's arbiter forks workers; ``load`` runs in each worker after the fork (``preload_app`` stays off), so
every worker makes its own Bolt app, WebClient and thread pool, and none is shared across a fork.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gunicorn.app.base import BaseApplication

from bot.server.wsgi import WsgiApp


class Server(BaseApplication):
    """gunicorn with options from code rather than its command line."""

    def __init__(self, factory: Callable[[], WsgiApp], options: dict[str, Any]):
        self.factory = factory
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        """Apply ``options`` (gunicorn setting names)."""
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> WsgiApp:
        """Build the WSGI app; called once in each worker process."""
        return self.factory()


def serve(
    factory: Callable[[], WsgiApp],
    *,
    host: str,
    port: int,
    workers: int = 1,
    threads: int = 8,
    log_level: str = "info",
) -> None:
    """Serve until SIGTERM/SIGINT (gunicorn stops workers gracefully)."""
    options = {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": workers,
        # Threads in each worker: one slow client cannot hold the worker, and ack latency stays low.
        "worker_class": "gthread",
        "threads": threads,
        "timeout": 30,
        "graceful_timeout": 10,
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
