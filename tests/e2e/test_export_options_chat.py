"""Output options asked for in chat reach the local backend, which renders exactly that file.

Over real sockets: "做成GIF", "export in 720p", "export in 4K" and "60 fps" each deliver a file
read back with PyAV, plus its contact sheet and poster, and the reply states what it is.
"""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import av
import pytest
from PIL import Image

from agent.config import Settings
from agent.engine import open_engine
from agent.progress import RecordingProgress
from tests.conftest import FIXTURES
from tests.e2e.test_conversations import GateSleep, RenderGate, local_backend

pytestmark = pytest.mark.e2e


def _video(path: Path) -> tuple[str, int, int, float]:
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        rate = float(stream.average_rate or 0)
        return stream.codec_context.name, stream.width, stream.height, rate


async def test_gif_720p_4k_and_60_fps_from_chat(settings: Settings, tmp_path: Path) -> None:
    photo = tmp_path / "harbor.jpg"
    shutil.copy(FIXTURES / "media" / "harbor.jpg", photo)
    gate = RenderGate()
    with local_backend(settings, gate) as (url, _app):
        live = settings.with_overrides(api_url=url, backend="local", auto_export=False)
        async with (
            asyncio.timeout(300),
            open_engine(
                live,
                progress=RecordingProgress(),
                output_dir=tmp_path / "out",
                sleep=GateSleep(gate),
            ) as engine,
        ):
            made = await engine.run_turn("turn this photo into a 2-second video", [str(photo)])
            assert made.ok, made.reply
            results = {}
            for text in ("做成GIF", "export in 720p", "export in 4K", "60 fps"):
                gate.started.clear()
                gate.done.clear()
                results[text] = await engine.run_turn(text, [])
    for text, result in results.items():
        assert result.ok, (text, result.reply)
        assert len(result.files) == 1
        sheet, poster = (Path(p) for p in result.as_json()["previews"])
        assert sheet == Path(result.files[0]).with_suffix(".jpg")
        with Image.open(sheet) as image:
            assert 1200 <= image.width <= 1280
        assert poster.name.endswith(".poster.jpg")
        assert poster.is_file()
        assert str(sheet) in result.reply
    gif = Path(results["做成GIF"].files[0])
    assert gif.suffix == ".gif"
    assert _video(gif)[:3] == ("gif", 480, 270)
    with Image.open(gif) as image:
        assert image.info["loop"] == 0
    assert "480x270" in results["做成GIF"].reply
    assert _video(Path(results["export in 720p"].files[0])) == ("h264", 1280, 720, 30.0)
    assert _video(Path(results["export in 4K"].files[0])) == ("h264", 3840, 2160, 30.0)
    assert "3840x2160" in results["export in 4K"].reply
    assert _video(Path(results["60 fps"].files[0])) == ("h264", 1920, 1080, 60.0)
    assert "60 fps" in results["60 fps"].reply
