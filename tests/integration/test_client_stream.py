"""NemoClient streams: /run_sse events and limits, uploads with pre-checks, atomic downloads."""

from __future__ import annotations

import asyncio
import os
import random
import shutil
from collections.abc import AsyncIterator
from contextlib import aclosing, asynccontextmanager
from pathlib import Path

import httpx
import pytest

from agent.client import Timeouts
from agent.config import Settings
from agent.errors import (
    APIError,
    FileTooLargeError,
    InsufficientCreditsError,
    SessionNotFoundError,
    StreamError,
    TransportError,
    UnsupportedFileError,
    UserInputError,
)
from agent.models import SseEvent, TextEvent, ToolCallEvent
from agent.runtime import Runtime
from agent.session import SessionRecord
from tests.fakes import (
    API_URL,
    ATTRIBUTION,
    ApiScript,
    FakeClock,
    FakeSkill,
    RecordingSleep,
    json_response,
    sse_response,
)

pytestmark = pytest.mark.integration

TOKEN = "/api/auth/anonymous-token"
SESSION = "/api/tasks/me/with-session/nemo_agent"
SID = "5529798706024415232"
UPLOAD = f"/api/upload-video/nemo_agent/me/{SID}"


@asynccontextmanager
async def runtime(
    settings: Settings, script: ApiScript, timeouts: Timeouts | None = None
) -> AsyncIterator[Runtime]:
    script.on("POST", TOKEN, json_response("anonymous-token"))
    settings = settings.with_overrides(api_url=API_URL, client_id="cid-test")
    async with Runtime.open(
        settings,
        transport=script.transport(),
        skill=FakeSkill(),
        sleep=RecordingSleep(),
        clock=FakeClock(),
        rng=random.Random(1),  # noqa: S311 - deterministic jitter
        timeouts=timeouts,
    ) as rt:
        yield rt
    script.assert_attributed()


async def collect(
    rt: Runtime,
    session_id: str = SID,
    text: str = "make a video",
    events: list[SseEvent] | None = None,
) -> list[SseEvent]:
    events = [] if events is None else events
    async with asyncio.timeout(5), aclosing(rt.client.run_sse(session_id, text)) as stream:
        async for event in stream:
            events.append(event)
    return events


def assert_attributed(script: ApiScript) -> None:
    for request in script.requests:
        assert {k: request.headers.get(k) for k in ATTRIBUTION} == ATTRIBUTION


async def test_run_sse_posts_the_adk_body_once_and_yields_typed_events(settings: Settings) -> None:
    script = ApiScript().on("POST", "/run_sse", sse_response("adk-generate", chunk=7))
    async with runtime(settings, script) as rt:
        events = await collect(rt, text="turn this photo into a 5-second video")
    assert [type(e).__name__ for e in events] == [
        "ToolCallEvent",
        "ToolResultEvent",
        "ToolCallEvent",
        "ToolResultEvent",
        "TextEvent",
    ]
    assert events[0] == ToolCallEvent(
        "adk-0b1f",
        "generate_video_with_seedance",
        {"prompt": "city skyline at night, slow pan", "duration": 10},
    )
    post = script.requests[-1]
    assert script.paths().count("POST /run_sse") == 1
    assert post.headers["Accept"] == "text/event-stream"
    assert post.headers["Authorization"].startswith("Bearer ")
    assert script.json_body(len(script.requests) - 1) == {
        "app_name": "nemo_agent",
        "user_id": "me",
        "session_id": SID,
        "new_message": {"parts": [{"text": "turn this photo into a 5-second video"}]},
    }
    assert_attributed(script)


@pytest.mark.parametrize("fixture", ["error-1002", "error-adk-404"])
async def test_unknown_session_is_raised_before_any_event(settings: Settings, fixture: str) -> None:
    script = ApiScript().on("POST", "/run_sse", json_response(fixture, 404))
    async with runtime(settings, script) as rt:
        with pytest.raises(SessionNotFoundError):
            await collect(rt)


async def test_lost_session_is_renewed_and_the_message_sent_to_the_new_one(
    settings: Settings,
) -> None:
    script = ApiScript()
    script.on("POST", SESSION, json_response("session"), json_response("session-2"))
    script.on("POST", "/run_sse", json_response("error-1002", 404), sse_response("form-b"))
    async with runtime(settings, script) as rt:
        outcome = await rt.sessions.run(lambda s: collect(rt, s.session_id), "en")
    assert outcome.reset is True
    assert outcome.session.session_id == "5529798706024419999"
    assert outcome.value[0] == TextEvent("I'll generate your video now...")
    posts = [i for i, r in enumerate(script.requests) if r.url.path == "/run_sse"]
    assert [script.json_body(i)["session_id"] for i in posts] == [SID, "5529798706024419999"]


