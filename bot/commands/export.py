"""``tradebot export``: every indicator with its fields, as CSV (for spreadsheets) or JSON."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any

from bot.commands.common import EXIT_BAD_SETTINGS, CommandError, knowledge_or_exit, report
from bot.kb.base import Entry

COLUMNS = [
    "id", "briefing", "briefing_title", "briefing_date", "label", "topic", "subject", "measure", "kind",
    "stated", "value", "unit", "change", "share", "period", "speaker", "role", "outlet", "quote", "synonyms", "key",
]  # fmt: skip


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=["csv", "json"], default="csv", help="output format (default: csv)")
    parser.add_argument("--output", "-o", type=Path, default=None, help="file to write (default: standard output)")
    parser.add_argument("--knowledge", type=Path, default=None, help="knowledge folder (default: KNOWLEDGE_DIR)")


def row(entry: Entry) -> dict[str, Any]:
    """One indicator as a flat record."""
    ind = entry.indicator
    return {
        "id": entry.uid,
        "briefing": entry.briefing.id,
        "briefing_title": entry.briefing.title,
        "briefing_date": entry.briefing.date.isoformat(),
        "label": ind.label,
        "topic": ind.topic,
        "subject": ind.subject,
        "measure": ind.measure,
        "kind": ind.kind,
        "stated": ind.stated,
        "value": ind.value,
        "unit": ind.unit,
        "change": ind.change,
        "share": ind.share,
        "period": ind.period,
        "speaker": entry.speaker.name,
        "role": entry.speaker.role,
        "outlet": entry.outlet,
        "quote": ind.quote,
        "synonyms": list(ind.synonyms),
        "key": ind.key,
    }


def main(args: argparse.Namespace) -> int:
    try:
        kb = knowledge_or_exit(args.knowledge)
    except CommandError as error:
        return report(error)
    rows = [row(e) for e in kb.entries]
    try:
        out = args.output.open("w", encoding="utf-8", newline="") if args.output else sys.stdout
    except OSError as exc:
        return report(CommandError(f"tradebot: cannot write {args.output}: {exc.strerror}", EXIT_BAD_SETTINGS))
    try:
        if args.format == "json":
            json.dump(rows, out, ensure_ascii=False, indent=2)
            out.write("\n")
        else:
            writer = csv.DictWriter(out, fieldnames=COLUMNS)
            writer.writeheader()
            for record in rows:
                writer.writerow({**record, "synonyms": "; ".join(record["synonyms"])})
    finally:
        if args.output:
            out.close()
    return 0
