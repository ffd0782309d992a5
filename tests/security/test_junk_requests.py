"""Finding 4 of issue 18: junk never reaches Bolt's parser.

Every request below, unsigned or signed, gets a 4xx with at most one log line, never at ERROR and never a
traceback: the gate (``bot.server.gate``) bounds the body from its Content-Length before reading it and while
reading it (chunked too), checks the signature on the raw bytes, and only then looks at the shape
(``bot.server.shape``). Eight concurrent 50 MB bodies leave the worker's memory flat.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.server.gate import MAX_BODY_BYTES
from bot.server.protocol import REQUEST_SECONDS
from tests.conftest import RunningBot
from tests.fakes import payloads as p
from tests.fakes.bot_process import child_pids
from tests.fakes.raw_http import RawAnswer, exchange, request_head
from tests.fakes.slack_api import FakeSlackApi
from tests.security.conftest import Tally, posted

JSON, FORM = "application/json", "application/x-www-form-urlencoded"
DEEP = b"[" * 10_000 + b"]" * 10_000


def _forged_headers(content_type: str) -> dict[str, str]:
    """A fresh timestamp and a signature of the right shape that is not Slack's: the gate computes the HMAC."""
    return {"Content-Type": content_type, "X-Slack-Request-Timestamp": str(int(time.time())),
            "X-Slack-Signature": "v0=" + "0" * 64}  # fmt: skip


def unsigned(body: bytes, content_type: str = JSON, **extra: str) -> bytes:
    headers = {**_forged_headers(content_type), "Content-Length": str(len(body)), **extra}
    return request_head("/slack/events", headers) + body


def signed(body: bytes, content_type: str = JSON) -> bytes:
    request = p.signed(body, content_type)
    return request_head("/slack/events", {**request.headers, "Content-Length": str(len(body))}) + body


def chunked(body: bytes, piece: int = 64 * 1024) -> bytes:
    chunks = b"".join(
        b"%x\r\n%s\r\n" % (len(body[i : i + piece]), body[i : i + piece]) for i in range(0, len(body), piece)
    )
    headers = {**_forged_headers(JSON), "Transfer-Encoding": "chunked"}
    return request_head("/slack/events", headers) + chunks + b"0\r\n\r\n"


BIG = b'{"type": "event_callback", "pad": "' + b"x" * (2 * MAX_BODY_BYTES) + b'"}'
# name -> (the raw request, the statuses it may get)
JUNK: dict[str, Callable[[], tuple[bytes, set[int]]]] = {
    "unsigned: invalid UTF-8": lambda: (unsigned(b'{"type": "\xff\xfe\xfd"}'), {401}),
    "unsigned: invalid JSON": lambda: (unsigned(b'{"type": "event_callback", '), {401}),
    "unsigned: a JSON array": lambda: (unsigned(b"[1, 2, 3]"), {401}),
    "unsigned: 10,000-deep nesting": lambda: (unsigned(DEEP), {401}),
    "unsigned: payload= that is not JSON": lambda: (unsigned(b"payload=%7Bnot-json", FORM), {401}),
    "unsigned: Content-Length shorter than the body": lambda: (
        request_head("/slack/events", {**_forged_headers(JSON), "Content-Length": "5"}) + b'{"type": "x"}',
        {401},
    ),
    "unsigned: Content-Length not a number": lambda: (unsigned(b"{}", **{"Content-Length": "12abc"}), {400}),
    "unsigned: Content-Length of 50 MB, refused before reading": lambda: (
        request_head("/slack/events", {**_forged_headers(JSON), "Content-Length": str(50 * 1024 * 1024)}) + b"{",
        {413},
    ),
    "unsigned: 2 MiB body": lambda: (unsigned(BIG), {413}),
    "unsigned: 2 MiB chunked body": lambda: (chunked(BIG), {413}),
    # Headers that have not ended after 16 KiB (h11 bounds what it holds of an incomplete request).
    "unsigned: 20 KiB of headers, no end": lambda: (request_head("/slack/events", {"X-Pad": "a" * 20_000})[:-2], {400}),
    "unsigned: GET": lambda: (request_head("/slack/events", {}, method="GET"), {405}),
    "unsigned: another path": lambda: (request_head("/admin", {"Content-Length": "0"}), {404}),
    "signed: invalid UTF-8": lambda: (signed(b'{"type": "\xff\xfe\xfd"}'), {400}),
    "signed: invalid JSON": lambda: (signed(b'{"type": "event_callback", '), {400}),
    "signed: a JSON array": lambda: (signed(b"[1, 2, 3]"), {400}),
    "signed: a JSON string": lambda: (signed(b'"event_callback"'), {400}),
    "signed: 10,000-deep nesting": lambda: (signed(DEEP), {400}),
    "signed: 10,000-deep nesting in an object": lambda: (signed(b'{"type": "x", "a": ' + DEEP + b"}"), {400}),
    "signed: payload= that is not JSON": lambda: (signed(b"payload=%7Bnot-json", FORM), {400}),
    "signed: payload= a JSON array": lambda: (signed(b"payload=%5B1%5D", FORM), {400}),
    "signed: a form of 5,000 fields": lambda: (signed(b"&".join(b"f%d=1" % i for i in range(5000)), FORM), {400}),
}


