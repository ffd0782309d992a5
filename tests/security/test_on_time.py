"""Property 5, on time under load: thirty slow ``/trade`` requests at once are all acknowledged within Slack's
3 seconds, and thirty mentions at once all get a 2xx.

The fake Slack API answers each reply slowly (2 s), so the work behind every request is slow; what is measured
is each request's time to its HTTP response, which Slack requires to be under 3 s. This is the issue's own
correctness requirement, not a speed benchmark (those are in ``bench/``).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from tests.conftest import RunningBot
from tests.fakes import payloads as p
from tests.fakes.slack_api import RESPONSE_URL_METHOD, FakeSlackApi, Reply
from tests.security.conftest import Tally

BURST = 30
SLACK_ACK_SECONDS = 3.0
SLOW = Reply(delay=2.0)


def test_thirty_slow_trade_commands_at_once_are_all_acknowledged_within_3_seconds(
    bot: RunningBot, slack_api: FakeSlackApi, tally: Tally
) -> None:
    slack_api.script(RESPONSE_URL_METHOD, *[SLOW] * BURST)
    requests = [p.slash_command("asean", response_url=slack_api.response_url(f"load-{n}")) for n in range(BURST)]
    with ThreadPoolExecutor(BURST) as pool:
        responses = list(pool.map(lambda r: p.send(bot.events_url, r), requests))
    assert [r.status for r in responses] == [200] * BURST
    slowest = max(r.seconds for r in responses)
    assert slowest < SLACK_ACK_SECONDS, f"slowest acknowledgement took {slowest:.2f}s"
    replies = slack_api.wait_for(RESPONSE_URL_METHOD, count=BURST, timeout=30)
    assert len({c.path for c in replies}) == BURST  # every command answered, each once
    tally.record("30 slow /trade at once (replies delayed 2 s)", sent=BURST, rejected=0, replies=len(replies))


def test_thirty_mentions_at_once_all_get_a_2xx(bot: RunningBot, slack_api: FakeSlackApi, tally: Tally) -> None:
    slack_api.script("chat.postMessage", *[SLOW] * BURST)
    mentions = [p.app_mention("asean") for _ in range(BURST)]
    with ThreadPoolExecutor(BURST) as pool:
        responses = list(pool.map(lambda m: p.send(bot.events_url, p.event_callback(m)), mentions))
    assert all(200 <= r.status < 300 for r in responses), [r.status for r in responses]
    assert max(r.seconds for r in responses) < SLACK_ACK_SECONDS
    posts = slack_api.wait_for("chat.postMessage", count=BURST, timeout=30)
    slack_api.wait_for("reactions.remove", count=BURST, timeout=10)
    assert sorted(c.params["thread_ts"] for c in posts) == sorted(m["ts"] for m in mentions)
    tally.record("30 slow mentions at once (replies delayed 2 s)", sent=BURST, rejected=0, replies=len(posts))
