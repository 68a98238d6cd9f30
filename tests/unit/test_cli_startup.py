"""CLI start-up stays light: `--help` imports none of the heavy libraries (fresh interpreter)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from agent import __version__

HEAVY = ("anthropic", "rich.progress", "av", "cv2", "numpy", "starlette", "uvicorn", "mcp")

_HELP_SCRIPT = textwrap.dedent(
    """
    import click, contextlib, io, json, sys
    from agent.cli import cli, main
    heavy = {heavy!r}
    def run(argv):
        with contextlib.redirect_stdout(io.StringIO()) as out:
            try:
                main(argv)
            except SystemExit:
                pass
        return {{"text": out.getvalue(), "loaded": [m for m in heavy if m in sys.modules]}}
    report = {{"--help": run(["--help"])}}
    for name in cli.list_commands(click.Context(cli)):
        try:
            report[name] = run([name, "--help"])
        except ModuleNotFoundError as exc:
            if not (exc.name or "").startswith("agent.cli."):
                raise
            # that command's module is not written yet
    print(json.dumps(report))
    """
).format(heavy=HEAVY)


def _run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"HOME": str(home), "NEMO_AGENT_HOME": str(home / ".nemo-agent"), "LC_ALL": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """`--help` and each command's `--help`, run in one fresh interpreter."""
    result = _run(tmp_path_factory.mktemp("home"), "-c", _HELP_SCRIPT)
    assert result.returncode == 0, result.stderr
    parsed: dict[str, Any] = json.loads(result.stdout)
    return parsed


def test_help_imports_no_heavy_module(report: dict[str, Any]) -> None:
    assert "Commands" in report["--help"]["text"]
    assert report["--help"]["loaded"] == []


def test_each_command_help_imports_no_heavy_module(report: dict[str, Any]) -> None:
    commands = {name: entry for name, entry in report.items() if name != "--help"}
    assert commands, "no command module exists yet"
    for name, entry in commands.items():
        assert "Usage:" in entry["text"], name
        assert entry["loaded"] == [], f"`nemo-agent {name} --help` imported {entry['loaded']}"


def test_version_flag_works_through_python_dash_m(isolated_home: Path) -> None:
    result = _run(isolated_home, "-m", "agent", "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"nemo-agent, version {__version__}"
