"""Colour standards of the output: BT.709 for HD and above, BT.601 below; limited range always.

Owns the RGB <-> I420 matrices and the stream tags that go with them, so the pixels the compositor
writes and the tags the encoder declares cannot disagree. Imported lazily (numpy, OpenCV).
"""

from __future__ import annotations

from typing import Literal

import cv2
import numpy as np
from numpy.typing import NDArray

__all__ = ["Matrix", "matrix_for", "rgb_to_i420", "rgb_to_yuv", "stream_tags"]

Matrix = Literal["bt601", "bt709"]

# Luma weights (Kr, Kb) per standard (ITU-R BT.601 and BT.709).
_WEIGHTS: dict[str, tuple[float, float]] = {"bt601": (0.299, 0.114), "bt709": (0.2126, 0.0722)}
# libav enum values: AVCOL_SPC_BT709 = 1, AVCOL_SPC_SMPTE170M = 6 (the same numbers for the
# primaries and transfer enums); AVCOL_RANGE_MPEG = 1 (limited, 16-235).
_TAGS: dict[str, int] = {"bt709": 1, "bt601": 6}


def matrix_for(width: int, height: int) -> Matrix:
    """BT.709 for HD and above (1280x720 or more either way round), BT.601 below."""
    return "bt709" if max(width, height) >= 1280 or min(width, height) >= 720 else "bt601"


def stream_tags(matrix: Matrix) -> dict[str, int]:
    """Codec-context attributes that tag a stream with `matrix`, its primaries and transfer."""
    value = _TAGS[matrix]
    return {"colorspace": value, "color_primaries": value, "color_trc": value, "color_range": 1}


def _coefficients(matrix: Matrix) -> NDArray[np.float32]:
    """3x4 affine RGB (0-255) -> limited-range Y'CbCr rows (Y, U, V)."""
    kr, kb = _WEIGHTS[matrix]
    kg = 1.0 - kr - kb
    y = np.array([kr, kg, kb]) * 219 / 255
    u = np.array([-kr, -kg, 1.0 - kb]) / (2 * (1.0 - kb)) * 224 / 255
    v = np.array([1.0 - kr, -kg, -kb]) / (2 * (1.0 - kr)) * 224 / 255
    offsets = np.array([[16.0], [128.0], [128.0]])
    return np.hstack([np.stack([y, u, v]), offsets]).astype(np.float32)


def rgb_to_yuv(rgb: NDArray[np.uint8], matrix: Matrix) -> NDArray[np.uint8]:
    """Per-pixel limited-range YUV 4:4:4 of an RGB picture (h, w, 3)."""
    return np.asarray(cv2.transform(rgb, _coefficients(matrix)), np.uint8)


# Rows converted at a time (even): the picture's 4:4:4 copy never exists whole (a 2318x1546
# photo's would be 10.7 MB beside the 5.4 MB result), and the strips stay in cache.
_STRIP_ROWS = 128


def rgb_to_i420(rgb: NDArray[np.uint8], matrix: Matrix) -> NDArray[np.uint8]:
    """An RGB picture (even sizes) as one I420 buffer (h * 3/2, w) in `matrix`.

    BT.709 is converted in strips of `_STRIP_ROWS` rows: every pixel's transform and every 2x2
    chroma average is the same as the whole picture's, so are the bytes.
    """
    h, w = rgb.shape[:2]
    if matrix == "bt601":  # OpenCV's own conversion is BT.601 limited range, and faster
        return np.asarray(cv2.cvtColor(rgb, cv2.COLOR_RGB2YUV_I420), np.uint8)
    out = np.empty((h * 3 // 2, w), np.uint8)
    chroma = out[h:].reshape(-1)
    quarter = (h // 2) * (w // 2)
    u = chroma[:quarter].reshape(h // 2, w // 2)
    v = chroma[quarter:].reshape(h // 2, w // 2)
    coefficients = _coefficients(matrix)
    for top in range(0, h, _STRIP_ROWS):
        yuv = np.asarray(cv2.transform(rgb[top : top + _STRIP_ROWS], coefficients), np.uint8)
        rows = yuv.shape[0]
        np.copyto(out[top : top + rows], yuv[:, :, 0])
        half = cv2.resize(yuv, (w // 2, rows // 2), interpolation=cv2.INTER_AREA)
        np.copyto(u[top // 2 : (top + rows) // 2], half[:, :, 1])
        np.copyto(v[top // 2 : (top + rows) // 2], half[:, :, 2])
    return out
