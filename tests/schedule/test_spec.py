"""Reading schedules: every documented form, and each mistake named with an example that works."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.kb.base import KnowledgeBase
from bot.schedule.errors import ScheduleError
from bot.schedule.slots import latest_slot, next_slot
from bot.schedule.spec import parse_schedule
from bot.schedule.topics import topic_resolver


@pytest.fixture(scope="module")
def resolve(knowledge: KnowledgeBase):
    return topic_resolver(knowledge)


@pytest.mark.parametrize(
    ("typed", "kind", "cron", "spec", "topic", "zone"),
    [
        ("daily 09:00", "daily", "0 9 * * *", "daily 09:00", None, None),
        ("daily 9:05 Asia/Shanghai", "daily", "5 9 * * *", "daily 09:05", None, "Asia/Shanghai"),
        ("DAILY 6pm", "daily", "0 18 * * *", "daily 18:00", None, None),
        ("weekly mon 09:00 asean", "weekly", "0 9 * * 1", "weekly mon 09:00", "asean", None),
        ("weekly Sunday 18:30 europe/berlin", "weekly", "30 18 * * 0", "weekly sun 18:30", None, "Europe/Berlin"),
        ('"0 9 * * 1-5"', "cron", "0 9 * * 1-5", '"0 9 * * 1-5"', None, None),
        ("“0 9 * * 1-5” asean UTC", "cron", "0 9 * * 1-5", '"0 9 * * 1-5"', "asean", "UTC"),
        ("0 9 * * 1-5", "cron", "0 9 * * 1-5", '"0 9 * * 1-5"', None, None),
        ("figure-of-the-day", "figure-of-the-day", "0 9 * * *", "figure-of-the-day 09:00", None, None),
        ("figure-of-the-day 08:30 Asia/Tokyo", "figure-of-the-day", "30 8 * * *", "figure-of-the-day 08:30", None,
         "Asia/Tokyo"),
    ],
)  # fmt: skip
def test_accepted_forms(resolve, typed, kind, cron, spec, topic, zone) -> None:
    parsed = parse_schedule(typed, resolve)
    assert (parsed.kind, parsed.cron, parsed.spec, parsed.topic, parsed.timezone) == (kind, cron, spec, topic, zone)


def test_a_topic_by_name_or_synonym(resolve) -> None:
    assert parse_schedule("daily 09:00 latin america", resolve).topic == "latin-america"
    assert parse_schedule("daily 09:00 Exports", resolve).topic == "exports"


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("", "say when to post"),
        ("daily", "needs a time"),
        ("daily 9", "is not a time"),
        ("daily 24:00", "00:00 to 23:59"),
        ("daily 13pm", "is not a time"),
        ("weekly 09:00", "needs a day and a time"),
        ("weekly monkey 09:00", "is not a day of the week"),
        ('"0 9 * * 1-5', "quote is not closed"),
        ('"0 9 * * 1-5 2026"', "has five fields"),
        ('"0 25 * * *"', "not a valid cron expression"),
        ('"*/30 * * * *"', "more than once an hour"),
        ("daily 09:00 Asia/Atlantis", "is not a time zone"),
        ("daily 09:00 UTC Asia/Tokyo", "one time zone at most"),
        ("daily 09:00 narnia", "no topic “narnia”"),
        ("monthly 1 09:00", "is not a schedule"),
    ],
)
def test_refused_with_what_was_wrong(resolve, typed: str, problem: str) -> None:
    with pytest.raises(ScheduleError) as caught:
        parse_schedule(typed, resolve)
    assert problem in caught.value.problem
    assert caught.value.example  # every refusal comes with a form that works


def test_hourly_cron_is_allowed() -> None:
    assert parse_schedule('"0 * * * *"', lambda _: None).cron == "0 * * * *"


def test_slots_follow_the_zone_across_daylight_saving() -> None:
    # New York moves to daylight time on 8 March 2026: 09:00 local is 14:00 UTC before and 13:00 UTC after.
    before = dt.datetime(2026, 3, 7, 15, 0, tzinfo=dt.UTC)
    assert latest_slot("0 9 * * *", "America/New_York", before) == dt.datetime(2026, 3, 7, 14, 0, tzinfo=dt.UTC)
    assert next_slot("0 9 * * *", "America/New_York", before) == dt.datetime(2026, 3, 8, 13, 0, tzinfo=dt.UTC)


def test_a_slot_is_due_at_its_exact_second_and_not_before() -> None:
    nine = dt.datetime(2026, 3, 9, 9, 0, tzinfo=dt.UTC)
    assert latest_slot("0 9 * * *", "UTC", nine) == nine
    assert latest_slot("0 9 * * *", "UTC", nine - dt.timedelta(microseconds=1)) == nine - dt.timedelta(days=1)
