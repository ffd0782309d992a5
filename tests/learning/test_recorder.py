"""The question log's writer gathers a busy moment's questions into one write, and a lone one still goes out."""

from __future__ import annotations

import datetime as dt
import threading

from bot.answer.engine import Engine
from bot.learning.recorder import Asked, QuestionRecorder
from bot.store.models import NewQuestion


class Writes:
    """``write`` for the recorder: keeps each batch it is given."""

    def __init__(self) -> None:
        self.batches: list[list[NewQuestion]] = []

    def __call__(self, batch: list[NewQuestion]) -> None:
        self.batches.append(batch)


def asked(engine: Engine, text: str) -> Asked:
    return Asked(engine.ask(text), text, "mention", "U1", None, dt.datetime(2026, 3, 2, tzinfo=dt.UTC))


def test_questions_queued_while_a_batch_gathers_are_written_together(session_engine: Engine) -> None:
    writes = Writes()
    recorder = QuestionRecorder(writes, hash_user=lambda user: f"h-{user}", gather_seconds=5.0)
    one = asked(session_engine, "trade with asean")
    for _ in range(40):
        recorder.record(one)
    assert recorder.flush(timeout=10)
    assert [len(b) for b in writes.batches] == [40]
    assert writes.batches[0][0].user_hash == "h-U1" and writes.batches[0][0].text == "trade with asean"


def test_a_full_batch_is_written_without_waiting_out_the_window(session_engine: Engine) -> None:
    writes = Writes()
    recorder = QuestionRecorder(writes, hash_user=str, gather_seconds=60.0)
    one = asked(session_engine, "exports")
    for _ in range(450):
        recorder.record(one)
    done = threading.Event()
    # Two full batches of 200 go out at once; the last 50 wait for the window, which this test does not sit out.
    threading.Thread(target=lambda: (recorder.flush(timeout=30), done.set()), daemon=True).start()
    deadline = dt.datetime.now() + dt.timedelta(seconds=10)
    while len(writes.batches) < 2 and dt.datetime.now() < deadline:
        done.wait(0.01)
    assert [len(b) for b in writes.batches[:2]] == [200, 200] and not done.is_set()


def test_a_lone_question_is_written_when_the_window_closes(session_engine: Engine) -> None:
    writes = Writes()
    recorder = QuestionRecorder(writes, hash_user=str, gather_seconds=0.05)
    recorder.record(asked(session_engine, "imports"))
    assert recorder.flush(timeout=5)
    assert [len(b) for b in writes.batches] == [1]
