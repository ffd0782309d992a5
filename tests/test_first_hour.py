"""The first hour, on a fresh clone: what a newcomer does, from the README's quickstart to a bot that starts or
says clearly why it cannot.

The clone is of this repository's committed HEAD (on CI, the commit under test). The README's first quickstart
command runs verbatim in it, installing into the clone's own venv; the second is the command running this test,
which ``.ci/run`` runs verbatim, so here it is only compared with ``.ci/run``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.exits import Exit
from tests.commands.conftest import clean_env
from tests.fakes.bot_process import BotProcess, free_port
from tests.fakes.slack_api import FakeSlackApi, Reply

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "how fast did trade with ASEAN grow?"


def quickstart_commands() -> list[str]:
    """The ``sh`` blocks of the README's Quickstart section."""
    section = ROOT.joinpath("README.md").read_text().split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", section, re.S)]


def test_the_readme_has_two_quickstart_commands_and_ci_runs_the_second_verbatim() -> None:
    install_and_start, install_and_test = quickstart_commands()
    assert install_and_start.endswith(".venv/bin/tradebot") and "pip install -q -e ." in install_and_start
    assert install_and_test in ROOT.joinpath(".ci", "run").read_text().splitlines()


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A fresh clone where the README's first command ran: installed, then the chat, fed one question."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    folder = tmp_path_factory.mktemp("first-hour") / "tradebot"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(folder)], check=True, timeout=120)
    install_and_start = quickstart_commands()[0]
    result = subprocess.run(
        ["sh", "-c", install_and_start],
        cwd=folder,
        input=f"{QUESTION}\nquit\n",
        capture_output=True,
        text=True,
        timeout=600,
        env=clean_env(),
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    assert "7.55 trillion yuan" in result.stdout  # no tokens: the main job is the chat
    yield folder


def run(clone: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(clone / ".venv" / "bin" / "tradebot"), *args],
        cwd=clone,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env=clean_env(),
    )


def test_after_copying_env_example_chat_ask_and_export_work(clone: Path) -> None:
    shutil.copy(clone / ".env.example", clone / ".env")
    chat = run(clone, "chat", stdin="trade with India\n1\n")
    assert chat.returncode == 0 and chat.stderr == "" and "(asking: " in chat.stdout
    ask = run(clone, "ask", "-", stdin=(clone / "examples" / "questions.txt").read_text())
    assert ask.returncode == 0 and ask.stderr == ""
    assert len(ask.stdout.splitlines()) == len((clone / "examples" / "questions.txt").read_text().splitlines())
    export = run(clone, "export", "-o", "figures.csv")
    assert export.returncode == 0 and (clone / "figures.csv").read_text().startswith("id,briefing")


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["--version"], Exit.OK, "tradebot 0."),
        (["export", "-o", "/missing/dir/x.csv"], Exit.BAD_SETTINGS, "cannot write /missing/dir/x.csv"),
        (["ask", "--jsn", "asean"], Exit.BAD_SETTINGS, "usage: tradebot ask"),
        (["run", "--port", "abc"], Exit.BAD_SETTINGS, "argument --port: not a port number"),
        (["run"], Exit.BAD_SETTINGS, "SLACK_BOT_TOKEN is not set"),
    ],
)
def test_the_cli_cases_end_without_a_traceback_and_with_the_documented_code(
    clone: Path, args: list[str], code: int, says: str
) -> None:
    result = run(clone, *args)
    assert result.returncode == code
    assert says in result.stdout + result.stderr and "Traceback" not in result.stderr


def test_a_closed_pipe_is_quiet(clone: Path) -> None:
    pipeline = f"{clone / '.venv' / 'bin' / 'tradebot'} export | head -1"
    result = subprocess.run(["sh", "-c", pipeline], cwd=clone, capture_output=True, text=True, timeout=120)
    assert result.stdout.startswith("id,") and result.stderr == ""


def start_in_clone(clone: Path, api_url: str, tmp_path: Path) -> BotProcess:
    env = clean_env(
        SLACK_BOT_TOKEN="xoxb-0000000001-0000000002-faketokenvalue",
        SLACK_SIGNING_SECRET="0123456789abcdef0123456789abcdef",
        SLACK_API_URL=api_url,
        KNOWLEDGE_DIR=str(clone / "knowledge"),
        PATH=f"{clone / '.venv' / 'bin'}:{clean_env()['PATH']}",
    )
    process = BotProcess(["--http", "--host", "127.0.0.1", "--port", str(free_port())], env, tmp_path)
    process.command = [str(clone / ".venv" / "bin" / "tradebot")]
    return process


def test_start_up_against_a_slack_answering_invalid_auth_and_a_closed_port(clone: Path, tmp_path: Path) -> None:
    with FakeSlackApi() as slack:
        slack.script("auth.test", Reply(json={"ok": False, "error": "invalid_auth"}))
        with start_in_clone(clone, slack.url, tmp_path / "refused") as bot:
            assert bot.wait_exit(timeout=60) == Exit.SLACK_REFUSED
        assert "Slack refused SLACK_BOT_TOKEN (auth.test: invalid_auth)" in bot.log()
        assert "Traceback" not in bot.log()
    closed = f"http://127.0.0.1:{free_port()}/api/"
    with start_in_clone(clone, closed, tmp_path / "closed") as bot:
        assert bot.wait_exit(timeout=60) == Exit.SLACK_UNREACHABLE
    assert f"cannot reach Slack at {closed} (connection refused)" in bot.log()
    assert "Traceback" not in bot.log()
