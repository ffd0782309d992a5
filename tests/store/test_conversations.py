"""The conversations table and the memory on it, on SQLite and PostgreSQL: kept, replaced, expired, purged."""

from __future__ import annotations

import datetime as dt

from bot.answer.engine import Engine
from bot.answer.followup import Turn
from bot.conversations.memory import ConversationKey, Memory, Windows
from bot.store import Store, open_store

NOW = dt.datetime(2026, 1, 20, 9, 0, tzinfo=dt.UTC)
THREAD = ConversationKey("T1", "C1", "1700000000.000100")
DM = ConversationKey("T1", "D1", None)


def test_a_turn_is_kept_per_conversation_and_replaced(store: Store, session_engine: Engine) -> None:
    memory = Memory(store.conversations, Windows(), lambda: NOW)
    reply, turn = session_engine.converse("trade with Latin America?", None)
    memory.remember(THREAD, turn)
    assert memory.recall(THREAD) == turn
    assert memory.recall(ConversationKey("T1", "C1", "1700000000.000200")) is None  # another thread
    assert memory.recall(ConversationKey("T2", "C1", THREAD.thread)) is None  # another workspace
    _, later = session_engine.converse("and imports?", turn)
    memory.remember(THREAD, later)
    recalled = memory.recall(THREAD)
    assert recalled is not None and recalled.reading.summary() == "imports · Latin America"
    assert recalled.answers == ("scio-2026-01-14/imports-from-latin-america-growth",) != (reply.answers[0].id,)


def test_a_thread_and_a_dm_expire_after_their_own_windows(database_url: str, session_engine: Engine) -> None:
    clock = [NOW]
    store = open_store(database_url, clock=lambda: clock[0])
    try:
        memory = Memory(
            store.conversations, Windows(dt.timedelta(hours=24), dt.timedelta(minutes=30)), lambda: clock[0]
        )
        _, turn = session_engine.converse("trade with ASEAN", None)
        memory.remember(THREAD, turn)
        memory.remember(DM, turn)
        clock[0] = NOW + dt.timedelta(minutes=31)
        assert memory.recall(DM) is None and memory.recall(THREAD) == turn
        clock[0] = NOW + dt.timedelta(hours=25)
        assert memory.recall(THREAD) is None
    finally:
        store.close()


def test_old_conversations_are_purged(database_url: str, session_engine: Engine) -> None:
    clock = [NOW]
    store = open_store(database_url, clock=lambda: clock[0])
    try:
        _, turn = session_engine.converse("trade with ASEAN", None)
        store.conversations.save(str(THREAD), turn.model_dump_json())
        clock[0] = NOW + store.conversations.keep + dt.timedelta(seconds=1)
        store.conversations.save(str(DM), turn.model_dump_json())  # fresh, kept
        assert store.conversations.purge() == 1
        assert store.conversations.get(str(THREAD)) is None and store.conversations.get(str(DM)) is not None
    finally:
        store.close()


def test_a_turn_another_version_wrote_is_ignored(store: Store) -> None:
    store.conversations.save(str(THREAD), '{"reading": {"text": 3}}')
    assert Memory(store.conversations, Windows(), lambda: NOW).recall(THREAD) is None
    assert Turn.model_fields.keys() == {"reading", "answers"}
