"""The direct API commands driven by click's CliRunner against the scripted API."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import structlog
from click.testing import CliRunner, Result

from agent.cli import cli
from agent.cli.api import CliDeps, language_of
from tests.fakes import (
    API_URL,
    ATTRIBUTION,
    ApiScript,
    FakeClock,
    RecordingSleep,
    json_response,
    sse_response,
)

pytestmark = pytest.mark.integration

SID = "5529798706024415232"
SESSION = "/api/tasks/me/with-session/nemo_agent"
STATE = f"/api/state/nemo_agent/me/{SID}/latest"
UPLOAD = f"/api/upload-video/nemo_agent/me/{SID}"
MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x01" * 300


@pytest.fixture(autouse=True)
def api_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Point the CLI at the scripted API; undo the CLI's logging set-up afterwards."""
    monkeypatch.setenv("NEMO_API_URL", API_URL)
    monkeypatch.setenv("NEMO_CLIENT_ID", "cid-cli")
    yield
    structlog.reset_defaults()


def script() -> ApiScript:
    s = ApiScript().on("POST", "/api/auth/anonymous-token", json_response("anonymous-token"))
    return s.on("POST", SESSION, json_response("session"), json_response("session-2"))


def invoke(api: ApiScript, *args: str) -> Result:
    clock = FakeClock()
    deps = CliDeps(transport=api.transport(), sleep=RecordingSleep(clock), clock=clock)
    result = CliRunner().invoke(cli, list(args), obj=deps, catch_exceptions=False)
    assert "nmv_usr_" not in result.output
    for request in api.requests:
        if request.url.host != httpx.URL(API_URL).host:
            continue  # CDN downloads carry neither credentials nor attribution
        assert {k: request.headers.get(k) for k in ATTRIBUTION} == ATTRIBUTION
    return result


def one_json(result: Result) -> dict[str, Any]:
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1, result.stdout
    parsed: dict[str, Any] = json.loads(lines[0])
    return parsed


def test_credits_json_prints_one_object() -> None:
    api = script().on("GET", "/api/credits/balance/simple", json_response("credits"))
    result = invoke(api, "credits", "--json")
    assert result.exit_code == 0
    assert one_json(result) == {
        "status": "ok",
        "credits": {"available": 25000, "frozen": 40, "total": 25040},
    }


def test_credits_text_is_one_line() -> None:
    api = script().on("GET", "/api/credits/balance/simple", json_response("credits"))
    result = invoke(api, "credits")
    assert result.stdout == "Credits: 25000 available, 40 reserved, 25040 total\n"


def test_state_lists_the_timeline_and_reuses_the_session() -> None:
    api = script().on("GET", STATE, json_response("state"))
    first = invoke(api, "state")
    second = invoke(api, "state", "--json")
    assert first.stdout.splitlines() == [
        "Timeline (2 tracks, 1 uploaded file(s)):",
        "  1. Video: harbor.jpg (0-5s)",
        "  2. Title: Harbor Lights (0-3s)",
    ]
    data = one_json(second)
    assert (data["session_id"], data["exportable"], data["uploads"]) == (SID, True, 1)
    assert api.paths().count(f"POST {SESSION}") == 1


def test_upload_sends_files_and_urls_to_the_session(fixtures_dir: Path) -> None:
    api = script()
    api.on("POST", UPLOAD, json_response("upload-files"), json_response("upload-uploaded-files"))
    image = str(fixtures_dir / "media" / "harbor-small.png")
    result = invoke(api, "upload", image, "https://example.com/clip.mp4", "--json")
    data = one_json(result)
    assert [f["url"] for f in data["files"]] == [
        "https://cdn.example.com/u/harbor.jpg",
        "https://cdn.example.com/u/tone.wav",
        "https://cdn.example.com/u/clip.mp4",
    ]
    assert data["session_reset"] is False
    assert api.paths().count(f"POST {UPLOAD}") == 2


def test_upload_of_a_disguised_file_fails_before_any_request(fixtures_dir: Path) -> None:
    api = script()
    result = invoke(api, "upload", str(fixtures_dir / "media" / "not-an-image.jpg"))
    assert result.exit_code == 1
    assert result.stderr.startswith("error: not-an-image.jpg is named .jpg")
    assert result.stderr.count("\n") == 1
    assert api.requests == []


