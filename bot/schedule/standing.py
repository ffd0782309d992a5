"""The standing subscription configured by operators (DIGEST_CHANNEL, DIGEST_SCHEDULE, DIGEST_TOPIC,
DIGEST_TIMEZONE), made or updated at start-up so restarts do not duplicate it."""

from __future__ import annotations

import logging

from bot.config import Settings, SettingsError
from bot.kb.base import KnowledgeBase
from bot.schedule.errors import ScheduleError
from bot.schedule.floor import check_floor
from bot.schedule.spec import parse_schedule
from bot.schedule.timezones import canonical_timezone
from bot.schedule.topics import topic_resolver
from bot.store import NewSubscription, Store, Subscription

logger = logging.getLogger(__name__)

CONFIG_KEY = "settings:digest"


def apply_standing_subscription(store: Store, settings: Settings, kb: KnowledgeBase) -> Subscription | None:
    """Create, update or remove the configured subscription; return it (None when none is configured).

    Raises:
        SettingsError: naming the DIGEST_* variable that is missing or malformed.
    """
    if not settings.digest_channel and not settings.digest_schedule:
        if store.subscriptions.remove_config(CONFIG_KEY):
            logger.info("standing digest removed (DIGEST_CHANNEL and DIGEST_SCHEDULE are unset)")
        return None
    if not settings.digest_channel:
        raise SettingsError("DIGEST_CHANNEL: is not set but DIGEST_SCHEDULE is; set both or neither")
    if not settings.digest_schedule:
        raise SettingsError("DIGEST_SCHEDULE: is not set but DIGEST_CHANNEL is; set both or neither (daily 09:00)")
    timezone = canonical_timezone(settings.digest_timezone)
    if timezone is None:
        raise SettingsError(f"DIGEST_TIMEZONE: {settings.digest_timezone!r} is not an IANA time zone (Asia/Shanghai)")
    try:
        spec = parse_schedule(settings.digest_schedule, topic_resolver(kb))
        check_floor(spec.cron, spec.timezone or timezone)
    except ScheduleError as exc:
        raise SettingsError(f"DIGEST_SCHEDULE: {exc}") from None
    topic = spec.topic
    if settings.digest_topic:
        topic = topic_resolver(kb)(settings.digest_topic)
        if topic is None:
            raise SettingsError(
                f"DIGEST_TOPIC: no topic {settings.digest_topic!r} (see tradebot export or /trade topics)"
            )
    new = NewSubscription(
        channel=settings.digest_channel.strip(),
        creator=None,
        kind=spec.kind,
        cron=spec.cron,
        timezone=spec.timezone or timezone,
        topic=topic,
        spec=spec.spec,
    )
    subscription = store.subscriptions.put_config(CONFIG_KEY, new)
    logger.info("standing digest #%d: %s (%s) in %s", subscription.id, new.spec, new.timezone, new.channel)
    return subscription
