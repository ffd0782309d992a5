"""Only deterministic cron passes, and the hourly floor holds on the times the scheduler really posts at.

Issue 18, finding 2: croniter's ``R`` drew a new random minute at every tick, so ``"R * * * *"`` posted about 58
digests an hour and ``"0 R * * *"`` 24 a day, although both passed a check of one walk.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.config import load_settings
from bot.kb.base import KnowledgeBase
from bot.schedule.errors import ScheduleError
from bot.schedule.floor import check_cron, check_floor, check_stored
from bot.schedule.prepare import prepare_scheduling
from bot.store import Store
from tests.fakes.slack_api import FakeSlackApi
from tests.schedule.conftest import FakeClock, add_daily, make_scheduler


@pytest.mark.parametrize(
    ("cron", "problem"),
    [
        ("R * * * *", "random values (R)"),
        ("0 R * * *", "random values (R)"),
        ("0 9 R * *", "random values (R)"),
        ("H * * * *", "hashed values (H)"),
        ("H(0-29) * * * *", "hashed values (H)"),
        ("0 9 ? * *", "use *"),
        ("0 9 15W * *", "nearest-weekday values (W)"),
        ("@hourly", "cron alias"),
        ("0 9 * * * 0", "has 6"),
        ("0 0 9 * * * 2026", "has 7"),
        ("0 9 31 2 *", "never fires"),
        ("0 0 31 4,6 *", "never fires"),
        ("60 9 * * *", "minute field"),
        ("0 9 * * thursday", "not a cron value"),
        ("*/30 * * * *", "more than once an hour"),
        ("0,59 9 * * *", "more than once an hour"),
        ("0,30 9 29 2 *", "more than once an hour"),  # fires in leap years only: still walked
    ],
)
def test_refused_with_the_reason(cron: str, problem: str) -> None:
    with pytest.raises(ScheduleError) as refused:
        check_cron(cron)
    assert problem in refused.value.problem
    with pytest.raises(ScheduleError):
        check_stored(cron, "UTC")


@pytest.mark.parametrize(
    "cron",
    ["0 * * * *", "0 9 * * 1-5", "0 9 L * *", "0 9 LW * *", "0 9 * * 5L", "0 9 * * 1#2", "0 9 29 2 *", "0 9 * jan mon"],
)
def test_deterministic_forms_that_fire_at_most_hourly_pass(cron: str) -> None:
    check_cron(cron)
    check_floor(cron, "Europe/Berlin")
    check_stored(cron, "Europe/Berlin")


FIELD = st.sampled_from("* 0 5 30 59 9 23 */2 */7 */61 0-0 1-5 0,30 1,2 0-23/3 L LW 5L 1#2 31 29 2 jan sun 7".split())


@settings(max_examples=300, deadline=None)
@given(fields=st.lists(FIELD, min_size=5, max_size=5), zone=st.sampled_from(["UTC", "Europe/Berlin", "Australia/LHI"]))
def test_the_start_up_check_agrees_with_the_walk_of_a_year(fields: list[str], zone: str) -> None:
    cron = " ".join(fields)

    def verdict(*checks: Callable[[], None]) -> str | None:
        try:
            for check in checks:
                check()
        except ScheduleError as exc:
            return "too often" if "more than once an hour" in exc.problem else exc.problem
        return None

    walked = verdict(lambda: check_cron(cron), lambda: check_floor(cron, zone))
    assert verdict(lambda: check_stored(cron, zone)) == walked


def test_a_daylight_saving_change_that_brings_two_posts_closer_is_refused_in_that_zone_only() -> None:
    check_floor("30 1,2 * * *", "UTC")
    check_floor("30 1,2 * * *", "Asia/Shanghai")  # no daylight saving
    with pytest.raises(ScheduleError, match="in Europe/Berlin"):
        check_floor("30 1,2 * * *", "Europe/Berlin")
    # The change falls on 30 March only in some years (2031): the 28-year cycle finds it.
    with pytest.raises(ScheduleError, match="30 Mar 2031"):
        check_floor("30 1,2 30 3 *", "Europe/Berlin")


def _posts_on(
    store: Store, kb: KnowledgeBase, api: FakeSlackApi, clock: FakeClock, start: dt.datetime, minutes: int
) -> list[dt.datetime]:
    """Tick the scheduler once a minute from ``start``; the times at which it posted (after a first tick that
    catches up on a slot of the hour before)."""
    scheduler = make_scheduler(store, kb, api, clock)
    scheduler.tick(clock.set(start - dt.timedelta(minutes=1)))
    posted = []
    for minute in range(minutes):
        now = clock.set(start + dt.timedelta(minutes=minute, seconds=5))
        if scheduler.tick(now).posted:
            posted.append(now)
    return posted


def test_what_the_floor_refuses_is_what_the_scheduler_would_post(
    store: Store, kb: KnowledgeBase, api: FakeSlackApi, clock: FakeClock
) -> None:
    # Stored behind the check's back, as before this fix: on Berlin's spring-forward night the scheduler posts the
    # skipped 02:30 at 03:00, half an hour after 01:30.
    start = dt.datetime(2026, 3, 28, 23, 0, tzinfo=dt.UTC)
    clock.set(start - dt.timedelta(days=1))
    add_daily(store, timezone="Europe/Berlin", kind="cron", cron="30 1,2 * * *", spec='"30 1,2 * * *"')
    posts = _posts_on(store, kb, api, clock, start, minutes=4 * 60)
    assert [p.strftime("%H:%M") for p in posts] == ["00:30", "01:00"]


@pytest.mark.parametrize(
    ("zone", "nights"),
    [
        ("Europe/Berlin", ((2026, 3, 28, 23), (2026, 10, 24, 23))),
        ("Australia/Lord_Howe", ((2026, 4, 4, 13), (2026, 10, 3, 13))),  # clocks move by half an hour there
    ],
)
def test_an_accepted_hourly_schedule_posts_hourly_across_both_changes(
    store: Store, kb: KnowledgeBase, api: FakeSlackApi, clock: FakeClock, zone: str, nights: tuple
) -> None:
    check_floor("30 * * * *", zone)
    clock.set(dt.datetime(2026, 3, 1, tzinfo=dt.UTC))
    add_daily(store, timezone=zone, kind="cron", cron="30 * * * *", spec='"30 * * * *"')
    for night in nights:
        posts = _posts_on(store, kb, api, clock, dt.datetime(*night, tzinfo=dt.UTC), minutes=4 * 60)
        assert len(posts) >= 3
        assert all(b - a >= dt.timedelta(hours=1) for a, b in zip(posts, posts[1:], strict=False)), posts


def test_stored_subscriptions_the_rules_refuse_are_paused_at_start_up(store: Store, kb: KnowledgeBase) -> None:
    random_minute = add_daily(store, kind="cron", cron="R * * * *", spec='"R * * * *"')
    random_hour = add_daily(store, kind="cron", cron="0 R * * *", spec='"0 R * * *"')
    closer_in_summer = add_daily(
        store, kind="cron", cron="30 1,2 * * *", spec='"30 1,2 * * *"', timezone="Europe/Berlin"
    )
    fine = add_daily(store)
    prepare_scheduling(load_settings(database_url=str(store.engine.url)), kb)
    by_id = {s.id: s for s in store.subscriptions.all()}
    assert by_id[random_minute].paused and "random values (R)" in (by_id[random_minute].paused_reason or "")
    assert by_id[random_hour].paused
    assert by_id[closer_in_summer].paused and "in Europe/Berlin" in (by_id[closer_in_summer].paused_reason or "")
    assert not by_id[fine].paused
