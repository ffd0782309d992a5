"""``tradebot ask``: answer one question, or one per line from standard input. The bot's scripting interface."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from bot.commands.common import CommandError, knowledge_or_exit, report


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "question",
        nargs="+",
        help="the question, or - to read one question per line from stdin; a line may be a JSON object "
        '{"text": ..., "thread": ...}, and lines of one thread are one conversation (follow-ups)',
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object (always so with -)")
    parser.add_argument("--slash", action="store_true", help="treat the text as what follows /trade")
    parser.add_argument(
        "--explain", action="store_true", help="print how the question was read and the best candidates' feature scores"
    )


def reply_json(reply: Any) -> dict[str, Any]:
    """The JSON object documented in docs/scripting.md."""
    from bot.render.text import reply_text

    data = reply.model_dump(mode="json")
    data["text"] = reply_text(reply)
    if reply.facts and not reply.answers:
        # A question about the briefing is answered by facts from its record. Scripts cite what they read in
        # ``answers`` (value, speaker, quote), so the facts are listed there too, in that shape.
        data["answers"] = [
            {"id": f.id, "kind": "fact", "label": f.label, "value": f.text, "speaker": f.speaker, "quote": f.quote}
            for f in reply.facts
        ]
    return data


def slash_json(text: str, engine: Any) -> dict[str, Any]:
    """What ``/trade <text>`` answers, as the same JSON object; a subcommand (help, topics, key) is named in it."""
    from bot.render.outcome_text import outcome_text
    from bot.router import AnswerOutcome, KeyFiguresOutcome, RouteContext, route

    outcome = route(text, RouteContext(kb=engine.kb, engine=engine))
    if isinstance(outcome, AnswerOutcome):
        return reply_json(outcome.reply)
    answers = list(outcome.answers) if isinstance(outcome, KeyFiguresOutcome) else []
    return {
        "query": text,
        "answered": bool(answers),
        "reason": "subcommand",
        "subcommand": text.split()[0].lower() if text.split() else "help",
        "answers": [a.model_dump(mode="json") for a in answers],
        "suggestions": [],
        "text": outcome_text(outcome),
    }


def threaded(line: str) -> tuple[str, str | None]:
    """A line of ``ask -``: plain text, or ``{"text": ..., "thread": ...}`` (a line of a scripted conversation)."""
    if not line.lstrip().startswith("{"):
        return line, None
    try:
        data = json.loads(line)
    except json.JSONDecodeError:
        return line, None  # a question that happens to start with a brace
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        return line, None
    thread = data.get("thread")
    return data["text"], None if thread is None else str(thread)


class Threads:
    """The conversations of one ``ask -`` run, by thread name, each read in input order."""

    def __init__(self, engine: Any):
        self.engine = engine
        self._conversations: dict[str, Any] = {}

    def ask(self, text: str, thread: str) -> Any:
        from bot.answer.followup import LocalConversation
        from bot.router import RouteContext, ask

        conversation = self._conversations.setdefault(thread, LocalConversation())
        return ask(text, RouteContext(kb=self.engine.kb, engine=self.engine, conversation=conversation)).reply


def main(args: argparse.Namespace) -> int:
    from bot.answer.engine import Engine

    try:
        engine = Engine(knowledge_or_exit())
    except CommandError as error:
        return report(error)

    if args.explain:
        from bot.answer.explain import explanation_text

        questions = sys.stdin if args.question == ["-"] else [" ".join(args.question)]
        for line in questions:
            if line.strip():
                sys.stdout.write(explanation_text(engine, line.rstrip("\n")) + "\n")
        return 0

    def answer(text: str) -> dict[str, Any]:
        return slash_json(text, engine) if args.slash else reply_json(engine.ask(text))

    if args.question == ["-"]:
        # Exactly one line out per line in, blank lines included (answered as "empty"), so the output zips with
        # the input: `paste questions.txt answers.jsonl`.
        threads = Threads(engine)
        for line in sys.stdin:
            text, thread = threaded(line.rstrip("\r\n"))
            data = answer(text) if thread is None else reply_json(threads.ask(text, thread))
            sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        return 0
    data = answer(" ".join(args.question))
    print(json.dumps(data, ensure_ascii=False, indent=2) if args.json else data["text"])
    return 0
