"""Helpers for tests of the background worker over real processes and loopback sockets.

`WorkerWorld` is an isolated home whose commands go through the worker, pointed at the real local
backend served from this process (a thread) and wrapped to count requests; its render can be held
at a gate so a test can kill a command or the worker mid-render. Leaving the `worker_world`
fixture stops the worker and waits until it is gone.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FIXTURES, live_worker
from tests.engine_support import CountingApp

PHOTO = FIXTURES / "media" / "harbor.jpg"
GENERATE = "turn this photo into a 5-second video"
BOUND_S = 120.0
"""The generous bound every poll in these tests gives up after (never a wait-for-time)."""

RENDER_SUBMIT = ("POST", "/api/render/proxy/lambda")
RUN_SSE = ("POST", "/run_sse")


def nemo_agent() -> str:
    """The console script of this venv."""
    found = Path(sys.executable).parent / "nemo-agent"
    return str(found) if found.exists() else (shutil.which("nemo-agent") or "nemo-agent")


def poll(condition: Callable[[], Any], what: str, bound: float = BOUND_S) -> Any:
    """Return the first truthy value of `condition()`, checking every 20 ms up to `bound` s."""
    deadline = time.monotonic() + bound
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    pytest.fail(f"timed out waiting for {what}")


@dataclass
class RenderGate:
    """Holds every render until `release()`; `started` is set when one begins."""

    started: threading.Event = field(default_factory=threading.Event)
    released: threading.Event = field(default_factory=threading.Event)
    renders: int = 0

    def wrap(self, render: Any) -> Any:
        def gated(*args: Any, **kwargs: Any) -> Any:
            self.renders += 1
            self.started.set()
            if not self.released.wait(BOUND_S):
                raise RuntimeError("the test never released the render")
            return render(*args, **kwargs)

        return gated

    def release(self) -> None:
        self.released.set()


@dataclass
class WorkerWorld:
    """An isolated home, the backend's URL and request counts, and the command runner."""

    home: Path
    env: dict[str, str]
    app: CountingApp
    gate: RenderGate
    out: Path

    @property
    def state_dir(self) -> Path:
        return self.home / ".nemo-agent" / "state"

    def run(self, *args: str, timeout: float = BOUND_S) -> subprocess.CompletedProcess[str]:
        """Run `nemo-agent ARGS` to the end."""
        return subprocess.run(
            [nemo_agent(), *args],
            env=self.env,
            cwd=self.out,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout,
            check=False,
        )

    def start(self, *args: str) -> subprocess.Popen[str]:
        """Start `nemo-agent ARGS` in the background."""
        return subprocess.Popen(
            [nemo_agent(), *args],
            env=self.env,
            cwd=self.out,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )

    def json(self, *args: str) -> dict[str, Any]:
        """Run a `--json` command; its one stdout object."""
        done = self.run(*args)
        lines = done.stdout.strip().splitlines()
        assert len(lines) == 1, (done.stdout, done.stderr)
        data: dict[str, Any] = json.loads(lines[0])
        return data

    def jobs(self) -> list[dict[str, Any]]:
        """`jobs --json` rows (starts a worker if none runs)."""
        rows: list[dict[str, Any]] = self.json("jobs", "--json")["jobs"]
        return rows

    def worker_pid(self) -> int | None:
        return live_worker(self.state_dir)

    def count(self, request: tuple[str, str]) -> int:
        return self.app.count(*request)

    def stop_worker(self) -> None:
        """Stop the worker (if one runs) and wait until its process is gone."""
        pid = self.worker_pid()
        if pid is None:
            return
        self.run("worker", "stop")
        poll(lambda: live_worker(self.state_dir) is None, "the worker to exit")


@pytest.fixture
def worker_world(isolated_home: Path, tmp_path: Path) -> Iterator[WorkerWorld]:
    """Commands through the worker, against the local backend served here, render gated."""
    from agent.config import Settings
    from agent.local.config import BackendConfig
    from agent.local.renderer.render import render
    from agent.local.server.app import create_app
    from agent.local.server.backend import Deps
    from agent.local.server.loopback import running

    env = {
        "HOME": str(isolated_home),
        "NEMO_AGENT_HOME": str(isolated_home / ".nemo-agent"),
        "LC_ALL": "C.UTF-8",
        "NEMO_CLIENT_ID": "cid-worker-e2e",
        "NEMO_WORKER_IDLE": "300",
    }
    settings = Settings.from_env(env)
    config = BackendConfig.from_settings(settings).with_overrides(
        data_dir=tmp_path / "backend", work_generate_s=0.0, work_edit_s=0.0
    )
    gate = RenderGate()
    app = CountingApp(create_app(config, Deps(render=gate.wrap(render))))
    out = tmp_path / "out"
    out.mkdir()
    with ExitStack() as stack:
        url = stack.enter_context(running(app))
        env |= {"NEMO_API_URL": url, "NEMO_WEB_URL": url}
        world = WorkerWorld(isolated_home, env, app, gate, out)
        try:
            yield world
        finally:
            gate.release()
            world.stop_worker()


def kill(pid: int) -> None:
    """SIGKILL a process this test started (directly or through a command)."""
    os.kill(pid, signal.SIGKILL)
