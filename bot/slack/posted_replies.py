"""A reply's mark, and the look-up for it when a question is taken over, so a question is answered once even when
the process answering it is killed between posting and recording that it posted.

Every reply the bot posts for a claimed request carries the claim's key in Slack message ``metadata``
(``event_type`` ``tradebot_reply``, ``event_payload`` ``{"event_id": <key>}``; the key names the message, or a
press's ``trigger_id``, which Slack honours for 3 seconds only, so the mark gives other apps nothing to use).
A process that takes a request over (``bot.slack.sweeper``) cannot know whether the dead one posted before it
died; so before answering, it makes ONE bounded Web API call where the reply would be and answers only if no
message there carries the key:

- a reply in a thread: ``conversations.replies`` on that thread, from the question on (oldest first);
- a reply straight into a DM or channel: ``conversations.history`` from the question on (newest first).

Both ask for ``LOOKUP_LIMIT`` messages with ``include_all_metadata``: the reply follows its question within the
seconds the answer took, so it is among the first replies of its thread; in a DM it is among the last 15 messages
unless the person wrote seven more questions in the 20 s before the take-over. A look-up that fails (missing
scope, rate limit, Slack down) answers anyway: a second answer is better than none.

Slack rates both methods Tier 3 (50+ a minute) for internal and Marketplace apps; an app distributed outside the
Marketplace gets one call a minute and at most 15 messages (hence the limit), so such an install should set
``TAKEOVER_LOOKUP=false`` (README, "Answered once").
"""

from __future__ import annotations

from logging import Logger
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.slack.middleware.claims import claim_of
from bot.slack.services import services_of

REPLY_EVENT_TYPE = "tradebot_reply"
# Slack's most for a non-Marketplace distributed app; plenty for the replies that follow a question in seconds.
LOOKUP_LIMIT = 15


def reply_metadata(key: str) -> dict[str, Any]:
    """The ``metadata`` argument of chat.postMessage that marks a reply to the request claimed as ``key``."""
    return {"event_type": REPLY_EVENT_TYPE, "event_payload": {"event_id": key}}


def marked(message: dict[str, Any], key: str) -> bool:
    """Whether ``message`` (as conversations.history returns it) is the reply to ``key``."""
    metadata = message.get("metadata")
    if not isinstance(metadata, dict) or metadata.get("event_type") != REPLY_EVENT_TYPE:
        return False
    payload = metadata.get("event_payload")
    return isinstance(payload, dict) and payload.get("event_id") == key


def reply_posted(
    client: WebClient, *, channel: str, thread_ts: str | None, since: str, key: str, logger: Logger
) -> bool:
    """True when a message marked with ``key`` is in ``thread_ts`` (or, without one, in ``channel``) from ``since``
    on; one Web API call. False when there is none, or when Slack could not be asked (the caller then answers)."""
    window: dict[str, Any] = {"oldest": since, "inclusive": True, "limit": LOOKUP_LIMIT, "include_all_metadata": True}
    try:
        if thread_ts:
            response = client.conversations_replies(channel=channel, ts=thread_ts, **window)
        else:
            response = client.conversations_history(channel=channel, **window)
    except (SlackApiError, SlackClientError, OSError) as error:
        reason = error.response.get("error") if isinstance(error, SlackApiError) else type(error).__name__
        logger.warning("could not look for an earlier reply to %s (%s); answering it", key, reason)
        return False
    messages = response.get("messages") or []
    return any(isinstance(m, dict) and marked(m, key) for m in messages)


def reply_mark(context: BoltContext) -> dict[str, Any]:
    """``metadata=`` for chat.postMessage marking the reply to this request (nothing for an unclaimed one)."""
    claim = claim_of(context)
    return {"metadata": reply_metadata(claim.event_id)} if claim is not None else {}


def answered_before(
    context: BoltContext, client: WebClient, *, channel: str, thread_ts: str | None, since: str, logger: Logger
) -> bool:
    """True when this request is a take-over and the process it was taken from had posted its reply already; or
    when this process stalled past its lease and the process that took the request over has posted it.

    Only those look (a first handling that still holds its lease cannot have been answered), and only with
    ``TAKEOVER_LOOKUP`` on.
    """
    claim = claim_of(context)
    if claim is None or not services_of(context).settings.takeover_lookup or not claim.may_be_answered():
        return False
    if not reply_posted(client, channel=channel, thread_ts=thread_ts, since=since, key=claim.event_id, logger=logger):
        return False
    logger.warning("%s was answered already, by the process it was taken from or over; not again", claim.event_id)
    return True
