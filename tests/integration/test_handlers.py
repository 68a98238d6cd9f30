"""Turns through the engine against the real local backend app, in process (ASGITransport)."""

from __future__ import annotations

import json
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from agent.config import Settings
from agent.engine import Engine, open_engine
from agent.local.config import BackendConfig
from agent.local.faults import parse_faults
from agent.progress import RecordingProgress
from tests.engine_support import CountingApp
from tests.fakes import FakeClock, RecordingSleep

pytestmark = pytest.mark.integration


async def _engine(
    settings: Settings, tmp_path: Path, **config: Any
) -> AsyncIterator[tuple[Engine, CountingApp, RecordingProgress, RecordingSleep]]:
    from agent.local.server.app import create_app

    if isinstance(config.get("faults"), str):
        config["faults"] = parse_faults(config["faults"])
    backend_config = BackendConfig.from_settings(settings).with_overrides(
        work_generate_s=0.0, work_edit_s=0.0, **config
    )
    app = create_app(backend_config)
    counting = CountingApp(app)
    progress = RecordingProgress()
    sleep = RecordingSleep(clock=FakeClock())
    local = settings.with_overrides(api_url="http://backend.test", backend="local")
    async with (
        app.router.lifespan_context(app),
        open_engine(
            local,
            progress=progress,
            output_dir=tmp_path / "out",
            sleep=sleep,
            clock=FakeClock(),
            transport=httpx.ASGITransport(app=counting),
        ) as engine,
    ):
        yield engine, counting, progress, sleep


@pytest.fixture
async def world(
    settings: Settings, tmp_path: Path
) -> AsyncIterator[tuple[Engine, CountingApp, RecordingProgress, RecordingSleep]]:
    async for item in _engine(settings, tmp_path):
        yield item


