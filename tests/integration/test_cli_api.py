"""The direct API commands driven by click's CliRunner against the scripted API.

They run the turn engine with a fixed plan, so their text is the `prompts/replies/*` text the
chat and `turn` show; their `--json` keys stay what agent hosts already read.
"""

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
SID_2 = "5529798706024419999"
SESSION = "/api/tasks/me/with-session/nemo_agent"
STATE = f"/api/state/nemo_agent/me/{SID}/latest"
ANY_STATE = "/api/state/nemo_agent/me/*"
UPLOAD = f"/api/upload-video/nemo_agent/me/{SID}"
SUBMIT = "/api/render/proxy/lambda"
CDN = "/render-result/render_1773423613616.mp4"
CLAIM = "https://nemovideo.com/workspace/claim?ct=clm_fixture42"
REGISTER = "https://nemovideo.com/register?bind=anon_abc123def4567890"
MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x01" * 300


@pytest.fixture(autouse=True)
def api_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Point the CLI at the scripted API, exports at tmp; undo the CLI's logging set-up."""
    monkeypatch.setenv("NEMO_API_URL", API_URL)
    monkeypatch.setenv("NEMO_CLIENT_ID", "cid-cli")
    monkeypatch.setenv("NEMO_OUTPUT_DIR", str(tmp_path / "exports"))
    yield
    structlog.reset_defaults()


def script() -> ApiScript:
    s = ApiScript().on("POST", "/api/auth/anonymous-token", json_response("anonymous-token"))
    return s.on("POST", SESSION, json_response("session"), json_response("session-2"))


def exportable(*polls: httpx.Response) -> ApiScript:
    api = script().on("GET", STATE, json_response("state"))
    api.on("POST", SUBMIT, json_response("render-submit"))
    api.on("GET", f"{SUBMIT}/*", *(polls or (json_response("render-a-completed"),)))
    api.on("GET", CDN, httpx.Response(200, content=MP4))
    return api.on("POST", "/api/auth/claim-token", json_response("claim-token"))


def invoke(api: ApiScript, *args: str, clock: Any = None) -> Result:
    fake = FakeClock()
    deps = CliDeps(transport=api.transport(), sleep=RecordingSleep(fake), clock=clock or fake)
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


def posts(api: ApiScript, path: str) -> list[int]:
    return [i for i, p in enumerate(api.paths()) if p == f"POST {path}"]


def test_credits_json_keeps_its_keys_and_adds_the_reply() -> None:
    api = script().on("GET", "/api/credits/balance/simple", json_response("credits"))
    data = one_json(invoke(api, "credits", "--json"))
    assert data["status"] == "ok"
    assert data["credits"] == {"available": 25000, "frozen": 40, "total": 25040}
    assert (
        data["reply"] == "Credits: 25000 available, 40 reserved for running jobs, 25040 in total."
    )
    assert (data["language"], data["actions"], data["error"]) == ("en", ["credits"], None)


@pytest.mark.parametrize(
    ("args", "line"),
    [
        ((), "Credits: 25000 available, 40 reserved for running jobs, 25040 in total."),
        (("--lang", "zh"), "积分：可用 25000，进行中任务冻结 40，共 25040。"),
    ],
    ids=["en", "zh"],
)
def test_credits_text_is_the_credits_reply_in_one_line(args: tuple[str, ...], line: str) -> None:
    api = script().on("GET", "/api/credits/balance/simple", json_response("credits"))
    result = invoke(api, "credits", *args)
    assert result.exit_code == 0
    assert result.stdout == line + "\n"


def test_state_shows_the_timeline_reply_and_reuses_the_session() -> None:
    api = script().on("GET", STATE, json_response("state"))
    first = invoke(api, "state")
    second = invoke(api, "state", "--json")
    assert first.stdout.splitlines() == [
        'Timeline (2 tracks): 1. Video: harbor.jpg (0-5s) 2. Title: "Harbor Lights" (0-3s)',
        "Uploads: harbor.jpg",
    ]
    data = one_json(second)
    assert (data["session_id"], data["exportable"], data["uploads"]) == (SID, True, 1)
    assert data["draft"]["m"]["title"] == "Harbor Lights"
    assert data["session_reset"] is False
    assert len(posts(api, SESSION)) == 1


