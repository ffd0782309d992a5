"""Retention: the scheduler's tick purges questions and votes older than QUESTION_LOG_DAYS, on a fake clock."""

from __future__ import annotations

import datetime as dt

from bot.answer.engine import Engine
from bot.kb.base import KnowledgeBase
from bot.learning.service import Learning
from bot.schedule.learning_chores import LearningChores
from bot.schedule.scheduler import Scheduler
from bot.slack.digest_poster import DigestPoster, digest_client
from bot.slack.report_poster import ReportPoster
from bot.store import Store
from tests.fakes.slack_api import FakeSlackApi
from tests.learning.conftest import START
from tests.schedule.conftest import FakeClock


def test_the_scheduler_purges_rows_past_their_retention(
    learning: Learning,
    session_engine: Engine,
    store: Store,
    clock: FakeClock,
    knowledge: KnowledgeBase,
    slack_api: FakeSlackApi,
) -> None:
    reply = session_engine.ask("trade with asean")
    old = learning.ticket(reply)
    learning.record(reply, text="old question", surface="dm", user_id="U1", ticket=old)
    learning.vote(old.value(-1), "U1")
    assert learning.recorder is not None and learning.recorder.flush()

    clock.set(START + dt.timedelta(days=20))
    recent = learning.ticket(reply)
    learning.record(reply, text="recent question", surface="dm", user_id="U1", ticket=recent)
    learning.vote(recent.value(1), "U1")
    assert learning.recorder.flush()

    client = digest_client("xoxb-test", slack_api.url, timeout=5)
    poster = DigestPoster(client, sleep=clock.sleep, monotonic=clock.monotonic)
    chores = LearningChores(learning, ReportPoster(poster), channel=None, schedule=None)
    scheduler = Scheduler(store, knowledge, poster, clock=clock, chores=[chores])

    clock.set(START + dt.timedelta(days=30, minutes=-10))
    scheduler.tick()
    assert [q.text for q in store.questions.since(START)] == ["old question", "recent question"]

    clock.set(START + dt.timedelta(days=30, minutes=20))
    scheduler.tick()  # past its retention, but within the hour since the last purge: not yet
    assert len(store.questions.since(START)) == 2
    clock.set(START + dt.timedelta(days=30, minutes=55))
    scheduler.tick()
    assert [q.text for q in store.questions.since(START)] == ["recent question"]
    assert [v.answer_id for v in store.feedback.since(START)] == [recent.answer_id]

    clock.set(START + dt.timedelta(days=60))
    scheduler.tick()
    assert store.questions.since(START) == [] and store.feedback.since(START) == []
    slack_api.assert_quiet("chat.postMessage", period=0.1)
