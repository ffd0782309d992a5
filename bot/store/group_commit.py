"""Group commit: many threads' small writes of one kind, written together in one batch.

Every answered question writes twice (its claim before the ack, its completion after the reply). Under load many
threads do so at once, and a statement and commit each cost more CPU and round trips than the rows themselves. Here the
first thread to arrive writes its own row at once; rows arriving while it writes wait, and the next of them
writes them all in one go. An idle bot writes exactly as before, and a busy one writes a batch per round trip.
Every caller still returns only after its own row is committed, so nothing is acknowledged or marked done early.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

MAX_BATCH = 200  # rows in one statement; a bound on its size, far above what eight-odd threads queue up


class _Waiter(Generic[Item, Result]):
    __slots__ = ("error", "finished", "item", "result", "signal")

    def __init__(self, item: Item):
        self.item = item
        # Released when the result is in, or when this caller is to write the next batch. A bare lock, taken at
        # once: the cheapest one-shot signal between threads (an Event costs several times more per request).
        self.signal = threading.Lock()
        self.signal.acquire()
        self.finished = False
        self.result: Result | None = None
        self.error: BaseException | None = None


class GroupCommit(Generic[Item, Result]):
    """``submit(item)`` from any thread: runs ``write(batch)`` on a batch holding ``item``; returns its result.

    ``write`` gets the queued items in arrival order and returns one result per item, in the same order; an
    exception it raises is raised in every caller of that batch. The writer is a caller: the first to find nothing
    being written writes its own item, and each writer hands the next batch to the first caller still waiting. So
    no caller writes more than its own batch, and there is no thread to start after gunicorn's fork or to stop.
    """

    def __init__(self, write: Callable[[list[Item]], Sequence[Result]], max_batch: int = MAX_BATCH):
        self._write = write
        self._max_batch = max_batch
        self._lock = threading.Lock()
        self._queue: list[_Waiter[Item, Result]] = []  # empty whenever nothing is being written
        self._writing = False

    def submit(self, item: Item) -> Result:
        waiter: _Waiter[Item, Result] = _Waiter(item)
        with self._lock:
            self._queue.append(waiter)
            lead = not self._writing
            self._writing = True
        if lead:
            self._write_next_batch()  # it starts with this caller's item
        while not waiter.finished:
            waiter.signal.acquire()
            if not waiter.finished:  # handed the next batch, which starts with this caller's item
                self._write_next_batch()
        if waiter.error is not None:
            raise _own_copy(waiter.error)
        return waiter.result  # type: ignore[return-value] - set before finished

    def _write_next_batch(self) -> None:
        with self._lock:
            batch, self._queue = self._queue[: self._max_batch], self._queue[self._max_batch :]
        try:
            results = list(self._write([w.item for w in batch]))
            if len(results) != len(batch):
                raise RuntimeError(f"a batch write returned {len(results)} results for {len(batch)} items")
        except BaseException as error:  # handed to every caller of the batch, raised there
            for waiter in batch:
                waiter.error = error
        else:
            for waiter, result in zip(batch, results, strict=True):
                waiter.result = result
        with self._lock:
            for waiter in batch:
                waiter.finished = True
                waiter.signal.release()
            if self._queue:
                self._queue[0].signal.release()  # the next writer
            else:
                self._writing = False


def _own_copy(error: BaseException) -> BaseException:
    """A copy of a batch's error for one of its callers: raising the one object in several threads at once would
    mix their tracebacks. The copy keeps the cause (a StoreError's database error)."""
    try:
        twin = copy.copy(error)
    except Exception:  # an exception type that cannot be rebuilt from its args
        return error
    twin.__cause__ = error.__cause__ or error.__context__
    return twin
