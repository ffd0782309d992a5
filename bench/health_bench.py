"""What the database's health checking costs, per call, on SQLite (and on PostgreSQL with ``--postgres URL``):

- the SQLite file check run before every transaction (``bot.store.sqlite_file``: a ``stat`` and a 16-byte read),
  against an event claim, the cheapest write a request makes;
- ``/healthz``'s database check, the first call (a write probe) and the cached ones after it.

    python bench/health_bench.py [--postgres postgresql+psycopg://postgres@127.0.0.1:5432/test]

Figures on the development machine (2 cores shared with other work, so they vary by run): SQLite file check
3.4-6.2 µs, claim 207-1019 µs, first health check 1.7-2.8 ms, a cached one 10-15 µs; PostgreSQL (a private
schema on 127.0.0.1) claim 468 µs, first health check 9.5 ms, a cached one 9 µs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.store import Store, open_store
from bot.store.health import DatabaseCheck


def per_call_us(work: object, count: int) -> float:
    started = time.perf_counter()
    for i in range(count):
        work(i)  # type: ignore[operator]
    return (time.perf_counter() - started) / count * 1e6


def measure(store: Store, label: str) -> None:
    if store.file is not None:
        print(f"{label}: file check {per_call_us(lambda _: store.file.check(), 100_000):.1f} µs")  # type: ignore[union-attr]
    print(
        f"{label}: event claim {per_call_us(lambda i: store.claim_event(f'bench-{time.time_ns()}-{i}'), 2000):.0f} µs"
    )
    check = DatabaseCheck(store)
    started = time.perf_counter()
    assert check()["ok"]
    print(f"{label}: first health check {(time.perf_counter() - started) * 1e3:.1f} ms")
    print(f"{label}: cached health check {per_call_us(lambda _: check(), 1000):.0f} µs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--postgres", help="also measure on this PostgreSQL URL (a database or schema of its own: tables are created)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(f"sqlite:///{folder}/bench.sqlite3")
        try:
            measure(store, "sqlite")
        finally:
            store.close()
    if args.postgres:
        store = open_store(args.postgres)
        try:
            measure(store, "postgresql")
        finally:
            store.close()


if __name__ == "__main__":
    main()
