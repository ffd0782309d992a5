"""How many subscriptions a channel and a user may have (SUBSCRIPTIONS_PER_CHANNEL, SUBSCRIPTIONS_PER_USER)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from bot.config import Settings


class SubscriptionLimits(BaseModel):
    """The caps that ``/trade subscribe`` enforces; subscriptions from configuration count towards neither."""

    model_config = ConfigDict(frozen=True)

    per_channel: int = Field(ge=1)
    per_user: int = Field(ge=1)

    @classmethod
    def of(cls, settings: Settings) -> SubscriptionLimits:
        """The caps configured in ``settings``."""
        return cls(per_channel=settings.subscriptions_per_channel, per_user=settings.subscriptions_per_user)


# The documented defaults, for callers that have no settings (tests that build the services by hand).
DEFAULT_LIMITS = SubscriptionLimits.of(Settings.model_construct())
