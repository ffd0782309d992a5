"""Slow clients against the running bot: do mentions and /healthz still get through, and how fast?

Starts the real ``tradebot run --http`` on 127.0.0.1 against the fake Slack Web API (as the tests do), measures
mentions with no attack, then holds ``--slow`` connections that send one header line every ``--line-every``
seconds and ``--silent`` ones that send one line and then nothing (each reopened when the bot closes it) for
``--seconds``, sending a signed mention and a ``/healthz`` every half second meanwhile. Prints, per phase: ack
and reply latency (p50, max), /healthz latency, how many missed the 3 s bound, the attack's connections (opened,
closed by the bot, longest held) and the worker's VmRSS. Run by hand from the repository root:

    .venv/bin/python bench/slow_clients_bench.py [--slow 200] [--silent 8] [--seconds 20] [--workers 1]

Run it with another checkout's Python (its ``tradebot`` is used) to compare servers.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fakes import payloads as p
from tests.fakes.bot_process import BotProcess, bot_env, child_pids, free_port, wait_for_workers
from tests.fakes.slack_api import FakeSlackApi
from tests.fakes.slowloris import Slowloris

BOUND = 3.0
QUESTIONS = ("asean", "exports to the us", "trade with africa", "how fast did imports grow?")


@dataclass
class Phase:
    acks: list[float] = field(default_factory=list)
    replies: list[float] = field(default_factory=list)
    health: list[float] = field(default_factory=list)
    missed: int = 0
    sent: int = 0

    def line(self, name: str) -> str:
        def stats(values: list[float]) -> str:
            if not values:
                return "-"
            return f"p50 {statistics.median(values) * 1000:.0f} ms, max {max(values) * 1000:.0f} ms"

        return (
            f"{name}: {self.sent} mentions, {self.missed} missed {BOUND:.0f} s | ack {stats(self.acks)} | "
            f"reply {stats(self.replies)} | /healthz {stats(self.health)}"
        )


def one_round(api: FakeSlackApi, base: str, n: int, phase: Phase) -> None:
    mention = p.app_mention(QUESTIONS[n % len(QUESTIONS)])
    phase.sent += 1
    started = time.monotonic()
    try:
        ack = p.send(base + "/slack/events", p.event_callback(mention), timeout=BOUND)
        assert ack.status == 200
        phase.acks.append(ack.seconds)
        left = max(started + BOUND - time.monotonic(), 0.01)
        api.wait_for("chat.postMessage", timeout=left, where=lambda c: c.params.get("thread_ts") == mention["ts"])
        phase.replies.append(time.monotonic() - started)
    except (OSError, AssertionError):
        phase.missed += 1
    try:
        phase.health.append(p.get(base + "/healthz", timeout=BOUND).seconds)
    except OSError:
        phase.missed += 1


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slow", type=int, default=200)
    parser.add_argument("--silent", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--line-every", type=float, default=11.0)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--quiet-rounds", type=int, default=20, help="mentions measured before the attack")
    args = parser.parse_args()

    with FakeSlackApi() as api, tempfile.TemporaryDirectory() as workdir:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        command = ["--http", "--host", "127.0.0.1", "--port", str(port), "--workers", str(args.workers)]
        with BotProcess(command, bot_env(api.url, LOG_LEVEL="WARNING"), Path(workdir)) as bot:
            bot.wait_http_ready(base)
            wait_for_workers(bot.pid, args.workers)
            workers = child_pids(bot.pid)
            quiet = Phase()
            for n in range(args.quiet_rounds):
                one_round(api, base, n, quiet)
            rss_before = sum(rss_kib(pid) for pid in workers)
            attacked = Phase()
            attack = Slowloris(port, slow=args.slow, silent=args.silent, line_every=args.line_every,
                               max_seconds=args.seconds + 30)  # fmt: skip
            with attack:
                end = time.monotonic() + args.seconds
                n = 0
                while time.monotonic() < end:
                    one_round(api, base, n, attacked)
                    n += 1
                    time.sleep(0.5)
                open_at_end = attack.open_now
            rss_after = sum(rss_kib(pid) for pid in workers)
            stats = attack.stats
    print(quiet.line("no attack"))
    print(attacked.line(f"{args.slow} slow + {args.silent} silent for {args.seconds:.0f} s"))
    print(
        f"attack: {stats.opened} connections opened, {stats.closed_by_server} closed by the bot, longest held "
        f"{stats.longest_held:.1f} s, {open_at_end} open at the end, {stats.lines_sent} header lines sent, "
        f"{stats.open_failures} connects failed"
    )
    print(f"workers' VmRSS: {rss_before // 1024} MiB before the attack, {rss_after // 1024} MiB after")
    return 0 if attacked.missed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