def test_replies_follow_the_language_of_the_current_session() -> None:
    api = script().on("GET", ANY_STATE, json_response("state"))
    api.on("POST", "/run_sse", sse_response("adk-streaming-zh"))
    invoke(api, "send", "做一个视频", "--json")
    result = invoke(api, "state")
    english = invoke(api, "state", "--lang", "en")
    assert result.stdout.startswith("时间线（2 条轨道）：1. 视频：harbor.jpg（0-5秒）")
    assert "已上传：harbor.jpg" in result.stdout
    assert english.stdout.startswith("Timeline (2 tracks):")


def test_upload_sends_files_and_urls_and_keeps_the_file_rows(fixtures_dir: Path) -> None:
    api = script()
    api.on("POST", UPLOAD, json_response("upload-files"), json_response("upload-uploaded-files"))
    image = str(fixtures_dir / "media" / "harbor-small.png")
    data = one_json(invoke(api, "upload", image, "https://example.com/clip.mp4", "--json"))
    assert data["files"] == [
        {"filename": "harbor.jpg", "type": "image", "url": "https://cdn.example.com/u/harbor.jpg"},
        {"filename": "tone.wav", "type": "audio", "url": "https://cdn.example.com/u/tone.wav"},
        {"filename": "clip.mp4", "type": None, "url": "https://cdn.example.com/u/clip.mp4"},
    ]
    assert data["session_reset"] is False
    assert data["reply"].startswith("Added 3 files:")
    assert len(posts(api, UPLOAD)) == 2


def test_upload_text_lists_what_was_added(fixtures_dir: Path) -> None:
    api = script().on("POST", UPLOAD, json_response("upload-files"))
    result = invoke(api, "upload", str(fixtures_dir / "media" / "tone.wav"))
    assert result.stdout.splitlines() == [
        "Added 2 files:",
        "- harbor.jpg (image)",
        "- tone.wav (audio, 2 s)",
    ]


def test_upload_of_a_disguised_file_fails_before_any_request(fixtures_dir: Path) -> None:
    api = script()
    result = invoke(api, "upload", str(fixtures_dir / "media" / "not-an-image.jpg"))
    assert result.exit_code == 1
    assert result.stderr.startswith("error: not-an-image.jpg is named .jpg")
    assert result.stderr.count("\n") == 1
    assert api.requests == []


def test_upload_new_starts_another_session(fixtures_dir: Path) -> None:
    api = script().on("GET", STATE, json_response("state"))
    api.on("POST", f"/api/upload-video/nemo_agent/me/{SID_2}", json_response("upload-files"))
    invoke(api, "state")
    result = invoke(api, "upload", "--new", str(fixtures_dir / "media" / "tone.wav"), "--json")
    assert one_json(result)["session_id"] == SID_2


def test_send_streams_the_reply_then_runs_its_export_follow_up(tmp_path: Path) -> None:
    api = exportable().on("POST", "/run_sse", sse_response("adk-generate", chunk=100))
    result = invoke(api, "send", "make a city video")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Your 10-second city skyline clip is ready")
    assert "✅ Video ready: " in result.stdout
    assert "Generating video — this can take 2-5 minutes" in result.stderr
    assert len(posts(api, "/run_sse")) == 1
    body = api.json_body(posts(api, "/run_sse")[0])
    assert body["new_message"] == {"parts": [{"text": "make a city video"}]}
    assert [p.suffix for p in (tmp_path / "exports").iterdir()] == [".mp4"]


