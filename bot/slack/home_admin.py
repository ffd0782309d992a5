"""The curator's summary on the Home tab, for the users listed in ADMIN_USER_IDS and nobody else."""

from __future__ import annotations

import datetime as dt
from logging import Logger
from typing import Any

from bot.render import limits
from bot.render.kit import context
from bot.render.report import home_report_blocks
from bot.slack.services import Services
from bot.store.errors import StoreError

HOME_PERIOD = dt.timedelta(days=7)


def with_admin_summary(view: dict[str, Any], services: Services, user_id: str, logger: Logger) -> dict[str, Any]:
    """``view`` with the last week's summary appended when ``user_id`` is an admin; unchanged for anyone else."""
    learning = services.learning
    if user_id not in services.settings.admins or learning is None:
        return view
    try:
        report = learning.report(HOME_PERIOD)
    except StoreError as error:
        logger.warning("home tab without the admin summary: %s", error)
        extra = [context(":warning: The question log cannot be read right now.")]
    else:
        extra = home_report_blocks(report) if report else []
    room = limits.VIEW_BLOCKS - len(view["blocks"])
    return {**view, "blocks": [*view["blocks"], *extra[: max(room, 0)]]}
