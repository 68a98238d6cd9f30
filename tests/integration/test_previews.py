"""Previews beside an export: a contact sheet and a poster, never over a file already there."""

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


def test_a_file_already_there_is_never_replaced(tmp_path: Path) -> None:
    from agent.preview import write_previews

    mine = tmp_path / "clip.jpg"
    mine.write_bytes(b"the user's own picture")
    written = write_previews(_clip(tmp_path / "clip.mp4"))
    assert [p.name for p in written] == ["clip.poster.jpg"]
    assert mine.read_bytes() == b"the user's own picture"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