def test_send_with_auto_export_off_only_posts_and_says_how_to_export(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NEMO_AUTO_EXPORT", "false")
    api = script().on("GET", STATE, json_response("state"))
    api.on("POST", "/run_sse", sse_response("adk-generate"))
    data = one_json(invoke(api, "send", "make a city video", "--json"))
    assert data["tools"] == ["generate_video_with_seedance", "edit_multitrack"]
    assert data["actions"][0] == "sse"
    assert "export" not in data["actions"]
    # The backend's "click Export" becomes an offer, not a promise the next line takes back.
    assert data["reply"].count('Say "export" when you want the MP4') == 1
    assert "I'll export" not in data["reply"]
    assert "Auto-export is off" not in data["reply"]
    assert f"POST {SUBMIT}" not in api.paths()


def test_send_that_says_dont_export_yet_posts_as_typed_and_holds_the_export(
    tmp_path: Path,
) -> None:
    api = script().on("GET", STATE, json_response("state"))
    api.on("POST", "/run_sse", sse_response("adk-generate"))
    text = "make a city video but don't export yet"
    data = one_json(invoke(api, "send", text, "--json"))
    assert api.json_body(posts(api, "/run_sse")[0])["new_message"] == {"parts": [{"text": text}]}
    assert "export" not in data["actions"]
    assert "Not exported, as you asked" in data["reply"]
    assert f"POST {SUBMIT}" not in api.paths()
    assert not (tmp_path / "exports").exists() or not list((tmp_path / "exports").iterdir())


def test_send_keeps_the_streamed_reply_when_its_follow_up_fails() -> None:
    api = script().on("GET", STATE, json_response("state"))
    api.on("POST", "/run_sse", sse_response("adk-generate"))  # no render route: the export fails
    result = invoke(api, "send", "make a city video", "--json")
    data = one_json(result)
    assert (result.exit_code, data["status"]) == (1, "error")
    assert data["texts"][0].startswith("Your 10-second city skyline clip is ready")
    assert data["actions"][0] == "sse"
    assert data["error"]["code"] == 404
    assert len(posts(api, "/run_sse")) == 1


def test_send_posts_the_text_as_typed_and_uploads_nothing(fixtures_dir: Path) -> None:
    api = script().on("GET", STATE, json_response("state"))
    api.on("POST", "/run_sse", sse_response("heartbeats-crlf"))
    text = f"animate {fixtures_dir / 'media' / 'harbor.jpg'} slowly"
    result = invoke(api, "send", text)
    assert result.exit_code == 0, result.output
    body = api.json_body(posts(api, "/run_sse")[0])
    assert body["new_message"] == {"parts": [{"text": text}]}
    assert not any("upload" in path for path in api.paths())


def test_long_heartbeat_only_stretches_say_still_working() -> None:
    api = script().on("GET", STATE, json_response("state"))
    api.on("POST", "/run_sse", sse_response("heartbeats-crlf"))
    ticks = iter(range(0, 100_000, 50))
    result = invoke(api, "send", "hi", clock=lambda: next(ticks))
    assert result.exit_code == 0
    assert result.stdout == "still here\n"
    assert "⏳ Still working... (" in result.stderr


def test_send_json_collects_texts_without_partials_in_a_chinese_session() -> None:
    api = script().on("GET", STATE, json_response("state"))
    api.on("POST", "/run_sse", sse_response("adk-streaming-zh"))
    data = one_json(invoke(api, "send", "做一个视频", "--json"))
    assert len(data["texts"]) == 1
    assert data["texts"][0].startswith("城市夜景视频已生成（10秒，竖屏）。")
    assert data["language"] == "zh"
    assert api.json_body(posts(api, SESSION)[0]) == {"task_name": "project", "language": "zh-CN"}


def test_send_reports_a_failed_run_and_exits_non_zero() -> None:
    failed = b'data: {"error": "RuntimeError: render backend unavailable"}\n\n'
    api = (
        script()
        .on("GET", STATE, json_response("state"))
        .on("POST", "/run_sse", sse_response(failed))
    )
    result = invoke(api, "send", "hi")
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[-1].startswith("error: the backend run failed: RuntimeError: render backend")
    assert len(posts(api, "/run_sse")) == 1


def test_an_error_after_output_keeps_the_text_reports_the_failure_and_runs_no_followup() -> None:
    api = script().on("GET", STATE, json_response("state"))
    api.on("POST", "/run_sse", sse_response("form-b"))
    result = invoke(api, "send", "make a video", "--json")
    data = one_json(result)
    assert result.exit_code == 1
    assert data["status"] == "error"
    assert data["error"] == {"code": "backend_error", "message": "quota exceeded"}
    assert "✅ 视频已生成,5 秒。" in data["reply"]
    assert "quota exceeded" in data["reply"]
    assert data["actions"] == ["sse"]
    assert len(posts(api, "/run_sse")) == 1
    assert not any("/api/render/" in str(r.url) for r in api.requests)


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_send_to_a_lost_session_starts_a_new_one_and_says_so(as_json: bool) -> None:
    api = script().on("GET", ANY_STATE, json_response("state"))
    done = b'data: {"type": "text", "content": "I slowed the zoom down."}\n\n'
    api.on("POST", "/run_sse", json_response("error-1002", 404), sse_response(done))
    result = invoke(api, "send", "hello", *(["--json"] if as_json else []))
    assert result.exit_code == 0, result.output
    if as_json:
        assert one_json(result)["session_reset"] is True
    else:
        assert "Your previous session had expired, so I started a new one" in result.stdout
    sessions = [api.json_body(i)["session_id"] for i in posts(api, "/run_sse")]
    assert sessions == [SID, SID_2]


def test_export_writes_the_mp4_where_asked(tmp_path: Path) -> None:
    target = tmp_path / "out" / "harbor.mp4"
    api = exportable()
    data = one_json(invoke(api, "export", "-o", str(target), "--json"))
    assert data["path"] == str(target.resolve())
    assert (data["size"], data["link"], data["resumed"]) == (len(MP4), CLAIM, False)
    assert data["render_id"]
    assert data["files"] == [str(target.resolve())]
    assert target.read_bytes() == MP4


def test_export_text_is_the_video_ready_reply_with_progress_on_stderr(tmp_path: Path) -> None:
    result = invoke(exportable(), "export", "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"✅ Video ready: {tmp_path}/")
    assert lines[0].endswith(f"({len(MP4)} B, 5 s)")
    assert lines[1] == f"Open it in your browser: {CLAIM}"
    assert "⏳ Rendering: 100%" in result.stderr.splitlines()


def test_export_without_a_draft_explains_what_to_do() -> None:
    api = script().on("GET", STATE, json_response("state-empty"))
    result = invoke(api, "export")
    assert result.exit_code == 1
    assert result.stderr == (
        "error: There's nothing to export yet — send a photo first, then ask me to turn it into "
        "a video.\n"
    )
    assert f"POST {SUBMIT}" not in api.paths()


def test_a_render_outliving_the_wait_is_kept_and_the_next_export_resumes_it() -> None:
    still = json_response("render-a-processing")
    api = exportable(*[still] * 80, json_response("render-a-completed"))
    waiting = invoke(api, "export", "--json")
    resumed = invoke(api, "export")
    data = one_json(waiting)
    assert (waiting.exit_code, data["status"]) == (1, "error")
    assert data["error"]["code"] == "JobFailedError"
    assert "still running after 10 minutes" in data["reply"]
    assert data["links"] == [CLAIM]
    assert resumed.exit_code == 0, resumed.output
    assert resumed.stdout.startswith(
        "(Picked up the render that was still running from last time.)"
    )
    assert "⏳ Picking up the render that was still running" in resumed.stderr
    assert len(posts(api, SUBMIT)) == 1


def test_link_prints_the_claim_and_register_links() -> None:
    api = script().on("POST", "/api/auth/claim-token", json_response("claim-token"))
    data = one_json(invoke(api, "link", "--json"))
    text = invoke(api, "link", "--lang", "zh")
    assert (data["status"], data["link"], data["register"]) == ("ok", CLAIM, REGISTER)
    assert data["links"] == [CLAIM]
    assert text.stdout.splitlines() == [
        f"在浏览器中打开项目：{CLAIM}",
        f"注册即可保留你的项目：{REGISTER}",
    ]


def test_message_language_follows_the_script() -> None:
    assert (language_of("加上背景音乐"), language_of("add music")) == ("zh", "en")


def test_export_flags_go_to_the_render_request_as_output_options(tmp_path: Path) -> None:
    api = exportable()
    args = ("--resolution", "4k", "--fps", "60", "--quality", "low", "--format", "webm")
    data = one_json(invoke(api, "export", "-o", str(tmp_path), *args, "--json"))
    submit = api.json_body(api.paths().index(f"POST {SUBMIT}"))
    assert submit["output"] == {"format": "webm", "quality": "low", "resolution": "4k", "fps": 60}
    assert data["path"].endswith(".webm")
    # The scripted MP4 cannot be read back: no facts, no previews, nothing claimed unmet.
    assert (data["format"], data["fps"], data["previews"], data["unmet"]) == (None, None, [], [])


def test_export_to_a_gif_file_name_asks_for_a_gif(tmp_path: Path) -> None:
    api = exportable()
    invoke(api, "export", "-o", str(tmp_path / "clip.gif"), "--json")
    submit = api.json_body(api.paths().index(f"POST {SUBMIT}"))
    assert submit["output"] == {"format": "gif", "quality": "high"}


def test_an_unknown_export_option_is_a_usage_error() -> None:
    result = invoke(exportable(), "export", "--resolution", "8k")
    assert result.exit_code == 2
    assert "8k" in result.stderr
