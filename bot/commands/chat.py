"""``tradebot chat``: the bot in the terminal, as errbot's text mode. A line is a mention; ``/trade …`` the command.

On a terminal, lines can be edited and recalled (readline), history is kept across sessions in the user's state
directory, figures are bold and quotes dim, and text wraps to the terminal's width. Piped, it is plain text.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from bot.commands.common import CommandError, knowledge_or_exit, report

PROMPT = "you> "
HISTORY_LENGTH = 1000
USAGE = """Ask about China's 2025 foreign trade as you would in Slack, for example:
  how fast did exports to ASEAN grow?
  /trade lithium batteries
  /trade help        (the slash command's own help)
A number asks the follow-up of that number under the last answer (Slack's buttons).
Type help for this text; quit, exit, Ctrl-D or Ctrl-C to leave."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-banner", action="store_true", help="do not print the greeting")


def history_path(environ: os._Environ[str] | dict[str, str] = os.environ) -> Path:
    """``$XDG_STATE_HOME/tradebot/chat_history``, by default ``~/.local/state/tradebot/chat_history``."""
    state = environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "tradebot" / "chat_history"


class History:
    """Line editing and history through readline, on a terminal only (a pipe is read as it is)."""

    def __init__(self, path: Path):
        self.path = path
        try:
            import readline
        except ImportError:  # Python built without readline: input() still works, without editing
            self.readline = None
            return
        self.readline = readline
        readline.set_history_length(HISTORY_LENGTH)
        with contextlib.suppress(OSError):  # the first session, or an unreadable file: start empty
            readline.read_history_file(path)

    def forget_last(self) -> None:
        """Drop the line just typed (``quit``): recalling it next session would only end the chat again."""
        if self.readline is not None and self.readline.get_current_history_length():
            self.readline.remove_history_item(self.readline.get_current_history_length() - 1)

    def save(self) -> None:
        if self.readline is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.readline.write_history_file(self.path)
        except OSError as exc:  # a read-only home must not end the chat with an error
            print(f"tradebot: history not saved to {self.path}: {exc.strerror}", file=sys.stderr)


class Conversation:
    """The bot's side of the chat: one conversation, so a line may follow up the last question ("and imports?");
    it also remembers the last answer's numbered follow-ups."""

    def __init__(self, engine, screen):  # the engine and screen types are imported lazily
        from bot.answer.followup import LocalConversation

        self.engine = engine
        self.screen = screen
        self.follow_ups: list[str] = []
        self.turns = LocalConversation()

    def respond(self, line: str) -> str:
        """The bot's answer to one terminal line."""
        from bot.render.outcome_text import outcome_text
        from bot.render.terminal import draw_reply
        from bot.router import AnswerOutcome, RouteContext, ask, route

        stripped = line.strip()
        if stripped.lower() in {"help", "?"}:
            return USAGE
        if stripped.isdigit() and 1 <= int(stripped) <= len(self.follow_ups):
            stripped = self.follow_ups[int(stripped) - 1]
            echo = f"(asking: {stripped})\n"
        else:
            echo = ""
        if stripped.startswith("/trade"):
            outcome = route(
                stripped.removeprefix("/trade").strip(), RouteContext(kb=self.engine.kb, engine=self.engine)
            )
            if not isinstance(outcome, AnswerOutcome):
                self.follow_ups = []
                return echo + outcome_text(outcome)
            reply = outcome.reply
        else:
            reply = ask(stripped, RouteContext(kb=self.engine.kb, engine=self.engine, conversation=self.turns)).reply
        drawn = draw_reply(reply, self.screen)
        self.follow_ups = drawn.follow_ups
        return echo + drawn.text


def main(args: argparse.Namespace) -> int:
    from bot.answer.engine import Engine
    from bot.render.terminal import Screen

    try:
        engine = Engine(knowledge_or_exit())
    except CommandError as error:
        return report(error)
    interactive = sys.stdin.isatty()
    history = History(history_path()) if interactive else None
    conversation = Conversation(engine, Screen.detect(sys.stdout))
    if not args.no_banner:
        print("tradebot: China's 2025 foreign trade, from the SCIO briefing of 14 Jan 2026. Type help.")
    try:
        while True:
            try:
                line = input(PROMPT if interactive else "")
            except (EOFError, KeyboardInterrupt):
                print()
                return 0
            if line.strip().lower() in {"quit", "exit"}:
                if history is not None:
                    history.forget_last()
                return 0
            if line.strip():
                print(conversation.respond(line), flush=True)
    finally:
        if history is not None:
            history.save()
