"""When answering fails: log it, and tell the user in a short apology rather than leaving them in silence.

Bolt sends the global error handler (``app.error``) what raises in a listener before its ack; what raises on the
answer pool after the ack (``bot.slack.listeners.after_ack``) reaches no Bolt handler, so ``after_ack`` sends it to
``failed``, which ``on_error`` calls too: one path. It gives back the event's claim (``bot.slack.middleware.claims``)
first, so Slack's retry of an event whose handling failed is answered.
"""

from __future__ import annotations

from logging import Logger
from typing import Any

from slack_bolt import BoltContext, BoltResponse
from slack_bolt.error import BoltUnhandledRequestError

from bot.render.blocks import apology_message
from bot.slack.answer_message import reply_thread
from bot.slack.client import build_webhook_client
from bot.slack.middleware.claims import complete_event, release_event


def apologize(body: dict[str, Any], context: BoltContext, logger: Logger) -> None:
    """Post the apology where the user will see it: the response URL, the event's thread, or a DM."""
    msg = apology_message().as_kwargs()
    event = body.get("event") or {}
    try:
        if body.get("response_url"):
            timeout = context.client.timeout if context.client else 10
            build_webhook_client(body["response_url"], timeout).send(
                response_type="ephemeral", replace_original=False, **msg
            )
        elif event.get("channel") and event.get("ts"):
            context.client.chat_postMessage(channel=event["channel"], thread_ts=reply_thread(event), **msg)
        elif (body.get("user") or {}).get("id") or event.get("user"):
            user = (body.get("user") or {}).get("id") or event["user"]
            context.client.chat_postMessage(channel=user, **msg)
    except Exception:  # the apology is best effort; the original error is already logged
        logger.warning("could not deliver the apology", exc_info=True)


def on_error(
    error: Exception, body: dict[str, Any], context: BoltContext, logger: Logger, response: BoltResponse | None
) -> None:
    """Bolt's global error handler: log, apologize, and keep Slack's response a 2xx.

    Listeners ack before they can fail, so Slack has its answer already; the 200 here covers a failure before
    ack (Bolt would otherwise send 500 and Slack would retry a request we cannot answer).
    """
    if isinstance(error, BoltUnhandledRequestError):
        unhandled(body, context, logger, response)
        return
    if response is not None and response.status >= 500:
        response.status = 200
        response.body = ""
    failed(error, "listener", body, context, logger)


def failed(error: Exception, what: str, body: dict[str, Any], context: BoltContext, logger: Logger) -> None:
    """Log the failure, give the claim back for Slack's retry, and apologise to the user.

    Nothing is posted for a request that failed before it was verified and authorized: its body may be forged.
    """
    logger.error("%s failed: %s", what, type(error).__name__, exc_info=error)
    release_event(context, logger)
    if context.get("authorize_result") is None:
        return
    apologize(body, context, logger)


def unhandled(body: dict[str, Any], context: BoltContext, logger: Logger, response: BoltResponse | None) -> None:
    """A request no listener matches: its claim is finished (no retry of it would match either, and a lease left
    open would be renewed for as long as the process runs); an event gets a 200, so Slack does not redeliver it."""
    kind = body.get("type") or ("command" if body.get("command") else "request")
    logger.info("no listener for this %s; acknowledged, nothing to do", str(kind)[:40])
    complete_event(context, logger)
    if response is not None and kind == "event_callback":
        response.status = 200
        response.body = ""
