"""When a cron schedule fires, in its own time zone; slots are returned in UTC.

cronsim computes the times as Debian's cron does, across daylight-saving changes too; ``bot.schedule.floor`` says
which expressions a subscription may use.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from cronsim import CronSim

_LOOK_BACK = dt.timedelta(hours=3)


def latest_slot(cron: str, timezone: str, now: dt.datetime) -> dt.datetime:
    """The most recent time at or before ``now`` when ``cron`` fires in ``timezone``, in UTC.

    Within the last three hours (every slot the scheduler may still post, and more than any daylight-saving
    shift) it is the latest time of the forward walk, the walk the hourly floor is checked on: walking backwards,
    cronsim reads an hour that the clocks repeat in its first pass only, and a half-hour shift differently, and
    the scheduler would then post closer together than the check saw.
    """
    zone = zoneinfo.ZoneInfo(timezone)
    latest = None
    for when in CronSim(cron, (now - _LOOK_BACK).astimezone(zone)):
        instant = when.astimezone(dt.UTC)
        if instant > now:
            break
        latest = instant
    if latest is not None:
        return latest
    # Iterating backwards yields times strictly before the start, and slots fall on whole minutes: starting one
    # second past the current second makes a slot at exactly ``now`` count as due, and one a fraction of a second
    # away not.
    start = now.astimezone(zone).replace(microsecond=0) + dt.timedelta(seconds=1)
    return next(CronSim(cron, start, reverse=True)).astimezone(dt.UTC)


def next_slot(cron: str, timezone: str, now: dt.datetime) -> dt.datetime:
    """The first time after ``now`` when ``cron`` fires in ``timezone``, in UTC."""
    zone = zoneinfo.ZoneInfo(timezone)
    return next(CronSim(cron, now.astimezone(zone))).astimezone(dt.UTC)
