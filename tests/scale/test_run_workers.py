"""``--workers`` and the settings of several processes are checked before anything starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.config import SettingsError, load_settings
from tests.fakes.bot_process import APP_TOKEN, BOT_TOKEN


@pytest.mark.parametrize("workers", ["0", "-1", "two", "65"])
def test_a_bad_worker_count_is_refused(workers: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["run", "--http", "--workers", workers])
    assert exit_.value.code == 2
    assert "workers" in capsys.readouterr().err


def test_workers_are_for_http_mode(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SLACK_BOT_TOKEN", BOT_TOKEN)
    monkeypatch.setenv("SLACK_APP_TOKEN", APP_TOKEN)
    assert main(["run", "--socket", "--workers", "2"]) == 2
    assert "--http" in capsys.readouterr().err


def test_the_sweep_must_fit_twice_in_a_lease(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SettingsError, match="LEASE_SWEEP_SECONDS must be at most half of EVENT_LEASE_SECONDS"):
        load_settings(event_lease_seconds=4, lease_sweep_seconds=3)
    with pytest.raises(SettingsError, match="EVENT_LEASE_SECONDS"):
        load_settings(event_lease_seconds=1)
    assert load_settings(event_lease_seconds=4, lease_sweep_seconds=2).lease_sweep_seconds == 2
