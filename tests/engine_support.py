"""Engines for tests: over the local backend app in process (ASGITransport) or a scripted API."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from agent.config import Settings
from agent.engine import Engine, open_engine
from agent.local.faults import parse_faults
from agent.progress import Progress, RecordingProgress
from tests.fakes import API_URL, ApiScript, FakeClock, RecordingSleep, json_response
from tests.local_support import runs_finished

__all__ = ["CountingApp", "LocalWorld", "RunsSleep", "local_engine", "scripted_engine", "sized_png"]


class CountingApp:
    """ASGI wrapper that records every request the backend receives (method, path)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.requests: list[tuple[str, str]] = []

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            self.requests.append((scope["method"], scope["path"]))
        await self.app(scope, receive, send)

    def count(self, method: str, path: str) -> int:
        return self.requests.count((method, path))


@dataclass
class RunsSleep(RecordingSleep):
    """A recording sleep that also waits (bounded) for the backend's runs to finish."""

    app: Any = None

    async def __call__(self, seconds: float) -> None:
        await super().__call__(seconds)
        if self.app is not None:
            await runs_finished(self.app)


@dataclass
class LocalWorld:
    """What a local-backend engine test can look at."""

    engine: Engine
    app: Any
    progress: Any
    sleep: Any


@asynccontextmanager
async def local_engine(
    settings: Settings,
    tmp_path: Path,
    *,
    deps: Any = None,
    progress: Progress | None = None,
    sleep: Any = None,
    wait_for_runs: bool = False,
    **config: Any,
) -> AsyncIterator[LocalWorld]:
    """An engine talking to the local backend app in process, with a fake clock and sleep.

    With `wait_for_runs`, each injected sleep also waits for the backend's `/run_sse` runs to
    finish (disconnect recovery then sees the finished run, with no real waiting).
    """
    from agent.local.config import BackendConfig
    from agent.local.server.app import create_app

    if isinstance(config.get("faults"), str):
        config["faults"] = parse_faults(config["faults"])
    backend_config = BackendConfig.from_settings(settings).with_overrides(
        work_generate_s=0.0, work_edit_s=0.0, **config
    )
    app = create_app(backend_config, deps)
    shown = progress if progress is not None else RecordingProgress()
    clock = FakeClock()
    waits = sleep or RunsSleep(clock=clock, app=app if wait_for_runs else None)
    local = settings.with_overrides(api_url="http://backend.test", backend="local")
    async with (
        app.router.lifespan_context(app),
        open_engine(
            local,
            progress=shown,
            output_dir=tmp_path / "out",
            sleep=waits,
            clock=clock,
            transport=httpx.ASGITransport(app=app),
        ) as engine,
    ):
        yield LocalWorld(engine, app, shown, waits)


@asynccontextmanager
async def scripted_engine(
    settings: Settings,
    script: ApiScript,
    tmp_path: Path,
    *,
    clock: FakeClock | None = None,
    parts: Any = None,
) -> AsyncIterator[tuple[Engine, RecordingProgress, RecordingSleep]]:
    """An engine over a scripted API (token, session and credits are scripted here); `parts`
    replaces the bundled router and translator (an `EngineParts`-like object)."""
    script.on("POST", "/api/auth/anonymous-token", json_response("anonymous-token"))
    script.on("POST", "/api/tasks/me/with-session/nemo_agent", json_response("session"))
    script.on("GET", "/api/credits/balance/simple", json_response("credits"))
    script.on("POST", "/api/auth/claim-token", json_response("claim-token"))
    progress = RecordingProgress()
    clock = clock or FakeClock()
    sleep = RecordingSleep(clock=clock)
    live = settings.with_overrides(api_url=API_URL, client_id="cid-test")
    async with open_engine(
        live,
        parts=parts,
        progress=progress,
        output_dir=tmp_path / "out",
        sleep=sleep,
        clock=clock,
        transport=script.transport(),
    ) as engine:
        yield engine, progress, sleep


def sized_png(source: Path, target: Path, size: int) -> Path:
    """A PNG of at least `size` bytes: `source` plus trailing padding (decoders ignore it)."""
    data = source.read_bytes()
    target.write_bytes(data + bytes(max(0, size - len(data))))
    return target
