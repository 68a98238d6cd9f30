"""Stand-ins and helpers for the local backend tests: a scripted interpreter, a probe, a tiny
renderer, gates for blocking work, and client helpers that mirror the seed curl commands."""

from __future__ import annotations

import asyncio
import threading
import wave
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from agent.errors import RenderError
from agent.local.interpreter.plan import AskStep, InterpretContext, Plan, TextStep, ToolStep

ATTRIBUTION = {
    "X-Skill-Source": "image-to-video-deevid",
    "X-Skill-Version": "1.0.0",
    "X-Skill-Platform": "unknown",
}


def _draft(ctx: InterpretContext, title: str | None = None) -> dict[str, Any]:
    images = [a for a in ctx.assets if a.kind == "image"]
    segments = [
        {
            "id": f"sg_{i}",
            "s": i * 5000,
            "d": 5000,
            "n": a.filename,
            "a": a.asset_id,
            "u": a.url,
            "k": "image",
            "mo": {"type": "zoom_in", "i": 0.1, "sp": 1.0},
            "fit": "cover",
            "x": 0,
        }
        for i, a in enumerate(images)
    ]
    tracks: list[dict[str, Any]] = [{"tt": 0, "sg": segments}]
    if title:
        tracks.append(
            {"tt": 7, "sg": [{"id": "sg_t", "s": 0, "d": 2000, "n": title, "pos": "center"}]}
        )
    meta = {"title": title or "Project", "width": 64, "height": 36, "aspect": "16:9", "fps": 10}
    return {"d": 5000 * max(1, len(images)), "m": meta, "t": tracks}


def scripted_interpret(ctx: InterpretContext) -> Plan:
    """A small deterministic stand-in for `agent.local.interpreter.interpret.interpret`."""
    text = ctx.message.lower()
    if "which" in text:
        return Plan((AskStep("Which style?", ("calm", "lively")),), ctx.language)
    if "title" in text:
        step = ToolStep("edit_multitrack", {"op": "add_title"}, _draft(ctx, "Harbor"), 50)
        return Plan((step, TextStep("Title added. Preview it in the timeline.")), ctx.language)
    if "video" in text or "视频" in text:
        step = ToolStep(
            "generate_video_from_images", {"duration": 5}, _draft(ctx), 100, work="generate"
        )
        reply = "视频已生成。" if ctx.language == "zh" else "Your video is ready. Click Export."
        return Plan((step, TextStep(reply)), ctx.language)
    return Plan((TextStep("Hello! Send me a photo."),), ctx.language)


@dataclass(frozen=True, slots=True)
class Info:
    """What the stand-in probe returns (the MediaInfo shape)."""

    kind: str
    width: int | None
    height: int | None
    duration_ms: int | None
    fps: float | None


def _image_info(path: Path) -> Info | None:
    from PIL import Image

    try:
        with Image.open(path) as img:
            img.load()
            return Info("image", img.width, img.height, None, None)
    except Exception:  # Pillow raises many types for garbage; any of them means "not an image"
        return None


def fake_probe(path: Path) -> Info:
    """Images via Pillow, WAV via `wave`; anything else is undecodable."""
    info = _image_info(path)
    if info is not None:
        return info
    try:
        with wave.open(str(path), "rb") as wav:
            ms = wav.getnframes() * 1000 // wav.getframerate()
            return Info("audio", None, None, ms, None)
    except (wave.Error, EOFError):
        raise RenderError(f"cannot decode {path.name}") from None


def fake_spec(
    draft: dict[str, Any], resolve: Callable[[str], Path], *, quality: str = "high"
) -> dict[str, Any]:
    """Resolves every asset like the real `spec_from_draft` must."""
    paths = [resolve(sg["a"]) for t in draft["t"] for sg in t["sg"] if "a" in sg]
    return {"draft": draft, "paths": paths, "quality": quality}


@dataclass(frozen=True, slots=True)
class Result:
    """The RenderResult shape."""

    duration_s: float
    size_bytes: int
    width: int
    height: int


