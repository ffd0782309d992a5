"""``ProvideServices``: the bot's services and its pooled Web API client in every request's context."""

from __future__ import annotations

from typing import cast

from slack_bolt import BoltRequest, BoltResponse
from slack_sdk import WebClient

from bot.slack.client import PooledWebClient
from bot.slack.middleware.services import ProvideServices
from bot.slack.services import Services, services_of

TOKEN = "xoxb-0000000001-0000000002-faketokenvalue"
SERVICES = cast(Services, object())  # the middleware only passes it on


def run(middleware: ProvideServices, bolt_client: WebClient) -> BoltRequest:
    req = BoltRequest(body="{}", headers={})
    req.context["client"] = bolt_client
    resp = BoltResponse(status=200)
    assert middleware.process(req=req, resp=resp, next=lambda: resp) is resp
    return req


def test_the_request_gets_the_services_and_the_pooled_client() -> None:
    pooled = PooledWebClient(token=TOKEN)
    req = run(ProvideServices(SERVICES, pooled), WebClient(token=TOKEN))
    assert services_of(req.context) is SERVICES
    assert req.context.client is pooled
    assert req.context.say.client is pooled, "say, made later, posts through the pool too"


def test_a_request_with_another_token_keeps_bolts_client() -> None:
    other = WebClient(token="xoxb-another-workspace")
    req = run(ProvideServices(SERVICES, PooledWebClient(token=TOKEN)), other)
    assert req.context.client is other


def test_without_a_pooled_client_bolts_client_stays() -> None:
    bolt_client = WebClient(token=TOKEN)
    req = run(ProvideServices(SERVICES, None), bolt_client)
    assert req.context.client is bolt_client
