"""``tradebot chat``: the bot in the terminal, as errbot's text mode. A line is a mention; ``/trade …`` the command."""

from __future__ import annotations

import argparse
import sys

from bot.commands.common import CommandError, knowledge_or_exit, report

PROMPT = "you> "
USAGE = """Ask about China's 2025 foreign trade as you would in Slack, for example:
  how fast did exports to ASEAN grow?
  /trade lithium batteries
  /trade help        (the slash command's own help)
Type help for this text; quit, exit, Ctrl-D or Ctrl-C to leave."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-banner", action="store_true", help="do not print the greeting")


def respond(engine, line: str) -> str:  # noqa: ANN001 - the engine type is imported lazily
    """The bot's answer to one terminal line."""
    from bot.render.text import reply_text

    stripped = line.strip()
    if stripped.lower() in {"help", "?"}:
        return USAGE
    if stripped.startswith("/trade"):
        from bot.router import route_text

        return route_text(engine, stripped.removeprefix("/trade").strip())
    return reply_text(engine.ask(stripped))


def main(args: argparse.Namespace) -> int:
    from bot.answer.engine import Engine

    try:
        engine = Engine(knowledge_or_exit())
    except CommandError as error:
        return report(error)
    interactive = sys.stdin.isatty()
    if not args.no_banner:
        print("tradebot: China's 2025 foreign trade, from the SCIO briefing of 14 Jan 2026. Type help.")
    while True:
        try:
            line = input(PROMPT if interactive else "")
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if line.strip().lower() in {"quit", "exit"}:
            return 0
        if line.strip():
            print(respond(engine, line), flush=True)
