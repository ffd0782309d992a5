"""When answering fails: log it, and tell the user in a short apology rather than leaving them in silence.

Bolt sends the global error handler (``app.error``) what raises in a listener, but what raises on the answer pool
after the ack (``bot.slack.listeners.ack``) or in a Bolt lazy function reaches no handler; ``guarded`` routes it to
the same ``apologize``. Both give back the event's claim (``bot.slack.middleware.claims``) first, so Slack's retry
of an event whose handling failed is answered.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from logging import Logger
from typing import Any

from slack_bolt import BoltContext, BoltResponse

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
    logger.error("listener failed: %s", type(error).__name__, exc_info=error)
    if response is not None and response.status >= 500:
        response.status = 200
        response.body = ""
    release_event(context, logger)
    if context.get("authorize_result") is None:
        return  # failed before the request was verified and authorized: its body may be forged, post nothing
    apologize(body, context, logger)


def guarded(func: Callable[..., None]) -> Callable[..., None]:
    """Wrap a listener's work so an exception is logged and apologised for (nothing else would), and a success
    marks the request's claim done (its lease ends: no other process will redo it).

    The wrapped function must take ``body`` and ``context``; Bolt injects arguments by the wrapped function's
    own parameter names (it unwraps ``functools.wraps``).
    """
    params = inspect.signature(func).parameters
    missing = {"body", "context", "logger"} - set(params)
    if missing:
        raise TypeError(f"{func.__name__} must take {', '.join(sorted(missing))} to be guarded")

    @functools.wraps(func)
    def wrapper(**kwargs: Any) -> None:
        try:
            func(**kwargs)
        except Exception as error:
            kwargs["logger"].error("%s failed: %s", func.__name__, type(error).__name__, exc_info=error)
            release_event(kwargs["context"], kwargs["logger"])
            apologize(kwargs["body"], kwargs["context"], kwargs["logger"])
            return
        complete_event(kwargs["context"], kwargs["logger"])

    return wrapper
