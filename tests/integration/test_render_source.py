"""Photo sources: big JPEGs are decoded no larger than the motion needs, upright."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from agent.local.renderer.source import _load_image
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
