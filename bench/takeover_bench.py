"""Take-overs after a worker is SIGKILLed: replies lost and duplicated with the look-up on and off, and how long a
backlog of leases takes to be answered. Run by hand, never in CI:

    python bench/takeover_bench.py                 # SQLite, and PostgreSQL when TRADEBOT_TEST_POSTGRES_URL is set
    python bench/takeover_bench.py --kills 10 --backlog 800

Two parts, each against ``tradebot run --http --workers 2`` and a fake Slack API that answers each post after
0.3 s (``tests/security/kills.py``):

1. kills under load: signed mentions at 25 a second while a worker is SIGKILLed ``--kills`` times, the look-up on
   (TAKEOVER_LOOKUP=true, the default) and off; each mention's replies are counted.
2. a backlog: ``--backlog`` mentions at once while Slack is slow (1 s a post), a worker killed holding hundreds of
   leases, Slack fast again; the default lease (20 s) and sweep (5 s). Reported: leases the kill left, and the
   seconds from the kill to the last reply (before issue 18 the sweeper took 50 a sweep: 800 waited 80 s more).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.store import open_store
from tests.databases import POSTGRES_ENV, private_schema, sqlite_url
from tests.fakes import payloads as p
from tests.fakes.bot_process import child_pids, wait_for_workers
from tests.security.kills import WORKERS, KillRun, deliver, run_kills, two_workers


def database(stack: ExitStack, backend: str, folder: Path) -> str:
    if backend == "sqlite":
        return sqlite_url(folder)
    return stack.enter_context(private_schema(os.environ[POSTGRES_ENV]))


def kills_row(backend: str, lookup: bool, kills: int) -> str:
    with tempfile.TemporaryDirectory() as folder, ExitStack() as stack:
        url = database(stack, backend, Path(folder))
        bot = stack.enter_context(two_workers(url, Path(folder) / "bot", lookup=lookup))
        run = run_kills(bot, kills=kills)
    return (
        f"| {backend} | {'on' if lookup else 'off'} | {run.kills} | {run.sent} | {sum(run.replies.values())} | "
        f"{run.lost} | {run.duplicated} | {run.lookups} | {run.takeover_seconds:.1f} |"
    )


def leases_by_owner(url: str) -> dict[int, int]:
    store = open_store(url)
    try:
        owners = [store.events.owner(key) for key in store.events.unfinished()]
    finally:
        store.close()
    counts: dict[int, int] = {}
    for owner in owners:
        if owner:
            pid = int(owner.rsplit(":", 1)[1])
            counts[pid] = counts.get(pid, 0) + 1
    return counts


def backlog_row(backend: str, size: int) -> str:
    with tempfile.TemporaryDirectory() as folder, ExitStack() as stack:
        url = database(stack, backend, Path(folder))
        bot = stack.enter_context(
            two_workers(url, Path(folder) / "bot", EVENT_LEASE_SECONDS="20", LEASE_SWEEP_SECONDS="5")
        )
        bot.api.post_delay = 1.0
        run, lock = KillRun(), threading.Lock()
        mentions = [p.app_mention("asean") for _ in range(size)]
        with ThreadPoolExecutor(32) as pool:
            list(pool.map(lambda m: deliver(bot.events_url, m, "Ev" + uuid.uuid4().hex[:12].upper(), run, lock),
                          mentions))  # fmt: skip
        held = leases_by_owner(url)
        workers = child_pids(bot.master.pid)
        victim = max((pid for pid in held if pid in workers), key=held.get, default=workers[0])
        left = held.get(victim, 0)
        os.kill(victim, signal.SIGKILL)
        killed_at = time.monotonic()
        bot.api.post_delay = 0.0
        wait_for_workers(bot.master.pid, WORKERS, exclude={victim})
        threads = {m["ts"] for m in mentions}
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            answered = {c.params.get("thread_ts") for c in bot.api.calls("chat.postMessage")} & threads
            if len(answered) == len(threads):
                break
            time.sleep(0.5)
        time.sleep(6)  # a lease's sweep more, for duplicates
        posts = [c for c in bot.api.calls("chat.postMessage") if c.params.get("thread_ts") in threads]
        last = max(c.at for c in posts) - killed_at
        lost = len(threads - {c.params.get("thread_ts") for c in posts})
    return f"| {backend} | {size} | {left} | {last:.1f} | {lost} | {len(posts) - (size - lost)} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--backlog", type=int, default=600)
    parser.add_argument("--only", choices=["kills", "backlog"], help="run one part")
    args = parser.parse_args()
    backends = ["sqlite"] + (["postgresql"] if os.environ.get(POSTGRES_ENV) else [])
    if args.only != "backlog":
        kills_table(backends, args.kills)
    if args.only != "kills":
        backlog_table(backends, args.backlog)


def kills_table(backends: list[str], kills: int) -> None:
    columns = ["database", "look-up", "kills", "mentions", "replies", "lost", "duplicated", "look-ups"]
    print("| " + " | ".join([*columns, "last reply after last kill s"]) + " |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for backend in backends:
        for lookup in (True, False):
            print(kills_row(backend, lookup, kills), flush=True)


def backlog_table(backends: list[str], size: int) -> None:
    print("\n| database | mentions at once | leases the kill left | last reply after the kill s | lost | duplicated |")
    print("|---|---:|---:|---:|---:|---:|")
    for backend in backends:
        print(backlog_row(backend, size), flush=True)


if __name__ == "__main__":
    main()
