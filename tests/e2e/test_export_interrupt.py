"""Ctrl-C (a real SIGINT) while `nemo-agent export` downloads: exit 130, nothing at the target.

A scripted API on a loopback socket answers the export flow and streams the MP4's first bytes,
then holds the download open until the client goes away.
"""

from __future__ import annotations

import asyncio
import json
import signal
import subprocess
import sys
import threading
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.e2e

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "api"
SIZE = 1_000_000


def _fixture(name: str) -> Any:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def _app(started: threading.Event) -> Any:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse, StreamingResponse
    from starlette.routing import Route

    def answer(name: str) -> Any:
        async def endpoint(_request: Request) -> JSONResponse:
            return JSONResponse(_fixture(name))

        return endpoint

    async def status(request: Request) -> JSONResponse:
        body = _fixture("render-a-completed")
        body["data"]["outputUrl"] = f"{str(request.base_url).rstrip('/')}/render-result/v.mp4"
        return JSONResponse(body)

    async def download(_request: Request) -> StreamingResponse:
        async def body() -> AsyncIterator[bytes]:
            yield b"\x00\x00\x00\x18ftypmp42" + b"\x01" * 4096
            started.set()
            await asyncio.Event().wait()  # held open until the client disconnects
            yield b""  # pragma: no cover

        headers = {"content-length": str(SIZE)}
        return StreamingResponse(body(), media_type="video/mp4", headers=headers)

    return Starlette(
        routes=[
            Route("/api/auth/anonymous-token", answer("anonymous-token"), methods=["POST"]),
            Route("/api/tasks/me/with-session/nemo_agent", answer("session"), methods=["POST"]),
            Route("/api/state/nemo_agent/me/{sid}/latest", answer("state")),
            Route("/api/render/proxy/lambda", answer("render-submit"), methods=["POST"]),
            Route("/api/render/proxy/lambda/{render_id}", status),
            Route("/render-result/v.mp4", download),
        ]
    )


def test_sigint_during_the_download_leaves_no_file_and_no_part(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from agent.local.server.loopback import running

    started = threading.Event()
    target = tmp_path / "out"
    target.mkdir()
    with running(_app(started)) as url:
        for key, value in (("NEMO_API_URL", url), ("NEMO_WEB_URL", url)):
            monkeypatch.setenv(key, value)
        monkeypatch.setenv("NEMO_CLIENT_ID", "cid-e2e")
        proc = subprocess.Popen(  # inherits the isolated HOME and NEMO_AGENT_HOME
            [sys.executable, "-m", "agent", "export", "-o", str(target / "video.mp4")],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        try:
            assert started.wait(timeout=30), "the download never started"
            proc.send_signal(signal.SIGINT)
            out, err = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
    assert proc.returncode == 130, err
    assert err.strip().endswith("interrupted")
    assert "Traceback" not in err
    assert "nmv_usr_" not in out + err
    assert out == ""
    assert sorted(p.name for p in target.iterdir()) == []


def _until(done: Callable[[], bool], what: str) -> None:
    """Wait for a state (the bound is a safety net, never a timing assertion)."""
    tick = threading.Event()
    for _ in range(600):
        if done():
            return
        tick.wait(0.1)
    pytest.fail(f"still waiting for {what}")


def test_a_part_left_by_a_killed_export_is_swept_by_the_next_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from agent.local.server.loopback import running

    target = tmp_path / "out"
    target.mkdir()
    started = threading.Event()
    with running(_app(started)) as url:
        for key, value in (("NEMO_API_URL", url), ("NEMO_WEB_URL", url)):
            monkeypatch.setenv(key, value)
        monkeypatch.setenv("NEMO_CLIENT_ID", "cid-e2e")
        command = [sys.executable, "-m", "agent", "export", "-o", str(target / "video.mp4")]
        killed = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            assert started.wait(timeout=30), "the download never started"
            # an empty part younger than a minute may be a live download's that has yet to take
            # its lock, so the sweep leaves it: kill once the first bytes are in
            _until(
                lambda: any(p.stat().st_size > 0 for p in target.iterdir()),
                "the download's first bytes in its part",
            )
            killed.kill()  # nothing runs after this: the part stays
        finally:
            killed.wait(timeout=60)
        [left] = target.iterdir()
        assert left.name.startswith(".video.mp4.")
        assert left.name.endswith(".part")
        started.clear()
        proc = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8"
        )
        try:
            assert started.wait(timeout=30), "the second download never started"
            _until(lambda: not left.exists(), "the old part to be swept")
            _until(lambda: any(target.iterdir()), "the new download's part")
            [live] = target.iterdir()  # the running download's own part
            proc.send_signal(signal.SIGINT)
            _out, err = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert not live.exists()
    assert list(target.iterdir()) == []
