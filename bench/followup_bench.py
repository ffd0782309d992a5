"""What reading a message as a follow-up adds to a reply, on SQLite: run by hand from the repository root.

    .venv/bin/python bench/followup_bench.py [--rounds 300]

For each round, a thread's first question and a follow-up ("and imports?") are answered twice: once alone
(``Engine.ask``, the answer cache off) and once as a conversation kept in an SQLite store (recall the thread's last
turn, ``Engine.converse``, remember the new turn). Prints p50/p99 of each, of the difference, and of the lookup
(reading the thread's last turn back) and the save (a committed write) on their own.
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
from bot.conversations.memory import ConversationKey, Memory, Windows
from bot.kb.loader import load_knowledge
from bot.store import open_store

PAIRS = [
    ("trade with Latin America?", "and imports?"),
    ("how fast did exports grow in 2025?", "and in December?"),
    ("trade with ASEAN", "what about the EU?"),
    ("imports from Africa", "growth?"),
    ("how much was trade with the EU?", "who said that?"),
]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=300)
    args = parser.parse_args()
    engine = Engine(load_knowledge(), cache_size=0)
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(f"sqlite:///{folder}/bench.sqlite3")
        memory = Memory(store.conversations, Windows(), lambda: dt.datetime.now(dt.UTC))
        alone: list[float] = []
        kept: list[float] = []
        lookups: list[float] = []
        saves: list[float] = []
        for i in range(args.rounds):
            first, follow = PAIRS[i % len(PAIRS)]
            key = ConversationKey("T1", "C1", f"{i}.0001")
            start = time.perf_counter()
            engine.ask(first)
            engine.ask(follow)
            alone.append((time.perf_counter() - start) * 1000 / 2)
            start = time.perf_counter()
            for text in (first, follow):
                looked = time.perf_counter()
                last = memory.recall(key)
                lookups.append((time.perf_counter() - looked) * 1000)
                _, turn = engine.converse(text, last)
                if turn is not None and turn is not last:
                    saved = time.perf_counter()
                    memory.remember(key, turn)
                    saves.append((time.perf_counter() - saved) * 1000)
            kept.append((time.perf_counter() - start) * 1000 / 2)
        store.close()
    added = [k - a for k, a in zip(kept, alone, strict=True)]
    print(f"{'per message (ms)':28} {'p50':>8} {'p99':>8}")
    rows = [("answered alone", alone), ("as a conversation (SQLite)", kept), ("added", added)]
    rows += [("  of which the lookup", lookups), ("  of which the save", saves)]
    for name, values in rows:
        print(f"{name:28} {statistics.median(values):8.3f} {percentile(values, 0.99):8.3f}")


if __name__ == "__main__":
    main()
