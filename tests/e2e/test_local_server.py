"""Local backend over real loopback sockets: the seed curl sequence, incremental SSE,
disconnects, restart persistence and a real rendered MP4."""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest

from agent.config import Settings
from agent.local.config import BackendConfig
from agent.local.server.app import create_app
from agent.local.server.backend import Deps
from agent.local.server.loopback import running
from tests.local_support import (
    FakeRenderer,
    auth,
    gated_sleep,
    local_config,
    local_deps,
    new_session,
    new_token,
    no_sleep,
    photo_session,
    run_body,
    sse_events,
    sse_headers,
    upload,
)

pytestmark = pytest.mark.e2e


async def _read_event(lines: Any) -> dict[str, Any]:
    async for line in lines:
        if line.startswith("data: ") and '"heartbeat"' not in line:
            event: dict[str, Any] = json.loads(line[6:])
            return event
    raise AssertionError("stream ended before the next event")


async def test_sse_events_arrive_while_the_server_is_still_working(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    gate, entered = threading.Event(), threading.Event()
    config = local_config(tmp_path, heartbeat_s=0.05)
    app = create_app(config, local_deps(sleep=gated_sleep(gate, entered)))
    with running(app) as url:
        async with httpx.AsyncClient(base_url=url, timeout=5) as client:
            token, sid = await photo_session(client, fixtures_dir)
            async with client.stream(
                "POST", "/run_sse", headers=sse_headers(token), content=run_body(sid, "a video")
            ) as r:
                lines = r.aiter_lines()
                first = await _read_event(lines)
                assert entered.wait(60)  # the server is blocked in the work step right now
                beat = await anext(aiter(lines))
                while not beat:
                    beat = await anext(aiter(lines))
                gate.set()
                rest = [line async for line in lines if line.startswith("data: ")]
    assert "functionCall" in first["content"]["parts"][0]
    assert beat == 'data: {"type":"heartbeat"}'
    events = [json.loads(line[6:]) for line in rest if "heartbeat" not in line]
    assert [list(e["content"]["parts"][0]) for e in events] == [["functionResponse"], ["text"]]


async def test_a_disconnected_run_finishes_and_everything_survives_a_restart(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    gate, entered = threading.Event(), threading.Event()
    held = FakeRenderer(gate=threading.Event())
    config = local_config(tmp_path)
    app = create_app(config, local_deps(sleep=gated_sleep(gate, entered), render=held))
    with running(app) as url:
        async with httpx.AsyncClient(base_url=url, timeout=5) as client:
            token, sid = await photo_session(client, fixtures_dir)
            async with client.stream(
                "POST", "/run_sse", headers=sse_headers(token), content=run_body(sid, "a video")
            ) as r:
                await _read_event(r.aiter_lines())
            gate.set()  # the client is gone; the server must still finish the run
    # Stopping waited for the run; a render that is still processing when the server stops...
    app = create_app(config, local_deps(render=held))
    with running(app) as url:
        async with httpx.AsyncClient(base_url=url, timeout=5) as client:
            state = await client.get(f"/api/state/nemo_agent/me/{sid}/latest", headers=auth(token))
            draft = state.json()["data"]["state"]["draft"]
            submitted = await client.post(
                "/api/render/proxy/lambda",
                headers=auth(token),
                json={"id": "render_restart", "sessionId": sid, "draft": draft},
            )
            assert held.started.wait(60)
    # ...is resumed by the next server and completes there.
    finished = FakeRenderer()
    app = create_app(config, local_deps(render=finished))
    with running(app) as url:
        assert app.state.workers.wait("render_restart", 5)
        async with httpx.AsyncClient(base_url=url, timeout=5) as client:
            again = await client.post(
                "/api/auth/anonymous-token", headers={"X-Client-Id": "client-1"}
            )
            polled = await client.get(
                "/api/render/proxy/lambda/render_restart", headers=auth(token)
            )
            credits = await client.get("/api/credits/balance/simple", headers=auth(token))
    assert draft["t"][0]["sg"][0]["n"] == "harbor-small.png"
    assert submitted.json()["success"] is True
    # The token survived the restart: it still authenticates, and is still live, so the same
    # client id is refused a second one (one token per client, never handed out again).
    assert again.status_code == 429
    assert token not in again.text
    assert polled.json()["data"]["status"] == "completed"
    assert finished.calls == 1
    assert credits.json()["data"] == {"available": 9900, "frozen": 0, "total": 9900}


async def test_the_seed_curl_sequence_works_over_http(tmp_path: Path, fixtures_dir: Path) -> None:
    app = create_app(local_config(tmp_path), local_deps())
    with running(app) as url:
        async with httpx.AsyncClient(base_url=url, timeout=5) as client:
            token = await new_token(client, "seed-client")
            sid = await new_session(client, token)
            up = await upload(client, token, sid, fixtures_dir / "media" / "harbor.jpg")
            run = await client.post(
                "/run_sse",
                headers=sse_headers(token),
                content=run_body(sid, "turn this image into a 5-second video"),
            )
            credits = await client.get("/api/credits/balance/simple", headers=auth(token))
            state = await client.get(f"/api/state/nemo_agent/me/{sid}/latest", headers=auth(token))
            draft = state.json()["data"]["state"]["draft"]
            body = (
                '{"id":"render_1773423613616","sessionId":"'
                + sid
                + '","draft":'
                + json.dumps(draft)
                + ',"output":{"format":"mp4","quality":"high"}}'
            )
            export = await client.post(
                "/api/render/proxy/lambda",
                headers={**auth(token), "Content-Type": "application/json"},
                content=body,
            )
            assert app.state.workers.wait("render_1773423613616", 5)
            poll = await client.get(
                "/api/render/proxy/lambda/render_1773423613616", headers=auth(token)
            )
            status = poll.json()["data"]["status"]
            download = await client.get(
                "/api/render/proxy/render_1773423613616/download", headers=auth(token)
            )
    assert up["data"]["files"][0]["width"] == 1600
    assert run.headers["content-type"].startswith("text/event-stream")
    assert len(sse_events(run.text)) == 3
    assert credits.json()["data"]["total"] == 9900
    assert export.json()["data"]["status"] == "pending"
    assert status == "completed"
    assert download.status_code == 200
    assert download.content.startswith(b"\x00\x00\x00\x18ftyp")


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_literal_curl_commands_from_the_seed_work(tmp_path: Path) -> None:
    with running(create_app(local_config(tmp_path), local_deps())) as url:

        def curl(*args: str) -> dict[str, Any]:
            out = subprocess.run(
                ["curl", "-s", "--max-time", "10", *args], capture_output=True, check=True
            )
            result: dict[str, Any] = json.loads(out.stdout)
            return result

        token = curl("-X", "POST", f"{url}/api/auth/anonymous-token", "-H", "X-Client-Id: curl-1")
        bearer = f"Authorization: Bearer {token['data']['token']}"
        session = curl(
            "-X",
            "POST",
            f"{url}/api/tasks/me/with-session/nemo_agent",
            "-H",
            bearer,
            "-H",
            "Content-Type: application/json",
            "-d",
            '{"task_name":"project","language":"en"}',
        )
        credits = curl(f"{url}/api/credits/balance/simple", "-H", bearer)
        no_id = subprocess.run(
            [
                "curl",
                "-s",
                "-o",
                "/dev/null",
                "-w",
                "%{http_code}",
                "-X",
                "POST",
                f"{url}/api/auth/anonymous-token",
            ],
            capture_output=True,
            check=True,
            text=True,
        )
    assert token["data"]["credits"] == 10_000
    assert session["data"]["session_id"].isdigit()
    assert credits["data"] == {"available": 10_000, "frozen": 0, "total": 10_000}
    assert no_id.stdout == "400"


@pytest.mark.slow
async def test_real_interpreter_and_renderer_deliver_a_full_size_h264_aac_mp4(
    tmp_path: Path, fixtures_dir: Path, settings: Settings
) -> None:
    av = pytest.importorskip("av")
    app = create_app(BackendConfig.from_settings(settings), Deps(sleep=no_sleep))
    with running(app) as url:
        async with httpx.AsyncClient(base_url=url, timeout=30) as client:
            token = await new_token(client)
            sid = await new_session(client, token)
            up = await upload(client, token, sid, fixtures_dir / "media" / "harbor-small.png")
            assert up["code"] == 0, up
            gen = await client.post(
                "/run_sse",
                headers=sse_headers(token),
                content=run_body(sid, "turn this photo into a 2-second video"),
            )
            music = await client.post(
                "/run_sse",
                headers=sse_headers(token),
                content=run_body(sid, "add background music"),
            )
            state = await client.get(f"/api/state/nemo_agent/me/{sid}/latest", headers=auth(token))
            draft = state.json()["data"]["state"]["draft"]
            await client.post(
                "/api/render/proxy/lambda",
                headers=auth(token),
                json={"id": "render_real", "sessionId": sid, "draft": draft},
            )
            assert app.state.workers.wait("render_real", 300)
            poll = await client.get("/api/render/proxy/lambda/render_real", headers=auth(token))
            data = poll.json()["data"]
            assert data["status"] == "completed", data
            mp4 = await client.get(data["outputUrl"])
            credits = await client.get("/api/credits/balance/simple", headers=auth(token))
    assert [list(e["content"]["parts"][0]) for e in sse_events(gen.text)] == [
        ["functionCall"],
        ["functionResponse"],
        ["text"],
    ]
    assert len(sse_events(music.text)) >= 2
    assert [t["tt"] for t in draft["t"]] == [0, 1]
    assert credits.json()["data"]["available"] == 10_000 - 100 - 50
    out = tmp_path / "out.mp4"
    out.write_bytes(mp4.content)
    with av.open(str(out)) as container:
        video, audio = container.streams.video[0], container.streams.audio[0]
        assert (video.codec_context.name, audio.codec_context.name) == ("h264", "aac")
        assert (video.codec_context.width, video.codec_context.height) == (1920, 1080)
        duration = container.duration / 1_000_000
        frame = 1 / float(video.average_rate)
    assert abs(duration - draft["d"] / 1000) <= frame
    assert draft["d"] == 2000
