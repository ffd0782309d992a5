"""Latency of the Slack app over HTTP: signed request -> ack (HTTP response), and -> reply at the fake Web API.

Starts the real ``tradebot run --http`` on 127.0.0.1 against the fake Slack Web API (as the tests do), sends
mentions and ``/trade`` commands, and prints p50/p99/max per kind. Run by hand from the repository root:

    /tmp/venv/bin/python bench/slack_latency.py [--requests 200] [--concurrency 1]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fakes import payloads as p
from tests.fakes.bot_process import BotProcess, bot_env, free_port
from tests.fakes.slack_api import RESPONSE_URL_METHOD, FakeSlackApi

QUESTIONS = ["how fast did exports to ASEAN grow?", "asean", "trade with the EU", "key", "lithium batteries", "bitcoin"]


def one_mention(api: FakeSlackApi, url: str, i: int) -> tuple[float, float]:
    event = p.app_mention(QUESTIONS[i % len(QUESTIONS)])
    request = p.event_callback(event)
    started = time.monotonic()
    response = p.send(url, request)
    assert response.status == 200, response
    (post,) = api.wait_for("chat.postMessage", where=lambda c: c.params.get("thread_ts") == event["ts"], timeout=30)
    return response.seconds, post.at - started


def one_command(api: FakeSlackApi, url: str, i: int) -> tuple[float, float]:
    name = f"bench-{i}"
    request = p.slash_command(QUESTIONS[i % len(QUESTIONS)], response_url=api.response_url(name))
    started = time.monotonic()
    response = p.send(url, request)
    assert response.status == 200, response
    (hook,) = api.wait_for(RESPONSE_URL_METHOD, where=lambda c: c.path.endswith("/" + name), timeout=30)
    return response.seconds, hook.at - started


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="requests per kind")
    parser.add_argument("--concurrency", type=int, default=1, help="requests in flight at once")
    args = parser.parse_args()

    with FakeSlackApi() as api:
        port = free_port()
        bot = BotProcess(
            ["--http", "--host", "127.0.0.1", "--port", str(port)], bot_env(api.url), Path(tempfile.mkdtemp())
        )
        with bot:
            base = f"http://127.0.0.1:{port}"
            bot.wait_http_ready(base)
            url = base + "/slack/events"
            for send in (one_mention, one_command):  # warm-up: first requests import and build lazily
                send(api, url, 0)
            rows = []
            for kind, send in (("app_mention", one_mention), ("/trade", one_command)):
                with ThreadPoolExecutor(args.concurrency) as pool:
                    results = list(pool.map(lambda i, s=send: s(api, url, i), range(1, args.requests + 1)))
                acks = [a * 1000 for a, _ in results]
                replies = [r * 1000 for _, r in results]
                rows.append((kind, "ack", acks))
                rows.append((kind, "reply", replies))
    print(f"{args.requests} requests per kind, concurrency {args.concurrency}, times in ms")
    print(f"{'request':<12} {'until':<6} {'p50':>8} {'p99':>8} {'max':>8} {'mean':>8}")
    for kind, until, values in rows:
        print(
            f"{kind:<12} {until:<6} {percentile(values, 0.5):8.1f} {percentile(values, 0.99):8.1f} "
            f"{max(values):8.1f} {statistics.fmean(values):8.1f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
