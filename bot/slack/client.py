"""The Web API client every part of the bot uses, pointed at ``SLACK_API_URL`` with a short timeout and retries,
and sending through this process's keep-alive connections (``bot.slack.keepalive``)."""

from __future__ import annotations

from typing import Any
from urllib.request import Request

from slack_sdk import WebClient
from slack_sdk.webhook import WebhookClient, WebhookResponse

from bot.config import Settings
from bot.slack.keepalive import POOL, ConnectionPool
from bot.slack.retries import never_idempotent, retry_handlers


class PooledWebClient(WebClient):
    """A WebClient whose calls reuse connections from a ``ConnectionPool``.

    It overrides the one slack_sdk method that opens a connection (the SDK has no hook for a transport); everything
    around it (arguments, retry handlers, ``SlackResponse``) is the SDK's. With a proxy it falls back to the SDK's
    own path.
    """

    def __init__(self, *args: Any, pool: ConnectionPool = POOL, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.pool = pool

    def _perform_urllib_http_request_internal(self, url: str, req: Request) -> dict[str, Any]:
        if self.proxy is not None:
            return super()._perform_urllib_http_request_internal(url, req)
        answer = self.pool.send(req, self.timeout, self.ssl)
        if answer.headers.get_content_type() == "application/gzip":
            return {"status": answer.status, "headers": answer.headers, "body": answer.body}
        return {"status": answer.status, "headers": answer.headers, "body": answer.text()}


class PooledWebhookClient(WebhookClient):
    """A WebhookClient (response URLs) on the same pool; see ``PooledWebClient``."""

    def __init__(self, *args: Any, pool: ConnectionPool = POOL, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.pool = pool

    def _perform_http_request_internal(self, url: str, req: Request) -> WebhookResponse:
        if self.proxy is not None:
            return super()._perform_http_request_internal(url, req)
        answer = self.pool.send(req, self.timeout, self.ssl)
        return WebhookResponse(url=url, status_code=answer.status, body=answer.text(), headers=answer.headers)


def build_web_client(settings: Settings) -> PooledWebClient:
    """A WebClient for the bot token.

    The timeout (``SLACK_TIMEOUT_SECONDS``) is shorter than the SDK's 30 s default so a stuck call cannot hold
    a listener thread for long. The retry handlers (``bot.slack.retries``) honour rate limits within a bound and
    retry faults only where a repeat cannot post twice.
    """
    return PooledWebClient(
        token=settings.slack_bot_token,
        base_url=settings.slack_api_url,
        timeout=settings.slack_timeout_seconds,
        retry_handlers=retry_handlers(),
    )


def build_webhook_client(url: str, timeout: int) -> PooledWebhookClient:
    """A client for one response URL: the same timeout, and retries only where nothing can be posted twice."""
    return PooledWebhookClient(url, timeout=timeout, retry_handlers=retry_handlers(never_idempotent))
