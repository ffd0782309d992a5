"""``tradebot check``: passes on the shipped knowledge; each kind of error names file, entry and field, exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main


def run_check(capsys: pytest.CaptureFixture[str], knowledge: Path | None = None) -> tuple[int, str, str]:
    argv = ["check"] + (["--knowledge", str(knowledge)] if knowledge else [])
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_shipped_knowledge_passes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_check(capsys)
    assert code == 0, err
    assert out.startswith("ok: 1 briefing(s)")


def test_shipped_knowledge_passes_with_coverage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--coverage"]) == 0, capsys.readouterr()


def replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def assert_reported(capsys: pytest.CaptureFixture[str], knowledge: Path, *fragments: str) -> str:
    code, out, err = run_check(capsys, knowledge)
    assert code == 1
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in err, err
    return err


def test_misquote_is_reported(capsys: pytest.CaptureFixture[str], knowledge_copy: Path, overview_file: Path) -> None:
    replace_once(overview_file, "value for the year was 45.47", "value for the year was about 45.47")
    assert_reported(
        capsys, knowledge_copy, "01-overview.toml", "entry total-trade-2025", "field quote", "not found verbatim"
    )


def test_wrong_speaker_is_reported(
    capsys: pytest.CaptureFixture[str], knowledge_copy: Path, overview_file: Path
) -> None:
    text = overview_file.read_text(encoding="utf-8")
    start = text.index('id = "exports-2025"')
    overview_file.write_text(
        text[:start] + text[start:].replace('speaker = "wang-jun"', 'speaker = "lyu-daliang"', 1), encoding="utf-8"
    )
    assert_reported(
        capsys, knowledge_copy, "entry exports-2025", "field speaker", "said by Wang Jun, not by Lyu Daliang"
    )


def test_unknown_speaker_is_reported(
    capsys: pytest.CaptureFixture[str], knowledge_copy: Path, overview_file: Path
) -> None:
    replace_once(overview_file, 'speaker = "wang-jun"', 'speaker = "li-qiang"')
    assert_reported(capsys, knowledge_copy, "entry total-trade-2025", "field speaker", "unknown speaker 'li-qiang'")


def test_figure_missing_from_quote_is_reported(
    capsys: pytest.CaptureFixture[str], knowledge_copy: Path, overview_file: Path
) -> None:
    replace_once(overview_file, 'stated = "45.47 trillion yuan"', 'stated = "45.74 trillion yuan"')
    assert_reported(capsys, knowledge_copy, "entry total-trade-2025", "field stated", "does not appear in the quote")


def test_change_missing_from_quote_is_reported(
    capsys: pytest.CaptureFixture[str], knowledge_copy: Path, overview_file: Path
) -> None:
    replace_once(overview_file, 'change = "up 3.8%"', 'change = "up 8.3%"')
    assert_reported(capsys, knowledge_copy, "entry total-trade-2025", "field change", "8.3")


def test_value_not_matching_stated_is_reported(
    capsys: pytest.CaptureFixture[str], knowledge_copy: Path, overview_file: Path
) -> None:
    replace_once(overview_file, "value = 45.47e12", "value = 45.47e9")
    assert_reported(capsys, knowledge_copy, "entry total-trade-2025", "field value", "does not match")


def test_duplicate_id_is_reported(
    capsys: pytest.CaptureFixture[str], knowledge_copy: Path, overview_file: Path
) -> None:
    replace_once(overview_file, 'id = "exports-2025"', 'id = "total-trade-2025"')
    assert_reported(capsys, knowledge_copy, "entry total-trade-2025", "field id", "duplicate id")


def test_syntax_error_is_reported(
    capsys: pytest.CaptureFixture[str], knowledge_copy: Path, overview_file: Path
) -> None:
    replace_once(overview_file, 'label = "Exports, 2025"', 'label = "Exports, 2025')
    err = assert_reported(capsys, knowledge_copy, "01-overview.toml", "TOML syntax error", "line")
    # One mistake, one problem: the headlines in the unreadable file are not also reported as missing.
    assert "has 1 problem(s)" in err and "no indicator" not in err, err


def test_unknown_field_is_reported(
    capsys: pytest.CaptureFixture[str], knowledge_copy: Path, overview_file: Path
) -> None:
    replace_once(overview_file, 'kind = "value"', 'kind = "value"\nfigure = "x"')
    assert_reported(capsys, knowledge_copy, "entry total-trade-2025", "field figure", "Extra inputs")


def test_bad_kind_is_reported(capsys: pytest.CaptureFixture[str], knowledge_copy: Path, overview_file: Path) -> None:
    replace_once(overview_file, 'kind = "value"', 'kind = "amount"')
    assert_reported(capsys, knowledge_copy, "entry total-trade-2025", "field kind")


def test_missing_headline_is_reported(
    capsys: pytest.CaptureFixture[str], knowledge_copy: Path, overview_file: Path
) -> None:
    replace_once(overview_file, 'id = "exports-2025"', 'id = "exports-2025-renamed"')
    assert_reported(capsys, knowledge_copy, "briefing.toml", "entry exports", "no indicator 'exports-2025'")


def test_every_problem_is_listed_at_once(
    capsys: pytest.CaptureFixture[str], knowledge_copy: Path, overview_file: Path
) -> None:
    replace_once(overview_file, 'stated = "45.47 trillion yuan"', 'stated = "45.74 trillion yuan"')
    replace_once(overview_file, 'speaker = "wang-jun"', 'speaker = "nobody"')
    err = assert_reported(capsys, knowledge_copy)
    assert "problem(s)" in err and "field stated" in err and "field speaker" in err
