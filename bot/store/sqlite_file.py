"""The SQLite file this process opened, checked before every transaction: still there, still the same file, still a
database.

A database file deleted while the bot runs is not gone for the bot: its open connections keep reading and writing
the deleted inode, and everything written then (a new subscription) vanishes at the next restart. A new connection
opened after the delete, or after the file was replaced (``mv backup.sqlite3 tradebot.sqlite3``), opens another
file, beside the old one's ``-wal`` and ``-shm``: SQLite's locks are per process, so it believes itself alone,
truncates the shared-memory file under the other connections' mapping, and the process dies of SIGBUS. A file
overwritten in place keeps serving the pages SQLite cached. So before a transaction takes a connection, the path's
device and inode are compared with those of the file opened, and its first bytes with SQLite's header; when they
differ every transaction is refused as an outage (``StoreError``, and events get 503) until the file is back, and
it is said once in the log. The checks are a ``stat`` and a 16-byte ``pread``: 3.6 µs measured, against about
200 µs for the cheapest write (an event claim on SQLite).

Whether the file is still writable (permissions changed) is checked only for the health report: the connections
open now can still write, but the next one the pool opens could not.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

from bot.store.errors import StoreError

logger = logging.getLogger(__name__)

HEADER = b"SQLite format 3\x00"


class SqliteFile:
    """The database file at ``path`` as opened now; ``check()`` before each transaction, ``close()`` at the end.

    It keeps a read-only descriptor of the file, for its identity and header. Closing a descriptor of an SQLite
    file drops every POSIX lock the process holds on it, SQLite's too, so this one is opened once and closed only
    after the engine's connections (``Store.close``).
    """

    def __init__(self, path: Path):
        self.path = path.resolve()
        self._fd = os.open(self.path, os.O_RDONLY | os.O_CLOEXEC)
        opened = os.fstat(self._fd)
        self._identity = (opened.st_dev, opened.st_ino)
        self._problem: str | None = None
        self._lock = threading.Lock()

    def problem(self) -> str | None:
        """What is wrong with the file at the path now, or None when it is the one opened and a database."""
        try:
            now = os.stat(self.path)
        except FileNotFoundError:
            return "was deleted while the bot was running"
        except OSError as exc:
            return f"cannot be checked ({exc.strerror})"
        if (now.st_dev, now.st_ino) != self._identity:
            return "was replaced by another file while the bot was running"
        try:
            header = os.pread(self._fd, len(HEADER), 0)
        except OSError as exc:
            return f"cannot be read ({exc.strerror})"
        if header != HEADER:
            return "is no longer an SQLite database (overwritten or corrupt)"
        return None

    def check(self) -> None:
        """Raise StoreError when the file is not the one opened, or not a database any more.

        Raises:
            StoreError: what is wrong and what to do; logged once when it starts, and again when it ends.
        """
        problem = self.problem()
        if problem != self._problem:
            self._changed(problem)
        if problem is not None:
            raise StoreError(self._message(problem))

    def writable(self) -> bool:
        """Whether this process may write the file and its folder (where SQLite keeps ``-wal`` and ``-shm``)."""
        return os.access(self.path, os.W_OK) and os.access(self.path.parent, os.W_OK)

    def close(self) -> None:
        """Close the descriptor (after every connection to the file is closed)."""
        with self._lock:
            if self._fd >= 0:
                os.close(self._fd)
                self._fd = -1

    def _changed(self, problem: str | None) -> None:
        with self._lock:
            if problem == self._problem:  # another thread said it first
                return
            self._problem = problem
        if problem is None:
            logger.warning("the SQLite database %s is back as it was opened; using it again", self.path)
        else:
            logger.error("%s; refusing to use it until then", self._message(problem))

    def _message(self, problem: str) -> str:
        return (
            f"the SQLite database {self.path} {problem}: restore it, or restart tradebot to open the file now at "
            "that path"
        )
