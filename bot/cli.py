"""The tradebot command: answers about China's 2025 foreign trade, in the terminal or in Slack.

Each subcommand lives in ``bot/commands/<name>.py`` with ``add_arguments`` and ``main``; those modules import
heavy packages (Slack, the database) inside ``main``, so ``tradebot ask`` does not pay for them."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from importlib.metadata import PackageNotFoundError, version

from bot.envfile import load_env_file
from bot.exits import EXIT_CODES_HELP, Exit

# name -> (module, one-line help). The order is the order of ``tradebot --help``.
COMMANDS: dict[str, tuple[str, str]] = {
    "start": ("bot.commands.start", "the main job: the Slack bot when tokens are set, else the terminal chat"),
    "run": ("bot.commands.run", "run the Slack bot (Socket Mode or HTTP)"),
    "chat": ("bot.commands.chat", "talk to the bot in the terminal"),
    "ask": ("bot.commands.ask", "answer one question (or one per line from stdin) as text or JSON"),
    "check": ("bot.commands.check", "validate the knowledge base against its transcripts"),
    "export": ("bot.commands.export", "write every indicator as CSV or JSON"),
    "digest": ("bot.commands.digest", "preview the scheduled digest"),
    "report": ("bot.commands.report", "what people asked and could not get, from the question log"),
}


def tradebot_version() -> str:
    """The installed package's version (the source tree's when run without installing)."""
    try:
        return version("tradebot")
    except PackageNotFoundError:
        return "unknown"


class Parsers:
    """The top-level parser and each subcommand's, so a usage error is reported with the subcommand's usage."""

    def __init__(self) -> None:
        self.top = argparse.ArgumentParser(
            prog="tradebot",
            description=__doc__.splitlines()[0],
            epilog=EXIT_CODES_HELP,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        self.top.add_argument("--version", action="version", version=f"tradebot {tradebot_version()}")
        sub = self.top.add_subparsers(dest="command", metavar="COMMAND")
        self.commands: dict[str, argparse.ArgumentParser] = {}
        for name, (module_name, help_text) in COMMANDS.items():
            command = sub.add_parser(name, help=help_text, description=help_text)
            module = importlib.import_module(module_name)
            module.add_arguments(command)
            command.set_defaults(handler=module.main)
            self.commands[name] = command

    def parse(self, argv: list[str]) -> argparse.Namespace:
        """Parse ``argv``; an unknown option exits 2 with the usage of the subcommand it was given to."""
        args, unknown = self.top.parse_known_args(argv)
        if unknown:
            parser = self.commands.get(args.command, self.top)
            parser.error(f"unrecognized arguments: {' '.join(unknown)}")
        return args


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand's own arguments."""
    return Parsers().top


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    for warning in load_env_file():
        print(f"tradebot: warning: {warning}", file=sys.stderr)
    argv = sys.argv[1:] if argv is None else argv
    args = Parsers().parse(argv or ["start"])
    try:
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return Exit.INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`tradebot export | head`): stop quietly, as Unix tools do. Python would report
        # the pipe again when it flushes stdout at exit, so stdout is pointed at /dev/null first.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return Exit.PIPE_CLOSED
