"""``.env`` as a newcomer makes it: copied from ``.env.example``, then partly filled in. Empty means not set."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bot.exits import Exit
from tests.commands.conftest import ENV_EXAMPLE, clean_env, tradebot
from tests.fakes import payloads
from tests.fakes.bot_process import BOT_TOKEN, BotProcess, free_port
from tests.fakes.slack_api import FakeSlackApi


def test_commands_without_slack_work_after_copying_env_example(newcomer_dir: Path) -> None:
    ask = tradebot("ask", "--json", "asean", cwd=newcomer_dir)
    assert ask.returncode == 0 and ask.stderr == "", ask.stderr
    assert json.loads(ask.stdout)["answered"] is True
    chat = tradebot("chat", cwd=newcomer_dir, stdin="hainan\n")
    assert chat.returncode == 0 and chat.stderr == "" and "Hainan" in chat.stdout
    start = tradebot(cwd=newcomer_dir, stdin="asean\n")  # no tokens set: the main job is the chat
    assert start.returncode == 0 and "ASEAN" in start.stdout
    export = tradebot("export", "--format", "json", cwd=newcomer_dir)
    assert export.returncode == 0 and len(json.loads(export.stdout)) > 100
    check = tradebot("check", cwd=newcomer_dir)
    assert check.returncode == 0 and check.stdout.startswith("ok")


def test_run_with_the_copied_env_names_what_is_missing_not_an_empty_value(newcomer_dir: Path) -> None:
    run = tradebot("run", cwd=newcomer_dir)
    assert run.returncode == Exit.BAD_SETTINGS
    assert "SLACK_BOT_TOKEN is not set" in run.stderr and "empty" not in run.stderr
    assert "Traceback" not in run.stderr


def test_docker_env_file_empty_values_are_not_set_either(tmp_path: Path) -> None:
    # `docker run --env-file .env` sets every NAME= line as an empty variable; no .env is read then.
    empty = {m.group(1): "" for m in re.finditer(r"^([A-Z_]+)=$", ENV_EXAMPLE.read_text(), re.M)}
    assert {"SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET"} <= set(empty)
    env = clean_env(**empty)
    ask = tradebot("ask", "asean", cwd=tmp_path, env=env)
    assert ask.returncode == 0 and ask.stderr == "" and "ASEAN" in ask.stdout
    run = tradebot("run", cwd=tmp_path, env=env)
    assert run.returncode == Exit.BAD_SETTINGS and "SLACK_BOT_TOKEN is not set" in run.stderr


def test_filling_in_only_the_http_secrets_gives_http_mode(newcomer_dir: Path, slack_api: FakeSlackApi) -> None:
    text = (newcomer_dir / ".env").read_text()
    text = text.replace("SLACK_BOT_TOKEN=\n", f"SLACK_BOT_TOKEN={BOT_TOKEN}\n")
    text = text.replace("SLACK_SIGNING_SECRET=\n", f"SLACK_SIGNING_SECRET={payloads.SIGNING_SECRET}\n")
    text += f"SLACK_API_URL={slack_api.url}\n"
    (newcomer_dir / ".env").write_text(text)
    port = free_port()
    with BotProcess(["--host", "127.0.0.1", "--port", str(port)], clean_env(), newcomer_dir) as bot:
        bot.wait_http_ready(f"http://127.0.0.1:{port}")
        log = bot.log()
    assert "serving Slack over HTTP" in log and "SLACK_APP_TOKEN" not in log


def test_a_bad_env_line_is_reported_once_with_the_file_name(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("LOG_LEVEL=INFO\nthis line is not a setting 'xoxb-secret\nSLACK_BOT_TOKEN=\n")
    ask = tradebot("ask", "asean", cwd=tmp_path)
    assert ask.returncode == 0
    warnings = ask.stderr.strip().splitlines()
    assert warnings == [f"tradebot: warning: {tmp_path.resolve() / '.env'}, line 2: not NAME=value, ignored"]


def test_a_setting_error_names_the_variable_once_and_says_what_is_wrong(tmp_path: Path) -> None:
    run = tradebot("run", cwd=tmp_path, env=clean_env(SLACK_BOT_TOKEN="xoxb-12345"))
    assert run.returncode == Exit.BAD_SETTINGS
    assert run.stderr.count("SLACK_BOT_TOKEN") == 1
    assert "too short (10 characters) for a bot token (xoxb-…)" in run.stderr and "xoxb-12345" not in run.stderr
