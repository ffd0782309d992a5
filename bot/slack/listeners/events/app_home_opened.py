"""The Home tab: published each time it is opened, so it always shows the loaded knowledge (and, to admins, the
last week's questions)."""

from __future__ import annotations

from logging import Logger
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.answer.kb_replies import key_answers
from bot.render.home import home_view
from bot.router import KeyFiguresOutcome
from bot.router.builtin import help_outcome
from bot.slack.home_admin import with_admin_summary
from bot.slack.services import services_of


def app_home_opened_callback(
    body: dict[str, Any], event: dict[str, Any], context: BoltContext, client: WebClient, logger: Logger
) -> None:
    """Publish the key figures and how to ask, and the curator's summary to admins."""
    services = services_of(context)
    view = home_view(KeyFiguresOutcome(answers=key_answers(services.kb)), help_outcome())
    client.views_publish(user_id=event["user"], view=with_admin_summary(view, services, event["user"], logger))
