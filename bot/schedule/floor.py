"""Which cron expressions a subscription may use, and the hourly floor checked on its real firing times.

Accepted: five fields (minute hour day month weekday) of numbers, ``*``, ranges, steps and lists, month and day
names (``jan``, ``mon``), and the deterministic day forms ``L`` (last day of the month), ``LW`` (its last
weekday), ``5L`` (its last Friday) and ``1#2`` (its second Monday). Refused, with a reason: random (``R``) and
hashed (``H``) values, which draw a different time at each tick; ``?`` and ``W``; ``@`` aliases; a seconds or
year field. So a schedule fires at the same times in every period, and checking those times checks what it posts.

The floor (at most one post an hour) is checked on the times the scheduler will really post at, not on one draw:

- ``check_cron``: a full year of firing times on the wall clock, from the first one after a fixed start. A cron's
  minutes and hours are the same on every day it fires, so one year shows every gap it has, within and between
  days; it also finds a schedule that never fires.
- ``check_floor``: in the subscription's own zone, every change of its UTC offset in 28 years (the period after
  which dates fall on the same weekdays again, and so do rules such as "the last Sunday of March"), three hours
  either side: only there do real gaps differ from the wall clock's. A skipped hour is posted at the change, as
  Debian's cron does, so ``30 1,2 * * *`` posts 30 minutes apart once a year in Europe/Berlin. A schedule whose
  times of day are further apart than an hour plus the zone's largest change cannot be brought closer, and is not
  walked.
- ``check_stored``: the same rules for a subscription stored earlier, fast enough to run over every one at
  start-up: on the wall clock, a cron fires twice within an hour exactly when its minute field has more than one
  value (two minutes of one hour are less than an hour apart; one minute in several hours gives gaps of whole
  hours, 23 at most across midnight), which ``tests/schedule/test_floor.py`` checks against the year's walk.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import zoneinfo

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
# How far either side of an offset change a walk looks: a pair of posts less than an hour apart that straddles a
# change of at most two hours lies within it.
_AROUND = dt.timedelta(hours=3)
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
    """Raise ScheduleError unless ``cron`` is an accepted five-field expression that fires, at most hourly on the
    wall clock. The zone is not known yet when a schedule is read; ``check_floor`` checks it."""
    first = _first_firing(cron)
    previous = None
    for when in _parsed(cron, first - dt.timedelta(seconds=1)):
        if when >= first + YEAR:
            break
        if previous is not None and when - previous < MIN_INTERVAL:
            raise _too_often(cron, previous, when, "UTC")
        previous = when


def check_floor(cron: str, timezone: str) -> None:
    """Raise ScheduleError if ``cron`` (accepted by ``check_cron``) posts twice within an hour in ``timezone``
    around a change of its UTC offset."""
    changes = _offset_changes(timezone)
    if not changes or _wall_gap(cron) >= MIN_INTERVAL + max(shift for _, shift in changes):
        return
    zone = zoneinfo.ZoneInfo(timezone)
    for change, _ in changes:
        previous = None
        for when in _parsed(cron, (change - _AROUND).astimezone(zone)):
            instant = when.astimezone(dt.UTC)
            if instant > change + _AROUND:
                break
            if previous is not None and instant - previous < MIN_INTERVAL:
                raise _too_often(cron, previous, instant, timezone)
            previous = instant


def check_stored(cron: str, timezone: str) -> None:
    """``check_cron`` and ``check_floor`` for a stored subscription, without walking a year (see the module)."""
    _first_firing(cron)
    if _wall_gap(cron) < MIN_INTERVAL:
        raise ScheduleError(f"“{cron}” fires more than once an hour; digests go out at most hourly", EXAMPLE)
    check_floor(cron, timezone)


def _first_firing(cron: str) -> dt.datetime:
    """The first time ``cron`` fires after the fixed start, once its form is accepted."""
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
    try:
        return next(_parsed(cron, START))
    except StopIteration:  # cronsim looks 50 years ahead
        raise ScheduleError(f"“{cron}” never fires (no date matches it)", EXAMPLE) from None


def _wall_gap(cron: str) -> dt.timedelta:
    """The shortest gap between two of ``cron``'s times of day, counting across midnight (a whole day when it has
    one): its shortest gap on the wall clock when it fires on consecutive days, and a lower bound otherwise."""
    parsed = _parsed(cron, START)
    times = sorted(hour * 60 + minute for hour in parsed.hours for minute in parsed.minutes)
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)] + [24 * 60 - times[-1] + times[0]]
    return dt.timedelta(minutes=min(gaps))


def _too_often(cron: str, previous: dt.datetime, when: dt.datetime, timezone: str) -> ScheduleError:
    where = "" if timezone == "UTC" else f" in {timezone}"
    return ScheduleError(
        f"“{cron}” fires more than once an hour{where} (at {previous:%H:%M} and {when:%H:%M} UTC on "
        f"{when:%d %b %Y}); digests go out at most hourly",
        EXAMPLE,
    )


def _parsed(cron: str, start: dt.datetime) -> CronSim:
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
def _offset_changes(timezone: str) -> tuple[tuple[dt.datetime, dt.timedelta], ...]:
    """Each change of ``timezone``'s UTC offset within the cycle: when (UTC, to the minute) and by how much."""
    zone = zoneinfo.ZoneInfo(timezone)
    day = START.replace(tzinfo=dt.UTC)
    end = day.replace(year=day.year + CYCLE_YEARS)
    changes = []
    while day < end:
        after = day + dt.timedelta(days=1)
        before_offset, after_offset = day.astimezone(zone).utcoffset(), after.astimezone(zone).utcoffset()
        if before_offset != after_offset and before_offset is not None and after_offset is not None:
            low, high = day, after  # the offset is before_offset at low and after_offset at high: halve to a minute
            while high - low > dt.timedelta(minutes=1):
                middle = low + (high - low) / 2
                low, high = (middle, high) if middle.astimezone(zone).utcoffset() == before_offset else (low, middle)
            changes.append((high, abs(after_offset - before_offset)))
        day = after
    return tuple(changes)
