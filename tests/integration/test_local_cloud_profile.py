"""The local backend's `cloud` profile answers with the shapes the real cloud may use (R10)."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from agent.local.config import CLOUD_PROFILE
from tests.local_support import (
    auth,
    gated_sleep,
    in_process_app,
    local_config,
    local_deps,
    new_session,
    new_token,
    run_body,
    sse_headers,
    upload,
)

pytestmark = pytest.mark.integration


def _cloud(tmp_path: Path, **changes: object) -> object:
    return local_config(tmp_path).with_profile("cloud").with_overrides(**changes)


async def test_cloud_grant_and_token_shape_and_null_state_for_a_new_session(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    async with in_process_app(_cloud(tmp_path), local_deps()) as (client, _app):
        issued = await client.post("/api/auth/anonymous-token", headers={"X-Client-Id": "c1"})
        token = issued.json()["data"]["token"]
        sid = await new_session(client, token)
        latest = f"/api/state/nemo_agent/me/{sid}/latest"
        fresh = (await client.get(latest, headers=auth(token))).json()
        await upload(client, token, sid, fixtures_dir / "media" / "harbor-small.png")
        uploaded = (await client.get(latest, headers=auth(token))).json()
        credits = (await client.get("/api/credits/balance/simple", headers=auth(token))).json()
    assert issued.json()["data"]["credits"] == 100
    assert "expires_at" not in issued.json()["data"]
    assert fresh["data"]["state"] is None
    assert uploaded["data"]["state"]["draft"] is None
    assert len(uploaded["data"]["state"]["video_infos"]) == 1
    assert credits["data"]["available"] == 100


async def test_cloud_heartbeats_are_the_bare_word(tmp_path: Path, fixtures_dir: Path) -> None:
    gate, entered = threading.Event(), threading.Event()
    config = _cloud(tmp_path, heartbeat_s=0.01)
    deps = local_deps(sleep=gated_sleep(gate, entered))
    lines: list[str] = []
    async with in_process_app(config, deps) as (client, _app):
        token = await new_token(client)
        sid = await new_session(client, token)
        await upload(client, token, sid, fixtures_dir / "media" / "harbor-small.png")
        body = run_body(sid, "make a video")
        async with client.stream("POST", "/run_sse", headers=sse_headers(token), content=body) as r:
            async for line in r.aiter_lines():
                lines.append(line)
                if line == "data: heartbeat":
                    gate.set()
    assert "data: heartbeat" in lines
    assert not any('"heartbeat"' in line for line in lines)
    events = [json.loads(x[6:]) for x in lines if x.startswith("data: {")]
    assert "functionResponse" in events[-2]["content"]["parts"][0]


async def test_cloud_render_is_completed_a_poll_before_its_url_with_iso_dates_in_shape_b(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    async with in_process_app(_cloud(tmp_path), local_deps()) as (client, app):
        token = await new_token(client)
        sid = await new_session(client, token)
        await upload(client, token, sid, fixtures_dir / "media" / "harbor-small.png")
        await client.post("/run_sse", headers=sse_headers(token), content=run_body(sid, "a video"))
        state = await client.get(f"/api/state/nemo_agent/me/{sid}/latest", headers=auth(token))
        draft = state.json()["data"]["state"]["draft"]
        render = {"id": "render_cloud1", "sessionId": sid, "draft": draft}
        await client.post("/api/render/proxy/lambda", headers=auth(token), json=render)
        assert app.state.workers.wait("render_cloud1", 5)
        polls = [
            (await client.get("/api/render/proxy/lambda/render_cloud1", headers=auth(token))).json()
            for _ in range(2)
        ]
    first, second = polls
    assert (first["status"], "output" in first) == ("completed", False)
    assert second["status"] == "completed"
    assert second["output"]["url"].endswith("/render_cloud1.mp4")
    assert second["createdAt"].endswith("Z")
    assert second["completedAt"] >= second["createdAt"]
    assert "data" not in second
    assert "success" not in second
    assert CLOUD_PROFILE["render_shape"] == "b-only"
