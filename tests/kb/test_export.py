"""``tradebot export``: every indicator with its fields, as CSV and JSON."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from bot.cli import main
from bot.commands.export import COLUMNS
from bot.kb.loader import load_knowledge


def test_json_export_has_every_indicator(tmp_path: Path) -> None:
    target = tmp_path / "figures.json"
    assert main(["export", "--format", "json", "--output", str(target)]) == 0
    rows = json.loads(target.read_text(encoding="utf-8"))
    kb = load_knowledge()
    assert len(rows) == len(kb.entries)
    total = next(r for r in rows if r["id"] == "scio-2026-01-14/total-trade-2025")
    assert total["stated"] == "45.47 trillion yuan" and total["value"] == 45.47e12
    assert total["speaker"] == "Wang Jun" and total["change"] == "up 3.8%"
    assert set(COLUMNS) == set(total)


def test_csv_export_round_trips(tmp_path: Path) -> None:
    target = tmp_path / "figures.csv"
    assert main(["export", "--format", "csv", "-o", str(target)]) == 0
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(load_knowledge().entries)
    assert rows[0].keys() == set(COLUMNS)
    lyu = [r for r in rows if r["speaker"] == "Lyu Daliang"]
    assert lyu and all(r["quote"] for r in lyu)
