"""Fixtures shared across the test suite: the knowledge base, the fake Slack Web API, the bot as a process.

The fake Slack API runs once per session and is reset before each test that uses ``slack_api``; the HTTP bot
(``tradebot run --http``) runs once per session against it, so Slack tests pay its start-up once.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.answer.engine import Engine
from bot.kb.base import KnowledgeBase
from bot.kb.loader import load_knowledge
from tests.fakes.bot_process import BotProcess, bot_env, free_port
from tests.fakes.slack_api import FakeSlackApi


@pytest.fixture(scope="session")
def knowledge() -> KnowledgeBase:
    """The shipped knowledge base, loaded once."""
    return load_knowledge()


@pytest.fixture(scope="session")
def session_engine(knowledge: KnowledgeBase) -> Engine:
    """One engine on the shipped knowledge base."""
    return Engine(knowledge)


@pytest.fixture(scope="session")
def fake_slack_server() -> Iterator[FakeSlackApi]:
    """The fake Slack Web API for the whole session (use ``slack_api`` in tests)."""
    with FakeSlackApi() as api:
        yield api


@pytest.fixture
def slack_api(fake_slack_server: FakeSlackApi) -> FakeSlackApi:
    """The fake Slack Web API, with no calls recorded and nothing scripted."""
    fake_slack_server.reset()
    return fake_slack_server


@dataclass(frozen=True)
class RunningBot:
    """A bot serving HTTP: where to send requests, and its process (for logs)."""

    base_url: str
    process: BotProcess

    @property
    def events_url(self) -> str:
        return self.base_url + "/slack/events"


@pytest.fixture(scope="session")
def http_bot(fake_slack_server: FakeSlackApi, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningBot]:
    """``tradebot run --http`` on 127.0.0.1 against the fake Slack API, shared by the session."""
    port = free_port()
    workdir: Path = tmp_path_factory.mktemp("http-bot")
    process = BotProcess(
        ["--http", "--host", "127.0.0.1", "--port", str(port)], bot_env(fake_slack_server.url), workdir
    )
    with process:
        base_url = f"http://127.0.0.1:{port}"
        process.wait_http_ready(base_url)
        yield RunningBot(base_url=base_url, process=process)


@pytest.fixture
def bot(http_bot: RunningBot, slack_api: FakeSlackApi) -> RunningBot:
    """The shared HTTP bot, with the fake API reset for this test."""
    return http_bot


IN_PROCESS_LOG = "in-process.log"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "last: run after every other test (it reads the logs of the whole run)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked ``last`` go to the end, in their order (the sort is stable)."""
    items.sort(key=lambda item: item.get_closest_marker("last") is not None)


@pytest.fixture(scope="session", autouse=True)
def in_process_log(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Everything logged at INFO and above in the test process, kept in a file beside the bot processes' logs
    (``tests/security/test_no_leaks.py`` reads them all)."""
    path = tmp_path_factory.getbasetemp() / IN_PROCESS_LOG
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(min(previous or logging.WARNING, logging.INFO))
    yield path
    root.removeHandler(handler)
    root.setLevel(previous)
    handler.close()
