"""Golden conversations (`fixtures/conversations/*.json`) against the local backend over sockets.

Each file is one conversation: optional backend config and settings, then turns with the
expected actions, reply fragments, delivered files (probed with PyAV) and `/run_sse` post count.
Every conversation runs on both backend profiles: `local`, and `cloud` (100 credits, null state
for a new session, bare heartbeats, the URL a poll after `completed`, ISO dates, Shape B). A
file's `profiles.<name>.turns.<index>` replaces expectations of a turn on that profile.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from agent.config import Settings
from agent.engine import open_engine
from agent.local.faults import parse_faults
from agent.progress import RecordingProgress
from tests.conftest import FIXTURES
from tests.engine_support import CountingApp
from tests.fakes import FakeClock

pytestmark = pytest.mark.e2e

CONVERSATIONS = sorted((FIXTURES / "conversations").glob("*.json"))


@dataclass
class RenderGate:
    """Wraps the real renderer so the client's injected sleep can wait for a render to finish."""

    started: threading.Event = field(default_factory=threading.Event)
    done: threading.Event = field(default_factory=threading.Event)

    def wrap(self, render: Any) -> Any:
        def gated(*args: Any, **kwargs: Any) -> Any:
            self.started.set()
            try:
                return render(*args, **kwargs)
            finally:
                self.done.set()

        return gated


@dataclass
class GateSleep:
    """Injected sleep: records delays, advances a fake clock, waits only for a running render."""

    gate: RenderGate
    clock: FakeClock = field(default_factory=FakeClock)
    delays: list[float] = field(default_factory=list)

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)
        self.clock.advance(seconds)
        if self.gate.started.is_set() and not self.gate.done.is_set():
            await asyncio.to_thread(self.gate.done.wait, 60)


@contextmanager
def local_backend(
    settings: Settings, gate: RenderGate, profile: str = "local", **config: Any
) -> Iterator[tuple[str, CountingApp]]:
    """The real local backend app under uvicorn on a loopback port (fast simulated work)."""
    from agent.local.config import BackendConfig
    from agent.local.renderer.render import render
    from agent.local.server.app import create_app
    from agent.local.server.backend import Deps
    from agent.local.server.loopback import running

    if isinstance(config.get("faults"), str):
        config["faults"] = parse_faults(config["faults"])
    base = BackendConfig.from_settings(settings).with_profile(
        "cloud" if profile == "cloud" else "local"
    )
    backend_config = base.with_overrides(work_generate_s=0.0, work_edit_s=0.0, **config)
    app = CountingApp(create_app(backend_config, Deps(render=gate.wrap(render))))
    with running(app) as url:
        yield url, app


def _probe_seconds(path: Path) -> float:
    import av

    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        assert stream.codec_context.name in ("h264", "libx264")
        assert container.duration is not None
        return float(container.duration) / 1_000_000


def _check_turn(turn: dict[str, Any], result: Any, app: CountingApp, sleep: GateSleep) -> None:
    assert result.as_json()["status"] == turn["status"], result.reply
    assert list(result.actions) == turn["actions"], result.reply
    if "language" in turn:
        assert result.language == turn["language"]
    for fragment in turn.get("contains", []):
        assert fragment in result.reply, result.reply
    for fragment in turn.get("absent", []):
        assert fragment not in result.reply, result.reply
    assert len(result.files) == turn["files"], result.reply
    for file in result.files:
        path = Path(file)
        assert path.is_absolute()
        assert path.suffix == ".mp4"
        assert _probe_seconds(path) == pytest.approx(turn["mp4_seconds"], abs=0.25)
    assert app.count("POST", "/run_sse") == turn["run_sse_posts"]
    if "first_sleep" in turn:
        assert sleep.delays[0] == turn["first_sleep"]


def _turns(spec: dict[str, Any], profile: str) -> list[dict[str, Any]]:
    changes = spec.get("profiles", {}).get(profile, {}).get("turns", {})
    return [{**turn, **changes.get(str(i), {})} for i, turn in enumerate(spec["turns"])]


@pytest.mark.parametrize("profile", ["local", "cloud"])
@pytest.mark.parametrize("path", CONVERSATIONS, ids=[p.stem for p in CONVERSATIONS])
async def test_golden_conversation(
    path: Path, profile: str, settings: Settings, tmp_path: Path
) -> None:
    spec = json.loads(path.read_text(encoding="utf-8"))  # noqa: ASYNC240 - a small fixture
    media = tmp_path / "media"
    shutil.copytree(FIXTURES / "media", media)
    settings = settings.with_overrides(**spec.get("settings", {}))
    gate = RenderGate()
    sleep = GateSleep(gate)
    with local_backend(settings, gate, profile, **spec.get("backend", {})) as (url, app):
        # The cloud profile stands in for the cloud: the client must not know it is local.
        backend = "local" if profile == "local" else "cloud"
        live = settings.with_overrides(api_url=url, backend=backend)
        async with (
            asyncio.timeout(120),
            open_engine(
                live, progress=RecordingProgress(), output_dir=tmp_path / "out", sleep=sleep
            ) as engine,
        ):
            delivered = 0
            for turn in _turns(spec, profile):
                attach = [str(media / name) for name in turn.get("attach", [])]
                result = await engine.run_turn(turn["text"], attach)
                _check_turn(turn, result, app, sleep)
                delivered += turn["files"]
                # no MP4 lands beyond the ones the turns report (a held export leaves none)
                assert len(list((tmp_path / "out").glob("*.mp4"))) == delivered