@pytest.fixture
def photo(fixtures_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "harbor.png"
    shutil.copy(fixtures_dir / "media" / "harbor-small.png", target)
    return target


async def test_credits_are_answered_locally_without_talking_to_the_agent(world: Any) -> None:
    engine, app, _, _ = world
    result = await engine.run_turn("how many credits do I have left?")
    assert result.actions == ("credits",)
    assert result.reply == "Credits: 10000 available, 0 reserved for running jobs, 10000 in total."
    assert result.ok
    assert app.count("POST", "/run_sse") == 0


async def test_credits_in_chinese_are_answered_in_chinese(world: Any) -> None:
    engine, _, _, _ = world
    result = await engine.run_turn("我还有多少积分")
    assert result.language == "zh"
    assert result.reply == "积分：可用 10000，进行中任务冻结 0，共 10000。"
    store = engine._rt.settings.state_dir / "session.json"
    records = json.loads(store.read_text(encoding="utf-8")).values()
    assert [r["language"] for r in records] == ["zh-CN"]


async def test_state_of_an_empty_project_says_nothing_is_there_yet(world: Any) -> None:
    engine, _, _, _ = world
    result = await engine.run_turn("show status")
    assert result.actions == ("state",)
    assert "Nothing on the timeline yet" in result.reply


async def test_an_attachment_is_uploaded_and_summarised_then_listed_in_state(
    world: Any, photo: Path
) -> None:
    engine, app, _, _ = world
    added = await engine.run_turn("", [str(photo)])
    assert added.actions == ("upload",)
    assert added.reply.startswith("Added 1 file:\n- harbor.png (image")
    state = await engine.run_turn("what's on the timeline?")
    assert "Uploads: harbor.png" in state.reply
    assert app.count("POST", "/run_sse") == 0


@pytest.mark.parametrize(
    ("text", "needle"),
    [("upload this", "That file type isn't supported"), ("上传这个文件", "不支持该文件类型")],
)
async def test_a_disguised_file_gets_the_4001_message_with_formats_in_the_users_language(
    world: Any, fixtures_dir: Path, text: str, needle: str
) -> None:
    engine, app, _, _ = world
    result = await engine.run_turn(text, [str(fixtures_dir / "media" / "not-an-image.jpg")])
    assert not result.ok
    assert result.error is not None
    assert result.error.code in (4001, "UnsupportedFileError")
    assert needle in result.reply
    assert "jpg" in result.reply
    assert "mp4" in result.reply
    assert not any(path.startswith("/api/upload") for _, path in app.requests)


async def test_export_before_anything_was_made_says_what_to_do_first(world: Any) -> None:
    engine, app, _, _ = world
    result = await engine.run_turn("export it")
    assert result.actions == ()
    assert result.files == ()
    assert "nothing to export yet" in result.reply
    assert app.count("POST", "/api/render/proxy/lambda") == 0


async def test_a_generation_request_is_posted_once_and_the_reply_is_translated(
    settings: Settings, tmp_path: Path, photo: Path
) -> None:
    manual = settings.with_overrides(auto_export=False)
    async for engine, app, progress, _ in _engine(manual, tmp_path):
        result = await engine.run_turn("turn this photo into a 5-second video", [str(photo)])
        posts = app.count("POST", "/run_sse")
        statuses = list(progress.events)
    assert result.actions[:2] == ("upload", "sse")
    assert posts == 1
    assert "click" not in result.reply.lower()
    assert ("status", "Generating video on this machine — a few seconds") in statuses
    assert result.files == ()


@pytest.mark.parametrize(
    ("text", "offer", "promises"),
    [
        ("turn this photo into a 5-second video", 'Say "export" when you want the MP4',
         ("I'll export", "I'll send")),
        ("把这张照片做成5秒的视频", "需要 MP4 时说“导出”即可", ("我会直接把", "发给你")),
    ],
    ids=["en", "zh"],
)  # fmt: skip
async def test_with_auto_export_off_the_reply_offers_the_export_and_never_promises_it(
    settings: Settings,
    tmp_path: Path,
    photo: Path,
    text: str,
    offer: str,
    promises: tuple[str, ...],
) -> None:
    manual = settings.with_overrides(auto_export=False)
    async for engine, app, _, _ in _engine(manual, tmp_path):
        result = await engine.run_turn(text, [str(photo)])
        renders = app.count("POST", "/api/render/proxy/lambda")
    assert result.reply.count(offer) == 1
    assert not any(promise in result.reply for promise in promises)
    assert "export" not in result.actions
    assert renders == 0


async def test_a_silent_edit_is_answered_from_the_state_diff(
    settings: Settings, tmp_path: Path, photo: Path
) -> None:
    manual = settings.with_overrides(auto_export=False)
    async for engine, app, _, _ in _engine(manual, tmp_path, faults="silent_edits"):
        await engine.run_turn("turn this photo into a 5-second video", [str(photo)])
        result = await engine.run_turn("add a title 'Harbor Lights'")
        posts = app.count("POST", "/run_sse")
    assert result.actions == ("sse",)
    assert '✅ Title added: "Harbor Lights"' in result.reply
    assert posts == 2


@pytest.mark.parametrize(
    ("text", "words", "lang"),
    [
        ("turn this photo into a 5-second video", "out of credits on the local backend", "en"),
        ("把这张照片做成5秒的视频", "本地后端的积分已用完", "zh"),
    ],
)
async def test_running_out_of_local_credits_says_so_without_a_dead_link(
    settings: Settings, tmp_path: Path, photo: Path, text: str, words: str, lang: str
) -> None:
    # The embedded backend has no registration page and its address dies with the command.
    async for engine, _, _, _ in _engine(settings, tmp_path, grant=50, refill=False):
        result = await engine.run_turn(text, [str(photo)])
    assert result.language == lang
    assert result.error is not None
    assert result.error.code == 2001
    assert words in result.reply
    assert "http" not in result.reply
    assert result.links == ()


async def test_a_clarifying_question_is_relayed_and_the_answer_goes_to_the_agent(
    world: Any, tmp_path: Path
) -> None:
    engine, app, _, _ = world
    asked = await engine.run_turn("make a video")
    assert asked.question is not None
    assert asked.question in asked.reply
    pending = json.loads(
        (engine._rt.settings.state_dir / "pending-question.json").read_text(encoding="utf-8")
    )
    assert pending["session_id"] == asked.session_id
    answer = await engine.run_turn("export")
    assert answer.actions[0] == "sse"
    assert app.count("POST", "/run_sse") == 2


async def test_a_lost_session_is_renewed_once_and_the_user_is_told_to_upload_again(
    world: Any, photo: Path
) -> None:
    engine, _, _, _ = world
    first = await engine.run_turn("", [str(photo)])
    store = engine._rt.settings.state_dir / "session.json"
    data = json.loads(store.read_text(encoding="utf-8"))
    for record in data.values():
        record["session_id"] = "1234567890123456789"  # unknown to the backend: 1002
    store.write_text(json.dumps(data), encoding="utf-8")
    result = await engine.run_turn("show status")
    assert result.ok
    assert result.session_id not in (first.session_id, "1234567890123456789")
    assert result.reply.startswith("Your previous session had expired")
    assert "Nothing on the timeline yet" in result.reply


async def test_a_file_over_the_cap_gets_the_4002_message_before_any_upload(
    settings: Settings, tmp_path: Path, photo: Path
) -> None:
    small_cap = settings.with_overrides(upload_max_bytes=1024)
    async for engine, app, _, _ in _engine(small_cap, tmp_path):
        result = await engine.run_turn("upload this", [str(photo)])
        uploads = [p for _, p in app.requests if p.startswith("/api/upload")]
    assert result.error is not None
    assert result.error.code in (4002, "FileTooLargeError")
    assert "Compress or trim it" in result.reply
    assert uploads == []


async def test_an_unreachable_api_suggests_the_local_backend(
    settings: Settings, tmp_path: Path
) -> None:
    unreachable = settings.with_overrides(api_url="http://127.0.0.1:9")
    sleep = RecordingSleep(clock=FakeClock())
    async with open_engine(unreachable, sleep=sleep, output_dir=tmp_path) as engine:
        result = await engine.run_turn("how many credits do I have?")
    assert result.error is not None
    assert result.error.code == "TransportError"
    assert "can't reach the video service" in result.reply
    assert "--local" in result.reply


async def test_a_low_balance_is_flagged_before_credit_consuming_work(
    settings: Settings, tmp_path: Path, photo: Path
) -> None:
    async for engine, app, _, _ in _engine(settings, tmp_path, grant=5, refill=False):
        result = await engine.run_turn("turn this photo into a 5-second video", [str(photo)])
        posts = app.count("POST", "/run_sse")
    assert "Heads-up: only 5 credits left" in result.reply
    assert result.error is not None
    assert result.error.code == 2001
    assert posts == 1


async def test_an_output_folder_that_is_a_file_fails_the_export_before_rendering(
    settings: Settings, tmp_path: Path, photo: Path
) -> None:
    (tmp_path / "out").write_text("not a folder", encoding="utf-8")
    async for engine, app, _, _ in _engine(settings, tmp_path):
        result = await engine.run_turn("turn this photo into a 2-second video", [str(photo)])
        renders = app.count("POST", "/api/render/proxy/lambda")
    assert not result.ok
    assert f"{tmp_path / 'out'} is a file, not a folder" in result.reply
    assert renders == 0
    assert (tmp_path / "out").read_text(encoding="utf-8") == "not a folder"
