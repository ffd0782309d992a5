"""The Web API client every part of the bot uses, pointed at ``SLACK_API_URL`` with a short timeout."""

from __future__ import annotations

from slack_sdk import WebClient

from bot.config import Settings


def build_web_client(settings: Settings) -> WebClient:
    """A WebClient for the bot token.

    The timeout (``SLACK_TIMEOUT_SECONDS``) is shorter than the SDK's 30 s default so a stuck call cannot hold
    a listener thread for long. Retry handlers for rate limits and server errors are added here by the
    hardening work, so that every caller gets them.
    """
    return WebClient(
        token=settings.slack_bot_token,
        base_url=settings.slack_api_url,
        timeout=settings.slack_timeout_seconds,
    )
