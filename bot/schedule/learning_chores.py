"""What the scheduler does for the question log on each tick: purge rows past their retention (at most hourly),
and publish the weekly curator's report to REPORT_CHANNEL when its slot comes (claimed first, so published once
by whichever process gets there). Publishing is the Slack side's (``bot.slack.report_poster``): this module
decides what is due, as the scheduler does for digests."""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
from typing import Protocol

from bot.config import Settings, SettingsError
from bot.learning.report import Report
from bot.learning.service import Learning
from bot.schedule.errors import ScheduleError
from bot.schedule.publisher import PostResult
from bot.schedule.slots import latest_slot
from bot.schedule.spec import parse_schedule
from bot.schedule.timezones import canonical_timezone
from bot.store.errors import StoreError

logger = logging.getLogger(__name__)

PURGE_EVERY = dt.timedelta(hours=1)
CATCH_UP = dt.timedelta(hours=1)  # a report slot found later than this (the bot was down) is not posted
REPORT_PERIOD = dt.timedelta(days=7)


class ReportPublisher(Protocol):
    """Delivers the weekly report; never raises for delivery failures (they are in the result)."""

    def publish_report(self, channel: str, report: Report) -> PostResult:
        """Post ``report`` in ``channel``."""
        ...


def report_schedule(settings: Settings) -> tuple[str, str] | None:
    """(cron, time zone) of the weekly report; None when REPORT_CHANNEL is unset.

    Raises:
        SettingsError: naming REPORT_SCHEDULE or REPORT_TIMEZONE when malformed.
    """
    if not settings.report_channel:
        return None
    zone = canonical_timezone(settings.report_timezone)
    if zone is None:
        raise SettingsError(f"REPORT_TIMEZONE: {settings.report_timezone!r} is not an IANA time zone (Europe/London)")
    try:
        spec = parse_schedule(settings.report_schedule, lambda _topic: None)
    except ScheduleError as exc:
        raise SettingsError(f"REPORT_SCHEDULE: {exc}") from None
    if spec.kind == "figure-of-the-day" or spec.topic:
        raise SettingsError("REPORT_SCHEDULE: say when only, as daily HH:MM, weekly DAY HH:MM or a cron expression")
    return spec.cron, spec.timezone or zone


def learning_chores(settings: Settings, learning: Learning, publisher: ReportPublisher) -> LearningChores:
    """The chores for these settings (REPORT_* read here; ``report_schedule`` checked them at start-up)."""
    return LearningChores(learning, publisher, channel=settings.report_channel, schedule=report_schedule(settings))


class LearningChores:
    """Called by the scheduler each tick with the current time."""

    def __init__(
        self,
        learning: Learning,
        publisher: ReportPublisher,
        *,
        channel: str | None,
        schedule: tuple[str, str] | None,
        owner: str | None = None,
    ):
        self.learning = learning
        self.publisher = publisher
        self.owner = owner or f"{socket.gethostname()}:{os.getpid()}"
        self.channel = channel
        self.schedule = schedule
        self._last_purge: dt.datetime | None = None

    def __call__(self, now: dt.datetime) -> None:
        self.purge(now)
        self.report(now)

    def purge(self, now: dt.datetime) -> None:
        """Drop questions and votes past the retention, at most once an hour."""
        if self._last_purge is not None and now - self._last_purge < PURGE_EVERY:
            return
        self._last_purge = now
        try:
            gone = self.learning.purge()
        except StoreError as exc:
            logger.warning("question log: purge failed, will try again: %s", exc)
            self._last_purge = None
            return
        if gone:
            logger.info("question log: purged %d row(s) older than %s", gone, self.learning.keep)

    def report(self, now: dt.datetime) -> None:
        """Publish the weekly report if its slot is due and no process has claimed it."""
        store = self.learning.store
        if self.schedule is None or not self.channel or store is None:
            return
        slot = latest_slot(*self.schedule, now)
        if now - slot >= CATCH_UP:
            return
        try:
            if not store.state.claim_report(slot, self.channel, self.owner, now):
                return
            report = self.learning.report(REPORT_PERIOD)
        except StoreError as exc:
            logger.warning("weekly report: %s", exc)
            return
        if report is None:
            return
        result = self.publisher.publish_report(self.channel, report)
        if result.ok:
            logger.info("weekly report posted to %s for slot %s", self.channel, slot.isoformat())
        else:
            logger.warning("weekly report to %s failed: %s", self.channel, result.error)
