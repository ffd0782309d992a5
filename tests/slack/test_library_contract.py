"""The one private slack_sdk API the bot relies on, checked so that a library upgrade that changes it fails here,
loudly, and not as slow or broken Web API calls in production.

slack_sdk's clients have no public hook for a transport: ``PooledWebClient`` and ``PooledWebhookClient``
(``bot.slack.client``) override the one method each that opens a connection. pyproject.toml pins slack-sdk and
slack-bolt to the minor versions these checks passed on; raise the pin only with these tests green.
"""

from __future__ import annotations

import inspect
from importlib.metadata import version

from slack_sdk import WebClient
from slack_sdk.web.base_client import BaseClient
from slack_sdk.webhook import WebhookClient, WebhookResponse

from bot.slack.client import PooledWebClient, PooledWebhookClient
from bot.slack.keepalive import ConnectionPool
from tests.fakes.slack_api import FakeSlackApi

TOKEN = "xoxb-0000000001-0000000002-faketokenvalue"


def parameters(function: object) -> list[str]:
    return list(inspect.signature(function).parameters)  # type: ignore[arg-type]


def test_the_web_client_still_opens_connections_in_the_method_we_override() -> None:
    assert parameters(BaseClient._perform_urllib_http_request_internal) == ["self", "url", "req"]
    caller = inspect.getsource(BaseClient._perform_urllib_http_request)
    assert "self._perform_urllib_http_request_internal(url, req)" in caller, (
        f"slack_sdk {version('slack_sdk')} no longer sends through _perform_urllib_http_request_internal"
    )
    # What the caller reads from the method's result: the status, the headers and the decoded body.
    for key in ('resp["status"]', 'resp["headers"]', 'resp["body"]'):
        assert key in caller, f"slack_sdk {version('slack_sdk')} reads the response differently: {key} is gone"


def test_the_webhook_client_still_opens_connections_in_the_method_we_override() -> None:
    assert parameters(WebhookClient._perform_http_request_internal) == ["self", "url", "req"]
    caller = inspect.getsource(WebhookClient._perform_http_request)
    assert "self._perform_http_request_internal(url, req)" in caller
    assert parameters(WebhookResponse.__init__) == ["self", "url", "status_code", "body", "headers"]


def test_our_overrides_answer_as_the_sdk_does(slack_api: FakeSlackApi) -> None:
    pool = ConnectionPool()
    try:
        pooled = PooledWebClient(token=TOKEN, base_url=slack_api.url, timeout=5, pool=pool)
        plain = WebClient(token=TOKEN, base_url=slack_api.url, timeout=5)
        ours, theirs = pooled.auth_test(), plain.auth_test()
        assert pool.idle_count() == 1, "the call went through the pool"
        assert ours.status_code == theirs.status_code == 200
        assert {k: v for k, v in ours.data.items()} == {k: v for k, v in theirs.data.items()}

        hook = PooledWebhookClient(slack_api.response_url(), timeout=5, pool=pool).send(text="hello")
        assert (hook.status_code, hook.body) == (200, WebhookClient(slack_api.response_url()).send(text="hi").body)
    finally:
        pool.clear()
