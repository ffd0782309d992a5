"""The real ``tradebot run`` in a subprocess, pointed at the fake Slack API, with bounded start-up and shutdown."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path

from tests.fakes import payloads

BOT_TOKEN = "xoxb-0000000001-0000000002-faketokenvalue"
APP_TOKEN = "xapp-1-A0000001-0000000003-fakeapptokenvalue"


def free_port() -> int:
    """A port nothing listens on right now (the bot binds it moments later)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def tradebot_command() -> list[str]:
    """The installed ``tradebot`` script next to this Python, or ``python -m bot`` (the same entry point)."""
    script = Path(sys.executable).with_name("tradebot")
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot"]


def bot_env(api_url: str, **overrides: str | None) -> dict[str, str]:
    """The process environment without any real Slack settings, plus test tokens and ``SLACK_API_URL``.

    Pass ``NAME=None`` to leave a variable out.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DIGEST_"))}
    env.update(
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=payloads.SIGNING_SECRET,
        SLACK_API_URL=api_url,
        SLACK_TIMEOUT_SECONDS="5",
        LOG_LEVEL="INFO",
        PYTHONUNBUFFERED="1",
    )
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


class BotProcess:
    """``tradebot run <args>`` with its output in ``log_path``; a context manager that always stops it."""

    def __init__(self, args: list[str], env: Mapping[str, str], workdir: Path):
        self.args = args
        self.env = dict(env)
        self.workdir = workdir  # no .env there, so only ``env`` configures the bot
        self.log_path = workdir / "bot.log"
        self.command = tradebot_command()  # another install's ``tradebot`` (a fresh clone's) may be set instead
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> BotProcess:
        self.workdir.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [*self.command, "run", *self.args],
            cwd=self.workdir,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # gunicorn's workers go with it when the group is signalled
        )
        log.close()
        return self

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def log(self) -> str:
        """Everything the bot printed so far."""
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def wait_http_ready(self, base_url: str, timeout: float = 30.0) -> None:
        """Poll ``/healthz`` until it answers 200; fail with the log if the bot exits or the deadline passes."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._assert_running()
            try:
                if payloads.get(base_url + "/healthz", timeout=2).status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise AssertionError(f"bot not ready within {timeout}s:\n{self.log()[-3000:]}")

    def wait_exit(self, timeout: float = 30.0) -> int:
        """The exit code, waiting at most ``timeout`` seconds."""
        assert self.process is not None
        return self.process.wait(timeout=timeout)

    def stop(self, timeout: float = 15.0) -> None:
        """SIGTERM the process group, then SIGKILL it if it has not exited in time."""
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)

    def _assert_running(self) -> None:
        assert self.process is not None
        if self.process.poll() is not None:
            raise AssertionError(f"bot exited with {self.process.returncode}:\n{self.log()[-3000:]}")

    def __enter__(self) -> BotProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def listening_ports(pid: int) -> set[int]:
    """TCP ports that process ``pid`` listens on (Linux ``/proc``): its socket inodes in LISTEN state."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    ports = set()
    for table in ("tcp", "tcp6"):
        path = Path(f"/proc/{pid}/net/{table}")
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A" and fields[9] in inodes:  # 0A is TCP_LISTEN
                ports.add(int(fields[1].rsplit(":", 1)[1], 16))
    return ports


def child_pids(pid: int) -> list[int]:
    """The live children of process ``pid`` (Linux ``/proc``): gunicorn's workers, for its master."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # The command name (field 2) is in parentheses and may hold spaces; the parent pid follows the state.
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            children.append(int(stat.parent.name))
    return sorted(children)


def wait_for_workers(
    pid: int, count: int, timeout: float = 30.0, exclude: set[int] | frozenset[int] = frozenset()
) -> list[int]:
    """Wait until process ``pid`` has ``count`` live children not in ``exclude``; return all its children."""
    deadline = time.monotonic() + timeout
    while True:
        children = child_pids(pid)
        if len(set(children) - set(exclude)) >= count:
            return children
        if time.monotonic() > deadline:
            raise AssertionError(f"process {pid} has children {children}, wanted {count} besides {sorted(exclude)}")
        time.sleep(0.05)
