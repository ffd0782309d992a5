"""Socket Mode that reconnects with exponential backoff when its connection drops after start-up.

slack_sdk's built-in client reconnects on its own, but retries at its fixed monitor interval forever, and the
first failed attempt raises inside the closing connection's thread. Here one reconnect loop at a time waits
1, 2, 4 … up to 60 seconds (with jitter, so many bots do not retry in step) between attempts, logs one line per
failure, and stops when the client is closed. The first connection is not retried: a wrong app token at
start-up is reported and the process exits (``bot.slack.socket_mode``).
"""

from __future__ import annotations

import logging
import random
import threading

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_sdk.socket_mode.builtin import SocketModeClient

logger = logging.getLogger(__name__)

FIRST_DELAY = 1.0
MAX_DELAY = 60.0


def backoff_delay(failures: int, rng: random.Random | None = None) -> float:
    """Seconds to wait after ``failures`` failed attempts in a row: doubling from 1 s up to 60 s, ±20%."""
    base = min(MAX_DELAY, FIRST_DELAY * 2 ** max(0, failures - 1))
    return base * (rng or random).uniform(0.8, 1.2)


class BackoffSocketModeClient(SocketModeClient):
    """slack_sdk's built-in client whose reconnection backs off (see the module docstring)."""

    def __init__(self, *args, **kwargs):  # slack_sdk's own signature
        self._stopping = threading.Event()
        self._reconnecting = threading.Lock()
        super().__init__(*args, **kwargs)

    def connect_to_new_endpoint(self, force: bool = False) -> None:
        if not self._reconnecting.acquire(blocking=False):
            return  # another thread (the monitor, or a closing connection) is already reconnecting
        try:
            failures = 0
            while not self.closed and not self._stopping.is_set():
                try:
                    super().connect_to_new_endpoint(force=force)
                except Exception as error:  # any failure is retried; the log says which
                    failures += 1
                    delay = backoff_delay(failures)
                    logger.warning(
                        "Socket Mode: reconnecting failed (%s: %s); trying again in %.1f s",
                        type(error).__name__,
                        error,
                        delay,
                    )
                    self._stopping.wait(delay)
                    continue
                if self.is_connected():
                    if failures:
                        logger.info("Socket Mode: reconnected after %d failed attempt(s)", failures)
                    return
                self._stopping.wait(backoff_delay(failures + 1))
        finally:
            self._reconnecting.release()

    def close(self) -> None:
        self._stopping.set()
        super().close()


class BackoffSocketModeHandler(SocketModeHandler):
    """Bolt's Socket Mode handler on a ``BackoffSocketModeClient``."""

    def __init__(self, app: App, app_token: str):  # Bolt's handler, with our client
        self.app = app
        self.app_token = app_token
        self.client = BackoffSocketModeClient(
            app_token=app_token, logger=app.logger, web_client=app.client, proxy=app.client.proxy
        )
        self.client.socket_mode_request_listeners.append(self.handle)
