"""``tradebot`` with no command: the Slack bot when SLACK_BOT_TOKEN is set, else the terminal chat."""

from __future__ import annotations

import argparse

from bot.commands import chat, run
from bot.commands.common import CommandError, report, settings_or_exit


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def main(args: argparse.Namespace) -> int:
    try:
        settings = settings_or_exit()
    except CommandError as error:
        return report(error)
    if settings.slack_configured:
        run_parser = argparse.ArgumentParser()
        run.add_arguments(run_parser)
        return run.main(run_parser.parse_args([]))
    chat_parser = argparse.ArgumentParser()
    chat.add_arguments(chat_parser)
    return chat.main(chat_parser.parse_args([]))
