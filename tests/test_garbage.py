"""The start-up objects are frozen out of the garbage collector, and start-up garbage is collected first."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from bot.garbage import freeze_startup_objects


class Node:
    """An object that can be part of a reference cycle and be watched with a weak reference."""

    def __init__(self) -> None:
        self.other: Node | None = None


def cycle() -> tuple[Node, weakref.ref[Node]]:
    a, b = Node(), Node()
    a.other, b.other = b, a
    return a, weakref.ref(a)


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()  # the rest of the test session runs with a normal collector


def test_garbage_from_start_up_is_collected_and_what_is_alive_is_frozen(unfrozen: None) -> None:
    dropped, dropped_ref = cycle()
    kept, kept_ref = cycle()
    del dropped

    frozen = freeze_startup_objects()

    assert dropped_ref() is None, "a cycle that was already garbage is collected, not frozen for good"
    # Other threads of the test session may free a frozen object meanwhile: the count can only have gone down.
    assert 0 < gc.get_freeze_count() <= frozen
    del kept
    gc.collect()
    assert kept_ref() is not None, "a frozen cycle is out of the collector's reach"
