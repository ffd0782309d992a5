"""gunicorn's worker for tradebot: uvicorn's event loop serving the ASGI app, with the request deadline.

gunicorn keeps what it is good at, in the arbiter: forking N workers, replacing one that dies or hangs, stopping
them gracefully on SIGTERM. Inside each worker, uvicorn (through Kludex's ``uvicorn-worker``, the maintained home
of ``uvicorn.workers``) reads requests on one event loop, so a connection that sends nothing holds no thread: the
gthread worker it replaces read headers in its threads with no timeout, and 8 such connections took it offline.
"""

from __future__ import annotations

import signal
from typing import Any, ClassVar

from uvicorn_worker import UvicornWorker

from bot.server.protocol import MAX_HEADER_BYTES, DeadlineH11Protocol

# Under gunicorn's graceful_timeout (bot.server.gunicorn), so uvicorn ends its own connections before the arbiter
# kills the worker.
SHUTDOWN_SECONDS = 8


class Worker(UvicornWorker):
    """``UvicornWorker`` on plain asyncio and h11 (pure Python, no compiled extras), with no websockets or lifespan
    (the app needs neither)."""

    CONFIG_KWARGS: ClassVar[dict[str, Any]] = {
        "loop": "asyncio",
        "http": DeadlineH11Protocol,
        "ws": "none",
        "lifespan": "off",
        "h11_max_incomplete_event_size": MAX_HEADER_BYTES,
        "timeout_graceful_shutdown": SHUTDOWN_SECONDS,
        "server_header": False,
    }

    def init_signals(self) -> None:
        """uvicorn's worker resets SIGTERM to the default action, and uvicorn, once it has shut down, raises the
        signal it caught again: by default that kills the process on the spot, so the answers still running on the
        answer pool after their ack were lost. gunicorn's own handler exits through ``sys.exit`` instead, and the
        interpreter's exit waits for those threads, within the arbiter's graceful timeout."""
        super().init_signals()
        signal.signal(signal.SIGTERM, self.handle_exit)
