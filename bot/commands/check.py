"""``tradebot check``: load every briefing and verify quotes, speakers, figures and ids."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.commands.common import CommandError, knowledge_or_exit, report
from bot.kb.coverage import uncovered_numbers


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--knowledge", type=Path, default=None, help="knowledge folder (default: KNOWLEDGE_DIR)")
    parser.add_argument(
        "--coverage", action="store_true", help="also fail on numbers a speaker stated that no indicator covers"
    )


def main(args: argparse.Namespace) -> int:
    try:
        kb = knowledge_or_exit(args.knowledge)
    except CommandError as error:
        return report(error)
    if args.coverage:
        missing = uncovered_numbers(kb)
        for item in missing:
            print(f"uncovered: {item}")
        if missing:
            print(f"tradebot: {len(missing)} stated number(s) are neither indexed nor excluded", file=sys.stderr)
            return 1
    excluded = sum(len(v) for v in kb.exclusions.values())
    print(
        f"ok: {len(kb.briefings)} briefing(s), {len(kb.topics)} topics, {len(kb.entries)} indicators "
        f"({len(kb.key_entries())} key), {excluded} excluded numbers"
    )
    return 0
