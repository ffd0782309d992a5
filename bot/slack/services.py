"""What listeners need besides Slack: knowledge, engine, settings; put in every request's Bolt context."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from slack_bolt import BoltContext

from bot.answer.engine import Engine
from bot.config import Settings
from bot.kb.base import KnowledgeBase
from bot.router import RouteContext

CONTEXT_KEY = "tradebot"


@dataclass(frozen=True, eq=False)
class Services:
    """The bot's non-Slack parts, shared by every request.

    Attributes:
        settings: validated settings.
        kb: the knowledge base.
        engine: the answer engine on ``kb``.
        extras: services added by later features (a store for subscriptions, seen event ids), by name.
    """

    settings: Settings
    kb: KnowledgeBase
    engine: Engine
    extras: Mapping[str, Any] = field(default_factory=dict)

    def route_context(self, user_id: str | None = None, channel_id: str | None = None) -> RouteContext:
        """The router's view of one request."""
        return RouteContext(
            kb=self.kb, engine=self.engine, user_id=user_id, channel_id=channel_id, services=self.extras
        )

    def __deepcopy__(self, memo: dict[int, Any]) -> Services:
        # Bolt deep-copies the context for each lazy listener; these are shared and read-only, so share them
        # rather than copying the knowledge base on every request.
        return self


def services_of(context: BoltContext) -> Services:
    """The Services that ``create_app`` put in the request context."""
    return context[CONTEXT_KEY]
