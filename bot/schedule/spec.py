"""Reading a schedule as typed after ``/trade subscribe``: ``daily 09:00``, ``weekly mon 09:00 asean``,
``"0 9 * * 1-5" Asia/Shanghai``, ``figure-of-the-day 08:30``.

Grammar: ``SCHEDULE [TOPIC] [TIME ZONE]`` where SCHEDULE is ``daily HH:MM``, ``weekly DAY HH:MM``,
``figure-of-the-day [HH:MM]`` or a five-field cron expression (quoted, or unquoted when it starts with a digit or
``*``). The topic and the zone may come in either order.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable

from pydantic import BaseModel, ConfigDict

from bot.schedule.errors import ScheduleError
from bot.schedule.floor import check_cron
from bot.schedule.timezones import canonical_timezone, looks_like_timezone
from bot.store.models import ScheduleKind

USAGE = (
    "/trade subscribe daily 09:00 · /trade subscribe weekly mon 09:00 asean · "
    '/trade subscribe "0 9 * * 1-5" Asia/Shanghai · /trade subscribe figure-of-the-day 08:30'
)
DEFAULT_FIGURE_TIME = (9, 0)

# Full name -> cron day number (0 is Sunday). Any prefix of three letters or more is accepted.
WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 0}
FIGURE_WORDS = {"figure-of-the-day", "figure", "fotd", "figure-of-day"}
_TIME = re.compile(r"^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$")
_CRON_START = re.compile(r"^[\d*]")
# Slack clients turn straight quotes into typographic ones; shlex only knows the straight kind.
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"})

TopicResolver = Callable[[str], "str | None"]


class ScheduleSpec(BaseModel):
    """A parsed schedule: every kind becomes a cron expression; ``timezone`` is None when not given."""

    model_config = ConfigDict(frozen=True)

    kind: ScheduleKind
    cron: str
    spec: str  # as it can be typed again: "daily 09:00", "weekly mon 09:00", '"0 9 * * 1-5"', "figure-of-the-day 09:00"
    topic: str | None = None
    timezone: str | None = None


def parse_schedule(text: str, resolve_topic: TopicResolver) -> ScheduleSpec:
    """Parse what follows ``subscribe``.

    Args:
        text: the schedule, topic and zone as typed.
        resolve_topic: maps a topic as typed ("asean", "Latin America") to its id, or None if there is none.

    Raises:
        ScheduleError: saying what is wrong, with an example of the right form.
    """
    try:
        tokens = shlex.split(text.translate(_QUOTES))
    except ValueError:
        raise ScheduleError("a quote is not closed", '"0 9 * * 1-5"') from None
    if not tokens:
        raise ScheduleError("say when to post", "daily 09:00")
    kind, cron, spec, rest = _schedule(tokens)
    timezone, topic_words = _timezone(rest)
    topic = None
    if topic_words:
        phrase = " ".join(topic_words)
        topic = resolve_topic(phrase)
        if topic is None:
            raise ScheduleError(f"I have no topic “{phrase}” (see /trade topics)", f"{spec} asean")
    return ScheduleSpec(kind=kind, cron=cron, spec=spec, topic=topic, timezone=timezone)


def _schedule(tokens: list[str]) -> tuple[ScheduleKind, str, str, list[str]]:
    head, rest = tokens[0].lower(), tokens[1:]
    if head == "daily":
        if not rest:
            raise ScheduleError("daily needs a time (HH:MM, 24-hour)", "daily 09:00")
        hour, minute = _time(rest[0], "daily 09:00")
        return "daily", f"{minute} {hour} * * *", f"daily {hour:02d}:{minute:02d}", rest[1:]
    if head == "weekly":
        if len(rest) < 2:
            raise ScheduleError("weekly needs a day and a time", "weekly mon 09:00")
        day = _weekday(rest[0])
        hour, minute = _time(rest[1], "weekly mon 09:00")
        number = WEEKDAYS[day]
        return "weekly", f"{minute} {hour} * * {number}", f"weekly {day[:3]} {hour:02d}:{minute:02d}", rest[2:]
    if head in FIGURE_WORDS:
        hour, minute = DEFAULT_FIGURE_TIME
        if rest and _TIME.match(rest[0].lower()):
            hour, minute = _time(rest[0], "figure-of-the-day 09:00")
            rest = rest[1:]
        cron = f"{minute} {hour} * * *"
        return "figure-of-the-day", cron, f"figure-of-the-day {hour:02d}:{minute:02d}", rest
    if " " in head.strip():
        cron = " ".join(tokens[0].split())
        check_cron(cron)
        return "cron", cron, f'"{cron}"', rest
    if _CRON_START.match(head):
        cron = " ".join(tokens[:5])
        check_cron(cron)
        return "cron", cron, f'"{cron}"', tokens[5:]
    if head.startswith("@"):
        check_cron(head)  # refuses every alias, saying what to type instead
    raise ScheduleError(
        f"“{tokens[0]}” is not a schedule; use daily, weekly, figure-of-the-day or a cron expression in quotes",
        "daily 09:00",
    )


def _weekday(token: str) -> str:
    word = token.lower().rstrip(".")
    if len(word) >= 3:
        for day in WEEKDAYS:
            if day.startswith(word):
                return day
    raise ScheduleError(f"“{token}” is not a day of the week (mon … sun)", "weekly mon 09:00")


def _time(token: str, example: str) -> tuple[int, int]:
    match = _TIME.match(token.lower())
    if match is None:
        raise ScheduleError(f"“{token}” is not a time; write HH:MM (24-hour)", example)
    hour, minute, half = int(match[1]), int(match[2] or 0), match[3]
    if half:
        if not 1 <= hour <= 12:
            raise ScheduleError(f"“{token}” is not a time", example)
        hour = hour % 12 + (12 if half == "pm" else 0)
    elif match[2] is None:
        raise ScheduleError(f"“{token}” is not a time; write HH:MM (24-hour)", example)
    if hour > 23 or minute > 59:
        raise ScheduleError(f"“{token}” is not a time of day (00:00 to 23:59)", example)
    return hour, minute


def _timezone(tokens: list[str]) -> tuple[str | None, list[str]]:
    # Only "Area/City", UTC and GMT count as zones: bare legacy names such as "Singapore" could be a topic.
    timezone, rest = None, []
    for token in tokens:
        if not looks_like_timezone(token):
            rest.append(token)
            continue
        zone = canonical_timezone(token)
        if zone is None:
            raise ScheduleError(
                f"“{token}” is not a time zone; use an IANA name such as Asia/Shanghai or Europe/Berlin",
                "daily 09:00 Asia/Shanghai",
            )
        if timezone is not None:
            raise ScheduleError("give one time zone at most", "daily 09:00 Asia/Shanghai")
        timezone = zone
    return timezone, rest
