"""The import graph of ``bot/``: layers import one way, and the domain never imports Slack.

Each package (or top-level module) of ``bot/`` has a layer; an import may only go to a lower layer. Two parts of
one layer may not import each other (routing does not render, rendering does not route). The graph is read from
the source with ``ast``, so an import inside a function, or under ``TYPE_CHECKING``, counts like any other: a
lazy import is still a dependency a reader must know about.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parents[1] / "bot"

# Top down: what a newcomer follows from a Slack request to the knowledge base (docs/development.md draws it).
LAYERS: tuple[tuple[str, ...], ...] = (
    ("__main__",),
    ("cli",),
    ("commands",),  # the tradebot command's subcommands: they start servers, chats and tools
    ("server",),  # HTTP mode: the ASGI app, its request gate, and gunicorn with uvicorn workers around it
    ("slack",),  # Bolt: listeners, middleware, the runtime of a serving process, the digest poster
    ("router", "render"),  # /trade without Slack; drawing outcomes, answers and digests as blocks or text
    ("schedule", "conversations", "outcomes", "logs"),  # the schedule domain, follow-ups, what /trade returns
    ("learning",),  # feedback, the question log and the curator's report (the scheduler purges and posts it)
    ("answer", "config"),  # the answer engine; settings
    (
        "kb",
        "store",
        "exits",
        "envfile",
        "garbage",
        "periodic",
        "database_url",
    ),  # the knowledge base, the database, helpers
)
SLACK_FREE = (
    "kb",
    "answer",
    "schedule",
    "store",
    "router",
    "render",
    "outcomes",
    "conversations",
    "config",
    "learning",
)
SLACK_LIBRARIES = ("slack_bolt", "slack_sdk")


@dataclass(frozen=True)
class Import:
    """One import statement: which file, which part of ``bot`` it is in, and the module it names."""

    path: Path
    part: str
    module: str


def part_of(path: Path, root: Path) -> str:
    """The package of ``bot`` a file belongs to, or the top-level module's own name."""
    relative = path.relative_to(root)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def imports_of(path: Path, root: Path) -> list[Import]:
    """Every module a file imports, relative imports resolved."""
    package = ["bot", *path.relative_to(root).parts[:-1]]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                found.append(".".join([*base, *([node.module] if node.module else [])]))
            else:
                found.append(node.module or "")
    return [Import(path.relative_to(root.parent), part_of(path, root), module) for module in found]


def all_imports(root: Path = BOT) -> list[Import]:
    return [imp for path in sorted(root.rglob("*.py")) for imp in imports_of(path, root)]


def layer_of(part: str) -> int:
    for depth, parts in enumerate(LAYERS):
        if part in parts:
            return depth
    raise AssertionError(f"bot/{part} has no layer in tests/test_layers.py: add it where it belongs")


def target_part(module: str) -> str | None:
    """The part of ``bot`` an import names, or None for the standard library and third parties."""
    names = module.split(".")
    return names[1] if names[0] == "bot" and len(names) > 1 else None


def upward_imports(root: Path = BOT) -> list[str]:
    """Imports from one part of ``bot`` to a part in its own layer or above."""
    found = []
    for imp in all_imports(root):
        target = target_part(imp.module)
        if target is not None and target != imp.part and layer_of(target) <= layer_of(imp.part):
            found.append(f"{imp.path} imports {imp.module}")
    return found


def package_cycles(root: Path = BOT) -> list[str]:
    """Pairs of parts of ``bot`` that reach each other through imports."""
    edges: dict[str, set[str]] = {}
    for imp in all_imports(root):
        target = target_part(imp.module)
        if target is not None and target != imp.part:
            edges.setdefault(imp.part, set()).add(target)

    def reaches(start: str, goal: str) -> bool:
        seen, todo = set(), [start]
        while todo:
            for nxt in edges.get(todo.pop(), ()):
                if nxt == goal:
                    return True
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return False

    return sorted({" <-> ".join(sorted((a, b))) for a in edges for b in edges[a] if reaches(b, a)})


def slack_imports(part: str, root: Path = BOT) -> list[str]:
    """Imports of slack_bolt or slack_sdk in one part of ``bot``."""
    return [
        f"{imp.path} imports {imp.module}"
        for imp in all_imports(root)
        if imp.part == part and imp.module.split(".")[0] in SLACK_LIBRARIES
    ]


def test_every_part_of_bot_has_a_layer() -> None:
    for path in BOT.rglob("*.py"):
        if path.name != "__init__.py" or path.parent != BOT:
            layer_of(part_of(path, BOT))


def test_imports_go_down_the_layers() -> None:
    found = upward_imports()
    assert not found, "imports that go up or sideways:\n" + "\n".join(found)


def test_no_cycle_between_packages() -> None:
    found = package_cycles()
    assert not found, "package cycles: " + ", ".join(found)


@pytest.mark.parametrize("part", SLACK_FREE)
def test_the_domain_does_not_import_slack(part: str) -> None:
    found = slack_imports(part)
    assert not found, "\n".join(found)


def test_the_checks_see_the_ring_this_test_was_written_for(tmp_path: Path) -> None:
    # The ring as it was: a lazy import of rendering inside the scheduler, and the poster importing Slack.
    root = tmp_path / "bot"
    for name, text in {
        "render/digest.py": "from bot.schedule.content import Digest\n",
        "schedule/scheduler.py": "def tick():\n    from bot.render.digest import digest_message\n",
        "schedule/poster.py": "from slack_sdk import WebClient\nfrom ..slack.client import PooledWebClient\n",
        "slack/client.py": "import bot.schedule.content\n",
    }.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    assert package_cycles(root) == ["render <-> schedule", "schedule <-> slack"]
    assert upward_imports(root) == [
        "bot/schedule/poster.py imports bot.slack.client",
        "bot/schedule/scheduler.py imports bot.render.digest",
    ]
    assert slack_imports("schedule", root) == ["bot/schedule/poster.py imports slack_sdk"]


# Middleware runs before any listener and for every request: it must not know which listeners there are, their
# button ids or their command's name (issue 16). Listeners declare what middleware needs (``ClaimRules``).
MIDDLEWARE = BOT / "slack" / "middleware"
LISTENER_KNOWLEDGE = ("bot.slack.listeners", "bot.router", "bot.render", "bot.slack.matchers", "bot.slack.message_size")


def listener_imports_of_middleware(root: Path = BOT) -> list[str]:
    """Imports from ``bot/slack/middleware`` of a listener module or of what only listeners should know."""
    middleware = root / "slack" / "middleware"
    return [
        f"{imp.path} imports {imp.module}"
        for path in sorted(middleware.rglob("*.py"))
        for imp in imports_of(path, root)
        if imp.module.startswith(LISTENER_KNOWLEDGE)
    ]


def test_middleware_imports_no_listener_module() -> None:
    assert MIDDLEWARE.is_dir()
    found = listener_imports_of_middleware()
    assert not found, "middleware that knows listeners:\n" + "\n".join(found)


def test_the_middleware_check_sees_what_claims_imported_before(tmp_path: Path) -> None:
    root = tmp_path / "bot"
    claims = root / "slack" / "middleware" / "claims.py"
    claims.parent.mkdir(parents=True)
    claims.write_text("from bot.render.actions import SHARE\nfrom bot.router import COMMAND\n", encoding="utf-8")
    assert listener_imports_of_middleware(root) == [
        "bot/slack/middleware/claims.py imports bot.render.actions",
        "bot/slack/middleware/claims.py imports bot.router",
    ]
