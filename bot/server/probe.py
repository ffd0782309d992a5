"""The container's health probe (the image's HEALTHCHECK): is the bot's process serving at all?

It answers "alive", not "ready". Over HTTP, any answer from ``/healthz``, 200 or 503, means the server is up: a
503 names a database outage the bot rides out by itself, and marking the container unhealthy for it would have
an orchestrator restart every bot for nothing (docs/deployment.md, "Health checks"). Use ``/healthz`` itself for
the load balancer's readiness. In Socket Mode nothing listens: the process running is all there is to check.

Run as ``python -m bot.server.probe``; exit 0 when alive, 1 when not.
"""

from __future__ import annotations

import os
import sys
import urllib.error
import urllib.request
from collections.abc import Mapping

DEFAULT_PORT = 3000
TIMEOUT_SECONDS = 4


def alive(environ: Mapping[str, str] = os.environ) -> bool:
    """True when the bot in this container serves (HTTP) or cannot be asked (Socket Mode)."""
    if environ.get("SLACK_APP_TOKEN") and environ.get("TRADEBOT_MODE", "") != "http":
        return True
    url = f"http://127.0.0.1:{environ.get('PORT') or DEFAULT_PORT}/healthz"
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS):
            return True
    except urllib.error.HTTPError:  # 503: serving, with a failing check
        return True
    except OSError:  # refused, timed out: nothing serves
        return False


if __name__ == "__main__":
    sys.exit(0 if alive() else 1)
