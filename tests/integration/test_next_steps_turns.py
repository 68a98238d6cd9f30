"""Turns that change the timeline end with 2-3 suggested next steps; other turns do not."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from agent.config import Settings
from tests.engine_support import local_engine
from tests.local_support import local_deps

pytestmark = pytest.mark.integration

EN = "Next, you could: "
ZH = "接下来可以："


@pytest.fixture
def photo(fixtures_dir: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(fixtures_dir / "media" / "harbor-small.png", tmp_path / "harbor.png"))


async def test_a_generated_video_without_export_suggests_subtitles_timing_and_export(
    settings: Settings, tmp_path: Path, photo: Path
) -> None:
    manual = settings.with_overrides(auto_export=False)
    async with local_engine(manual, tmp_path, deps=local_deps()) as world:
        result = await world.engine.run_turn("turn this photo into a video", [str(photo)])
    assert result.ok, result.reply
    assert result.reply.endswith(EN + "add subtitles | adjust the timing | export the MP4"), (
        result.reply
    )


async def test_after_an_auto_export_the_export_is_not_suggested_again(
    settings: Settings, tmp_path: Path, photo: Path
) -> None:
    async with local_engine(settings, tmp_path, deps=local_deps()) as world:
        result = await world.engine.run_turn("turn this photo into a video", [str(photo)])
    assert result.actions[-1] == "export", result.reply
    assert result.reply.endswith(EN + "add subtitles | adjust the timing | add background music")
    assert result.as_json()["reply"] == result.reply


async def test_suggestions_come_in_the_users_language(
    settings: Settings, tmp_path: Path, photo: Path
) -> None:
    manual = settings.with_overrides(auto_export=False)
    async with local_engine(manual, tmp_path, deps=local_deps()) as world:
        result = await world.engine.run_turn("把这张照片做成视频", [str(photo)])
    assert result.reply.endswith(ZH + "加字幕 | 调整时长 | 导出 MP4"), result.reply


async def test_a_silent_title_edit_suggests_steps_other_than_subtitles(
    settings: Settings, tmp_path: Path, photo: Path
) -> None:
    manual = settings.with_overrides(auto_export=False)
    async with local_engine(manual, tmp_path, faults="silent_edits") as world:
        await world.engine.run_turn("turn this photo into a 5-second video", [str(photo)])
        result = await world.engine.run_turn("add a title 'Harbor Lights'")
    assert '✅ Title added: "Harbor Lights"' in result.reply
    assert result.reply.endswith(EN + "adjust the timing | export the MP4 | add background music")


async def test_turns_that_change_nothing_get_no_suggestions(
    settings: Settings, tmp_path: Path, photo: Path
) -> None:
    async with local_engine(settings, tmp_path, deps=local_deps()) as world:
        credits = await world.engine.run_turn("how many credits do I have?")
        upload = await world.engine.run_turn("upload this", [str(photo)])
        asked = await world.engine.run_turn("which style should it be?")
    for result in (credits, upload, asked):
        assert EN not in result.reply, result.reply
