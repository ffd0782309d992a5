"""Finding 10, 11 and 12 of issue 18: a signed request replayed as it is runs once; one message in the bot's DM that
mentions it (two events, two event ids) is answered once; an event no listener matches leaves no open lease."""

from __future__ import annotations

import json
import time
import uuid
from pathlib import Path

import pytest

from bot.store import open_store
from tests.conftest import RunningBot
from tests.fakes import payloads as p
from tests.fakes.slack_api import BOT_USER_ID, RESPONSE_URL_METHOD, FakeSlackApi
from tests.security.conftest import Tally, dump, posted

REPLAYS = 5


def bot_database(bot: RunningBot) -> str:
    """The session bot's SQLite database (it runs with the default DATABASE_URL in its work directory)."""
    return f"sqlite:///{Path(bot.process.workdir) / 'data' / 'tradebot.sqlite3'}"


def test_a_share_press_replayed_five_times_posts_one_public_message(
    bot: RunningBot, slack_api: FakeSlackApi, tally: Tally
) -> None:
    value = json.dumps({"k": "key"})  # "Share in channel" under the key figures
    press = p.block_actions("share", value, response_url=slack_api.response_url("share-replay"))
    statuses = [p.send(bot.events_url, press).status for _ in range(REPLAYS)]
    assert statuses == [200] * REPLAYS
    slack_api.wait_for("chat.postMessage")
    slack_api.assert_quiet("views.publish", period=1.0)  # time for a replay that ran again to post
    shares = slack_api.calls("chat.postMessage")
    assert len(shares) == 1, dump(shares)
    tally.record("signed Share press replayed 5 times", sent=REPLAYS, rejected=REPLAYS - 1, replies=len(shares))


def test_a_trade_command_replayed_five_times_answers_once(
    bot: RunningBot, slack_api: FakeSlackApi, tally: Tally
) -> None:
    hook = f"replay-{uuid.uuid4().hex[:8]}"
    command = p.slash_command("asean", response_url=slack_api.response_url(hook))
    statuses = [p.send(bot.events_url, command).status for _ in range(REPLAYS)]
    assert statuses == [200] * REPLAYS
    slack_api.wait_for(RESPONSE_URL_METHOD)
    slack_api.assert_quiet("views.publish", period=1.0)
    answers = [c for c in slack_api.calls(RESPONSE_URL_METHOD) if c.path.endswith(hook)]
    assert len(answers) == 1, dump(answers)
    tally.record("signed /trade replayed 5 times", sent=REPLAYS, rejected=REPLAYS - 1, replies=len(answers))


@pytest.mark.parametrize("first", ["message.im", "app_mention"])
def test_a_mention_in_the_bots_dm_delivered_as_two_events_is_answered_once(
    first: str, bot: RunningBot, slack_api: FakeSlackApi, tally: Tally
) -> None:
    dm = p.direct_message(f"<@{BOT_USER_ID}> asean")
    mention = {**dm, "type": "app_mention"}  # the same message (channel and ts), as Slack's app_mention carries it
    mention.pop("channel_type", None)
    requests = [p.event_callback(dm), p.event_callback(mention)]  # two event ids
    if first == "app_mention":
        requests.reverse()
    assert [p.send(bot.events_url, r).status for r in requests] == [200, 200]
    slack_api.wait_for("chat.postMessage")
    slack_api.assert_quiet("views.publish", period=1.0)
    replies = slack_api.calls("chat.postMessage")
    assert len(replies) == 1 and "ASEAN" in replies[0].text, dump(replies)
    assert "thread_ts" not in replies[0].params, "straight into the DM, whichever event was handled"
    tally.record("DM mention as app_mention + message.im", sent=2, rejected=1, replies=len(replies))


def test_an_event_no_listener_matches_leaves_no_lease_open(
    bot: RunningBot, slack_api: FakeSlackApi, tally: Tally
) -> None:
    event_id = "Ev" + uuid.uuid4().hex[:12].upper()
    # Signed and well typed (it passes server/shape.py), but an envelope with no event: no listener can match it.
    body = p.envelope_body({"type": "app_mention"}, event_id=event_id)
    del body["event"]
    request = p.signed(json.dumps(body).encode(), "application/json")
    response = p.send(bot.events_url, request)
    assert response.status == 200, response.body  # acknowledged: a retry would not match either
    store = open_store(bot_database(bot))
    try:
        deadline = time.monotonic() + 5
        while store.events.status(event_id) == "processing" and time.monotonic() < deadline:
            time.sleep(0.05)
        assert store.events.status(event_id) == "done"
        assert event_id not in store.events.unfinished()
    finally:
        store.close()
    assert posted(slack_api) == []
    tally.record("signed event no listener matches", sent=1, rejected=1, replies=0)
