"""``tradebot ask`` (text, --json, --slash, stdin lines) and ``tradebot chat`` in a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from bot.cli import main

REQUIRED = {"id", "label", "value", "change", "share", "period", "speaker", "role", "quote", "briefing", "score"}


def tradebot(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True, timeout=60, env=env
    )


def test_ask_prints_figure_speaker_and_quote(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "how fast did trade with ASEAN grow?"]) == 0
    out = capsys.readouterr().out
    assert "7.55 trillion yuan" in out and "8%" in out
    assert "Wang Jun" in out and "“" in out and "14 Jan 2026" in out


def test_ask_json_puts_figures_in_fields(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "SOE share of trade"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["query"] == "SOE share of trade" and data["answered"] is True
    best = data["answers"][0]
    assert set(best) >= REQUIRED
    assert best["value"] == "6.06 trillion yuan" and "13.3%" in best["share"]
    assert best["speaker"] == "Wang Jun" and best["briefing"]["date"] == "2026-01-14"
    assert data["suggestions"] == [] and "6.06 trillion yuan" in data["text"]


def test_ask_json_decline(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "trade with India"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["answered"] is False and data["answers"] == []
    assert data["not_found"] == "India" and 1 <= len(data["suggestions"]) <= 3
    assert "India" in data["text"]


def test_ask_json_lists_a_briefing_fact_as_an_answer_with_speaker_and_quote(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "who is wang jun?"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["reason"] == "briefing" and data["facts"][0]["label"] == "Speaker"
    (fact,) = data["answers"]
    assert fact["kind"] == "fact" and fact["speaker"] == "Wang Jun" and "vice minister" in fact["value"]
    assert fact["quote"] == "Wang Jun, vice minister of the General Administration of Customs of China (GACC)"


def test_ask_reads_one_question_per_line_from_stdin() -> None:
    result = tradebot("ask", "-", stdin="asean\n\ntrade with Japan\nhow many business entities traded?\n")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["answered"] for line in lines] == [True, False, False, True]  # one line per line, blank included
    assert lines[0]["answers"][0]["id"] == "scio-2026-01-14/asean-trade-2025"
    assert "780,000" in lines[3]["answers"][0]["value"]


def test_ask_reads_scripted_conversations_by_thread() -> None:
    lines_in = [
        {"text": "trade with Latin America?", "thread": "t1"},
        {"text": "trade with ASEAN", "thread": "t2"},
        {"text": "and imports?", "thread": "t1"},
        "and imports?",  # a plain line stays a question of its own
        {"text": "who said that?", "thread": "t1"},
        '{"not": "a question object"}',
    ]
    stdin = "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines_in)
    result = tradebot("ask", "-", stdin=stdin)
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == len(lines_in)
    assert out[2]["reading"]["summary"] == "imports · Latin America" and out[2]["answers"][0]["value"] == "4.9%"
    assert "Latin America" not in out[3]["reading"]["summary"]
    assert out[4]["reason"] == "source" and out[4]["answers"][0]["speaker"] == "Wang Jun"
    assert out[5]["query"] == '{"not": "a question object"}'  # read as text


def test_the_chat_is_one_conversation() -> None:
    result = tradebot("chat", stdin="trade with Latin America?\nand imports?\nwho said that?\n")
    assert result.returncode == 0, result.stderr
    assert "Read as: imports · Latin America" in result.stdout and "4.9%" in result.stdout
    assert "Said by Wang Jun" in result.stdout


def test_chat_answers_lines_and_ends_on_eof() -> None:
    result = tradebot("chat", stdin="how fast did trade with ASEAN grow?\nhelp\ntrade with India\n")
    assert result.returncode == 0, result.stderr
    assert "7.55 trillion yuan" in result.stdout
    assert "/trade lithium batteries" in result.stdout  # the help text
    assert "no figures for India" in result.stdout


def test_bare_tradebot_starts_the_chat_without_slack_tokens() -> None:
    result = tradebot(stdin="hainan\n")
    assert result.returncode == 0, result.stderr
    assert "Type help" in result.stdout and "Hainan" in result.stdout


def test_ask_slash_runs_subcommands_and_questions(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--slash", "--json", "key"]) == 0
    key = json.loads(capsys.readouterr().out)
    assert key["subcommand"] == "key" and key["answered"] is True
    assert any(a["value"] == "45.47 trillion yuan" for a in key["answers"])
    assert main(["ask", "--slash", "--json", "lithium batteries"]) == 0
    lithium = json.loads(capsys.readouterr().out)
    assert lithium["answers"][0]["id"] == "scio-2026-01-14/lithium-battery-exports-growth"
    assert main(["ask", "--slash", "help"]) == 0
    assert "/trade subscribe" in capsys.readouterr().out


def test_ask_explain_prints_the_frame_candidates_and_their_features(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--explain", "how fast did trade with ASEAN grow?"]) == 0
    out = capsys.readouterr().out
    assert "read as: trade · ASEAN · growth" in out
    assert "asean-trade-2025" in out and "topic +3.00" in out
    assert "reply: answered" in out


def test_ask_json_holds_the_reading(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "how much did imports from Latin America grow in 2025?"]) == 0
    reading = json.loads(capsys.readouterr().out)["reading"]
    assert reading["summary"] == "imports · Latin America · growth · 2025"
    assert (reading["flow"], reading["subjects"], reading["measures"], reading["period"]) == (
        "imports",
        ["Latin America"],
        ["growth"],
        "2025",
    )


def test_ask_json_answers_two_figures_first(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "--json", "partners over 1 trillion, and over 100 billion?"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["asked"] == 2 and [a["value"] for a in data["answers"][:2]] == ["14", "62"]
