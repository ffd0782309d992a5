"""``tradebot digest --preview [topic]``: print the digest a subscription would post, without Slack."""

from __future__ import annotations

import argparse
import json
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--preview`` (the default and only action), ``--blocks`` and an optional topic."""
    parser.add_argument("topic", nargs="?", help="a topic id or name (default: the key figures)")
    parser.add_argument("--preview", action="store_true", help="print the digest as plain text (the default)")
    parser.add_argument("--blocks", action="store_true", help="print the Block Kit JSON that would be posted")


def main(args: argparse.Namespace) -> int:
    """Print the digest; exit 1 for an unknown topic or bad knowledge, 2 for bad settings."""
    from bot.commands.common import CommandError, knowledge_or_exit, report
    from bot.render.digest import digest_message, digest_text
    from bot.schedule.content import digest
    from bot.schedule.topics import topic_resolver

    try:
        kb = knowledge_or_exit()
    except CommandError as exc:
        return report(exc)
    topic = None
    if args.topic:
        topic = topic_resolver(kb)(args.topic)
        if topic is None:
            names = ", ".join(t.id for t in kb.topics[:8])
            print(f"tradebot: no topic {args.topic!r}; topics include {names} (see tradebot export)", file=sys.stderr)
            return 1
    shown = digest(kb, topic)
    if shown is None:
        print("tradebot: nothing to post: no figures are marked key in the knowledge base")
        return 1
    if args.blocks:
        print(json.dumps(digest_message(shown).model_dump(), indent=2, ensure_ascii=False))
    else:
        print(digest_text(shown), end="")
    return 0
