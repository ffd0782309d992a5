"""Arbitrary text after every ``/trade`` subcommand raises nothing (issue 18, finding 8).

``/trade unsubscribe 99999999999999999999`` (an overflow in the database), ``/trade unsubscribe ²`` (a digit to
``str.isdigit``, not to ``int``) and ``/trade subscribe "0 9 31 2 *"`` (a date that never comes) each replied
"Sorry, something went wrong". Hypothesis now feeds text built from schedule-like pieces and from any Unicode to
each subcommand through the router, with the subscription services on SQLite and on PostgreSQL, and a sample
through the running bot; every outcome must also render, as blocks and as text.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from bot.answer.engine import Engine
from bot.kb.base import KnowledgeBase
from bot.outcomes import SubscriptionRemovedOutcome
from bot.render.blocks import APOLOGY, render
from bot.render.outcome_text import outcome_text
from bot.router import NoticeOutcome, RouteContext, RouteServices, route, subcommands
from bot.schedule.desk import SubscriptionDesk
from bot.store import Store, open_store
from tests.conftest import RunningBot
from tests.databases import database_url, postgres_url  # noqa: F401 - fixtures
from tests.fakes import payloads
from tests.fakes.slack_api import RESPONSE_URL_METHOD, FakeSlackApi

NOW = dt.datetime(2026, 3, 8, 12, 0, tzinfo=dt.UTC)
PIECES = st.sampled_from(
    ["daily", "weekly", "figure-of-the-day", "mon", "sunday", "09:00", "25:61", "9am", "13pm", "*", "*/5", "*/61",
     "0", "59", "60", "31", "2", "1-5", "5-1", "R", "H", "H(0-29)", "L", "LW", "5L", "1#5", "6#1", "?", "15W",
     "@daily", '"', "'", "“", "”", "#", "#3", "²", "١٢", "-1", "99999999999999999999", "9" * 40, "0x10", "1e3",
     "asean", "latin america", "Europe/Berlin", "Asia/Shangai", "UTC", "Etc/GMT+14", "../../etc", "Australia/LHI",
     "\x00", "\u200b", "<!channel>", "&", " "]
)  # fmt: skip
FREE = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
FIELD = st.sampled_from(
    "* 0 5 30 59 9 23 */2 */61 0-0 1-5 0,30 1,2 L LW 5L 1#2 2#5 R H ? 15W 31 29 2 jan mon-fri sun 7".split()
)
CRON = st.lists(FIELD, min_size=4, max_size=6).map(lambda fields: '"' + " ".join(fields) + '"')
TIME = st.builds("{:02d}:{:02d}".format, st.integers(0, 23), st.integers(0, 59))
# Schedules that are often accepted, so the text reaches the store: subscribing, resuming, the caps, removing.
LIKELY = st.one_of(
    st.builds("daily {}".format, TIME),
    st.builds("weekly {} {}".format, st.sampled_from(["mon", "fri", "sun"]), TIME),
    st.builds('"{} {} * * *"'.format, st.integers(0, 59), st.sampled_from(["*", "9", "1,2", "0-23/3", "R"])),
    st.integers(0, 12).map(str),  # an id, for unsubscribe
)
ARGS = st.one_of(
    st.lists(st.one_of(PIECES, FREE), max_size=8).map(" ".join),
    st.tuples(CRON, st.lists(PIECES, max_size=2).map(" ".join)).map(" ".join),
    st.tuples(LIKELY, st.lists(PIECES, max_size=2).map(" ".join)).map(" ".join),
)
# What a Slack profile may give as the user's zone: a zone, nothing, or anything at all.
ZONES = st.one_of(st.none(), st.sampled_from(["Europe/London", "Australia/Lord_Howe", "Pacific/Chatham"]), FREE)
NAMES = [s.name for s in subcommands()]
STORE_SUBCOMMANDS = {"subscribe", "unsubscribe"}  # "subscriptions" takes no text: with some, it is a question


class Router:
    """What the router needs, with a short repr: hypothesis prints the arguments of a failing example (and would
    print a dataclass's fields, the whole knowledge base)."""

    def __init__(self, kb: KnowledgeBase, engine: Engine, store: Store):
        self.kb, self.engine, self.store = kb, engine, store

    def __repr__(self) -> str:
        return f"Router({self.store.backend})"


@pytest.fixture
def router(database_url: str, knowledge: KnowledgeBase, session_engine: Engine) -> Iterator[Router]:  # noqa: F811
    store = open_store(database_url, clock=lambda: NOW)
    yield Router(knowledge, session_engine, store)
    store.close()


def _check(outcome: object) -> None:
    render(outcome)
    outcome_text(outcome)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(NAMES), args=ARGS, zone=ZONES, user=st.sampled_from(["U0FUZZ001", "U0FUZZ002"]))
def test_no_subcommand_raises_on_any_text(router: Router, name: str, args: str, zone: str | None, user: str) -> None:
    desk = SubscriptionDesk(router.store, router.kb, timezone_of=lambda _user: zone, clock=lambda: NOW)
    services = RouteServices(subscriptions=desk)
    ctx = RouteContext(kb=router.kb, engine=router.engine, user_id=user, channel_id="C0FUZZ001", services=services)
    outcome = route(f"{name} {args}", ctx)
    _check(outcome)
    if name in STORE_SUBCOMMANDS and args.strip():
        assert isinstance(outcome, NoticeOutcome | SubscriptionRemovedOutcome)
        # --hypothesis-show-statistics shows how often each subcommand succeeded, so the text reached the store.
        event(f"{name}: {'done' if getattr(outcome, 'ok', True) else 'refused'}")


_names = itertools.count()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(NAMES), args=ARGS)
def test_the_running_bot_answers_any_subcommand_text_without_apologising(
    bot: RunningBot, slack_api: FakeSlackApi, name: str, args: str
) -> None:
    url = slack_api.response_url(f"fuzz-{next(_names)}")
    request = payloads.slash_command(f"{name} {args}", response_url=url)
    assert payloads.send(bot.events_url, request).status == 200
    (reply,) = slack_api.wait_for(RESPONSE_URL_METHOD, where=lambda c: url.endswith(c.path))
    assert APOLOGY not in reply.text, (name, args)
