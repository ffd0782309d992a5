"""Remembering what was drawn for an object, by identity: the engine hands out the same reply for a repeated
question, so its Slack message need not be drawn again."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

Key = TypeVar("Key")
Value = TypeVar("Value")


class IdentityMemo(Generic[Key, Value]):
    """``get(obj, make)``: ``make(obj)`` the first time, the same value while ``obj`` is among the last ``size``.

    Keyed by ``id(obj)`` for objects that cannot be hashed (pydantic models holding lists); each entry keeps its
    object alive, so an id cannot be reused by another object while its entry exists. Thread-safe.
    """

    def __init__(self, size: int):
        self.size = size
        self._entries: OrderedDict[int, tuple[Key, Value]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, obj: Key, make: Callable[[Key], Value]) -> Value:
        with self._lock:
            found = self._entries.get(id(obj))
            if found is not None and found[0] is obj:
                self._entries.move_to_end(id(obj))
                return found[1]
        value = make(obj)  # outside the lock: two threads may both draw a new object, and one result is kept
        with self._lock:
            self._entries[id(obj)] = (obj, value)
            self._entries.move_to_end(id(obj))
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return value
