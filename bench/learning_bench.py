"""What learning from use adds to a reply's critical path, on SQLite (or DATABASE_URL): run by hand from the
repository root.

    .venv/bin/python bench/learning_bench.py [--rounds 5000] [--database-url URL]

The critical path of a reply is what runs between reading the question and posting the answer, then the listener's
return. Learning adds two things to it: the feedback controls (a ticket with a fresh answer id, its two button values,
one more block) before posting, and handing the question to the log after posting (``Learning.record``: a put on a
queue; the row, the user hash and the write happen on the log's own thread). Each is timed here on its own, per
reply, over the examples' questions (the engine's answers made first, so its time is not counted), with the log's
thread writing to the database meanwhile as it does in the bot. Then the time the log's thread takes to write them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.answer.engine import Engine
from bot.kb.loader import load_knowledge
from bot.learning.service import Learning
from bot.render.blocks import reply_message
from bot.render.feedback import with_feedback
from bot.store import open_store, utcnow

ROOT = Path(__file__).resolve().parents[1]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def micro(values: list[float]) -> str:
    return (
        f"p50 {statistics.median(values) * 1e6:7.1f} µs   p99 {percentile(values, 0.99) * 1e6:7.1f} µs   "
        f"max {max(values) * 1e6:8.1f} µs"
    )


def run(learning: Learning, replies: list, rounds: int) -> tuple[list[float], list[float], float]:
    """Time the two steps over ``rounds`` replies; return each one's times and the whole loop's."""
    controls: list[float] = []
    recording: list[float] = []
    started = time.perf_counter()
    for i in range(rounds):
        text, reply = replies[i % len(replies)]
        drawn = reply_message(reply)  # cached by the renderer in the bot too; drawn before the clock starts
        t0 = time.perf_counter()
        ticket = learning.ticket(reply)
        with_feedback(drawn, ticket)
        t1 = time.perf_counter()
        learning.record(reply, text=text, surface="mention", user_id=f"U{i % 50:08d}", ticket=ticket)
        t2 = time.perf_counter()
        controls.append(t1 - t0)
        recording.append(t2 - t1)
        if i % 10 == 9:
            time.sleep(
                0.001
            )  # a burst of ten, then a pause: the log's thread runs between bursts, as between questions
    return controls, recording, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5000)
    parser.add_argument("--database-url", default=None, help="default: a new SQLite file in a temporary folder")
    args = parser.parse_args()

    kb = load_knowledge()
    engine = Engine(kb)
    questions = [q for q in (ROOT / "examples" / "questions.txt").read_text().splitlines() if q.strip()]
    replies = [(q, engine.ask(q)) for q in questions]
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        store = open_store(url)
        print(f"{args.rounds} replies over {len(replies)} example questions, database {store.backend}")
        for enabled in (False, True):
            learning = Learning(kb, store, enabled=enabled, salt="bench", keep=dt.timedelta(days=30), clock=utcnow)
            controls, recording, handed = run(learning, replies, args.rounds)
            assert learning.recorder is not None
            started = time.perf_counter()
            learning.recorder.flush(timeout=300)
            drained = time.perf_counter() - started
            print(f"\nquestion log {'on' if enabled else 'off (the feedback controls alone)'}:")
            print(f"  feedback controls (ticket, values, block): {micro(controls)}")
            print(f"  recording the question (Learning.record):  {micro(recording)}")
            both = [a + b for a, b in zip(controls, recording, strict=True)]
            print(f"  both, added to the critical path:          {micro(both)}")
            if enabled:
                written = len(store.questions.since(utcnow() - dt.timedelta(hours=1)))
                print(f"  handed over in {handed:.2f} s; all {written} rows written {drained:.2f} s after the last")
                print(f"  dropped (queue full): {learning.recorder.dropped}; failed writes: {learning.recorder.failed}")
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
