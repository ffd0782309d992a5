"""Writing the question log off the reply's critical path.

A listener hands over what it already holds (the reply, the text, who asked) after the reply is posted; a thread of
this process builds the rows, hashes the user ids and writes them in batches. Handing over is a put on a bounded
queue (about a microsecond, ``bench/learning_bench.py``); when the database is slow or down the queue fills and
later questions are dropped and counted rather than slowing any reply.
"""

from __future__ import annotations

import datetime as dt
import logging
import queue
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from bot.answer.models import Reply
from bot.learning.records import question_of
from bot.learning.tickets import FeedbackTicket
from bot.store.errors import StoreError
from bot.store.models import NewQuestion, Surface

logger = logging.getLogger(__name__)

MAX_PENDING = 10_000
BATCH = 200
# How long the writer gathers after the first question of a batch. Written at once, a busy worker commits once per
# question: on PostgreSQL that cost a tenth of its throughput in the load bench (a transaction and the server's work
# per row, on the same cores). A quarter of a second makes it a few commits a second; a crash loses at most that.
GATHER_SECONDS = 0.25


@dataclass(frozen=True, slots=True)
class Asked:
    """One question as the listener hands it over: nothing is computed on the critical path."""

    reply: Reply
    text: str
    surface: Surface
    user_id: str | None
    ticket: FeedbackTicket | None
    at: dt.datetime


class QuestionRecorder:
    """A bounded queue and the daemon thread that empties it into ``write`` (``Questions.add``).

    Args:
        write: stores a batch of questions.
        hash_user: the salted hash of a user id.
        max_pending: questions waiting at most; more are dropped (and counted in ``dropped``).
        gather_seconds: how long a batch gathers after its first question.
    """

    def __init__(
        self,
        write: Callable[[list[NewQuestion]], None],
        hash_user: Callable[[str], str],
        max_pending: int = MAX_PENDING,
        gather_seconds: float = GATHER_SECONDS,
    ):
        self._write = write
        self._hash_user = hash_user
        self._gather_seconds = gather_seconds
        self._queue: queue.Queue[Asked] = queue.Queue(maxsize=max_pending)
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()
        self.dropped = 0
        self.failed = 0

    def record(self, asked: Asked) -> None:
        """Queue ``asked`` for writing; never blocks."""
        if self._thread is None:
            self._start()
        try:
            self._queue.put_nowait(asked)
        except queue.Full:
            self.dropped += 1

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every question queued so far is written (or given up); False at the deadline."""
        done = self._queue.all_tasks_done
        with done:
            return done.wait_for(lambda: self._queue.unfinished_tasks == 0, timeout)

    def _start(self) -> None:
        # Started on first use, so in a gunicorn worker the thread belongs to the worker, not the arbiter.
        with self._start_lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="tradebot-question-log", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        # SIGTERM and SIGINT must reach the main thread, which waits on them (Socket Mode's stop event): delivered
        # to this thread instead, they would leave the main thread asleep until gunicorn's or the test's SIGKILL.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
        while True:
            batch = [self._queue.get()]
            deadline = time.monotonic() + self._gather_seconds
            while len(batch) < BATCH:
                left = deadline - time.monotonic()
                try:
                    batch.append(self._queue.get(timeout=left) if left > 0 else self._queue.get_nowait())
                except queue.Empty:
                    break
            try:
                self._write([self._row(a) for a in batch])
            except StoreError as error:
                self.failed += len(batch)
                logger.warning("question log: %d question(s) not recorded: %s", len(batch), error)
            except Exception:  # the log must outlive one bad batch
                self.failed += len(batch)
                logger.exception("question log: %d question(s) not recorded", len(batch))
            finally:
                for _ in batch:
                    self._queue.task_done()

    def _row(self, asked: Asked) -> NewQuestion:
        return question_of(
            asked.reply,
            text=asked.text,
            surface=asked.surface,
            asked_at=asked.at,
            user_hash=self._hash_user(asked.user_id) if asked.user_id else None,
            ticket=asked.ticket,
        )
