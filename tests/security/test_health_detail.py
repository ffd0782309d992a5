"""Finding 12 of issue 18 (its ``/healthz`` part): the database's masked host, user and name, and what failed, are
for a local asker only (a peer at 127.0.0.1 with no proxy's forwarding header); anyone else gets the status and
each check's ``ok``."""

from __future__ import annotations

import pytest

from tests.conftest import RunningBot
from tests.security.conftest import ELSEWHERE, Tally, healthz


def test_a_local_asker_gets_the_details(bot: RunningBot) -> None:
    status, report = healthz(bot.base_url)
    assert status == 200
    assert report["checks"]["database"]["backend"] == "sqlite" and "url" in report["checks"]["database"]
    assert report["checks"]["knowledge"]["indicators"] > 0


@pytest.mark.parametrize(
    ("source", "headers"),
    [
        (ELSEWHERE, {}),
        ("127.0.0.1", {"X-Forwarded-For": "203.0.113.7"}),  # through a proxy on the same host
        ("127.0.0.1", {"Forwarded": "for=203.0.113.7"}),
    ],
    ids=["another peer", "x-forwarded-for", "forwarded"],
)
def test_anyone_else_gets_the_status_and_nothing_about_the_database(
    bot: RunningBot, source: str, headers: dict[str, str], tally: Tally
) -> None:
    status, report = healthz(bot.base_url, source, headers)
    assert status == 200
    assert report == {"status": "ok", "checks": {"knowledge": {"ok": True}, "database": {"ok": True}}}
    tally.record("/healthz asked from elsewhere (details withheld)", sent=1, rejected=0, replies=0)
