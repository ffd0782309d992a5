"""``tradebot chat`` in a pseudo-terminal: line editing and history kept across sessions, bold figures and dim
quotes, wrapping to the terminal's width; plain text when piped or with NO_COLOR."""

from __future__ import annotations

import fcntl
import os
import re
import select
import struct
import subprocess
import termios
import time
from pathlib import Path

from tests.commands.conftest import clean_env, tradebot
from tests.fakes.bot_process import tradebot_command

PROMPT = b"you> "
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]")
BOLD, DIM = "\x1b[1m", "\x1b[2m"
UP = "\x1b[A"
COLUMNS = 60


class Terminal:
    """``tradebot chat`` on the slave side of a pty of ``COLUMNS`` columns; we type on the master side."""

    def __init__(self, home: Path, **env: str):
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, COLUMNS, 0, 0))
        environ = clean_env(HOME=str(home), XDG_STATE_HOME=str(home / "state"), TERM="xterm", **env)
        environ.pop("COLUMNS", None)
        environ.pop("LINES", None)
        self.process = subprocess.Popen(
            [*tradebot_command(), "chat"], stdin=slave, stdout=slave, stderr=slave, env=environ, start_new_session=True
        )
        os.close(slave)
        self.output = b""

    def read_until_prompt(self, timeout: float = 60.0) -> str:
        """What the chat printed up to its next prompt (a deadline bounds the wait; nothing is timed)."""
        start = len(self.output)
        deadline = time.monotonic() + timeout
        while not self.output[start:].rstrip().endswith(PROMPT.rstrip()):
            left = deadline - time.monotonic()
            assert left > 0, f"no prompt within {timeout}s: {self.output[start:]!r}"
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:  # the chat exited
                    break
                if not chunk:
                    break
                self.output += chunk
        return self.output[start:].decode("utf-8", "replace").replace("\r\n", "\n")

    def type(self, keys: str) -> str:
        os.write(self.master, keys.encode())
        return self.read_until_prompt()

    def quit(self) -> int:
        os.write(self.master, b"quit\r")
        code = self.process.wait(timeout=30)
        os.close(self.master)
        return code


def test_on_a_terminal_figures_are_bold_quotes_dim_and_lines_wrap(tmp_path: Path) -> None:
    terminal = Terminal(tmp_path)
    terminal.read_until_prompt()
    shown = terminal.type("how fast did trade with ASEAN grow?\r")
    assert terminal.quit() == 0
    assert f"{BOLD}7.55 trillion yuan (up 8%)" in shown
    assert f"{DIM}“Imports and exports with ASEAN" in shown
    plain = ANSI.sub("", shown)
    lines = plain.splitlines()[1:-1]  # past the echoed question, before the next prompt
    assert len(lines) > 6 and all(len(line) < COLUMNS for line in lines), lines
    words = " ".join(line.strip() for line in lines)
    assert "Latin America and Africa amounted to 7.55 trillion yuan" in words  # broken at spaces only


def test_history_is_kept_across_sessions_and_arrows_edit_lines(tmp_path: Path) -> None:
    first = Terminal(tmp_path)
    first.read_until_prompt()
    assert "Hainan" in first.type("hainan\r")
    assert first.quit() == 0
    history = tmp_path / "state" / "tradebot" / "chat_history"
    assert "hainan" in history.read_text()

    second = Terminal(tmp_path)
    second.read_until_prompt()
    shown = second.type(UP + "\r")  # the previous session's line, recalled
    assert second.quit() == 0
    assert "^[[A" not in shown and "Hainan" in ANSI.sub("", shown)


def test_no_color_keeps_the_terminal_plain(tmp_path: Path) -> None:
    terminal = Terminal(tmp_path, NO_COLOR="1")
    terminal.read_until_prompt()
    shown = terminal.type("how fast did trade with ASEAN grow?\r")
    assert terminal.quit() == 0
    assert BOLD not in shown and DIM not in shown and "7.55 trillion yuan" in shown


def test_piped_output_is_plain_and_unwrapped(tmp_path: Path) -> None:
    result = tradebot("chat", cwd=tmp_path, stdin="how fast did trade with ASEAN grow?\n")
    assert result.returncode == 0
    assert "\x1b[" not in result.stdout
    assert any(len(line) > 120 for line in result.stdout.splitlines())  # the quote, on one line
    assert not (tmp_path / ".local").exists()  # no history without a terminal


def test_the_chat_shows_what_slack_shows_related_figures_and_suggestions(tmp_path: Path) -> None:
    shown = tradebot(
        "chat", "--no-banner", cwd=tmp_path, stdin="trade with India\n1\nexports and imports growth\n"
    ).stdout
    assert "It does state these; type a number to ask it:\n  1. " in shown
    assert "(asking: " in shown  # the number asked the first suggestion, as pressing its button would
    assert "Related figures\n  • " in shown and "More on " in shown
    assert "Read as: trade · India" in shown
