"""Local backend, in process: what a start-up recovers, and what it leaves to a live server."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.local.config import BackendConfig
from agent.local.store.jobs import Completed, Processing, RenderJob
from tests.local_support import auth, in_process_app, local_deps, new_session, new_token

pytestmark = pytest.mark.integration


async def test_recovery_waits_until_no_other_server_uses_the_data_dir(tmp_path: Path) -> None:
    config = BackendConfig(data_dir=tmp_path / "data", grant=500)
    async with in_process_app(config, local_deps()) as (first, app):
        token = await new_token(first)
        status = (await first.get("/api/credits/balance/simple", headers=auth(token))).status_code
        account = app.state.backend.store.account_for(token)
        assert app.state.backend.store.freeze(account.user_id, 100, "in-flight")
        async with in_process_app(config, local_deps()) as (second, _app2):
            during = await second.get("/api/credits/balance/simple", headers=auth(token))
    async with in_process_app(config, local_deps()) as (third, _app3):
        after = await third.get("/api/credits/balance/simple", headers=auth(token))
    assert status == 200
    assert during.json()["data"] == {"available": 400, "frozen": 100, "total": 500}
    assert after.json()["data"] == {"available": 500, "frozen": 0, "total": 500}


async def test_a_job_that_used_its_attempts_is_failed_with_a_reason_on_start(
    tmp_path: Path,
) -> None:
    config = BackendConfig(data_dir=tmp_path / "data")
    async with in_process_app(config, local_deps()) as (client, app):
        token = await new_token(client)
        sid = await new_session(client, token)
        user_id = app.state.backend.store.account_for(token).user_id
        stuck = RenderJob("r_stuck", user_id, sid, 1, "key", Processing(40), attempts=2)
        assert app.state.backend.store.add_job(stuck, {"t": []})
    async with in_process_app(config, local_deps()) as (client, _app):
        polled = await client.get("/api/render/proxy/lambda/r_stuck", headers=auth(token))
    data = polled.json()["data"]
    assert data["status"] == "failed"
    assert data["error"] == "the server restarted during the render 2 times"


def _outputs(config: BackendConfig) -> Path:
    outputs = config.data_dir / "outputs"
    outputs.mkdir(parents=True, exist_ok=True)
    return outputs


async def test_a_start_removes_the_partial_files_a_hard_stop_left(tmp_path: Path) -> None:
    config = BackendConfig(data_dir=tmp_path / "data")
    outputs = _outputs(config)
    left = ["r1.part.mp4", ".r1.part.mp4.0a1b2c3d.part", "r2.part.webm"]
    kept = ["r3.mp4", "notes.txt", "x.part.mp4"]  # x.part.mp4: the finished file of `x.part`
    async with in_process_app(config, local_deps()) as (client, app):
        token = await new_token(client)
        sid = await new_session(client, token)
        user_id = app.state.backend.store.account_for(token).user_id
        done = Completed(1, 1.0, 1, 16, 16)
        assert app.state.backend.store.add_job(RenderJob("x.part", user_id, sid, 1, "k", done), {})
        for name in (*left, *kept):  # what a hard stop of this server leaves
            (outputs / name).write_bytes(b"\x00")
    assert sorted(p.name for p in outputs.iterdir()) == sorted([*left, *kept])
    async with in_process_app(config, local_deps()):
        assert sorted(p.name for p in outputs.iterdir()) == sorted(kept)


async def test_a_start_beside_a_live_server_leaves_the_partial_files_alone(tmp_path: Path) -> None:
    config = BackendConfig(data_dir=tmp_path / "data")
    outputs = _outputs(config)
    async with in_process_app(config, local_deps()):
        (outputs / "r1.part.mp4").write_bytes(b"\x00")  # what the live server's render writes
        async with in_process_app(config, local_deps()):
            during = sorted(p.name for p in outputs.iterdir())
    assert during == ["r1.part.mp4"]
