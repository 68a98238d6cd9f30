"""Real renders per output format, read back with PyAV: looping palette GIF, VP9 WebM, 60 fps."""

from __future__ import annotations

from pathlib import Path

import av
import pytest
from PIL import Image

from agent.local.renderer.output import OutputRequest, apply_output
from agent.local.renderer.render import render
from agent.local.renderer.spec import AudioClip, Motion, RenderSpec, VisualClip

pytestmark = pytest.mark.integration


def _spec(fixtures_dir: Path, duration_ms: int) -> RenderSpec:
    photo = VisualClip(
        fixtures_dir / "media" / "harbor.jpg", "image", 0, duration_ms, Motion("zoom_in", 0.1)
    )
    music = AudioClip(None, "soft_piano", 0, duration_ms, 0.5)
    return RenderSpec(640, 360, duration_ms=duration_ms, visuals=(photo,), audios=(music,))


def test_a_gif_export_is_a_looping_palette_gif_480_wide_at_15_fps(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    spec = apply_output(_spec(fixtures_dir, 2000), OutputRequest(format="gif"))
    out = tmp_path / "clip.gif"

    result = render(spec, out)

    with Image.open(out) as gif:
        assert (gif.format, gif.size, gif.info["loop"]) == ("GIF", (480, 270), 0)
        assert gif.mode == "P"
        assert len(gif.getpalette() or []) // 3 > 64  # an adaptive palette, not a fixed one
        delays = []
        for index in range(gif.n_frames):
            gif.seek(index)
            delays.append(gif.info["duration"])
    assert (len(delays), sum(delays)) == (30, 2000)  # 15 fps on average, exactly
    with av.open(str(out)) as container:
        assert container.streams.video[0].codec_context.name == "gif"
    assert (result.width, result.height, result.frames) == (480, 270, 30)


def test_a_webm_export_is_vp9_and_opus(tmp_path: Path, fixtures_dir: Path) -> None:
    spec = apply_output(_spec(fixtures_dir, 1000), OutputRequest(format="webm", quality="low"))
    out = tmp_path / "clip.webm"

    render(spec, out)

    with av.open(str(out)) as container:
        assert container.format.name.startswith("matroska")
        assert container.streams.video[0].codec_context.name == "vp9"
        assert container.streams.audio[0].codec_context.name == "opus"
        assert (container.streams.video[0].width, container.streams.video[0].height) == (640, 360)


def test_a_60_fps_720p_export_has_60_frames_a_second(tmp_path: Path, fixtures_dir: Path) -> None:
    spec = apply_output(_spec(fixtures_dir, 1000), OutputRequest(resolution="720p", fps=60))
    out = tmp_path / "clip.mp4"

    render(spec, out)

    with av.open(str(out)) as container:
        video = container.streams.video[0]
        assert (video.width, video.height, float(video.average_rate)) == (1280, 720, 60.0)
        assert sum(1 for _ in container.decode(video=0)) == 60
