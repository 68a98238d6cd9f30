"""probe(): kind, size, duration and frame rate of images, audio and video files."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.errors import RenderError
from agent.local.renderer.media_probe import MediaInfo, probe
from agent.local.renderer.render import render
from agent.local.renderer.spec import AudioClip, RenderSpec, VisualClip

pytestmark = pytest.mark.integration


@pytest.mark.parametrize(
    ("name", "info"),
    [
        ("harbor.jpg", MediaInfo("image", 1600, 1066)),
        ("portrait.png", MediaInfo("image", 720, 1280)),
        ("tone.wav", MediaInfo("audio", None, None, 2000)),
    ],
)
def test_fixture_media_are_described(fixtures_dir: Path, name: str, info: MediaInfo) -> None:
    assert probe(fixtures_dir / "media" / name) == info


def test_a_rendered_mp4_is_a_video_with_size_duration_and_fps(
    tmp_path: Path, fixtures_dir: Path
) -> None:
    out = tmp_path / "clip.mp4"
    picture = VisualClip(fixtures_dir / "media" / "harbor-small.png", "image", 0, 1000)
    music = AudioClip(None, "lofi_pulse", 0, 1000)
    render(RenderSpec(160, 90, duration_ms=1000, visuals=(picture,), audios=(music,)), out)

    assert probe(out) == MediaInfo("video", 160, 90, 1000, 30.0)


def test_text_pretending_to_be_a_jpeg_is_a_render_error(fixtures_dir: Path) -> None:
    with pytest.raises(RenderError):
        probe(fixtures_dir / "media" / "not-an-image.jpg")


def test_a_missing_file_is_a_render_error(tmp_path: Path) -> None:
    with pytest.raises(RenderError):
        probe(tmp_path / "nope.png")
