"""When a cron schedule fires, in its own time zone; slots are returned in UTC."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from croniter import croniter

from bot.schedule.errors import ScheduleError

# Digests are summaries; more than one an hour is noise, and the one-hour catch-up window assumes it.
MIN_INTERVAL = dt.timedelta(hours=1)
_INTERVAL_SAMPLES = 60


def latest_slot(cron: str, timezone: str, now: dt.datetime) -> dt.datetime:
    """The most recent time at or before ``now`` when ``cron`` fires in ``timezone``, in UTC."""
    zone = zoneinfo.ZoneInfo(timezone)
    # croniter's get_prev is strictly before its start, and slots fall on whole minutes: starting one second past
    # the current second makes a slot at exactly ``now`` count as due, and one a fraction of a second away not.
    start = now.astimezone(zone).replace(microsecond=0) + dt.timedelta(seconds=1)
    return croniter(cron, start).get_prev(dt.datetime).astimezone(dt.UTC)


def next_slot(cron: str, timezone: str, now: dt.datetime) -> dt.datetime:
    """The first time after ``now`` when ``cron`` fires in ``timezone``, in UTC."""
    zone = zoneinfo.ZoneInfo(timezone)
    return croniter(cron, now.astimezone(zone)).get_next(dt.datetime).astimezone(dt.UTC)


def check_cron(cron: str) -> None:
    """Raise ScheduleError unless ``cron`` is a valid five-field expression firing at most once an hour."""
    fields = cron.split()
    if len(fields) != 5:
        raise ScheduleError(
            f"a cron expression has five fields (minute hour day month weekday); “{cron}” has {len(fields)}",
            '"0 9 * * 1-5"',
        )
    if not croniter.is_valid(cron):
        raise ScheduleError(f"“{cron}” is not a valid cron expression", '"0 9 * * 1-5"')
    # Sample from a fixed moment so the answer does not depend on today's date.
    walker = croniter(cron, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    previous = walker.get_next(dt.datetime)
    for _ in range(_INTERVAL_SAMPLES):
        current = walker.get_next(dt.datetime)
        if current - previous < MIN_INTERVAL:
            raise ScheduleError(
                f"“{cron}” fires more than once an hour; digests go out at most hourly", '"0 9 * * 1-5"'
            )
        previous = current
