"""The ``tradebot`` command: answers about China's 2025 foreign trade, in the terminal or in Slack.

Each subcommand lives in ``bot/commands/<name>.py`` with ``add_arguments`` and ``main``; those modules import
heavy packages (Slack, the database) inside ``main``, so ``tradebot ask`` does not pay for them."""

from __future__ import annotations

import argparse
import importlib
import sys

from dotenv import load_dotenv

# name -> (module, one-line help). The order is the order of ``tradebot --help``.
COMMANDS: dict[str, tuple[str, str]] = {
    "start": ("bot.commands.start", "the main job: the Slack bot when tokens are set, else the terminal chat"),
    "run": ("bot.commands.run", "run the Slack bot (Socket Mode or HTTP)"),
    "chat": ("bot.commands.chat", "talk to the bot in the terminal"),
    "ask": ("bot.commands.ask", "answer one question (or one per line from stdin) as text or JSON"),
    "check": ("bot.commands.check", "validate the knowledge base against its transcripts"),
    "export": ("bot.commands.export", "write every indicator as CSV or JSON"),
    "digest": ("bot.commands.digest", "preview the scheduled digest"),
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand's own arguments."""
    parser = argparse.ArgumentParser(prog="tradebot", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        command = sub.add_parser(name, help=help_text, description=help_text)
        module = importlib.import_module(module_name)
        module.add_arguments(command)
        command.set_defaults(handler=module.main)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    load_dotenv(override=False)
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    args = parser.parse_args(argv or ["start"])
    return int(args.handler(args) or 0)