def test_upload_new_starts_another_session(fixtures_dir: Path) -> None:
    api = script().on("GET", STATE, json_response("state"))
    api.on(
        "POST", "/api/upload-video/nemo_agent/me/5529798706024419999", json_response("upload-files")
    )
    invoke(api, "state")
    result = invoke(api, "upload", "--new", str(fixtures_dir / "media" / "tone.wav"), "--json")
    assert one_json(result)["session_id"] == "5529798706024419999"


def test_send_prints_text_as_it_arrives_and_progress_on_stderr() -> None:
    api = script().on("POST", "/run_sse", sse_response("adk-generate", chunk=100))
    result = invoke(api, "send", "make a city video")
    assert result.exit_code == 0
    assert result.stdout.startswith("Your 10-second city skyline clip is ready")
    assert "working… (generate_video_with_seedance)" in result.stderr
    body = api.json_body(api.paths().index("POST /run_sse"))
    assert body["new_message"] == {"parts": [{"text": "make a city video"}]}


def test_long_heartbeat_only_stretches_say_still_working() -> None:
    api = script().on("POST", "/run_sse", sse_response("heartbeats-crlf"))
    ticks = iter(range(0, 100_000, 50))
    deps = CliDeps(transport=api.transport(), sleep=RecordingSleep(), clock=lambda: next(ticks))
    result = CliRunner().invoke(cli, ["send", "hi"], obj=deps, catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stdout == "still here\n"
    assert "still working…" in result.stderr


def test_send_json_collects_texts_without_partials() -> None:
    api = script().on("POST", "/run_sse", sse_response("adk-streaming-zh"))
    result = invoke(api, "send", "做一个视频", "--json")
    data = one_json(result)
    assert data["texts"] == [
        "城市夜景视频已生成（10秒，竖屏）。可以在时间线中预览，或点击导出按钮下载。"
    ]
    assert api.json_body(1) == {"task_name": "project", "language": "zh-CN"}


def test_send_reports_a_backend_error_and_exits_non_zero() -> None:
    api = script().on("POST", "/run_sse", sse_response("adk-error"))
    result = invoke(api, "send", "hi")
    assert result.exit_code == 1
    assert result.stderr.endswith(
        "error: the backend agent failed: RuntimeError: render backend unavailable\n"
    )


def test_send_to_a_lost_session_starts_a_new_one_and_says_so() -> None:
    api = script().on("POST", "/run_sse", json_response("error-1002", 404), sse_response("form-b"))
    result = invoke(api, "send", "hello", "--json")
    assert result.exit_code == 1  # form-b ends with an error event
    assert "started a new one (upload your files again)" in result.stderr
    sessions = [
        api.json_body(i)["session_id"] for i, p in enumerate(api.paths()) if p == "POST /run_sse"
    ]
    assert sessions == [SID, "5529798706024419999"]


def test_export_writes_the_mp4_where_asked(tmp_path: Path) -> None:
    api = script().on("GET", STATE, json_response("state"))
    api.on("POST", "/api/render/proxy/lambda", json_response("render-submit"))
    api.on("GET", "/render-result/render_1773423613616.mp4", httpx.Response(200, content=MP4))
    api.on("POST", "/api/auth/claim-token", json_response("claim-token"))
    api.on("GET", "/api/render/proxy/lambda/*", json_response("render-a-completed"))
    target = tmp_path / "out" / "harbor.mp4"
    result = invoke(api, "export", "-o", str(target), "--json")
    assert result.exit_code == 0, result.output
    data = one_json(result)
    assert data["path"] == str(target.resolve())
    assert (data["size"], data["link"]) == (
        len(MP4),
        "https://nemovideo.com/workspace/claim?ct=clm_fixture42",
    )
    assert target.read_bytes() == MP4
    assert "rendering… 100%" in result.stderr


def test_export_without_a_draft_explains_what_to_do() -> None:
    api = script().on("GET", STATE, json_response("state-empty"))
    result = invoke(api, "export")
    assert result.exit_code == 1
    assert result.stderr == "error: nothing to export yet: make a video first with `send`\n"


def test_link_prints_the_claim_and_register_links() -> None:
    api = script().on("POST", "/api/auth/claim-token", json_response("claim-token"))
    result = invoke(api, "link", "--json")
    assert one_json(result) == {
        "status": "ok",
        "link": "https://nemovideo.com/workspace/claim?ct=clm_fixture42",
        "register": "https://nemovideo.com/register?bind=anon_abc123def4567890",
    }


def test_message_language_follows_the_script() -> None:
    assert (language_of("加上背景音乐"), language_of("add music")) == ("zh-CN", "en")