async def test_code_envelope_error_with_http_200_is_mapped_not_a_stream_error(
    settings: Settings,
) -> None:
    script = ApiScript().on("POST", "/run_sse", json_response("error-2001", 200))
    async with runtime(settings, script) as rt:
        with pytest.raises(InsufficientCreditsError):
            await collect(rt)


async def test_non_event_stream_response_is_an_api_error_not_a_dropped_stream(
    settings: Settings,
) -> None:
    script = ApiScript().on("POST", "/run_sse", json_response({"ok": True}))
    async with runtime(settings, script) as rt:
        with pytest.raises(APIError, match=r"got application/json.*check that NEMO_API_URL") as e:
            await collect(rt)
    assert not isinstance(e.value, StreamError)


async def test_truncated_stream_yields_complete_events_then_fails(settings: Settings) -> None:
    script = ApiScript().on("POST", "/run_sse", sse_response("truncated", chunk=64))
    events: list[SseEvent] = []
    async with runtime(settings, script) as rt:
        with pytest.raises(StreamError, match="middle of an event"):
            await collect(rt, events=events)
    assert [type(e) for e in events] == [ToolCallEvent]
    assert script.paths().count("POST /run_sse") == 1


async def test_idle_stream_times_out_without_reposting(settings: Settings) -> None:
    stalled = asyncio.Event()
    script = ApiScript().on("POST", "/run_sse", sse_response(b": ping\n\n", hang=stalled))
    async with runtime(settings, script, Timeouts(idle=0.05, total=30)) as rt:
        with pytest.raises(StreamError, match="idle time limit"):
            await collect(rt)
    assert script.paths().count("POST /run_sse") == 1


async def test_total_time_limit_applies_even_with_traffic(settings: Settings) -> None:
    stalled = asyncio.Event()
    script = ApiScript().on("POST", "/run_sse", sse_response(b": ping\n\n", hang=stalled))
    async with runtime(settings, script, Timeouts(idle=30, total=0.05)) as rt:
        with pytest.raises(StreamError, match="total time limit"):
            await collect(rt)


class _Broken(httpx.AsyncByteStream):
    def __init__(self, first: bytes) -> None:
        self._first = first

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self._first
        raise httpx.ReadError("connection reset")


async def test_broken_stream_is_a_stream_error_and_never_reposted(settings: Settings) -> None:
    body = b'data: {"type":"text","content":"hello"}\n\n'
    broken = httpx.Response(
        200, headers={"content-type": "text/event-stream"}, stream=_Broken(body)
    )
    script = ApiScript().on("POST", "/run_sse", broken)
    events: list[SseEvent] = []
    async with runtime(settings, script) as rt:
        with pytest.raises(StreamError) as info:
            await collect(rt, events=events)
    assert events == [TextEvent("hello")]
    assert isinstance(info.value.__cause__, httpx.ReadError)
    assert script.paths().count("POST /run_sse") == 1


async def test_upload_sends_several_files_as_multipart_files_parts(
    settings: Settings, fixtures_dir: Path
) -> None:
    script = ApiScript().on("POST", UPLOAD, json_response("upload-files"))
    paths = [fixtures_dir / "media" / "harbor-small.png", fixtures_dir / "media" / "tone.wav"]
    async with runtime(settings, script) as rt:
        result = await rt.client.upload_files(SID, paths)
    assert [f.url for f in result.files] == [
        "https://cdn.example.com/u/harbor.jpg",
        "https://cdn.example.com/u/tone.wav",
    ]
    request, body = script.requests[-1], script.bodies[-1]
    assert request.headers["content-type"].startswith("multipart/form-data; boundary=")
    assert body.count(b'name="files"') == 2
    assert b'filename="harbor-small.png"\r\nContent-Type: image/png' in body
    assert b'filename="tone.wav"\r\nContent-Type: audio/wav' in body
    assert paths[1].read_bytes() in body
    assert_attributed(script)


async def test_upload_urls_posts_json_and_accepts_uploaded_files(settings: Settings) -> None:
    script = ApiScript().on("POST", UPLOAD, json_response("upload-uploaded-files"))
    async with runtime(settings, script) as rt:
        result = await rt.client.upload_urls(SID, ["https://example.com/clip.mp4"])
    assert result.files[0].url == "https://cdn.example.com/u/clip.mp4"
    assert script.json_body(len(script.requests) - 1) == {
        "urls": ["https://example.com/clip.mp4"],
        "source_type": "url",
    }


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("file:///etc/passwd", "only http"),
        ("ftp://example.com/a.jpg", "only http"),
        ("https://[::1/a.jpg", "not a valid link"),
        ("http://example.com:99999/a.jpg", "not a valid link"),
        ("http://", "no host name"),
    ],
)
async def test_non_http_or_malformed_url_upload_is_refused_before_the_network(
    settings: Settings, url: str, words: str
) -> None:
    script = ApiScript()
    async with runtime(settings, script) as rt:
        with pytest.raises(UserInputError, match=words) as info:
            await rt.client.upload_urls(SID, [url])
    assert url in info.value.message
    assert script.requests == []


