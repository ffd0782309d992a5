"""``respond()`` with the bot's timeout and safe retries.

Bolt's own ``respond`` builds a WebhookClient with the SDK defaults: a 30-second timeout, and a retry of a dropped
connection even after the post reached Slack (a second ephemeral answer). This middleware gives every request
with a response URL a ``respond`` built by ``bot.slack.client.build_webhook_client`` instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import BoltRequest, BoltResponse
from slack_bolt.context.respond import Respond
from slack_bolt.middleware import Middleware
from slack_sdk.webhook import WebhookResponse

from bot.slack.client import build_webhook_client

DEFAULT_TIMEOUT = 10


class BoundedRespond(Respond):
    """``respond(text, blocks=..., response_type=...)`` as Bolt's, through ``build_webhook_client``."""

    def __init__(self, *, response_url: str, timeout: int):
        super().__init__(response_url=response_url)
        self.timeout = timeout

    def __call__(self, text: str | dict[str, Any] = "", **fields: Any) -> WebhookResponse:  # type: ignore[override]
        message = text if isinstance(text, dict) else {"text": text}
        if not isinstance(text, dict):
            message.update({k: v for k, v in fields.items() if v is not None and v != []})
        return build_webhook_client(self.response_url or "", self.timeout).send_dict(message)


class ResponseUrlClient(Middleware):
    """Puts a ``BoundedRespond`` in the context of every request that has a response URL."""

    def process(self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]) -> BoltResponse:
        url = req.context.response_url
        if url:
            client = req.context.client
            timeout = client.timeout if client is not None else DEFAULT_TIMEOUT
            req.context["respond"] = BoundedRespond(response_url=url, timeout=timeout)
        return next()

    @property
    def name(self) -> str:
        return "ResponseUrlClient"
