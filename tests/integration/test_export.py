"""export_draft against the scripted API: polling, one retry, timeout, download and fallback."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest

from agent.config import Settings
from agent.errors import ExportBlockedError, JobFailedError
from agent.export import ExportResult, export_draft
from agent.runtime import Runtime
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


def _status(render_id: str) -> str:
    return f"{SUBMIT}/{render_id}"


def _ids(*ids: str) -> Iterator[str]:
    yield from ids


@asynccontextmanager
async def runtime(settings: Settings, script: ApiScript) -> AsyncIterator[Runtime]:
    script.on("POST", "/api/auth/anonymous-token", json_response("anonymous-token"))
    settings = settings.with_overrides(api_url=API_URL, client_id="cid-test")
    async with Runtime.open(
        settings,
        transport=script.transport(),
        skill=FakeSkill(),
        sleep=RecordingSleep(),
        rng=random.Random(3),  # noqa: S311 - deterministic jitter
    ) as rt:
        yield rt
    script.assert_attributed()


async def _export(
    rt: Runtime, dest: Path, ids: tuple[str, ...], progress: list[float] | None = None
) -> tuple[ExportResult, RecordingSleep]:
    clock = FakeClock()
    sleep = RecordingSleep(clock)
    new_ids = _ids(*ids)
    result = await export_draft(
        rt.client,
        SID,
        DRAFT,
        dest,
        sleep=sleep,
        clock=clock,
        on_progress=None if progress is None else progress.append,
        render_id_factory=lambda: next(new_ids),
    )
    return result, sleep


async def test_export_polls_adaptively_and_downloads_under_a_readable_name(
    settings: Settings, tmp_path: Path
) -> None:
    script = ApiScript().on("POST", SUBMIT, json_response("render-submit"))
    script.on(
        "GET",
        _status("render_a"),
        json_response("render-a-processing"),
        json_response("render-a-processing"),
        json_response("render-a-completed"),
    )
    script.on("GET", CDN_PATH, httpx.Response(200, content=MP4))
    progress: list[float] = []
    async with runtime(settings, script) as rt:
        result, sleep = await _export(rt, tmp_path, ("render_a",), progress)
        second, _ = await _export(rt, tmp_path, ("render_a",))
    assert result == ExportResult(
        path=tmp_path / "harbor-lights-415232-1.mp4",
        size=len(MP4),
        duration=5.0,
        url="https://static1.nemovideo.ai/render-result/render_1773423613616.mp4",
        render_id="render_a",
    )
    assert second.path == tmp_path / "harbor-lights-415232-2.mp4"
    assert result.path.read_bytes() == MP4
    assert sleep.delays == [2.0, 3.0, 4.5]
    assert progress == [50.0, 50.0, 100.0]
    submit = script.json_body(script.paths().index(f"POST {SUBMIT}"))
    assert submit == {
        "id": "render_a",
        "sessionId": SID,
        "draft": DRAFT,
        "output": {"format": "mp4", "quality": "high"},
    }


async def test_failed_render_is_retried_once_with_a_new_id(
    settings: Settings, tmp_path: Path
) -> None:
    script = ApiScript().on("POST", SUBMIT, json_response("render-submit"))
    script.on("GET", _status("render_a"), json_response("render-failed"))
    script.on("GET", _status("render_b"), json_response("render-b-completed"))
    script.on("GET", "/render-result/output.mp4", httpx.Response(200, content=MP4))
    async with runtime(settings, script) as rt:
        result, _ = await _export(rt, tmp_path, ("render_a", "render_b"))
    assert (result.render_id, result.duration) == ("render_b", 30.5)
    submitted = [
        script.json_body(i)["id"] for i, p in enumerate(script.paths()) if p == f"POST {SUBMIT}"
    ]
    assert submitted == ["render_a", "render_b"]


async def test_second_failure_raises_with_the_job_id_and_reason(
    settings: Settings, tmp_path: Path
) -> None:
    script = ApiScript().on("POST", SUBMIT, json_response("render-submit"))
    script.on("GET", _status("render_a"), json_response("render-failed"))
    script.on("GET", _status("render_b"), json_response("render-failed"))
    async with runtime(settings, script) as rt:
        with pytest.raises(JobFailedError) as info:
            await _export(rt, tmp_path / "out", ("render_a", "render_b"))
    assert (info.value.job_id, info.value.reason) == ("render_b", "lambda worker crashed")
    assert not (tmp_path / "out").exists()


async def test_duplicate_id_on_submit_retries_with_a_new_id(
    settings: Settings, tmp_path: Path
) -> None:
    script = ApiScript().on(
        "POST",
        SUBMIT,
        json_response("render-error-duplicate", 400),
        json_response("render-submit"),
    )
    script.on("GET", _status("render_b"), json_response("render-a-completed"))
    script.on("GET", CDN_PATH, httpx.Response(200, content=MP4))
    async with runtime(settings, script) as rt:
        result, _ = await _export(rt, tmp_path, ("render_a", "render_b"))
    assert result.render_id == "render_b"


async def test_export_blocked_is_not_retried(settings: Settings, tmp_path: Path) -> None:
    script = ApiScript().on("POST", SUBMIT, json_response("error-402", 402))
    async with runtime(settings, script) as rt:
        with pytest.raises(ExportBlockedError):
            await _export(rt, tmp_path, ("render_a", "render_b"))
    assert script.paths().count(f"POST {SUBMIT}") == 1


async def test_slow_render_gives_up_after_ten_minutes_with_a_resumable_id(
    settings: Settings, tmp_path: Path
) -> None:
    script = ApiScript().on("POST", SUBMIT, json_response("render-submit"))
    script.on("GET", _status("render_a"), json_response("render-a-processing"))
    async with runtime(settings, script) as rt:
        with pytest.raises(JobFailedError) as info:
            await _export(rt, tmp_path, ("render_a", "render_b"))
    assert (info.value.job_id, info.value.reason) == ("render_a", "timeout")
    assert script.paths().count(f"POST {SUBMIT}") == 1
    polls = script.paths().count(f"GET {_status('render_a')}")
    assert 55 <= polls <= 65  # ~2 s growing to every 10 s within 600 s


async def test_unreachable_output_url_falls_back_to_the_download_endpoint(
    settings: Settings, tmp_path: Path
) -> None:
    script = ApiScript().on("POST", SUBMIT, json_response("render-submit"))
    script.on("GET", _status("render_a"), json_response("render-a-completed"))
    script.on("GET", CDN_PATH, httpx.Response(403, text="AccessDenied"))
    script.on("GET", "/api/render/proxy/render_a/download", httpx.Response(200, content=MP4))
    async with runtime(settings, script) as rt:
        result, _ = await _export(rt, tmp_path, ("render_a",))
    assert result.path.read_bytes() == MP4
    assert script.paths()[-1] == "GET /api/render/proxy/render_a/download"


async def test_output_options_are_sent_as_extensions_and_a_refusal_falls_back_to_mp4(
    settings: Settings, tmp_path: Path
) -> None:
    from agent.output_options import OutputOptions

    refusal = json_response({"success": False, "error": "unknown output option fps"}, 400)
    script = ApiScript().on("POST", SUBMIT, refusal, json_response("render-submit"))
    script.on("GET", _status("render_a"), json_response("render-a-completed"))
    script.on("GET", CDN_PATH, httpx.Response(200, content=MP4))
    clock = FakeClock()
    async with runtime(settings, script) as rt:
        result = await export_draft(
            rt.client,
            SID,
            DRAFT,
            tmp_path,
            sleep=RecordingSleep(clock),
            clock=clock,
            render_id_factory=lambda: "render_a",
            output=OutputOptions(resolution="4k", quality="low", fps=60, format="gif"),
        )
    submits = [script.json_body(i) for i, p in enumerate(script.paths()) if p == f"POST {SUBMIT}"]
    assert [s["output"] for s in submits] == [
        {"format": "gif", "quality": "low", "resolution": "4k", "fps": 60},
        {"format": "mp4", "quality": "low"},
    ]
    assert result.refused == ("resolution", "fps", "format")
    assert result.path == tmp_path / "harbor-lights-415232-1.mp4"
