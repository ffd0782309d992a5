"""The bot's ASGI app (``bot.server.asgi``) on uvicorn in a thread of the test process, at 127.0.0.1 on a free port.

For tests that need their own Bolt app (a fake clock, an oversized engine): the same app, the same uvicorn protocol
with its request deadline, only without gunicorn's fork. Start-up and shutdown are bounded.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

import uvicorn
from slack_bolt import App

from bot.server.asgi import SLACK_PATH, SlackAsgi
from bot.server.health import HealthCheck
from bot.server.worker import Worker
from tests.fakes import payloads

START_SECONDS = 10


@contextmanager
def serve_in_thread(app: App, checks: Mapping[str, HealthCheck]) -> Iterator[str]:
    """Serve ``app``; yields the URL of its Slack endpoint, and stops the server on exit."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    options = {**Worker.CONFIG_KWARGS, "log_config": None, "access_log": False}
    config = uvicorn.Config(SlackAsgi(app, checks, signing_secret=payloads.SIGNING_SECRET), **options)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="test-asgi", daemon=True)
    thread.start()
    deadline = time.monotonic() + START_SECONDS
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}{SLACK_PATH}"
    finally:
        server.should_exit = True
        thread.join(timeout=START_SECONDS)
        sock.close()
