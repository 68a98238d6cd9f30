"""A render that outlives the 10-minute wait is recorded and resumed, never resubmitted."""

from __future__ import annotations

import copy
import random
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from agent.config import Settings
from agent.errors import JobFailedError
from agent.export import ExportResult, export_draft
from agent.render_record import PendingRenders
from agent.runtime import Runtime
from tests.engine_support import scripted_engine
from tests.fakes import (
    API_URL,
    CDN_PATH,
    DRAFT,
    MP4,
    SID,
    SUBMIT,
    ApiScript,
    FakeClock,
    FakeSkill,
    RecordingSleep,
    json_response,
)

pytestmark = pytest.mark.integration


@dataclass
class RenderSwitch:
    """Answers render polls: processing until `done`, then completed (or failed)."""

    done: bool = False
    outcome: str = "render-a-completed"

    def __call__(self, _request: httpx.Request) -> httpx.Response:
        return json_response(self.outcome if self.done else "render-a-processing")


def _script(switch: RenderSwitch) -> ApiScript:
    script = ApiScript().on("POST", SUBMIT, json_response("render-submit"))
    script.on("GET", f"{SUBMIT}/*", switch)
    script.on("GET", CDN_PATH, httpx.Response(200, content=MP4))
    return script


@asynccontextmanager
async def _runtime(settings: Settings, script: ApiScript) -> AsyncIterator[Runtime]:
    script.on("POST", "/api/auth/anonymous-token", json_response("anonymous-token"))
    live = settings.with_overrides(api_url=API_URL, client_id="cid-test")
    async with Runtime.open(
        live,
        transport=script.transport(),
        skill=FakeSkill(),
        sleep=RecordingSleep(),
        rng=random.Random(3),  # noqa: S311 - deterministic jitter
    ) as rt:
        yield rt


async def _export(
    rt: Runtime, dest: Path, jobs: PendingRenders, ids: list[str], draft: Any = DRAFT
) -> tuple[ExportResult, list[str]]:
    clock = FakeClock()
    resumed: list[str] = []
    result = await export_draft(
        rt.client,
        SID,
        draft,
        dest,
        sleep=RecordingSleep(clock),
        clock=clock,
        render_id_factory=lambda: ids.pop(0),
        jobs=jobs,
        on_resume=resumed.append,
    )
    return result, resumed


def _submits(script: ApiScript) -> list[str]:
    return [
        script.json_body(i)["id"] for i, p in enumerate(script.paths()) if p == f"POST {SUBMIT}"
    ]


async def test_a_timed_out_render_is_recorded_and_the_next_export_resumes_it(
    settings: Settings, tmp_path: Path
) -> None:
    switch = RenderSwitch()
    script = _script(switch)
    jobs = PendingRenders.in_state_dir(settings.state_dir)
    async with _runtime(settings, script) as rt:
        with pytest.raises(JobFailedError) as timed_out:
            await _export(rt, tmp_path, jobs, ["render_a"])
        assert timed_out.value.reason == "timeout"
        assert jobs.find(SID, DRAFT) == "render_a"
        switch.done = True
        result, resumed = await _export(rt, tmp_path, jobs, ["render_b"])
    assert resumed == ["render_a"]
    assert result.resumed
    assert result.render_id == "render_a"
    assert result.path.read_bytes() == MP4
    assert _submits(script) == ["render_a"]
    assert script.paths()[-2] == f"GET {SUBMIT}/render_a"
    assert jobs.find(SID, DRAFT) is None
    assert not jobs.path.exists()


async def test_a_changed_draft_is_submitted_afresh_instead_of_resuming(
    settings: Settings, tmp_path: Path
) -> None:
    switch = RenderSwitch()
    script = _script(switch)
    jobs = PendingRenders.in_state_dir(settings.state_dir)
    edited = copy.deepcopy(DRAFT)
    edited["m"]["title"] = "Harbor at Night"
    async with _runtime(settings, script) as rt:
        with pytest.raises(JobFailedError):
            await _export(rt, tmp_path, jobs, ["render_a"])
        switch.done = True
        result, resumed = await _export(rt, tmp_path, jobs, ["render_b"], draft=edited)
    assert resumed == []
    assert not result.resumed
    assert _submits(script) == ["render_a", "render_b"]


async def test_a_recorded_render_that_failed_meanwhile_is_replaced_by_a_new_one(
    settings: Settings, tmp_path: Path
) -> None:
    switch = RenderSwitch()
    script = _script(switch)
    jobs = PendingRenders.in_state_dir(settings.state_dir)
    jobs.remember(SID, DRAFT, "render_old")
    switch.done, switch.outcome = True, "render-failed"
    script.on("GET", f"{SUBMIT}/render_new", json_response("render-a-completed"))
    async with _runtime(settings, script) as rt:
        result, resumed = await _export(rt, tmp_path, jobs, ["render_new"])
    assert resumed == ["render_old"]
    assert not result.resumed
    assert result.render_id == "render_new"
    assert _submits(script) == ["render_new"]
    assert jobs.find(SID, DRAFT) is None


async def test_export_in_a_turn_keeps_the_job_with_the_task_link_then_resumes_it(
    settings: Settings, tmp_path: Path
) -> None:
    switch = RenderSwitch()
    script = _script(switch)
    script.on("GET", f"/api/state/nemo_agent/me/{SID}/latest", json_response("state"))
    async with scripted_engine(settings, script, tmp_path) as (engine, progress, _):
        waiting = await engine.run_turn("export the mp4")
        switch.done = True
        resumed = await engine.run_turn("导出")
    assert waiting.error is not None
    assert waiting.error.code == "JobFailedError"
    assert "still running after 10 minutes" in waiting.reply
    assert 'say "export" again' in waiting.reply
    assert any("/workspace/claim?ct=" in link for link in waiting.links)
    assert waiting.files == ()
    assert resumed.ok, resumed.reply
    assert resumed.actions == ("export",)
    assert "接上了上次仍在进行的渲染" in resumed.reply
    assert len(resumed.files) == 1
    assert len(_submits(script)) == 1
    assert ("status", "⏳ 继续等待上次仍在进行的渲染 —— 不会重新提交") in progress.events
