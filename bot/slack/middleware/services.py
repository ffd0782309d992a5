"""The first global middleware: the bot's ``Services`` in every request's context, and the app's pooled Web API
client in place of the plain one Bolt made for the request.

A class, not a function: Bolt builds a function middleware's arguments by creating every utility it could
inject (``say``, ``complete``, ``fail`` ...) for every request, and those would hold Bolt's per-request client.
"""

from __future__ import annotations

from collections.abc import Callable

from slack_bolt import BoltRequest, BoltResponse
from slack_bolt.middleware import Middleware

from bot.slack.client import PooledWebClient
from bot.slack.services import CONTEXT_KEY, Services


class ProvideServices(Middleware):
    """Puts ``services`` at ``context["tradebot"]`` and ``client`` at ``context["client"]``.

    Bolt gives each request a new WebClient with the app's token. The app's own client sends the same calls
    through this process's keep-alive connections (``bot.slack.keepalive``). The ``team_id`` Bolt adds to its
    copy is implied by a workspace's bot token, which is what the bot runs on; a request with another token
    keeps Bolt's client.
    """

    def __init__(self, services: Services, client: PooledWebClient | None):
        self.services = services
        self.client = client

    def process(self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]) -> BoltResponse:
        context = req.context
        context[CONTEXT_KEY] = self.services
        own = context.get("client")
        if self.client is not None and own is not None and own.token == self.client.token:
            context["client"] = self.client
        return next()

    @property
    def name(self) -> str:
        return "ProvideServices"
