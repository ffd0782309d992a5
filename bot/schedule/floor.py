"""Which cron expressions a subscription may use, and the hourly floor checked on its real firing times.

Accepted: five fields (minute hour day month weekday) of numbers, ``*``, ranges, steps and lists, month and day
names (``jan``, ``mon``), and the deterministic day forms ``L`` (last day of the month), ``LW`` (its last
weekday), ``5L`` (its last Friday) and ``1#2`` (its second Monday). Refused, with a reason: random (``R``) and
hashed (``H``) values, which draw a different time at each tick; ``?`` and ``W``; ``@`` aliases; a seconds or
year field. So a schedule fires at the same times in every period, and checking those times checks what it posts.

The floor (at most one post an hour) is checked on the times the scheduler will really post at, in the
subscription's own time zone and in UTC, not on one draw:

- a full year of firing times, from the first one after a fixed start: a cron's minutes and hours are the same on
  every day it fires, so its days within one year show every gap it has between and within days;
- every daylight-saving change of the zone in 28 years (the period after which dates fall on the same weekdays
  again, and so do rules such as "the last Sunday of March"), one day either side: a skipped hour is posted at
  the change, as Debian's cron does it, so ``30 1,2 * * *`` posts 30 minutes apart once a year in Europe/Berlin.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import zoneinfo
from collections.abc import Iterator

from cronsim import CronSim, CronSimError

from bot.schedule.errors import ScheduleError

# Digests are summaries; more than one an hour is noise, and the one-hour catch-up window assumes it.
MIN_INTERVAL = dt.timedelta(hours=1)
EXAMPLE = '"0 9 * * 1-5"'
FIELDS = ("minute", "hour", "day of the month", "month", "weekday")
# A fixed start, so whether a schedule is accepted does not depend on the day it is typed.
START = dt.datetime(2026, 1, 1)
YEAR = dt.timedelta(days=366)
CYCLE_YEARS = 28
_ATOM = re.compile(r"[A-Za-z?@]+")
_REFUSED = {
    "R": "random values (R) draw a new time at every tick",
    "H": "hashed values (H) are not standard cron",
    "?": "“?” is not standard cron; use *",
    "W": "nearest-weekday values (W) are not supported; LW (the last weekday of the month) is",
}
_NAMES = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"} | {
    "SUN",
    "MON",
    "TUE",
    "WED",
    "THU",
    "FRI",
    "SAT",
}


def check_cron(cron: str) -> None:
    """Raise ScheduleError unless ``cron`` is an accepted five-field expression that fires at most hourly (in UTC).

    The time zone is not known yet when a schedule is read; ``check_floor`` checks the floor in it.
    """
    if cron.startswith("@"):
        raise ScheduleError(
            f"“{cron}” is a cron alias; write daily 09:00, weekly mon 09:00 or the five fields", "daily 09:00"
        )
    fields = cron.split()
    if len(fields) != 5:
        raise ScheduleError(
            f"a cron expression has five fields (minute hour day month weekday); “{cron}” has {len(fields)}", EXAMPLE
        )
    for name, value in zip(FIELDS, fields, strict=True):
        for word in _ATOM.findall(value.upper()):
            if word in _NAMES or word in {"L", "LW"}:
                continue
            reason = _REFUSED.get(word, "it is not a cron value (months are jan … dec, days sun … sat)")
            raise ScheduleError(f"the {name} field “{value}” is refused: {reason}", EXAMPLE)
    _parsed(cron)
    check_floor(cron, "UTC")


def check_floor(cron: str, timezone: str) -> None:
    """Raise ScheduleError if ``cron`` (already accepted by ``check_cron``) ever fires twice within an hour in
    ``timezone``, or never fires; see the module's docstring for the times checked."""
    zone = zoneinfo.ZoneInfo(timezone)
    start = START.replace(tzinfo=zone)
    try:
        first = next(_parsed(cron, start))
    except StopIteration:
        raise ScheduleError(f"“{cron}” never fires (no date matches it)", EXAMPLE) from None
    windows = [(first - dt.timedelta(seconds=1), first + YEAR)]
    windows += [(change - dt.timedelta(days=2), change + dt.timedelta(days=1)) for change in _offset_changes(timezone)]
    for begin, end in windows:
        previous = None
        for when in _parsed(cron, begin.astimezone(zone)):
            if when >= end:
                break
            instant = when.astimezone(dt.UTC)
            if previous is not None and instant - previous < MIN_INTERVAL:
                where = "" if timezone == "UTC" else f" in {timezone}"
                raise ScheduleError(
                    f"“{cron}” fires more than once an hour{where} (at {previous:%H:%M} and {instant:%H:%M} UTC on "
                    f"{instant:%d %b %Y}); digests go out at most hourly",
                    EXAMPLE,
                )
            previous = instant


def _parsed(cron: str, start: dt.datetime = START) -> Iterator[dt.datetime]:
    try:
        return CronSim(cron, start)
    except CronSimError as exc:
        raise ScheduleError(_why(cron, str(exc)), EXAMPLE) from None


def _why(cron: str, error: str) -> str:
    # cronsim names the field ("Bad day-of-month"); a day that no month has is reported by the same error.
    fields = cron.split()
    if error == "Bad day-of-month":
        try:
            CronSim(" ".join([*fields[:3], "*", fields[4]]), START)
        except CronSimError:
            pass
        else:
            return f"“{cron}” never fires: none of its months has that day"
    field = error.removeprefix("Bad ").replace("day-of-month", "day of the month").replace("day-of-week", "weekday")
    return f"“{cron}” is not a valid cron expression (look at the {field} field)"


@functools.lru_cache(maxsize=64)
def _offset_changes(timezone: str) -> tuple[dt.datetime, ...]:
    """For each change of ``timezone``'s offset within the cycle, the first UTC midnight after it."""
    zone = zoneinfo.ZoneInfo(timezone)
    day = START.replace(tzinfo=dt.UTC)
    end = day.replace(year=day.year + CYCLE_YEARS)
    changes, offset = [], day.astimezone(zone).utcoffset()
    while day < end:
        day += dt.timedelta(days=1)
        current = day.astimezone(zone).utcoffset()
        if current != offset:
            changes.append(day)
            offset = current
    return tuple(changes)
