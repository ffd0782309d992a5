"""``tradebot report [--since 7d] [--format text|csv|json]``: what people asked and could not get, from the question
log in DATABASE_URL (the same database the bot writes)."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys

FORMATS = ("text", "csv", "json")
_SPAN = re.compile(r"^(\d{1,5})([hdw])$")
_UNITS = {"h": "hours", "d": "days", "w": "weeks"}


def span(text: str) -> dt.timedelta:
    """``7d``, ``24h`` or ``2w`` as a timedelta."""
    match = _SPAN.match(text.strip().lower())
    if not match or int(match.group(1)) == 0:
        raise argparse.ArgumentTypeError(f"not a period: {text!r} (examples: 24h, 7d, 2w)")
    return dt.timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--since`` and ``--format``."""
    parser.add_argument("--since", type=span, default=span("7d"), help="how far back: 24h, 7d, 2w (default 7d)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="text (default), csv or json")


def main(args: argparse.Namespace) -> int:
    """Print the report; exit 2 for bad settings or an unusable database, 1 for a broken knowledge base."""
    from bot.commands.common import EXIT_BAD_SETTINGS, CommandError, knowledge_or_exit, report, settings_or_exit
    from bot.learning.report import build_report
    from bot.render.report import report_csv, report_json, report_text
    from bot.store import StoreError, open_store, utcnow

    try:
        settings = settings_or_exit()
        kb = knowledge_or_exit(settings.knowledge_dir)
        try:
            store = open_store(settings.database_url)
        except StoreError as exc:
            raise CommandError(f"tradebot: configuration error: {exc}", EXIT_BAD_SETTINGS) from None
    except CommandError as error:
        return report(error)
    try:
        now = utcnow()
        built = build_report(store, kb, now - args.since, now)
    except StoreError as exc:
        print(f"tradebot: {exc}", file=sys.stderr)
        return EXIT_BAD_SETTINGS
    finally:
        store.close()
    render = {"text": report_text, "csv": report_csv, "json": report_json}[args.format]
    sys.stdout.write(render(built))
    return 0
