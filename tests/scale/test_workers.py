"""Two worker processes sharing PostgreSQL: every question answered exactly once, every scheduled slot posted once,
and a question whose worker is killed after the ack and before the reply answered by another worker."""

from __future__ import annotations

import os
import signal
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.store import open_store
from tests.fakes import payloads as p
from tests.fakes.bot_process import child_pids, wait_for_workers
from tests.fakes.slack_api import RESPONSE_URL_METHOD, Reply
from tests.scale.conftest import DIGEST_CHANNEL, WORKERS, Workers
from tests.security.conftest import dump


def new_event_id() -> str:
    return "Ev" + uuid.uuid4().hex[:12].upper()


def delivery(event: dict, event_id: str, attempt: int) -> p.SignedRequest:
    """Delivery ``attempt`` (0 = the first) of an event, with Slack's retry headers on redeliveries."""
    request = p.event_callback(event, event_id=event_id)
    if attempt:
        request.headers.update({"X-Slack-Retry-Num": str(attempt), "X-Slack-Retry-Reason": "http_timeout"})
    return request


def test_the_digest_due_now_is_posted_once_by_two_workers(workers: Workers) -> None:
    def digests(call) -> bool:  # a Call
        return call.params.get("channel") == DIGEST_CHANNEL

    workers.api.wait_for("chat.postMessage", where=digests, timeout=20)
    # Both schedulers tick every half second: a second post of the slot would come within a few ticks.
    with pytest.raises(AssertionError):
        workers.api.wait_for("chat.postMessage", count=2, where=digests, timeout=3)


def test_a_burst_with_retries_gets_one_reply_per_question(workers: Workers) -> None:
    mentions = [(p.app_mention(q), new_event_id()) for q in ["asean", "exports to the EU", "key figures"] * 7]
    jobs = [delivery(event, event_id, n) for i, (event, event_id) in enumerate(mentions) for n in range(1 + i % 3)]
    hooks = [f"scale-{uuid.uuid4().hex[:8]}" for _ in range(6)]
    jobs += [p.slash_command("asean", response_url=workers.api.response_url(h)) for h in hooks]
    with ThreadPoolExecutor(16) as pool:
        statuses = list(pool.map(lambda r: p.send(workers.events_url, r).status, jobs))
    assert statuses == [200] * len(jobs)

    threads = {event["ts"] for event, _ in mentions}
    posts = workers.api.wait_for("chat.postMessage", len(threads), 30, lambda c: c.params.get("thread_ts") in threads)
    answers = workers.api.wait_for(RESPONSE_URL_METHOD, len(hooks), 30, lambda c: c.path.rsplit("/", 1)[1] in hooks)
    # Time for a duplicate to arrive: longer than a lease (3 s), so a wrongly taken-over question would show too.
    with pytest.raises(AssertionError):
        workers.api.wait_for("chat.postMessage", len(threads) + 1, 4, lambda c: c.params.get("thread_ts") in threads)
    posts = [c for c in workers.api.calls("chat.postMessage") if c.params.get("thread_ts") in threads]
    assert sorted(c.params["thread_ts"] for c in posts) == sorted(threads), dump(posts)
    answered = [c.path.rsplit("/", 1)[1] for c in workers.api.calls(RESPONSE_URL_METHOD)]
    assert sorted(h for h in answered if h in hooks) == sorted(hooks), answered
    assert len(answers) == len(hooks)
    store = open_store(workers.database_url)
    try:
        assert store.events.unfinished() == []  # every lease, events' and commands', ended with its reply
    finally:
        store.close()


def test_a_worker_killed_after_the_ack_leaves_its_question_to_another(workers: Workers) -> None:
    before = set(child_pids(workers.master.pid))
    # The worker reacts (":mag:") before it answers (WORKING_REACTION_AFTER_SECONDS=0 here); Slack is slow to confirm
    # the reaction, and the worker dies then.
    workers.api.script("reactions.add", Reply(delay=5.0))
    event, event_id = p.app_mention("asean"), new_event_id()
    assert p.send(workers.events_url, delivery(event, event_id, 0)).status == 200  # acknowledged
    workers.api.wait_for("reactions.add", where=lambda c: c.params.get("timestamp") == event["ts"])

    # A mention is claimed by its message, so its twin event (a DM mention's message.im) is answered once too.
    key = f"message:{p.TEAM_ID}:{event['channel']}:{event['ts']}"
    store = open_store(workers.database_url)
    try:
        owner = store.events.owner(key)
        assert owner is not None and store.events.status(key) == "processing"
        victim = int(owner.rsplit(":", 1)[1])
        assert victim in before, (victim, before)
        os.kill(victim, signal.SIGKILL)

        in_thread = lambda c: c.params.get("thread_ts") == event["ts"]  # noqa: E731
        (answer,) = workers.api.wait_for("chat.postMessage", where=in_thread, timeout=20)
        assert "ASEAN" in answer.text
        with pytest.raises(AssertionError):  # answered once: nothing else within another lease
            workers.api.wait_for("chat.postMessage", count=2, where=in_thread, timeout=4)
        assert store.events.status(key) == "done"
        assert store.events.owner(key) != owner  # taken over by a surviving or respawned worker
    finally:
        store.close()
    wait_for_workers(workers.master.pid, WORKERS, exclude={victim})  # gunicorn replaced the killed worker
    assert "taking over" in workers.master.log()


def test_follow_ups_are_read_against_the_thread_whichever_worker_answers(workers: Workers) -> None:
    # Six threads, each a question and its follow-up: the two workers share each thread's last question through
    # PostgreSQL, so a follow-up is read right even when the other worker answered the question.
    firsts = [p.app_mention("trade with Latin America?") for _ in range(6)]
    for first in firsts:
        assert p.send(workers.events_url, p.event_callback(first)).status == 200
    threads = {m["ts"] for m in firsts}
    in_threads = lambda c: c.params.get("thread_ts") in threads  # noqa: E731
    workers.api.wait_for("chat.postMessage", len(threads), 30, in_threads)
    for first in firsts:
        follow = p.app_mention("and imports?", thread_ts=first["ts"])
        assert p.send(workers.events_url, p.event_callback(follow)).status == 200
    posts = workers.api.wait_for("chat.postMessage", 2 * len(threads), 30, in_threads)
    follow_ups = [c for c in posts if "Read as: imports · Latin America" in str(c.params.get("blocks"))]
    assert len(follow_ups) == len(threads) and all("4.9%" in c.text for c in follow_ups)

    store = open_store(workers.database_url)
    try:
        kept = [store.conversations.get(f"{p.TEAM_ID}:{p.CHANNEL_ID}:{ts}") for ts in threads]
    finally:
        store.close()
    assert all(row is not None and "Latin America" in row[0] for row in kept)
