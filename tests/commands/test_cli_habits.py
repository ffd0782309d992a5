"""The habits of a well-kept command line: --version, usage errors with the subcommand's usage, clear messages
instead of tracebacks, quiet exits when the output is closed, and ``ask -`` one line out per line in."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from bot.exits import Exit
from tests.commands.conftest import clean_env, tradebot
from tests.fakes.bot_process import tradebot_command


def test_version(tmp_path: Path) -> None:
    result = tradebot("--version", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.startswith("tradebot 0.")


def test_export_to_a_missing_folder_says_so(tmp_path: Path) -> None:
    result = tradebot("export", "-o", "/missing/dir/x.csv", cwd=tmp_path)
    assert result.returncode == Exit.BAD_SETTINGS
    assert result.stderr == "tradebot: cannot write /missing/dir/x.csv: No such file or directory\n"


def read_one_line_then_close(args: list[str], stdin: str, cwd: Path) -> tuple[int, str]:
    """Run ``args``, read one line of its output and close the pipe, as ``| head -1`` does."""
    with subprocess.Popen(
        args, cwd=cwd, env=clean_env(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdin and process.stdout and process.stderr
        process.stdin.write(stdin.encode())
        process.stdin.close()
        assert process.stdout.readline()
        process.stdout.close()  # far more output follows than a pipe holds, so the next writes find it closed
        code = process.wait(timeout=60)
        return code, process.stderr.read().decode()


@pytest.mark.parametrize(
    ("args", "stdin"),
    [(["export"], ""), (["export", "--format", "json"], ""), (["ask", "-"], "asean\n" * 300)],
)
def test_a_closed_pipe_ends_quietly(tmp_path: Path, args: list[str], stdin: str) -> None:
    code, err = read_one_line_then_close([*tradebot_command(), *args], stdin, tmp_path)
    assert code == Exit.PIPE_CLOSED and err == ""


def test_ask_stdin_writes_one_line_per_line_blank_lines_included(tmp_path: Path) -> None:
    questions = ["asean", "", "trade with Japan", "   ", "how many business entities traded?"]
    result = tradebot("ask", "-", cwd=tmp_path, stdin="\n".join(questions) + "\n")
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["query"] for a in answers] == questions
    assert [a["reason"] for a in answers][1::2] == ["empty", "empty"]
    assert answers[0]["answered"] and answers[4]["answered"]


@pytest.mark.parametrize(
    ("args", "usage", "says"),
    [
        (["ask", "--jsn", "asean"], "usage: tradebot ask", "unrecognized arguments: --jsn"),
        (["export", "--format", "xml"], "usage: tradebot export", "argument --format: invalid choice: 'xml'"),
        (["run", "--port", "abc"], "usage: tradebot run", "argument --port: not a port number: 'abc'"),
        (["run", "--workers", "0"], "usage: tradebot run", "argument --workers: workers must be between 1 and 64"),
        (["nosuch"], "usage: tradebot", "invalid choice: 'nosuch'"),
    ],
)
def test_usage_errors_print_the_subcommands_usage(tmp_path: Path, args: list[str], usage: str, says: str) -> None:
    result = tradebot(*args, cwd=tmp_path)
    assert result.returncode == Exit.BAD_SETTINGS
    assert result.stderr.startswith(usage) and says in result.stderr
    assert "Traceback" not in result.stderr


def test_help_has_no_doc_markup_and_shows_defaults_and_exit_codes(tmp_path: Path) -> None:
    top = tradebot("--help", cwd=tmp_path).stdout
    assert "`" not in top and "exit codes:" in top and "141" in top
    for command in ("start", "run", "chat", "ask", "check", "export", "digest"):
        text = tradebot(command, "--help", cwd=tmp_path).stdout
        assert "`" not in text, command
    assert "(default: csv)" in tradebot("export", "--help", cwd=tmp_path).stdout


def test_run_help_says_what_the_docs_say_about_workers_on_sqlite(tmp_path: Path) -> None:
    text = " ".join(tradebot("run", "--help", cwd=tmp_path).stdout.split())
    assert "PostgreSQL" in text and "SQLite serves a few workers on one machine only" in text
