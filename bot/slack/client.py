"""The Web API client every part of the bot uses, pointed at ``SLACK_API_URL`` with a short timeout and retries."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.webhook import WebhookClient

from bot.config import Settings
from bot.slack.retries import never_idempotent, retry_handlers


def build_web_client(settings: Settings) -> WebClient:
    """A WebClient for the bot token.

    The timeout (``SLACK_TIMEOUT_SECONDS``) is shorter than the SDK's 30 s default so a stuck call cannot hold
    a listener thread for long. The retry handlers (``bot.slack.retries``) honour rate limits within a bound and
    retry faults only where a repeat cannot post twice; Bolt copies them into each request's client.
    """
    return WebClient(
        token=settings.slack_bot_token,
        base_url=settings.slack_api_url,
        timeout=settings.slack_timeout_seconds,
        retry_handlers=retry_handlers(),
    )


def build_webhook_client(url: str, timeout: int) -> WebhookClient:
    """A client for one response URL: the same timeout, and retries only where nothing can be posted twice."""
    return WebhookClient(url, timeout=timeout, retry_handlers=retry_handlers(never_idempotent))
