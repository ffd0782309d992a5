"""The request the lease sweeper dispatches again: as Socket Mode sent it, or re-signed for HTTP mode."""

from __future__ import annotations

import datetime as dt
import json

from slack_sdk.signature import SignatureVerifier

from bot.slack.middleware.claims import REPLAY_KEY
from bot.slack.sweeper import rebuild_request
from bot.store.models import TakenOver
from tests.fakes import payloads as p


def taken(body: str, content_type: str) -> TakenOver:
    return TakenOver(
        event_id="Ev1",
        seen_at=dt.datetime(2026, 1, 14, tzinfo=dt.UTC),
        attempts=1,
        body=body,
        content_type=content_type,
    )


def test_a_socket_mode_request_is_rebuilt_from_its_stored_json() -> None:
    payload = p.event_callback(p.app_mention("exports to asean?"))
    request = rebuild_request(taken(payload.body.decode(), "application/json"), None)
    assert request.mode == "socket_mode"
    assert request.body == json.loads(payload.body)
    assert request.context[REPLAY_KEY] == "Ev1", "the replay is marked so de-duplication lets it through once"


def test_an_http_request_is_re_signed_with_the_apps_secret() -> None:
    payload = p.event_callback(p.app_mention("exports to asean?"))
    request = rebuild_request(taken(payload.body.decode(), "application/json"), p.SIGNING_SECRET)
    headers = {name: values[0] for name, values in request.headers.items()}
    assert SignatureVerifier(p.SIGNING_SECRET).is_valid_request(payload.body.decode(), headers)
    assert request.body["event"]["text"].endswith("exports to asean?")
