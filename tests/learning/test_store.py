"""The learning tables on SQLite and PostgreSQL: one vote per user per answer, reasons, the question log, the
shared salt, and the additive migration from a database made before them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import inspect, select

from bot.answer.engine import Engine
from bot.learning.hashing import salt_of
from bot.learning.service import Learning
from bot.store import Store, open_store
from bot.store.engine import make_engine
from bot.store.migrations import MIGRATIONS, migrate
from bot.store.models import NewQuestion
from bot.store.tables import schema_version
from tests.learning.conftest import START
from tests.schedule.conftest import FakeClock


def test_one_vote_per_user_per_answer_and_a_second_press_changes_it(
    learning: Learning, session_engine: Engine, store: Store
) -> None:
    ticket = learning.ticket(session_engine.ask("trade with asean"))
    down, up = ticket.value(-1), ticket.value(1)
    first = learning.vote(down, "U0001")
    assert first is not None and first[1] is None
    assert learning.give_reason(ticket.answer_id, "U0001", "wrong_speaker")
    again = learning.vote(down, "U0001")  # the same press again keeps the reason
    assert again is not None and again[1] is not None and again[1].vote == -1
    hashed = learning.hash_user("U0001")
    assert store.feedback.get(ticket.answer_id, hashed).reason == "wrong_speaker"
    changed = learning.vote(up, "U0001")
    assert changed is not None and changed[1].vote == -1
    vote = store.feedback.get(ticket.answer_id, hashed)
    assert (vote.vote, vote.reason, vote.indicator, vote.outcome) == (1, None, ticket.indicator, "answered")
    assert not learning.give_reason(ticket.answer_id, "U0001", "missing")  # only a down-vote has a reason
    learning.vote(down, "U0002")
    assert sorted(v.vote for v in store.feedback.since(START)) == [-1, 1]
    assert (
        learning.vote("not json", "U0001") is None
        and learning.vote('{"v": 3, "a": "x", "o": "answered"}', "U1") is None
    )


def test_questions_are_written_after_the_reply_cut_to_their_columns(
    learning: Learning, session_engine: Engine, store: Store
) -> None:
    reply = session_engine.ask("trade with india")
    learning.record(reply, text="trade with india " + "x" * 900, surface="mention", user_id="U0001", ticket=None)
    answered = session_engine.ask("trade with asean")
    learning.record(answered, text="trade with asean", surface="dm", user_id="U0002", ticket=learning.ticket(answered))
    assert learning.recorder is not None and learning.recorder.flush()
    declined, asked = store.questions.since(START)
    assert declined.outcome == "declined" and declined.not_found == "India" and len(declined.text) == 500
    assert declined.user_hash == learning.hash_user("U0001") and "U0001" not in declined.model_dump_json()
    assert asked.outcome == "answered" and asked.indicator == "scio-2026-01-14/asean-trade-2025" and asked.answer_id
    assert asked.score is not None and asked.reading


def test_recording_turned_off_writes_nothing(knowledge, session_engine: Engine, store: Store, clock: FakeClock) -> None:
    off = Learning(knowledge, store, enabled=False, salt="s", keep=dt.timedelta(days=30), clock=clock)
    off.record(session_engine.ask("exports"), text="exports", surface="dm", user_id="U1", ticket=None)
    assert off.recorder is not None and off.recorder.flush()
    assert store.questions.since(START) == []


def test_an_unset_salt_is_made_once_and_shared_by_every_process(database_url: str) -> None:
    first, second = open_store(database_url), open_store(database_url)
    try:
        made = salt_of(None, first)
        assert len(made) == 32 and salt_of(None, second) == made
        assert salt_of("configured", second) == "configured"
    finally:
        first.close()
        second.close()


def test_the_learning_tables_are_added_to_an_older_database_keeping_its_rows(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        migrate(engine, MIGRATIONS[:3])  # a database from before this feature
        assert "questions" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()
    store = open_store(database_url)
    try:
        with store.engine.connect() as conn:
            assert max(conn.scalars(select(schema_version.c.version))) == MIGRATIONS[-1].version
        assert {"questions", "feedback", "admin_reports", "bot_state"} <= set(inspect(store.engine).get_table_names())
        question = NewQuestion(asked_at=START, surface="slash", text="q", outcome="declined")
        store.questions.add([question])
        assert [q.text for q in store.questions.since(START)] == ["q"]
    finally:
        store.close()
