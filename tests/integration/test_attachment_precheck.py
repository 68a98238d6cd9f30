"""The engine checks every attached file before it opens a session: chat's attachments too."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.config import Settings
from tests.engine_support import scripted_engine
from tests.fakes import ApiScript

pytestmark = pytest.mark.integration


async def test_a_missing_attached_file_is_refused_before_any_session_or_request(
    settings: Settings, tmp_path: Path
) -> None:
    script = ApiScript()
    async with scripted_engine(settings, script, tmp_path) as (engine, _, _):
        result = await engine.run_turn("make a video", (str(tmp_path / "gone.jpg"),))
    assert script.paths() == []
    assert result.session_id == ""
    assert result.error is not None
    assert "I can't find" in result.reply


async def test_a_disguised_file_given_by_the_chat_is_refused_in_the_users_language(
    settings: Settings, tmp_path: Path, fixtures_dir: Path
) -> None:
    script = ApiScript()
    fake = str(fixtures_dir / "media" / "not-an-image.jpg")
    async with scripted_engine(settings, script, tmp_path) as (engine, _, _):
        result = await engine.run_turn("把这张照片做成视频", (fake,))
    assert script.paths() == []
    assert result.session_id == ""
    assert "不支持该文件类型" in result.reply
