"""The exit codes of the ``tradebot`` command, the same in every mode; ``tradebot --help`` and
docs/troubleshooting.md list them."""

from __future__ import annotations

from enum import IntEnum


class Exit(IntEnum):
    """Why ``tradebot`` stopped."""

    OK = 0
    BAD_KNOWLEDGE = 1  # the knowledge base failed to load or check
    BAD_SETTINGS = 2  # a usage error, a setting missing or malformed, a file that cannot be written
    # 3 is gunicorn's own "a worker failed to boot" (HTTP mode); tradebot checks Slack before forking so that
    # the causes it can foresee get their own code below.
    SLACK_REFUSED = 4  # Slack refused a token: invalid_auth, revoked, the wrong kind of token, a missing scope
    SLACK_UNREACHABLE = 5  # Slack (SLACK_API_URL) could not be reached, or answered with an HTTP error
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, as shells report it)
    PIPE_CLOSED = 141  # the reader of our output went away (`| head`); 128 + SIGPIPE, as other tools


EXIT_CODES_HELP = """exit codes:
  0    done
  1    the knowledge base is broken (each problem is listed)
  2    a usage error, a missing or malformed setting, or an output file that cannot be written
  3    HTTP mode: a worker process could not start (gunicorn's code; the log says why)
  4    Slack refused a token (invalid_auth, revoked, wrong kind of token, missing scope)
  5    Slack could not be reached at SLACK_API_URL
  130  interrupted (Ctrl-C)
  141  the output was closed early (e.g. piped into head)"""
