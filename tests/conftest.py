"""Shared fixtures: every test runs with its own home, state and config directories."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import hypothesis
import pytest

from agent.config import Settings

if TYPE_CHECKING:
    from agent.router import Router

# A shared 2-core machine under load must never fail a property test for being slow: no
# deadlines and no too-slow health check, for people and CI alike (`--hypothesis-seed`
# reproduces a failure).
hypothesis.settings.register_profile(
    "loaded-machine",
    deadline=None,
    suppress_health_check=[hypothesis.HealthCheck.too_slow, hypothesis.HealthCheck.data_too_large],
)
hypothesis.settings.load_profile("loaded-machine")

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "fixtures"

_SCRUBBED = (
    "NEMO_TOKEN",
    "NEMO_API_URL",
    "NEMO_WEB_URL",
    "NEMO_CLIENT_ID",
    "NEMO_SKILL_FILE",
    "NEMO_BACKEND",
    "NEMO_FAULTS",
    "NEMO_OUTPUT_DIR",
    "NEMO_AUTO_EXPORT",
    "NEMO_ROUTER_MODEL",
    "SKILL_SOURCE",
    "ANTHROPIC_API_KEY",
    "OPENCLAW_STATE_DIR",
    "OPENCLAW_SHELL",
    "NEMO_WORKER",
    "NEMO_WORKER_IDLE",
    "NEMO_WAIT",
)


def live_worker(state_dir: Path) -> int | None:
    """The pid of a worker still running for `state_dir`, if any."""
    from agent.worker.housekeeping import owner_alive
    from agent.worker.spawn import read_pid

    pid = read_pid(state_dir / "worker" / "worker.pid")
    return pid if pid is not None and owner_alive(pid) else None


def live_children(home: Path) -> list[int]:
    """Render/preview child processes (`agent.child_call`) started under this test's home."""
    marker = f"NEMO_AGENT_HOME={home / '.nemo-agent'}".encode()
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if b"agent.child_call" not in (proc / "cmdline").read_bytes():
                continue
            if marker in (proc / "environ").read_bytes().split(b"\0"):
                found.append(int(proc.name))
        except OSError:  # gone meanwhile, or not ours
            continue
    return found


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point HOME and NEMO_AGENT_HOME at a temporary directory for every test.

    Commands run inside the process (`NEMO_WORKER=false`) unless a test asks for the worker
    (`tests/worker_support.py`); a worker, or a render child (`agent.child_call`), still running
    after its test fails that test.
    """
    home = tmp_path / "home"
    home.mkdir()
    for key in _SCRUBBED:
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("NEMO_AGENT_HOME", str(home / ".nemo-agent"))
    monkeypatch.setenv("NEMO_WORKER", "false")
    monkeypatch.setenv("PYTHONFAULTHANDLER", "1")  # a hung child's SIGABRT prints every stack
    yield home
    leftover = live_worker(home / ".nemo-agent" / "state")
    if leftover is not None:
        os.kill(leftover, signal.SIGKILL)
        pytest.fail(f"a background worker (pid {leftover}) outlived its test; stop it")
    children = live_children(home)
    for pid in children:
        os.kill(pid, signal.SIGKILL)
    if children:
        pytest.fail(f"render children {children} outlived their test; close their ChildCalls")


@pytest.fixture
def env(isolated_home: Path) -> dict[str, str]:
    """An explicit environment mapping for `Settings.from_env`."""
    return {"HOME": str(isolated_home), "NEMO_AGENT_HOME": str(isolated_home / ".nemo-agent")}


@pytest.fixture
def settings(env: dict[str, str]) -> Settings:
    """Settings for a test: isolated directories, production defaults otherwise."""
    return Settings.from_env(env)


@pytest.fixture
def fixtures_dir() -> Path:
    """The repository's `fixtures/` directory."""
    return FIXTURES


@pytest.fixture(scope="module")
def router() -> Router:
    """The router as the CLI builds it without a key (no LLM), built once per test module."""
    from agent.router import build_router

    return build_router()


@pytest.fixture(scope="module")
def routers() -> list[Router]:
    """The full router without and with a fallback model that always says export (what the
    user's words must beat), built once per test module."""
    from agent.router import build_router
    from tests.router_support import SaysExport

    return [build_router(), build_router(completer=SaysExport())]
