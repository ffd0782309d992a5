"""Opening the database: the folder is created, tables appear, and what cannot work fails with a clear message."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import inspect

from bot.store import StoreError, open_store


def test_relative_sqlite_path_is_relative_to_the_working_directory(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    store = open_store("sqlite:///data/tradebot.sqlite3")
    try:
        assert (tmp_path / "data" / "tradebot.sqlite3").is_file()
        tables = set(inspect(store.engine).get_table_names())
        assert {"schema_version", "subscriptions", "deliveries", "figure_rotation", "seen_events"} <= tables
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    finally:
        store.close()


def test_unwritable_sqlite_path_names_the_file(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(StoreError, match="not-a-folder") as caught:
        open_store(f"sqlite:///{blocker / 'tradebot.sqlite3'}")
    assert "DATABASE_URL" in str(caught.value)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="not writable"):
            open_store(f"sqlite:///{folder / 'tradebot.sqlite3'}")
    finally:
        folder.chmod(0o700)


def test_unreachable_postgres_says_so_without_the_password() -> None:
    # Port 1 on 127.0.0.1: nothing listens there, so the connection is refused at once.
    with pytest.raises(StoreError, match="cannot use the database") as caught:
        open_store("postgresql+psycopg://tradebot:s3cret-pw@127.0.0.1:1/tradebot")
    assert "s3cret-pw" not in str(caught.value)
    assert "127.0.0.1:1" in str(caught.value)


@pytest.mark.parametrize(
    ("url", "message"),
    [("not a url", "not a database URL"), ("mysql://u@127.0.0.1/db", "supports sqlite")],
)
def test_unsupported_urls(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        open_store(url)
