"""Helpers for the security tests: a tally of attacks and faults for the closing note, and reply counting.

Every test records what it tried with ``tally.record(attack, sent=…, rejected=…, replies=…)``; at the end of the
session the table is written to ``TALLY_PATH`` (and printed with ``-s``).
"""

from __future__ import annotations

import http.client
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.fakes.slack_api import RESPONSE_URL_METHOD, Call, FakeSlackApi

TALLY_PATH = Path(os.environ.get("TRADEBOT_SECURITY_TALLY", "/tmp/tradebot-security-tally.md"))
# Calls that put something in front of a user.
# Another loopback address: on Linux all of 127.0.0.0/8 is this machine, so a client can connect from it and look,
# to the bot, like a peer that is not 127.0.0.1 (the tests' network stays on this machine).
ELSEWHERE = "127.0.0.2"
POSTING = ("chat.postMessage", "chat.postEphemeral", "views.publish", RESPONSE_URL_METHOD)


@dataclass
class Tally:
    """Rows of (attack or fault, requests sent, rejected, replies posted)."""

    rows: dict[str, list[int]] = field(default_factory=dict)

    def record(self, attack: str, *, sent: int, rejected: int, replies: int) -> None:
        """Add counts under ``attack`` (rows of the same name, like hypothesis examples, are summed)."""
        row = self.rows.setdefault(attack, [0, 0, 0])
        for i, count in enumerate((sent, rejected, replies)):
            row[i] += count

    def table(self) -> str:
        lines = ["| attack or fault | requests sent | rejected | replies posted |", "|---|---:|---:|---:|"]
        lines += [f"| {a} | {s} | {r} | {p} |" for a, (s, r, p) in self.rows.items()]
        total = [sum(row[i] for row in self.rows.values()) for i in (0, 1, 2)]
        lines.append(f"| **total** | {total[0]} | {total[1]} | {total[2]} |")
        return "\n".join(lines)


@pytest.fixture(scope="session")
def tally() -> Iterator[Tally]:
    """The session's tally; written to ``TALLY_PATH`` at the end."""
    found = Tally()
    yield found
    if found.rows:
        TALLY_PATH.write_text(found.table() + "\n", encoding="utf-8")
        print("\n" + found.table())


def posted(api: FakeSlackApi) -> list[Call]:
    """Calls that showed the user something and succeeded as far as the fake is concerned."""
    return [c for c in api.calls() if c.method in POSTING]


def dump(calls: list[Call]) -> str:
    """Calls as JSON lines, for assertion messages."""
    return "\n".join(json.dumps({"method": c.method, **c.params}, default=str)[:300] for c in calls)


def healthz(base_url: str, source: str = "127.0.0.1", headers: dict[str, str] | None = None) -> tuple[int, Any]:
    """``GET /healthz`` from the address ``source``: the status and the decoded report."""
    where = urlsplit(base_url)
    connection = http.client.HTTPConnection(where.hostname, where.port, timeout=10, source_address=(source, 0))
    try:
        connection.request("GET", "/healthz", headers=headers or {})
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()
