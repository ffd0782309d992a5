"""Slack's side of Socket Mode on 127.0.0.1: a WebSocket server that says hello, sends envelopes and records
what the bot sends back. Hand its ``url`` out through the fake Web API (``FakeSlackApi.socket_url``)."""

from __future__ import annotations

import json
import queue
import threading
from typing import Any

from websockets.sync.server import Server, ServerConnection, serve


class SlackSocket:
    """Serves ``sessions[i]`` (a list of envelopes) on the i-th connection; ``None`` hangs up after hello, as
    Slack does when it drops a connection. Connections past the list get the last session again."""

    def __init__(self, *sessions: list[dict[str, Any]] | None):
        self.sessions = list(sessions) or [[]]
        self.received: queue.Queue[dict[str, Any]] = queue.Queue()
        self.connections = 0
        self.done = threading.Event()
        self._lock = threading.Lock()
        self.server: Server = serve(self.handle, "127.0.0.1", 0)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.socket.getsockname()[:2]
        return f"ws://{host}:{port}/link/?ticket=fake"

    def handle(self, connection: ServerConnection) -> None:
        with self._lock:
            session = self.sessions[min(self.connections, len(self.sessions) - 1)]
            self.connections += 1
        connection.send(json.dumps({"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A1"}}))
        if session is None:
            connection.close()
            return
        for envelope in session:
            connection.send(json.dumps(envelope))
        while not self.done.is_set():
            try:
                message = connection.recv(timeout=0.2)
            except TimeoutError:
                continue
            except Exception:  # the bot hung up
                return
            self.received.put(json.loads(message))

    def __enter__(self) -> SlackSocket:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.done.set()
        self.server.shutdown()
        self.thread.join(timeout=5)
