"""Local backend, in process: the render proxy (submit, poll shapes, cancel, download, faults)."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest

from agent.local.faults import parse_faults
from tests.local_support import (
    FakeClock,
    FakeRenderer,
    auth,
    in_process_app,
    local_config,
    local_deps,
    new_session,
    new_token,
    run_body,
    upload,
)

pytestmark = pytest.mark.integration


async def _project(
    client: httpx.AsyncClient, fixtures_dir: Path, cid: str = "c"
) -> tuple[str, str, dict[str, Any]]:
    token = await new_token(client, cid)
    sid = await new_session(client, token)
    await upload(client, token, sid, fixtures_dir / "media" / "harbor-small.png")
    await client.post("/run_sse", headers=auth(token), content=run_body(sid, "a video"))
    state = await client.get(f"/api/state/nemo_agent/me/{sid}/latest", headers=auth(token))
    return token, sid, state.json()["data"]["state"]["draft"]


def _submit_body(render_id: str, sid: str, draft: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": render_id,
        "sessionId": sid,
        "draft": draft,
        "output": {"format": "mp4", "quality": "high"},
    }


async def _finished(app: Any, render_id: str) -> None:
    assert await asyncio.to_thread(app.state.workers.wait, render_id, 5)


async def test_export_goes_pending_to_completed_with_shape_a(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    clock = FakeClock()
    async with in_process_app(local_config(tmp_path), local_deps(clock=clock)) as (client, app):
        token, sid, draft = await _project(client, fixtures_dir)
        submitted = await client.post(
            "/api/render/proxy/lambda",
            headers=auth(token),
            json=_submit_body("render_1", sid, draft),
        )
        await _finished(app, "render_1")
        polled = await client.get("/api/render/proxy/lambda/render_1", headers=auth(token))
        data = polled.json()["data"]
        cdn = await client.get(data["outputUrl"])
        download = await client.get("/api/render/proxy/render_1/download", headers=auth(token))
        state = await client.get(f"/api/state/nemo_agent/me/{sid}/latest", headers=auth(token))
    assert submitted.json() == {
        "success": True,
        "data": {"id": "render_1", "status": "pending", "progress": 5},
    }
    key = data["outputUrl"].split("/")[-2]
    assert polled.json() == {
        "success": True,
        "data": {
            "id": "render_1",
            "status": "completed",
            "progress": 100,
            "createdAt": int(clock.now * 1000),
            "outputUrl": f"http://testserver/outputs/{key}/render_1.mp4",
            "completedAt": int(clock.now * 1000),
            "output": {"format": "mp4", "width": 64, "height": 36, "fps": 30},
        },
    }
    assert len(key) >= 20
    assert cdn.status_code == download.status_code == 200
    assert cdn.content == download.content
    assert download.headers["content-type"] == "video/mp4"
    (media,) = state.json()["data"]["state"]["generated_media"]
    assert media["url"] == data["outputUrl"]
    assert media["duration"] == 5.0


async def test_shape_b_adds_top_level_status_and_output(tmp_path: Path, fixtures_dir: Path) -> None:
    async with in_process_app(local_config(tmp_path, render_shape="b"), local_deps()) as (
        client,
        app,
    ):
        token, sid, draft = await _project(client, fixtures_dir)
        await client.post(
            "/api/render/proxy/lambda", headers=auth(token), json=_submit_body("r_b", sid, draft)
        )
        await _finished(app, "r_b")
        body = (await client.get("/api/render/proxy/lambda/r_b", headers=auth(token))).json()
    assert body["taskId"] == "r_b"
    assert (body["status"], body["progress"]) == ("completed", 100)
    assert body["output"]["url"] == body["data"]["outputUrl"]
    assert body["output"]["duration"] == 5.0
    assert body["output"]["size"] > 0


async def test_render_calls_without_attribution_answer_402(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    async with in_process_app(local_config(tmp_path), local_deps()) as (client, _app):
        token, sid, draft = await _project(client, fixtures_dir)
        bare = {"Authorization": f"Bearer {token}"}
        submit = await client.post(
            "/api/render/proxy/lambda", headers=bare, json=_submit_body("r1", sid, draft)
        )
        poll = await client.get("/api/render/proxy/lambda/r1", headers=bare)
        download = await client.get("/api/render/proxy/r1/download", headers=bare)
    for r in (submit, poll, download):
        assert r.status_code == 402
        assert r.json()["success"] is False


async def test_duplicate_ids_empty_drafts_and_foreign_jobs_are_rejected(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    async with in_process_app(local_config(tmp_path), local_deps()) as (client, app):
        token, sid, draft = await _project(client, fixtures_dir)
        other = await new_token(client, "other")
        first = await client.post(
            "/api/render/proxy/lambda", headers=auth(token), json=_submit_body("dup", sid, draft)
        )
        again = await client.post(
            "/api/render/proxy/lambda", headers=auth(token), json=_submit_body("dup", sid, draft)
        )
        empty = await client.post(
            "/api/render/proxy/lambda", headers=auth(token), json=_submit_body("e", sid, {})
        )
        bad_id = await client.post(
            "/api/render/proxy/lambda", headers=auth(token), json=_submit_body("../x", sid, draft)
        )
        await _finished(app, "dup")
        foreign = await client.get("/api/render/proxy/lambda/dup", headers=auth(other))
        foreign_dl = await client.get("/api/render/proxy/dup/download", headers=auth(other))
        foreign_session = await client.post(
            "/api/render/proxy/lambda", headers=auth(other), json=_submit_body("f", sid, draft)
        )
        wrong_key = await client.get("/outputs/not-the-key/dup.mp4")
    assert first.json()["success"] is True
    assert again.status_code == 409
    assert again.json() == {"success": False, "error": "render id dup already exists"}
    assert (empty.status_code, bad_id.status_code) == (400, 400)
    assert foreign.status_code == foreign_dl.status_code == 404
    assert (foreign_session.status_code, foreign_session.json()["code"]) == (404, 1002)
    assert wrong_key.status_code == 404


async def test_cancel_fails_a_running_job_and_discards_its_output(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    renderer = FakeRenderer(gate=threading.Event())
    async with in_process_app(local_config(tmp_path), local_deps(render=renderer)) as (client, app):
        token, sid, draft = await _project(client, fixtures_dir)
        await client.post(
            "/api/render/proxy/lambda", headers=auth(token), json=_submit_body("c1", sid, draft)
        )
        assert await asyncio.to_thread(renderer.started.wait, 5)
        running = await client.get("/api/render/proxy/lambda/c1", headers=auth(token))
        cancelled = await client.post("/api/render/proxy/lambda/c1/cancel", headers=auth(token))
        await _finished(app, "c1")
        polled = await client.get("/api/render/proxy/lambda/c1", headers=auth(token))
        again = await client.post("/api/render/proxy/lambda/c1/cancel", headers=auth(token))
    assert running.json()["data"]["status"] == "processing"
    assert running.json()["data"]["progress"] >= 5
    assert cancelled.json()["data"]["status"] == "failed"
    data = polled.json()["data"]
    assert (data["status"], data["error"]) == ("failed", "cancelled")
    assert "outputUrl" not in data
    assert again.status_code == 409
    assert not (tmp_path / "data" / "outputs" / "c1.mp4").exists()


async def test_a_poll_with_wait_is_answered_when_the_render_ends(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    """`?wait=` holds the poll until the job ends (the submission and polls say the backend
    can, in `X-Nemo-Poll-Hold`); a poll without it, or of an ended job, answers at once."""
    renderer = FakeRenderer(gate=threading.Event())
    async with in_process_app(local_config(tmp_path), local_deps(render=renderer)) as (client, app):
        holding = asyncio.Event()
        settled = app.state.workers.settled

        async def spied(render_id: str, timeout: float) -> None:  # noqa: ASYNC109
            holding.set()
            await settled(render_id, timeout)

        app.state.workers.settled = spied
        token, sid, draft = await _project(client, fixtures_dir)
        submitted = await client.post(
            "/api/render/proxy/lambda", headers=auth(token), json=_submit_body("h1", sid, draft)
        )
        assert await asyncio.to_thread(renderer.started.wait, 5)
        plain = await client.get("/api/render/proxy/lambda/h1", headers=auth(token))
        held = asyncio.create_task(
            client.get("/api/render/proxy/lambda/h1?wait=60", headers=auth(token))
        )
        await holding.wait()  # the poll is held while the render is blocked...
        renderer.gate.set()  # ...and answered once it ends
        answered = await held
        holding.clear()
        again = await client.get("/api/render/proxy/lambda/h1?wait=60", headers=auth(token))
        bad = await client.get("/api/render/proxy/lambda/h1?wait=soon", headers=auth(token))
    assert submitted.headers["X-Nemo-Poll-Hold"] == plain.headers["X-Nemo-Poll-Hold"] == "10"
    assert plain.json()["data"]["status"] == "processing"
    assert answered.json()["data"]["status"] == "completed"
    assert answered.json()["data"]["outputUrl"]
    assert again.json()["data"]["status"] == "completed"
    assert not holding.is_set()  # an ended job's poll is never held
    assert bad.status_code == 400


async def test_render_fail_once_fault_fails_only_the_first_job(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    config = local_config(tmp_path, faults=parse_faults("render_fail_once"))
    async with in_process_app(config, local_deps()) as (client, app):
        token, sid, draft = await _project(client, fixtures_dir)
        for rid in ("f1", "f2"):
            await client.post(
                "/api/render/proxy/lambda", headers=auth(token), json=_submit_body(rid, sid, draft)
            )
            await _finished(app, rid)
        first = (await client.get("/api/render/proxy/lambda/f1", headers=auth(token))).json()
        second = (await client.get("/api/render/proxy/lambda/f2", headers=auth(token))).json()
    assert first["data"]["status"] == "failed"
    assert first["data"]["error"] == "injected fault: render_fail_once"
    assert second["data"]["status"] == "completed"


async def test_render_slow_fault_delays_jobs_and_cancel_interrupts_the_wait(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    config = local_config(tmp_path, faults=parse_faults("render_slow=30"))
    async with in_process_app(config, local_deps()) as (client, app):
        token, sid, draft = await _project(client, fixtures_dir)
        await client.post(
            "/api/render/proxy/lambda", headers=auth(token), json=_submit_body("s1", sid, draft)
        )
        assert not await asyncio.to_thread(app.state.workers.wait, "s1", 0.2)
        slow = (await client.get("/api/render/proxy/lambda/s1", headers=auth(token))).json()
        await client.post("/api/render/proxy/lambda/s1/cancel", headers=auth(token))
        await _finished(app, "s1")
        done = (await client.get("/api/render/proxy/lambda/s1", headers=auth(token))).json()
    assert slow["data"]["status"] in ("pending", "processing")
    assert slow["data"]["progress"] == 5
    assert (done["data"]["status"], done["data"]["error"]) == ("failed", "cancelled")


@pytest.mark.parametrize(("spec", "status"), [("http500=3", 500), ("http429=3", 429)])
async def test_http_faults_hit_the_nth_api_call(tmp_path: Path, spec: str, status: int) -> None:
    config = local_config(tmp_path, faults=parse_faults(spec))
    async with in_process_app(config, local_deps()) as (client, _app):
        token = await new_token(client)
        calls = [
            await client.get("/api/credits/balance/simple", headers=auth(token)) for _ in range(3)
        ]
    assert [r.status_code for r in calls] == [200, status, 200]
    if status == 429:
        assert calls[1].headers["Retry-After"] == "1"


async def test_status_fault_hits_only_matching_paths(tmp_path: Path) -> None:
    config = local_config(tmp_path, faults=parse_faults("status=/api/credits/*:503@1"))
    async with in_process_app(config, local_deps()) as (client, _app):
        token = await new_token(client)
        first = await client.get("/api/credits/balance/simple", headers=auth(token))
        second = await client.get("/api/credits/balance/simple", headers=auth(token))
    assert (first.status_code, second.status_code) == (503, 200)


async def test_output_options_are_checked_and_quality_reaches_the_spec(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    seen: list[str] = []

    def spec(draft: dict[str, Any], resolve: Any, *, quality: str = "high") -> dict[str, Any]:
        seen.append(quality)
        return {"draft": draft}

    async with in_process_app(local_config(tmp_path), local_deps(spec_from_draft=spec)) as (
        client,
        app,
    ):
        token, sid, draft = await _project(client, fixtures_dir)
        low = {**_submit_body("q_low", sid, draft), "output": {"format": "mp4", "quality": "low"}}
        ultra = {**_submit_body("q_bad", sid, draft), "output": {"format": "mp4", "quality": "8k"}}
        ok = await client.post("/api/render/proxy/lambda", headers=auth(token), json=low)
        bad = await client.post("/api/render/proxy/lambda", headers=auth(token), json=ultra)
        await _finished(app, "q_low")
    assert ok.json()["success"] is True
    assert bad.status_code == 400
    assert seen == ["low"]


async def test_output_extensions_reach_the_renderer_and_the_file_is_served_as_asked(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    from agent.local.renderer.output import OutputRequest

    shaped: list[Any] = []

    def shape(spec: dict[str, Any], output: Any) -> dict[str, Any]:
        shaped.append(output)
        return spec

    deps = local_deps(shape_output=shape)
    async with in_process_app(local_config(tmp_path), deps) as (client, app):
        token, sid, draft = await _project(client, fixtures_dir)
        gif = {"format": "gif", "quality": "low", "fps": 24, "resolution": "720p"}
        body = {**_submit_body("g1", sid, draft), "output": gif}
        await client.post("/api/render/proxy/lambda", headers=auth(token), json=body)
        bad_fps = {**_submit_body("g2", sid, draft), "output": {"format": "mp4", "fps": 25}}
        refused = await client.post("/api/render/proxy/lambda", headers=auth(token), json=bad_fps)
        await _finished(app, "g1")
        data = (await client.get("/api/render/proxy/lambda/g1", headers=auth(token))).json()
        served = await client.get(data["data"]["outputUrl"])
        ranged = await client.get(data["data"]["outputUrl"], headers={"Range": "bytes=0-9"})
    assert shaped == [OutputRequest(quality="low", format="gif", resolution="720p", fps=24)]
    assert refused.status_code == 400
    assert "fps" in str(refused.json())
    assert data["data"]["outputUrl"].endswith("/g1.gif")
    assert data["data"]["output"] == {"format": "gif", "width": 64, "height": 36, "fps": 24}
    assert served.headers["content-type"] == "image/gif"
    assert (ranged.status_code, len(ranged.content)) == (206, 10)
    assert ranged.headers["content-range"].startswith("bytes 0-9/")


async def test_a_draft_naming_another_users_asset_fails_the_job(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    async with in_process_app(local_config(tmp_path), local_deps()) as (client, app):
        _owner, _sid, draft = await _project(client, fixtures_dir, "owner")
        thief = await new_token(client, "thief")
        thief_sid = await new_session(client, thief)
        await client.post(
            "/api/render/proxy/lambda",
            headers=auth(thief),
            json=_submit_body("t1", thief_sid, draft),
        )
        await _finished(app, "t1")
        polled = (await client.get("/api/render/proxy/lambda/t1", headers=auth(thief))).json()
    asset = draft["t"][0]["sg"][0]["a"]
    assert polled["data"]["status"] == "failed"
    assert polled["data"]["error"] == f"unknown asset {asset!r} in the draft"


async def test_the_claim_page_links_a_finished_export_at_its_output_path(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    async with in_process_app(local_config(tmp_path), local_deps()) as (client, app):
        token, sid, draft = await _project(client, fixtures_dir)
        await client.post(
            "/api/render/proxy/lambda", headers=auth(token), json=_submit_body("r_1", sid, draft)
        )
        await _finished(app, "r_1")
        polled = await client.get("/api/render/proxy/lambda/r_1", headers=auth(token))
        claim = await client.post(
            "/api/auth/claim-token", headers=auth(token), json={"session_id": sid}
        )
        ct = claim.json()["data"]["claim_token"]
        page = await client.get("/workspace/claim", params={"ct": ct})
    path = polled.json()["data"]["outputUrl"].removeprefix("http://testserver")
    assert f'<video id="player" controls preload="auto" playsinline src="{path}">' in page.text
    assert f'<a href="{path}">open</a>' in page.text
