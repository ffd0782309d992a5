"""``/trade subscribe`` sent as a signed HTTP request to the real Bolt app: stored in the subscriber's time zone,
posted at its slot with the key figures, kept across a restart; malformed schedules refused with an example."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from slack_bolt import App

import bot.router.subscriptions  # noqa: F401 - registers the subcommands, as bot.router does once wired
from bot.answer.engine import Engine
from bot.config import load_settings
from bot.kb.base import KnowledgeBase
from bot.router import NoticeOutcome, RouteContext, RouteServices, route
from bot.schedule.desk import SubscriptionDesk
from bot.server.health import knowledge_check
from bot.slack.app import create_app
from bot.slack.client import build_web_client
from bot.slack.user_timezones import timezone_lookup
from bot.store import Store, open_store
from tests.fakes import payloads
from tests.fakes.asgi_server import serve_in_thread
from tests.fakes.slack_api import FakeSlackApi, Reply
from tests.schedule.conftest import FakeClock, make_scheduler

# 09:00 in Shanghai on Monday 9 March 2026.
SHANGHAI_NINE = dt.datetime(2026, 3, 9, 1, 0, tzinfo=dt.UTC)
SHANGHAI_USER = Reply(json={"ok": True, "user": {"id": payloads.USER_ID, "tz": "Asia/Shanghai", "tz_offset": 28800}})


@dataclass
class RunningApp:
    url: str
    store: Store


def build_app(api: FakeSlackApi, store: Store, clock: FakeClock, kb: KnowledgeBase) -> App:
    settings = load_settings(
        slack_bot_token="xoxb-test-subscribe-token",
        slack_signing_secret=payloads.SIGNING_SECRET,
        slack_api_url=api.url,
        slack_timeout_seconds=5,
    )
    client = build_web_client(settings)
    services = RouteServices(subscriptions=SubscriptionDesk(store, kb, timezone_lookup(client), clock=clock))
    app = create_app(settings, kb, Engine(kb), client=client, route_services=services, store=store, listener_threads=4)
    return app


@pytest.fixture
def app(api: FakeSlackApi, store: Store, clock: FakeClock, kb: KnowledgeBase) -> Iterator[RunningApp]:
    """The Bolt app with the subscription services, served over HTTP on 127.0.0.1."""
    with serve_in_thread(build_app(api, store, clock, kb), {"knowledge": knowledge_check(kb)}) as url:
        yield RunningApp(url=url, store=store)


def trade(app: RunningApp, api: FakeSlackApi, text: str) -> str:
    """Send ``/trade <text>`` and return the text of the reply that came back through the response URL."""
    before = len(api.calls("response_url"))
    response = payloads.send(app.url, payloads.slash_command(text, response_url=api.response_url()))
    assert response.status == 200
    return api.wait_for("response_url", count=before + 1)[-1].text


def test_subscribe_posts_at_the_slot_in_the_users_zone_and_survives_a_restart(
    app: RunningApp, api: FakeSlackApi, clock: FakeClock, kb: KnowledgeBase, db_url: str
) -> None:
    api.script("users.info", SHANGHAI_USER)
    reply = trade(app, api, "subscribe daily 09:00")
    assert "Subscribed this channel (#1)" in reply and "Asia/Shanghai" in reply
    assert "Next post: Mon 9 Mar 2026, 09:00 Asia/Shanghai" in reply
    (subscription,) = app.store.subscriptions.all()
    assert (subscription.channel, subscription.creator) == (payloads.CHANNEL_ID, payloads.USER_ID)
    assert subscription.timezone == "Asia/Shanghai"

    scheduler = make_scheduler(app.store, kb, api, clock)
    scheduler.tick(clock.set(SHANGHAI_NINE - dt.timedelta(minutes=1)))
    assert api.calls("chat.postMessage") == []
    scheduler.tick(clock.set(SHANGHAI_NINE + dt.timedelta(seconds=15)))
    (post,) = api.calls("chat.postMessage")
    assert post.params["channel"] == payloads.CHANNEL_ID
    for entry in kb.key_entries():
        assert entry.indicator.stated in post.text and entry.speaker.name in post.text

    app.store.close()  # restart: a new store and scheduler on the same file
    reopened = open_store(db_url, clock=clock)
    try:
        again = make_scheduler(reopened, kb, api, clock)
        again.tick(clock.set(SHANGHAI_NINE + dt.timedelta(minutes=3)))
        assert len(api.calls("chat.postMessage")) == 1
        again.tick(clock.set(SHANGHAI_NINE + dt.timedelta(days=1, seconds=15)))
        assert len(api.calls("chat.postMessage")) == 2
    finally:
        reopened.close()


def test_zone_and_topic_given_in_the_command(app: RunningApp, api: FakeSlackApi) -> None:
    reply = trade(app, api, "subscribe weekly mon 09:00 asean Europe/Berlin")
    assert "the ASEAN figures, weekly mon 09:00 (Europe/Berlin)" in reply
    assert api.calls("users.info") == []  # a zone was given: no need to ask Slack
    (subscription,) = app.store.subscriptions.all()
    assert (subscription.kind, subscription.topic, subscription.cron) == ("weekly", "asean", "0 9 * * 1")


def test_list_and_unsubscribe(app: RunningApp, api: FakeSlackApi) -> None:
    trade(app, api, '"0 9 * * 1-5" Asia/Shanghai')  # a question, not a subscription: nothing stored
    assert app.store.subscriptions.all() == []
    trade(app, api, 'subscribe "0 9 * * 1-5" Asia/Shanghai')
    trade(app, api, "subscribe figure-of-the-day 08:30 UTC")
    listing = trade(app, api, "subscriptions")
    assert (
        "#1" in listing and '"0 9 * * 1-5"' in listing and "Next post: Mon 9 Mar 2026, 09:00 Asia/Shanghai" in listing
    )
    assert "#2" in listing and "one key figure a day, figure-of-the-day 08:30 (UTC)" in listing
    assert "Removed subscription #1" in trade(app, api, "unsubscribe 1")
    assert "no subscription #1" in trade(app, api, "unsubscribe 1")
    assert [s.id for s in app.store.subscriptions.all()] == [2]


@pytest.mark.parametrize(
    ("typed", "problem", "example"),
    [
        ("subscribe daily 25:00", "is not a time of day", "/trade subscribe daily 09:00"),
        ("subscribe weekly someday 09:00", "is not a day of the week", "/trade subscribe weekly mon 09:00"),
        ('subscribe "0 9 * *"', "has five fields", '/trade subscribe "0 9 * * 1-5"'),
        ('subscribe "*/5 * * * *"', "more than once an hour", '/trade subscribe "0 9 * * 1-5"'),
        ("subscribe daily 09:00 Mars/Olympus", "is not a time zone", "/trade subscribe daily 09:00 Asia/Shanghai"),
        ("subscribe daily 09:00 atlantis", "no topic", "/trade subscribe daily 09:00 asean"),
        ("subscribe hourly", "is not a schedule", "/trade subscribe daily 09:00"),
        ("subscribe", "say when to post", "/trade subscribe daily 09:00"),
    ],
)
def test_malformed_schedules_are_refused_with_an_example(
    app: RunningApp, api: FakeSlackApi, typed: str, problem: str, example: str
) -> None:
    reply = trade(app, api, typed)
    assert "I could not read that schedule" in reply and problem in reply
    assert f"For example: `{example}`" in reply.replace("&quot;", '"')
    assert app.store.subscriptions.all() == []


def test_what_the_user_typed_is_echoed_escaped(app: RunningApp, api: FakeSlackApi) -> None:
    reply = trade(app, api, "subscribe daily 09:00 <!channel> <@U0123ABC>")
    assert "<!channel>" not in reply and "<@U0123ABC>" not in reply
    assert "&lt;!channel&gt;" in reply


def test_subscriptions_need_slack_and_a_store(kb: KnowledgeBase) -> None:
    # The terminal chat routes /trade lines too, with no channel and no store: a clear refusal, not a crash.
    outcome = route("subscribe daily 09:00", RouteContext(kb=kb, engine=Engine(kb)))
    assert isinstance(outcome, NoticeOutcome) and not outcome.ok
    assert "made in a Slack channel" in outcome.text
