"""Photo sources: big JPEGs are decoded no larger than the motion needs, upright."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageOps

from agent.errors import RenderError
from agent.local.renderer.source import _decode_jpeg, _draft_scale, _load_image
from agent.local.renderer.spec import Motion, VisualClip

pytestmark = pytest.mark.integration


def _jpeg(path: Path, size: tuple[int, int], orientation: int | None = None) -> Path:
    pixels = np.zeros((size[1], size[0], 3), np.uint8)
    pixels[: size[1] // 2] = (200, 40, 40)  # top half red: shows which way is up
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    Image.fromarray(pixels).save(path, quality=90, exif=exif)
    return path


def test_a_big_jpeg_is_decoded_at_the_smallest_draft_the_zoom_still_covers(
    tmp_path: Path,
) -> None:
    clip = VisualClip(_jpeg(tmp_path / "big.jpg", (2000, 1500)), "image", 0, 1000,
                      Motion("zoom_in", 0.2))  # fmt: skip

    pixels = _load_image(clip, (320, 180))

    # Cover fit 320/2000 x zoom 1.2 needs 384x288: 1/4 (500x375) covers it, 1/8 would not.
    assert pixels.shape == (375, 500, 3)


def test_a_rotated_jpeg_is_drafted_in_its_own_orientation_and_turned_upright(
    tmp_path: Path,
) -> None:
    # Stored 2000x1500 landscape; EXIF 6 shows it as a 1500x2000 portrait.
    clip = VisualClip(_jpeg(tmp_path / "rot.jpg", (2000, 1500), 6), "image", 0, 1000,
                      Motion("zoom_in", 0.2))  # fmt: skip

    pixels = _load_image(clip, (180, 320))

    # Upright 1500x2000 cover-fitted to 180x320 x 1.2 needs 288x384: the 1/4 draft, turned.
    assert pixels.shape == (500, 375, 3)
    # The stored top (red) is now on the right.
    assert pixels[250, 370, 0] > 150
    assert pixels[250, 5, 0] < 100


def _detailed_jpeg(path: Path, size: tuple[int, int], orientation: int | None = None) -> Path:
    rng = np.random.default_rng(3)
    pixels = rng.integers(0, 256, (size[1], size[0], 3), dtype=np.uint8)
    pixels[: size[1] // 3] = (200, 40, 40)
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    Image.fromarray(pixels).save(path, quality=90, exif=exif)
    return path


def _pillow_reference(path: Path, need: tuple[int, int]) -> np.ndarray:
    """What the Pillow path returns: draft, decode, then `exif_transpose`."""
    with Image.open(path) as img:
        img.draft("RGB", need)
        img.load()
        ImageOps.exif_transpose(img, in_place=True)
        return np.asarray(img.convert("RGB"), np.uint8)


@pytest.mark.parametrize("orientation", [None, 1, 2, 3, 4, 5, 6, 7, 8])
def test_the_opencv_jpeg_decode_gives_pillows_bytes_in_every_orientation(
    tmp_path: Path, orientation: int | None
) -> None:
    path = _detailed_jpeg(tmp_path / "o.jpg", (640, 424), orientation)
    clip = VisualClip(path, "image", 0, 1000, Motion("zoom_in", 0.2))
    turned = orientation in (5, 6, 7, 8)
    canvas = (90, 160) if turned else (160, 90)

    assert _decode_jpeg(path, (640, 424), (192, 108)) is not None  # the OpenCV path is taken
    pixels = _load_image(clip, canvas)

    # Stored 640x424; the motion needs ~192 px across: the 1/2 draft, decoded by OpenCV.
    stored_need = (pixels.shape[0], pixels.shape[1]) if turned else pixels.shape[1::-1]
    assert max(stored_need) == 320
    np.testing.assert_array_equal(pixels, _pillow_reference(path, (192, 108)))


def test_a_jpeg_without_its_end_marker_is_left_to_pillow(tmp_path: Path) -> None:
    path = _detailed_jpeg(tmp_path / "cut.jpg", (640, 424))
    path.write_bytes(path.read_bytes()[:-4000])  # truncated: Pillow refuses it, as before
    clip = VisualClip(path, "image", 0, 1000, Motion("zoom_in", 0.2))

    assert _decode_jpeg(path, (640, 424), (192, 108)) is None
    with pytest.raises(RenderError, match="cannot read image"):
        _load_image(clip, (160, 90))


@pytest.mark.parametrize(
    ("size", "need", "scale"),
    [((6000, 4000), (2208, 1472), 2), ((2000, 1500), (384, 288), 4), ((640, 480), (80, 60), 8),
     ((640, 480), (641, 10), 1), ((100, 100), (0, 0), 8)],
)  # fmt: skip
def test_the_draft_scale_is_pillows(
    size: tuple[int, int], need: tuple[int, int], scale: int
) -> None:
    assert _draft_scale(size, need) == scale
