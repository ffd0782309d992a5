"""``after_ack``: the one way a listener is registered here. It acks, then does its work on the answer pool.

Bolt's own pattern for slow work is ``ack()`` first, then a lazy listener. Bolt builds a lazy listener's request anew
from the raw body and deep-copies it and its context, because a lazy listener may run in another invocation (on
FaaS); here the work always runs in this process and can share the request's objects, which the request's thread
only hands back to Bolt once the listener returns. In the load bench that copy was 14% of a worker's CPU per
request (1.93 against 1.66 ms), and one worker went from 488 to 572 requests a second without it.

So a listener is ``after_ack(<thing>_callback)``, and this decorator does both jobs a lazy listener and Bolt's
error handler would:

1. In the request's thread: ``ack()`` (Slack gets its 200 at once), then hand the callback, with the arguments Bolt
   injected, to the process's answer pool (``Services.answers``).
2. On the pool: run the callback. A success marks the request's claim done (no other process will redo it). An
   exception goes to ``bot.slack.apology.failed``, the same path as ``app.error``'s: logged, the claim given back so
   Slack's retry is answered, and an apology posted where the user will see it.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext

from bot.slack.apology import failed
from bot.slack.middleware.claims import complete_event
from bot.slack.services import services_of

NEEDED = frozenset({"body", "context", "logger"})


def after_ack(callback: Callable[..., None]) -> Callable[..., None]:
    """A listener that acknowledges, then runs ``callback`` on the answer pool, reporting its failure.

    Bolt injects the callback's own parameters (it unwraps ``functools.wraps``), so the callback is written as a
    Bolt listener without ``ack``; it must take ``body``, ``context`` and ``logger``.
    """
    missing = NEEDED - set(inspect.signature(callback).parameters)
    if missing:
        raise TypeError(f"{callback.__name__} must take {', '.join(sorted(missing))} to run after the ack")

    @functools.wraps(callback)
    def listener(**kwargs: Any) -> None:
        context: BoltContext = kwargs["context"]
        context.ack()
        services_of(context).answers.submit(run_after_ack, callback, kwargs)

    return listener


def run_after_ack(callback: Callable[..., None], kwargs: dict[str, Any]) -> None:
    """Run one acknowledged callback: done marks its claim, a failure is reported (it reaches no other handler)."""
    try:
        callback(**kwargs)
    except Exception as error:
        failed(error, callback.__name__, kwargs["body"], kwargs["context"], kwargs["logger"])
        return
    complete_event(kwargs["context"], kwargs["logger"])
