"""Finding 12 of issue 18 (part): signed payloads whose fields have the wrong types get a 4xx, never a 500.

Slack never sends these, but a signature is no proof of sense: a number where Bolt's matchers or the listeners
expect a string raised from deep inside the dispatch (a raw 500 and a traceback). ``bot.server.shape`` refuses
them with a 400 and one log line; nothing is posted.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, urlencode

import pytest

from tests.conftest import RunningBot
from tests.fakes import payloads as p
from tests.fakes.slack_api import FakeSlackApi
from tests.security.conftest import Tally, posted


def event_with(**changes: Any) -> p.SignedRequest:
    """A mention's delivery with ``changes`` to the envelope (``event=...``) or, as ``event__<field>``, the event."""
    body = p.envelope_body(p.app_mention("asean"))
    for key, value in changes.items():
        if key.startswith("event__"):
            body["event"][key.removeprefix("event__")] = value
        else:
            body[key] = value
    return p.signed(json.dumps(body).encode(), "application/json")


def press_with(**changes: Any) -> p.SignedRequest:
    """A button press whose payload has ``changes`` (``actions__<field>`` changes the first action)."""
    request = p.block_actions("share", '{"k": "key"}', response_url="http://127.0.0.1:9/hook")
    payload = json.loads(dict(parse_qsl(request.body.decode()))["payload"])
    for key, value in changes.items():
        if key.startswith("actions__"):
            payload["actions"][0][key.removeprefix("actions__")] = value
        else:
            payload[key] = value
    return p.signed(urlencode({"payload": json.dumps(payload)}).encode(), "application/x-www-form-urlencoded")


WRONG: dict[str, Callable[[], p.SignedRequest]] = {
    "event a string": lambda: event_with(event="app_mention"),
    "event a list": lambda: event_with(event=[1, 2]),
    "event.type a number": lambda: event_with(event__type=7),
    "event.user a number": lambda: event_with(event__user=12345),
    "event.channel a number": lambda: event_with(event__channel=42),
    "event.text a number": lambda: event_with(event__text=3.5),
    "event.ts a number": lambda: event_with(event__ts=1700000000.1),
    "event.thread_ts a list": lambda: event_with(event__thread_ts=["1.2"]),
    "event.bot_id an object": lambda: event_with(event__bot_id={"id": "B1"}),
    "event_id a number": lambda: event_with(event_id=99),
    "team_id a list": lambda: event_with(team_id=["T1"]),
    "authorizations an object": lambda: event_with(authorizations={"team_id": "T1"}),
    "type a number": lambda: event_with(type=1),
    "block_actions: user a number": lambda: press_with(user=12345),
    "block_actions: user without an id": lambda: press_with(user={"name": "someone"}),
    "block_actions: actions an object": lambda: press_with(actions={"action_id": "share"}),
    "block_actions: actions a list of strings": lambda: press_with(actions=["share"]),
    "block_actions: action_id a number": lambda: press_with(actions__action_id=5),
    "block_actions: value an object": lambda: press_with(actions__value={"k": "key"}),
    "block_actions: container a string": lambda: press_with(container="message"),
    "block_actions: channel a number": lambda: press_with(channel=3),
    "block_actions: team a number": lambda: press_with(team=3),
    "block_actions: response_url a number": lambda: press_with(response_url=80),
    "block_actions: type a list": lambda: press_with(type=["block_actions"]),
}


@pytest.mark.parametrize("wrong", WRONG)
def test_a_signed_payload_with_a_wrongly_typed_field_gets_a_4xx_and_no_traceback(
    wrong: str, bot: RunningBot, slack_api: FakeSlackApi, tally: Tally
) -> None:
    since = len(bot.process.log())
    response = p.send(bot.events_url, WRONG[wrong]())
    assert 400 <= response.status < 500, (response.status, response.body[:300])
    time.sleep(0.2)
    lines = bot.process.log()[since:].splitlines()
    assert len(lines) <= 1 and not [line for line in lines if " ERROR " in line or "Traceback" in line], lines
    slack_api.assert_quiet("chat.postMessage", period=0.2)
    assert not posted(slack_api)
    tally.record(f"signed, wrong type: {wrong}", sent=1, rejected=1, replies=0)