def _sparse(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


@pytest.mark.parametrize(
    ("make", "error", "words"),
    [
        (lambda d, f: f / "media" / "not-an-image.jpg", UnsupportedFileError, "content"),
        (lambda d, f: _sparse(d / "empty.png", 0), UserInputError, "empty"),
        (
            lambda d, f: (d / "photos.png").mkdir() or d / "photos.png",
            UserInputError,
            "folder",
        ),
        (lambda d, f: d / "missing.png", UserInputError, "cannot find"),
        (
            lambda d, f: Path(shutil.copy(f / "media" / "harbor.jpg", d / "harbor.bmp")),
            UnsupportedFileError,
            "not supported",
        ),
        (
            lambda d, f: _sparse(d / "huge.mp4", 200 * 1024 * 1024 + 1),
            FileTooLargeError,
            "compress",
        ),
    ],
    ids=["disguised", "empty", "directory", "missing", "extension", "sparse-over-cap"],
)
async def test_upload_pre_checks_refuse_before_any_request(
    settings: Settings, tmp_path: Path, fixtures_dir: Path, make, error, words: str
) -> None:
    path = make(tmp_path, fixtures_dir)
    script = ApiScript()
    async with runtime(settings, script) as rt:
        with pytest.raises(error) as info:
            await rt.client.upload_files(SID, [fixtures_dir / "media" / "harbor.jpg", path])
    assert words in info.value.message
    if error is UnsupportedFileError:
        assert "jpg, jpeg, png" in info.value.message
    assert script.requests == []


async def test_download_from_cdn_sends_no_credentials(settings: Settings, tmp_path: Path) -> None:
    cdn = "https://static1.nemovideo.ai/render-result/r.mp4"
    script = ApiScript().on(
        "GET", "/render-result/r.mp4", httpx.Response(200, content=b"mp4" * 100)
    )
    async with runtime(settings, script) as rt:
        size = await rt.client.download(cdn, tmp_path / "out.mp4")
    assert (size, (tmp_path / "out.mp4").read_bytes()) == (300, b"mp4" * 100)
    request = script.requests[-1]
    assert "Authorization" not in request.headers
    assert "X-Skill-Source" not in request.headers


async def test_downloaded_video_gets_an_ordinary_file_mode(
    settings: Settings, tmp_path: Path
) -> None:
    cdn = "https://static1.nemovideo.ai/render-result/r.mp4"
    script = ApiScript().on("GET", "/render-result/r.mp4", httpx.Response(200, content=b"x"))
    out = tmp_path / "videos" / "out.mp4"
    umask = os.umask(0o022)
    try:
        async with runtime(settings, script) as rt:
            await rt.client.download(cdn, out)
    finally:
        os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o644
    assert os.listdir(out.parent) == ["out.mp4"]


async def test_fallback_download_is_authenticated_and_attributed(
    settings: Settings, tmp_path: Path
) -> None:
    path = "/api/render/proxy/render_1/download"
    script = ApiScript().on("GET", path, httpx.Response(200, content=b"\x00" * 64))
    async with runtime(settings, script) as rt:
        assert await rt.client.download_render("render_1", tmp_path / "v.mp4") == 64
    assert script.requests[-1].headers["Authorization"].startswith("Bearer ")
    assert_attributed(script)


class _Cut(httpx.AsyncByteStream):
    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield b"a" * 100
        raise httpx.RemoteProtocolError("peer closed connection")


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(200, headers={"content-length": "1000"}, stream=_Cut()),
        httpx.Response(200, content=b"x" * 10, headers={"content-length": "1000"}),
    ],
    ids=["connection-cut", "short-body"],
)
async def test_interrupted_download_leaves_nothing_behind(
    settings: Settings, tmp_path: Path, response: httpx.Response
) -> None:
    script = ApiScript().on("GET", "/out.mp4", response)
    target = tmp_path / "dl" / "video.mp4"
    async with runtime(settings, script) as rt:
        with pytest.raises(TransportError):
            await rt.client.download("https://cdn.test/out.mp4", target)
    assert not target.exists()
    assert list(target.parent.iterdir()) == []


async def test_session_record_round_trips_through_the_runtime(settings: Settings) -> None:
    script = ApiScript().on("POST", SESSION, json_response("session"))
    async with runtime(settings, script) as rt:
        record = await rt.session("zh-CN")
    assert record == SessionRecord(
        "task_7f3a", SID, "anon_abc123def4567890", "zh-CN", FakeClock().now
    )
