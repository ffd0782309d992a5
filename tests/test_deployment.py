"""The deployment files, checked statically (no Docker engine runs here): the compose file against the
compose-spec schema, the Dockerfile with hadolint, and both against what the docs say; the image's health
probe against a real server."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bot.server.probe import alive
from tests.fakes.bot_process import free_port

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    assert found, f"{name} is installed by the test extras (pip install -e '.[test]')"
    return found


def test_the_compose_file_matches_the_compose_spec(tmp_path: Path) -> None:
    check = [tool("check-jsonschema"), "--builtin-schema", "vendor.compose-spec"]
    result = subprocess.run([*check, str(COMPOSE)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    broken = tmp_path / "docker-compose.yml"
    broken.write_text(COMPOSE.read_text().replace("    healthcheck:\n", "    healthchek:\n", 1))
    assert subprocess.run([*check, str(broken)], capture_output=True, timeout=60).returncode != 0


def test_the_dockerfile_passes_hadolint() -> None:
    result = subprocess.run([tool("hadolint"), str(DOCKERFILE)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def compose_text() -> str:
    return COMPOSE.read_text()


def test_every_service_has_a_health_check_and_the_bot_waits_for_the_database() -> None:
    text = compose_text()
    services = re.findall(r"^  (\w+):\n", text.split("\nvolumes:")[0], re.M)
    assert services == ["db", "bot", "proxy"]
    blocks = re.split(r"^  (?=\w+:\n)", text.split("\nvolumes:")[0], flags=re.M)[1:]
    for block in blocks:
        assert "\n    healthcheck:\n" in block, block.splitlines()[0]
    bot = blocks[1]
    assert "condition: service_healthy" in bot and "WORKERS: ${WORKERS:-2}" in bot
    # The docs' database address names this compose file's service.
    assert "@db:5432/tradebot" in bot
    assert "@db:5432/tradebot" in (ROOT / "docs" / "deployment.md").read_text()


def test_the_image_runs_either_mode_and_its_healthcheck_is_the_probe() -> None:
    text = DOCKERFILE.read_text()
    (cmd,) = re.findall(r"^CMD (.*)$", text, re.M)
    assert "--http" not in cmd and "${TRADEBOT_MODE:+--$TRADEBOT_MODE}" in cmd  # Socket Mode with SLACK_APP_TOKEN
    assert re.search(r"^HEALTHCHECK .*CMD \[\"python\", \"-m\", \"bot.server.probe\"\]$", text, re.M)
    assert '"python", "-m", "bot.server.probe"' in compose_text()


class _Answer(BaseHTTPRequestHandler):
    status = 200

    def do_GET(self) -> None:  # http.server's name
        self.send_response(self.status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(params=[200, 503])
def health_server(request: pytest.FixtureRequest) -> Iterator[int]:
    handler = type("Handler", (_Answer,), {"status": request.param})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_the_probe_is_alive_on_200_and_503_as_the_docs_advise(health_server: int) -> None:
    # 503 is a database outage the bot rides out: restarting the container for it would help nothing.
    assert alive({"PORT": str(health_server)})


def test_the_probe_fails_when_nothing_serves_and_passes_in_socket_mode() -> None:
    closed = str(free_port())
    assert not alive({"PORT": closed})
    assert alive({"PORT": closed, "SLACK_APP_TOKEN": "xapp-set"})
    assert not alive({"PORT": closed, "SLACK_APP_TOKEN": "xapp-set", "TRADEBOT_MODE": "http"})
