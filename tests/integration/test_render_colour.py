"""Colour tags: HD and above is BT.709 (matrix, primaries, transfer), SD BT.601; limited range."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image

from agent.local.renderer.colour import matrix_for, rgb_to_i420
from agent.local.renderer.render import render
from agent.local.renderer.spec import Motion, RenderSpec, VisualClip

pytestmark = pytest.mark.integration

RED = (200, 40, 30)


# libav enums: AVCOL_SPC/PRI/TRC_BT709 = 1, ..._SMPTE170M = 6, AVCOL_RANGE_MPEG = 1 (limited).
BT709, SMPTE170M, LIMITED = 1, 6, 1


def _tags(path: Path) -> tuple[int, int, int, int]:
    """(matrix, primaries, transfer, range) as the decoder reads them from the file."""
    with av.open(str(path)) as container:
        frame = next(container.decode(video=0))
        ctx = container.streams.video[0].codec_context
        return (
            int(ctx.colorspace),
            int(ctx.color_primaries),
            int(ctx.color_trc),
            int(frame.color_range),
        )


def _render_solid(tmp_path: Path, size: tuple[int, int]) -> Path:
    photo = tmp_path / "red.png"
    Image.new("RGB", size, RED).save(photo)
    clip = VisualClip(photo, "image", 0, 200, Motion("none"))
    out = tmp_path / f"{size[0]}x{size[1]}.mp4"
    render(RenderSpec(size[0], size[1], duration_ms=200, visuals=(clip,)), out)
    return out


def _plane_means(path: Path) -> tuple[float, float, float]:
    with av.open(str(path)) as container:
        frame = next(container.decode(video=0))
        means = [
            np.frombuffer(p, np.uint8).reshape(p.height, p.line_size)[:, : p.width].mean()
            for p in frame.planes
        ]
        return float(means[0]), float(means[1]), float(means[2])


def test_hd_output_is_bt709_limited_range_and_tagged_so(tmp_path: Path) -> None:
    out = _render_solid(tmp_path, (1280, 720))

    assert _tags(out) == (BT709, BT709, BT709, LIMITED)
    expected = rgb_to_i420(np.full((2, 2, 3), RED, np.uint8), "bt709").reshape(-1)
    y, u, v = _plane_means(out)
    assert abs(y - expected[0]) < 3
    assert abs(u - expected[4]) < 3
    assert abs(v - expected[5]) < 3


def test_small_output_stays_bt601_and_is_tagged_smpte170m(tmp_path: Path) -> None:
    out = _render_solid(tmp_path, (320, 180))

    assert _tags(out) == (SMPTE170M, SMPTE170M, SMPTE170M, LIMITED)
    expected = rgb_to_i420(np.full((2, 2, 3), RED, np.uint8), "bt601").reshape(-1)
    y, _u, v = _plane_means(out)
    assert abs(y - expected[0]) < 3
    assert abs(v - expected[5]) < 3


@pytest.mark.parametrize(
    ("size", "matrix"),
    [
        ((1920, 1080), "bt709"),
        ((720, 1280), "bt709"),
        ((1080, 1080), "bt709"),
        ((480, 270), "bt601"),
    ],
)
def test_hd_and_above_is_bt709(size: tuple[int, int], matrix: str) -> None:
    assert matrix_for(*size) == matrix


def test_bt709_and_bt601_differ_on_saturated_colour() -> None:
    rgb = np.full((2, 2, 3), (0, 200, 0), np.uint8)
    y709 = int(rgb_to_i420(rgb, "bt709").reshape(-1)[0])
    y601 = int(rgb_to_i420(rgb, "bt601").reshape(-1)[0])
    assert y709 > y601 + 10


@pytest.mark.parametrize("size", [(2318, 1546), (46, 34), (302, 258), (640, 256)])
def test_bt709_is_converted_in_strips_to_the_whole_pictures_bytes(size: tuple[int, int]) -> None:
    import cv2

    from agent.local.renderer.colour import rgb_to_yuv

    w, h = size
    rgb = np.random.default_rng(5).integers(0, 256, (h, w, 3), dtype=np.uint8)
    # The whole picture at once: its 4:4:4 copy, then each chroma plane averaged 2x2.
    yuv = rgb_to_yuv(rgb, "bt709")
    half = (w // 2, h // 2)
    u = cv2.resize(np.ascontiguousarray(yuv[:, :, 1]), half, interpolation=cv2.INTER_AREA)
    v = cv2.resize(np.ascontiguousarray(yuv[:, :, 2]), half, interpolation=cv2.INTER_AREA)
    whole = np.concatenate([yuv[:, :, 0].reshape(-1), u.reshape(-1), v.reshape(-1)])

    np.testing.assert_array_equal(rgb_to_i420(rgb, "bt709").reshape(-1), whole)