@dataclass
class FakeRenderer:
    """Writes a small file in ten progress steps; `gate` (when given) blocks before finishing."""

    gate: threading.Event | None = None
    started: threading.Event = field(default_factory=threading.Event)
    calls: int = 0

    def __call__(
        self,
        spec: dict[str, Any],
        out_path: Path,
        *,
        progress: Callable[[int, int], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> Result:
        self.calls += 1
        self.started.set()
        for i in range(1, 11):
            if progress:
                progress(i, 10)
            if i == 5 and self.gate is not None:
                while not self.gate.wait(0.01):
                    if cancel is not None and cancel.is_set():
                        raise RenderError("cancelled")
        out_path.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(100))
        return Result(spec["draft"]["d"] / 1000, out_path.stat().st_size, 64, 36)


def gated_sleep(
    gate: threading.Event, entered: threading.Event
) -> Callable[[float], Awaitable[None]]:
    """An injected work sleep that blocks until the test opens `gate` (bounded by 5 s)."""

    async def sleep(_seconds: float) -> None:
        entered.set()
        await asyncio.to_thread(gate.wait, 5)

    return sleep


async def no_sleep(_seconds: float) -> None:
    """Work takes no time."""


async def new_token(client: httpx.AsyncClient, client_id: str = "client-1") -> str:
    """curl -X POST $API/api/auth/anonymous-token -H 'X-Client-Id: ...'"""
    r = await client.post("/api/auth/anonymous-token", headers={"X-Client-Id": client_id})
    assert r.status_code == 200, r.text
    token: str = r.json()["data"]["token"]
    return token


def auth(token: str) -> dict[str, str]:
    """Bearer plus the three attribution headers, as the seeds send them."""
    return {"Authorization": f"Bearer {token}", **ATTRIBUTION}


async def new_session(client: httpx.AsyncClient, token: str, language: str = "en") -> str:
    """curl -X POST $API/api/tasks/me/with-session/nemo_agent -d '{"task_name":"project",...}'"""
    r = await client.post(
        "/api/tasks/me/with-session/nemo_agent",
        headers={**auth(token), "Content-Type": "application/json"},
        content=f'{{"task_name":"project","language":"{language}"}}',
    )
    assert r.json()["code"] == 0, r.text
    session_id: str = r.json()["data"]["session_id"]
    return session_id


async def upload(client: httpx.AsyncClient, token: str, sid: str, path: Path) -> dict[str, Any]:
    """curl -X POST $API/api/upload-video/nemo_agent/me/<sid> -F "files=@/path" """
    with path.open("rb") as fh:
        r = await client.post(
            f"/api/upload-video/nemo_agent/me/{sid}",
            headers=auth(token),
            files=[("files", (path.name, fh))],
        )
    body: dict[str, Any] = r.json()
    return body


async def photo_session(client: httpx.AsyncClient, fixtures_dir: Path) -> tuple[str, str]:
    """A new token and session with `harbor-small.png` uploaded into it: (token, session id)."""
    token = await new_token(client)
    sid = await new_session(client, token)
    await upload(client, token, sid, fixtures_dir / "media" / "harbor-small.png")
    return token, sid


def run_body(sid: str, text: str) -> str:
    """The seed's /run_sse body, byte for byte."""
    return (
        '{"app_name":"nemo_agent","user_id":"me","session_id":"' + sid + '",'
        '"new_message":{"parts":[{"text":"' + text + '"}]}}'
    )


def sse_headers(token: str) -> dict[str, str]:
    """Headers of the seed's /run_sse call."""
    return {**auth(token), "Content-Type": "application/json", "Accept": "text/event-stream"}


def sse_events(text: str) -> list[dict[str, Any]]:
    """The JSON payloads of a `/run_sse` body, heartbeats excluded."""
    import json

    frames = [f for f in text.split("\n\n") if f.startswith("data: ") and f[6:].strip()]
    payloads = [json.loads(f[len("data: ") :]) for f in frames]
    return [p for p in payloads if p.get("type") != "heartbeat"]


def local_config(tmp_path: Path, **changes: Any) -> Any:
    """A backend config with its data under `tmp_path / "data"`; override any field."""
    from agent.local.config import BackendConfig

    return BackendConfig(data_dir=tmp_path / "data", **changes)


def local_deps(**changes: Any) -> Any:
    """Deps with all stand-ins and no work time; override any field."""
    from agent.local.server.backend import Deps

    base: dict[str, Any] = {
        "interpret": scripted_interpret,
        "spec_from_draft": fake_spec,
        "shape_output": lambda spec, output: {**spec, "output": output},
        "render": FakeRenderer(),
        "probe": fake_probe,
        "sleep": no_sleep,
    }
    return Deps(**{**base, **changes})


@asynccontextmanager
async def in_process_app(config: Any, deps: Any) -> AsyncIterator[tuple[httpx.AsyncClient, Any]]:
    """The app in-process (lifespan run by hand) and an ASGITransport client for it."""
    from agent.local.server.app import create_app

    app = create_app(config, deps)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield client, app


@asynccontextmanager
async def in_process(config: Any, deps: Any) -> AsyncIterator[httpx.AsyncClient]:
    """The app in-process behind an ASGITransport client."""
    async with in_process_app(config, deps) as (client, _app):
        yield client


async def runs_finished(app: Any) -> None:
    """Wait (bounded) until every server-side `/run_sse` run of `app` has finished."""
    async with asyncio.timeout(5):
        await asyncio.gather(*app.state.backend.runs)


@dataclass
class FakeClock:
    """An injected wall clock the test moves by hand."""

    now: float = 1_795_000_000.0

    def __call__(self) -> float:
        return self.now
