"""``tradebot ask``: answer one question, or one per line from standard input. The bot's scripting interface."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from bot.commands.common import CommandError, knowledge_or_exit, report


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("question", nargs="+", help="the question, or - to read one question per line from stdin")
    parser.add_argument("--json", action="store_true", help="print one JSON object (always so with -)")
    parser.add_argument("--slash", action="store_true", help="treat the text as what follows /trade")


def reply_json(reply: Any) -> dict[str, Any]:
    """The JSON object documented in README.md ("Scripting: tradebot ask")."""
    from bot.render.text import reply_text

    data = reply.model_dump(mode="json")
    data["text"] = reply_text(reply)
    return data


def main(args: argparse.Namespace) -> int:
    from bot.answer.engine import Engine
    from bot.render.text import reply_text

    try:
        engine = Engine(knowledge_or_exit())
    except CommandError as error:
        return report(error)
    if args.question == ["-"]:
        for line in sys.stdin:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            reply = engine.ask(line, slash=args.slash)
            sys.stdout.write(json.dumps(reply_json(reply), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        return 0
    reply = engine.ask(" ".join(args.question), slash=args.slash)
    if args.json:
        print(json.dumps(reply_json(reply), ensure_ascii=False, indent=2))
    else:
        print(reply_text(reply))
    return 0
