"""What a signed request must look like before Bolt parses it: UTF-8, a JSON object (an Events API body, or a form
whose ``payload`` is one) of bounded depth, with the fields Bolt and the listeners read of the types Slack sends.

Bolt parses the body in ``BoltRequest``'s constructor and reads ids out of it with ``payload["event"]["type"]``
and the like; junk there raised from the adapter (a 500 and a traceback for every request), and a number where a
string belongs raised from a matcher (a 500). The rules follow Bolt's own reading (``parse_body``): JSON when the
content type says so or the body starts with ``{``; otherwise a form, whose ``payload`` field, if any, is JSON.
The models allow every other field: Slack adds fields, and a field the bot does not read cannot break it.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qsl

from pydantic import BaseModel, ConfigDict, ValidationError

# Slack's payloads nest about ten levels (a message's rich text inside a button press); JSON's recursion in
# CPython gives up near a thousand.
MAX_DEPTH = 64
# A slash command has 13 fields; a form with thousands is not Slack's.
MAX_FORM_FIELDS = 100
_JSON_SYNTAX = re.compile(r'["\\\[\]{}]')


class BadShape(ValueError):
    """The body is not a Slack payload; the message says why, in a few words (it is logged, the body is not)."""


class _Loose(BaseModel):
    """Fields of the types Slack sends; any other field is allowed."""

    model_config = ConfigDict(extra="allow", frozen=True)


class _Id(_Loose):
    id: str


class _Authorization(_Loose):
    team_id: str | None = None
    user_id: str | None = None
    enterprise_id: str | None = None
    is_enterprise_install: bool | None = None


class _AssistantThread(_Loose):
    channel_id: str | None = None
    thread_ts: str | None = None
    user_id: str | None = None
    context: dict[str, Any] | None = None


class _Event(_Loose):
    type: str
    # A string in the events the bot answers; an object in user_change, channel_created and the like.
    user: str | dict[str, Any] | None = None
    channel: str | dict[str, Any] | None = None
    user_id: str | None = None
    channel_id: str | None = None
    text: str | None = None
    ts: str | None = None
    thread_ts: str | None = None
    event_ts: str | None = None
    subtype: str | None = None
    channel_type: str | None = None
    bot_id: str | None = None
    tab: str | None = None
    team: str | None = None
    user_team: str | None = None
    blocks: list[Any] | None = None
    message: dict[str, Any] | None = None
    previous_message: dict[str, Any] | None = None
    item: dict[str, Any] | None = None
    assistant_thread: _AssistantThread | None = None


class _JsonBody(_Loose):
    """An Events API delivery, URL verification, rate-limit notice: every JSON body Slack sends has a ``type``."""

    type: str
    event: _Event | None = None
    event_id: str | None = None
    team_id: str | None = None
    enterprise_id: str | None = None
    api_app_id: str | None = None
    challenge: str | None = None
    authorizations: list[_Authorization] | None = None
    is_ext_shared_channel: bool | None = None


class _Action(_Loose):
    action_id: str | None = None
    block_id: str | None = None
    type: str | None = None
    value: str | None = None
    selected_option: dict[str, Any] | None = None


class _View(_Loose):
    id: str | None = None
    callback_id: str | None = None
    private_metadata: str | None = None
    team_id: str | None = None
    app_installed_team_id: str | None = None
    state: dict[str, Any] | None = None


class _Interaction(_Loose):
    """A button press, a view submission, a shortcut: the JSON in a form's ``payload`` field."""

    type: str
    user: _Id | None = None
    team: _Id | None = None
    channel: _Id | None = None
    enterprise: _Id | str | None = None
    actions: list[_Action] | None = None
    container: dict[str, Any] | None = None
    message: dict[str, Any] | None = None
    view: _View | None = None
    callback_id: str | None = None
    response_url: str | None = None
    response_urls: list[dict[str, Any]] | None = None
    trigger_id: str | None = None
    api_app_id: str | None = None
    is_enterprise_install: bool | None = None


def check_shape(body: bytes, content_type: str | None) -> str:
    """The body as text, if it is a Slack payload Bolt can read.

    Raises:
        BadShape: it is not.
    """
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise BadShape("body is not UTF-8") from None
    if not text:
        return text
    if content_type == "application/json" or text.startswith("{"):
        _validate(_JsonBody, _json_object(text))
        return text
    try:
        fields = dict(parse_qsl(text, keep_blank_values=True, max_num_fields=MAX_FORM_FIELDS))
    except ValueError:
        raise BadShape("form has too many fields") from None
    if "payload" in text and "payload" in fields:
        _validate(_Interaction, _json_object(fields["payload"]))
    return text


def json_depth(text: str, limit: int = MAX_DEPTH) -> int:
    """How deep ``text``'s arrays and objects nest, counting no further than ``limit + 1``; in one pass, without
    recursion, so it is safe on any input (brackets inside strings do not count)."""
    depth = deepest = 0
    in_string = False
    skip_to = -1
    for match in _JSON_SYNTAX.finditer(text):
        at = match.start()
        if at < skip_to:
            continue  # the character after a backslash
        char = match.group()
        if in_string:
            if char == "\\":
                skip_to = at + 2
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > limit:
                break
        elif char in "]}":
            depth -= 1
    return deepest


def _json_object(text: str) -> dict[str, Any]:
    if json_depth(text) > MAX_DEPTH:
        raise BadShape(f"JSON nested over {MAX_DEPTH} levels")
    try:
        value = json.loads(text)
    except ValueError:  # JSONDecodeError is one
        raise BadShape("body is not JSON") from None
    if not isinstance(value, dict):
        raise BadShape(f"JSON {type(value).__name__}, not an object")
    return value


def _validate(model: type[_Loose], value: dict[str, Any]) -> None:
    try:
        model.model_validate(value)
    except ValidationError as error:
        where = ".".join(str(part) for part in error.errors()[0]["loc"])
        raise BadShape(f"field {where or '?'} is not what Slack sends") from None
