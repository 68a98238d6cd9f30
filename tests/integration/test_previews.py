"""Previews beside an export: a contact sheet and a poster, each written whole."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.integration


def _clip(path: Path) -> Path:
    """A 1-second 64x36 H.264 clip (real encoding, PyAV)."""
    import av
    import numpy as np

    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=10)
        stream.width, stream.height, stream.pix_fmt = 64, 36, "yuv420p"
        for i in range(10):
            pixels = np.full((36, 64, 3), i * 20, dtype=np.uint8)
            container.mux(stream.encode(av.VideoFrame.from_ndarray(pixels, format="rgb24")))
        container.mux(stream.encode())
    return path


def test_previews_land_beside_the_video(tmp_path: Path) -> None:
    from agent.preview import write_previews

    folder = tmp_path / "out"
    folder.mkdir()
    written = write_previews(_clip(folder / "clip.mp4"))
    assert [p.name for p in written] == ["clip.jpg", "clip.poster.jpg"]
    assert all(p.read_bytes()[:2] == b"\xff\xd8" for p in written)
    assert sorted(p.name for p in folder.iterdir()) == ["clip.jpg", "clip.mp4", "clip.poster.jpg"]


def test_a_second_export_of_the_same_name_replaces_its_previews_whole(tmp_path: Path) -> None:
    from agent.preview import write_previews

    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "clip.jpg").write_bytes(b"an earlier export's sheet")
    written = write_previews(_clip(folder / "clip.mp4"))
    assert [p.name for p in written] == ["clip.jpg", "clip.poster.jpg"]
    assert (folder / "clip.jpg").read_bytes()[:2] == b"\xff\xd8"
    assert not [p for p in folder.iterdir() if p.name.endswith(".part")]
