"""Web API calls with slack_sdk's own connection handling against ``bot.slack.keepalive``'s pool.

Posts ``--calls`` messages (the size of a tradebot answer) to the fake Slack Web API on 127.0.0.1, over HTTP and over
HTTPS (a self-signed certificate, as Slack's real API is HTTPS), with the SDK's ``WebClient`` (a new connection per
call) and with tradebot's ``PooledWebClient``. Reports per call: CPU time of the calling thread (the bot's cost;
the fake's own work is in other threads), wall time, and connections opened. Run by hand from the repository root:

    .venv/bin/python bench/web_api_bench.py [--calls 1000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from slack_sdk import WebClient

from bot.slack.client import PooledWebClient
from bot.slack.keepalive import ConnectionPool
from tests.fakes.slack_api import FakeSlackApi
from tests.fakes.tls import self_signed

TOKEN = "xoxb-0000000001-0000000002-faketokenvalue"
BLOCKS = [{"type": "section", "text": {"type": "mrkdwn", "text": "x" * 600}}] * 4  # about a tradebot answer


def measure(client: WebClient, calls: int) -> tuple[float, float, float]:
    """CPU ms per call (this thread), wall ms p50 and p99."""
    walls = []
    cpu = time.thread_time()
    for n in range(calls):
        began = time.perf_counter()
        client.chat_postMessage(channel="C1", text=f"answer {n}", blocks=BLOCKS)
        walls.append((time.perf_counter() - began) * 1000)
    cpu_ms = (time.thread_time() - cpu) * 1000 / calls
    walls.sort()
    return cpu_ms, statistics.median(walls), walls[int(0.99 * (len(walls) - 1))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=1000)
    args = parser.parse_args()
    print("| transport | client | CPU ms per call | wall p50 ms | wall p99 ms | connections opened |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        certificate = self_signed(Path(folder))
        for tls in (None, certificate):
            with FakeSlackApi(tls=tls) as api:
                context = tls.client_context() if tls else None
                sdk = WebClient(token=TOKEN, base_url=api.url, timeout=10, ssl=context)
                pool = ConnectionPool()
                pooled = PooledWebClient(token=TOKEN, base_url=api.url, timeout=10, ssl=context, pool=pool)
                for name, client in (("slack_sdk WebClient", sdk), ("tradebot PooledWebClient", pooled)):
                    measure(client, 20)  # warm up
                    api.reset()
                    cpu, p50, p99 = measure(client, args.calls)
                    opened = len({call.connection for call in api.calls()})
                    transport = "HTTPS" if tls else "HTTP"
                    print(f"| {transport} | {name} | {cpu:.3f} | {p50:.2f} | {p99:.2f} | {opened} |")
                pool.clear()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
