"""Running the real ``tradebot`` command in a folder of the test's own, as a newcomer would."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

import pytest

from tests.fakes.bot_process import tradebot_command

ROOT = Path(__file__).resolve().parents[2]
ENV_EXAMPLE = ROOT / ".env.example"


def clean_env(**extra: str) -> dict[str, str]:
    """This process's environment without tradebot's settings, plus ``extra``."""
    names = {line.split("=", 1)[0].lstrip("# ") for line in ENV_EXAMPLE.read_text().splitlines() if "=" in line}
    env = {k: v for k, v in os.environ.items() if k not in names and not k.startswith(("SLACK_", "DIGEST_"))}
    env.pop("NO_COLOR", None)
    env.update(extra)
    return env


def tradebot(
    *args: str, cwd: Path, stdin: str = "", env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``tradebot ARGS`` in ``cwd``, bounded in time."""
    return subprocess.run(
        [*tradebot_command(), *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(env) if env is not None else clean_env(),
    )


@pytest.fixture
def newcomer_dir(tmp_path: Path) -> Path:
    """A folder with ``.env`` copied from ``.env.example``, as the README says."""
    shutil.copy(ENV_EXAMPLE, tmp_path / ".env")
    return tmp_path