def new_log(bot: RunningBot, since: int) -> list[str]:
    return bot.process.log()[since:].splitlines()


@pytest.mark.parametrize("junk", JUNK)
def test_junk_gets_a_4xx_and_one_quiet_log_line(
    junk: str, bot: RunningBot, slack_api: FakeSlackApi, tally: Tally
) -> None:
    raw, statuses = JUNK[junk]()
    since = len(bot.process.log())
    answer = exchange(int(bot.base_url.rsplit(":", 1)[1]), raw)
    assert answer.status in statuses, (answer.status, answer.body[:200])
    time.sleep(0.2)  # the log line is written after the answer
    lines = new_log(bot, since)
    assert len(lines) <= 1, lines
    assert not [line for line in lines if " ERROR " in line or "Traceback" in line], lines
    assert not posted(slack_api)
    tally.record(f"junk: {junk}", sent=1, rejected=1, replies=0)


def test_a_body_that_stops_short_of_its_content_length_is_cut_off_at_the_deadline(
    bot: RunningBot, tally: Tally
) -> None:
    since = len(bot.process.log())
    raw = request_head("/slack/events", {**_forged_headers(JSON), "Content-Length": "100"}) + b'{"type": "x"}'
    # A bounded wait: if the bot has not closed the connection by then, the read times out and the test fails.
    answer = exchange(int(bot.base_url.rsplit(":", 1)[1]), raw, timeout=REQUEST_SECONDS + 3)
    assert answer == RawAnswer(0, b"")  # closed: nothing to answer a request that never arrived
    assert not [line for line in new_log(bot, since) if " ERROR " in line or "Traceback" in line]
    tally.record("junk: body stops short of its Content-Length (closed at the deadline)", sent=1, rejected=1, replies=0)


def vm_rss_kib(pid: int) -> int:
    """Resident memory of process ``pid`` (``VmRSS`` in ``/proc/<pid>/status``), in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError(f"no VmRSS for {pid}")


FIFTY_MB = 50 * 1024 * 1024
# 8 bodies read at most to the limit, plus uvicorn's 64 KiB read buffer each, is under 9 MiB; the rest is the
# allocator's slack. Before the gate the same attack took the worker from 184 MB to 1.17 GB.
RSS_GROWTH_BOUND_KIB = 32 * 1024


@pytest.mark.parametrize("framing", ["content-length", "chunked"])
def test_eight_concurrent_50_mb_bodies_leave_memory_flat(framing: str, bot: RunningBot, tally: Tally) -> None:
    (worker,) = child_pids(bot.process.pid)
    port = int(bot.base_url.rsplit(":", 1)[1])
    body = b'{"type": "event_callback", "pad": "' + b"x" * FIFTY_MB + b'"}'
    raw = unsigned(body) if framing == "content-length" else chunked(body, piece=1024 * 1024)
    before = vm_rss_kib(worker)
    answers: list[RawAnswer] = []
    threads = [threading.Thread(target=lambda: answers.append(exchange(port, raw, timeout=30))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    after = vm_rss_kib(worker)
    assert [a.status for a in answers] == [413] * 8
    assert after - before < RSS_GROWTH_BOUND_KIB, (before, after)
    print(f"\n{framing}: worker VmRSS {before} KiB -> {after} KiB ({after - before:+d} KiB)")
    tally.record(f"8 concurrent 50 MB unsigned bodies ({framing}): RSS {before // 1024} -> {after // 1024} MiB",
                 sent=8, rejected=8, replies=0)  # fmt: skip


def test_a_signed_url_verification_still_gets_its_challenge(bot: RunningBot) -> None:
    body = json.dumps({"type": "url_verification", "token": "t", "challenge": "the-challenge"}).encode()
    response = p.send(bot.events_url, p.signed(body, JSON))
    assert response.status == 200 and b"the-challenge" in response.body
