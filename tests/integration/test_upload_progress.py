"""Upload progress: the client reports bytes as it streams files; the handler drives a bar."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from agent.config import Settings
from agent.handlers.upload import BAR_THRESHOLD_BYTES
from agent.progress import RecordingProgress
from tests.engine_support import local_engine, scripted_engine, sized_png
from tests.fakes import ApiScript, json_response

pytestmark = pytest.mark.integration

SID = "5529798706024415232"


class BarLog(RecordingProgress):
    """Records progress like `RecordingProgress`, plus every bar update's exact numbers."""

    def __init__(self) -> None:
        super().__init__()
        self.bars: list[tuple[str, float, float | None]] = []

    def bar(self, label: str, completed: float, total: float | None) -> None:
        super().bar(label, completed, total)
        self.bars.append((label, completed, total))


def _bar_values(progress: BarLog, label: str) -> list[tuple[float, float | None]]:
    return [(done, total) for name, done, total in progress.bars if name == label]


def _size(path: Path) -> int:
    return path.stat().st_size


async def test_the_client_reports_bytes_sent_while_streaming_files_from_disk(
    settings: Settings, tmp_path: Path, fixtures_dir: Path
) -> None:
    big = sized_png(fixtures_dir / "media" / "harbor-small.png", tmp_path / "big.png", 400_000)
    small = Path(shutil.copy(fixtures_dir / "media" / "tone.wav", tmp_path / "tone.wav"))
    total = sum(_size(p) for p in (big, small))
    script = ApiScript().on("POST", "/api/upload-video/*", json_response("upload-files"))
    seen: list[tuple[int, int]] = []
    async with scripted_engine(settings, script, tmp_path) as (engine, _, _):
        client = engine._rt.client
        await client.upload_files(SID, [big, small], on_progress=lambda s, t: seen.append((s, t)))
    assert seen[-1] == (total, total)
    assert len(seen) >= 400_000 // (64 * 1024)
    assert all(t == total for _, t in seen)
    sent = [s for s, _ in seen]
    assert sent == sorted(sent)
    assert sent[0] < total // 2


async def test_a_large_upload_drives_a_byte_level_bar_from_zero_to_complete(
    settings: Settings, tmp_path: Path, fixtures_dir: Path
) -> None:
    size = BAR_THRESHOLD_BYTES + 512 * 1024
    photo = sized_png(fixtures_dir / "media" / "harbor-small.png", tmp_path / "big.png", size)
    async with local_engine(settings, tmp_path, progress=BarLog()) as world:
        result = await world.engine.run_turn("upload this", [str(photo)])
    assert result.ok, result.reply
    values = _bar_values(world.progress, "Uploading")
    assert values[0] == (0, size)
    assert values[-1] == (size, size)
    assert len(values) > 20  # one update per whole percent, not just start and end
    assert [v for v, _ in values] == sorted(v for v, _ in values)
    assert ("bar_done", "Uploading") in world.progress.events


async def test_a_small_upload_shows_no_bar(
    settings: Settings, tmp_path: Path, fixtures_dir: Path
) -> None:
    photo = shutil.copy(fixtures_dir / "media" / "harbor-small.png", tmp_path / "harbor.png")
    async with local_engine(settings, tmp_path, progress=BarLog()) as world:
        result = await world.engine.run_turn("upload this", [str(photo)])
    assert result.ok, result.reply
    assert _bar_values(world.progress, "Uploading") == []
