"""Import layering of `agent/` (STYLE.md §2.2), checked by parsing every module's imports.

Only modules that exist are checked, so the rules hold as new modules appear.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

AGENT = Path(__file__).resolve().parents[2] / "agent"

CORE = (
    "agent.errors",
    "agent.media",
    "agent.config",
    "agent.timeline",
    "agent.translate",
    "agent.router",
    "agent.sse",
    "agent.models",
    "agent.scalars",
    "agent.draft_paths",
    "agent.local.interpreter.plan",
    "agent.local.interpreter.interpret",
    "agent.local.interpreter.intents",
    "agent.local.edits",
    "agent.local.interpreter.editsteps",
    "agent.local.interpreter.quantity",
    "agent.local.interpreter.snippet",
    "agent.local.interpreter.videotrack",
    "agent.local.interpreter.phrasebook",
    "agent.local.renderer.spec",
    "agent.local.renderer.motion",
    "agent.local.store.jobs",
    "agent.local.faults",
)
"""The pure core: a name here covers the module, or the package and everything in it."""

IO_LIBRARIES = frozenset(
    {"httpx", "httpx_sse", "starlette", "uvicorn", "av", "cv2", "anthropic", "socket", "subprocess"}
)
ASYNCIO_IO = frozenset(
    {"open_connection", "start_server", "open_unix_connection", "start_unix_server",
     "create_subprocess_exec", "create_subprocess_shell", "streams", "subprocess"}
)  # fmt: skip
"""asyncio's I/O surface; `asyncio.timeout` and friends are fine in the core."""
FRONT_END = ("agent.cli", "agent.__main__")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(AGENT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _walk(nodes: list[ast.stmt]) -> Iterator[ast.AST]:
    """Every node, skipping `if TYPE_CHECKING:` bodies (imports there never run)."""
    for node in nodes:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            yield from _walk(node.orelse)
            continue
        yield node
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.stmt):
                yield from _walk([child])
            else:
                yield from ast.walk(child)


def _asyncio_attributes(tree: ast.Module) -> set[str]:
    return {
        f"asyncio.{node.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "asyncio"
    }


def imports_of(source: str, module: str, *, is_package: bool = False) -> set[str]:
    """Absolute names a module imports (`a.b`; `pkg` and `pkg.x` for `from pkg import x`).

    Attribute uses of `asyncio` are included too, so its I/O functions can be told apart.
    """
    package = module if is_package else module.rpartition(".")[0]
    tree = ast.parse(source)
    found: set[str] = set()
    if "asyncio" in source:
        found.update(_asyncio_attributes(tree))  # `asyncio.open_connection(...)` counts as I/O
    for node in _walk(tree.body):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base_parts = package.split(".")
            if node.level:
                base_parts = base_parts[: len(base_parts) - node.level + 1]
            base = (
                ".".join(p for p in [*base_parts, node.module or ""] if p)
                if node.level
                else (node.module or "")
            )
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
    return found


def _modules() -> dict[str, set[str]]:
    table: dict[str, set[str]] = {}
    for path in sorted(AGENT.rglob("*.py")):
        name = _module_name(path)
        source = path.read_text(encoding="utf-8")
        table[name] = imports_of(source, name, is_package=path.name == "__init__.py")
    return table


def _within(name: str, prefixes: tuple[str, ...] | frozenset[str]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


MODULES = _modules()


def _resolve(name: str) -> str | None:
    """The `agent` module an imported name lives in (the longest existing prefix)."""
    parts = name.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in MODULES:
            return candidate
    return None


def _closure(module: str) -> set[str]:
    """The module and every `agent` module it imports, directly or not."""
    seen, todo = {module}, [module]
    while todo:
        for name in MODULES[todo.pop()]:
            found = _resolve(name) if name.startswith("agent") else None
            if found is not None and found not in seen:
                seen.add(found)
                todo.append(found)
    return seen


def test_the_import_parser_resolves_relative_imports_and_skips_type_checking() -> None:
    source = (
        "import os.path\n"
        "from typing import TYPE_CHECKING\n"
        "from . import plan\n"
        "from ..errors import ConfigError\n"
        "from agent import cli\n"
        "if TYPE_CHECKING:\n"
        "    import httpx\n"
        "def f():\n"
        "    import av\n"
        "    return av\n"
        "async def g():\n"
        "    import asyncio\n"
        "    async with asyncio.timeout(5):\n"
        "        await asyncio.open_connection('127.0.0.1', 80)\n"
    )
    assert imports_of(source, "agent.local.interpreter") == {
        "os.path",
        "typing",
        "typing.TYPE_CHECKING",
        "agent.local",
        "agent.local.plan",
        "agent.errors",
        "agent.errors.ConfigError",
        "agent",
        "agent.cli",
        "av",
        "asyncio",
        "asyncio.timeout",
        "asyncio.open_connection",
    }


def test_core_modules_exist_to_be_checked() -> None:
    assert {"agent.errors", "agent.media", "agent.config", "agent.timeline"} <= set(MODULES)


@pytest.mark.parametrize("module", sorted(m for m in MODULES if _within(m, CORE)))
def test_pure_core_modules_import_no_io_library_even_indirectly(module: str) -> None:
    offending = sorted(
        f"{inner} imports {name}"
        for inner in _closure(module)
        for name in MODULES[inner]
        if name.split(".")[0] in IO_LIBRARIES
        or (name.startswith("asyncio.") and name.split(".")[1] in ASYNCIO_IO)
    )
    assert offending == [], f"{module}: {offending}"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if not _within(m, FRONT_END)))
def test_nothing_imports_the_cli_front_end(module: str) -> None:
    offending = sorted(i for i in MODULES[module] if _within(i, ("agent.cli",)))
    assert offending == [], f"{module} imports {offending}"


@pytest.mark.parametrize(
    "module", sorted(m for m in MODULES if _within(m, CORE) and not _within(m, ("agent.local",)))
)
def test_core_modules_outside_the_local_backend_do_not_import_it(module: str) -> None:
    offending = sorted(i for i in MODULES[module] if _within(i, ("agent.local",)))
    assert offending == [], f"{module} imports {offending}"


def test_the_closure_follows_imports_through_packages() -> None:
    assert _closure("agent.config") == {"agent.config", "agent.errors"}


LOCAL_LAYERS = {
    "agent.local.renderer": ("agent.local.server", "agent.local.store", "agent.local.interpreter"),
    "agent.local.interpreter": ("agent.local.server", "agent.local.store"),
    "agent.local.store": ("agent.local.server",),
    "agent.local.edits": (
        "agent.local.server",
        "agent.local.store",
        "agent.local.interpreter",
        "agent.local.renderer",
    ),
}
"""The local backend's parts import one way: server -> store / interpreter -> renderer -> draft."""


@pytest.mark.parametrize(
    "module", sorted(m for m in MODULES if any(_within(m, (part,)) for part in LOCAL_LAYERS))
)
def test_the_local_backends_parts_import_one_way(module: str) -> None:
    part = next(p for p in LOCAL_LAYERS if _within(module, (p,)))
    offending = sorted(i for i in MODULES[module] if _within(i, LOCAL_LAYERS[part]))
    assert offending == [], f"{module} imports {offending}"


def test_the_local_backend_has_its_four_parts() -> None:
    parts = {"server", "store", "interpreter", "renderer"}
    assert {m for m in MODULES if m.count(".") == 2 and m.startswith("agent.local.")} >= {
        f"agent.local.{p}" for p in parts
    }
