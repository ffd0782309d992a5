"""``tradebot run``: the Slack bot, in Socket Mode (no public URL needed) or over HTTP behind gunicorn.

With neither ``--socket`` nor ``--http``, Socket Mode is used when ``SLACK_APP_TOKEN`` is set, HTTP otherwise.
"""

from __future__ import annotations

import argparse

from bot.commands.common import EXIT_BAD_SETTINGS, CommandError, knowledge_or_exit, report, settings_or_exit

DEFAULT_PORT = 3000
# Which settings each mode needs (field names; the error names the environment variable).
REQUIRED = {
    "socket": ("slack_bot_token", "slack_app_token"),
    "http": ("slack_bot_token", "slack_signing_secret"),
}


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError("port must be between 1 and 65535")
    return port


MAX_WORKERS = 64


def _workers(text: str) -> int:
    try:
        workers = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not 1 <= workers <= MAX_WORKERS:
        raise argparse.ArgumentTypeError(f"workers must be between 1 and {MAX_WORKERS}")
    return workers


def add_arguments(parser: argparse.ArgumentParser) -> None:
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--socket", dest="mode", action="store_const", const="socket", help="Socket Mode")
    mode.add_argument("--http", dest="mode", action="store_const", const="http", help="HTTP at POST /slack/events")
    parser.add_argument("--port", type=_port, default=DEFAULT_PORT, help=f"HTTP port (default {DEFAULT_PORT})")
    parser.add_argument("--host", default="0.0.0.0", help="HTTP address to bind (default 0.0.0.0)")
    parser.add_argument(
        "--workers",
        type=_workers,
        default=1,
        help="HTTP worker processes (gunicorn's; default 1). For several, set DATABASE_URL to PostgreSQL: SQLite "
        "serves a few workers on one machine only, never several machines (a warning says so)",
    )


def choose_mode(requested: str | None, app_token: str | None) -> str:
    """The requested mode, or Socket Mode when an app token is set, else HTTP."""
    return requested or ("socket" if app_token else "http")


def main(args: argparse.Namespace) -> int:
    from bot.config import SettingsError

    try:
        settings = settings_or_exit()
        mode = choose_mode(args.mode, settings.slack_app_token)
        if mode == "socket" and args.workers != 1:
            message = "tradebot: --workers is for HTTP mode (--http); Socket Mode runs one process"
            raise CommandError(message, EXIT_BAD_SETTINGS)
        try:
            settings.require(*REQUIRED[mode])
        except SettingsError as exc:
            raise CommandError(
                f"tradebot: configuration error: {exc} (needed for {mode} mode)", EXIT_BAD_SETTINGS
            ) from None
        kb = knowledge_or_exit(settings.knowledge_dir)
        from bot.slack.preflight import SlackStartupError, check_bot_token

        try:
            # Before any worker forks: a refused token or an unreachable Slack is one line and its own exit code.
            check_bot_token(settings)
        except SlackStartupError as exc:
            raise CommandError(str(exc), exc.code) from None
        from bot.schedule.prepare import prepare_scheduling
        from bot.store import StoreError

        try:
            # Once, before any worker starts: create or upgrade the database, apply the DIGEST_* subscription.
            prepare_scheduling(settings, kb)
        except (StoreError, SettingsError) as exc:
            raise CommandError(f"tradebot: configuration error: {exc}", EXIT_BAD_SETTINGS) from None
    except CommandError as error:
        return report(error)
    from bot.logs import setup_logging

    setup_logging(settings)  # before anything logs: every record has the Slack secrets redacted
    if mode == "socket":
        from bot.slack.socket_mode import run_socket_mode

        try:
            run_socket_mode(settings, kb)
        except SlackStartupError as exc:
            return report(CommandError(str(exc), exc.code))
    else:
        from bot.server.http import run_http

        run_http(settings, kb, host=args.host, port=args.port, workers=args.workers)
    return 0
