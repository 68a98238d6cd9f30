"""I420 (yuv420p) frame buffers as plane views, and sub-pixel warps done plane by plane.

The compositor works in the encoder's own format: one 1-channel warp for luma and two
quarter-size warps for chroma cost about half an RGB warp, and no per-frame colour conversion
is left. Colour maths is limited range, BT.601 or BT.709 (`agent.local.renderer.colour`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray

from agent.local.renderer.colour import Matrix, rgb_to_i420
from agent.local.renderer.motion import Affine

__all__ = [
    "Plane",
    "Planes",
    "blank",
    "frame_planes",
    "i420_buffer",
    "planes_from_rgb",
    "warp_planes",
]

Plane = NDArray[np.uint8]


@dataclass(frozen=True, slots=True)
class Planes:
    """Views of the Y (h, w), U and V (h/2, w/2) planes of one I420 picture.

    The planes may live in one buffer (`i420_buffer`) or in an encoder frame's own, possibly
    row-padded, buffers (`frame_planes`); every operation here works plane by plane.
    """

    y: Plane
    u: Plane
    v: Plane

    @property
    def size(self) -> tuple[int, int]:
        """(width, height) of the luma plane."""
        return self.y.shape[1], self.y.shape[0]

    def copy_from(self, other: Planes) -> None:
        """Overwrite this picture with `other` (same size)."""
        for mine, theirs in ((self.y, other.y), (self.u, other.u), (self.v, other.v)):
            np.copyto(mine, theirs)

    def blend_from(self, other: Planes, weight: float) -> None:
        """Crossfade in place: this picture x `weight` + `other` x (1 - `weight`)."""
        for mine, theirs in ((self.y, other.y), (self.u, other.u), (self.v, other.v)):
            cv2.addWeighted(mine, weight, theirs, 1.0 - weight, 0.0, dst=mine)


def i420_buffer(buffer: Plane, width: int, height: int) -> Planes:
    """Plane views over an I420 `buffer` of a `width` x `height` picture (both even)."""
    if width % 2 or height % 2:
        raise ValueError(f"I420 needs even sizes, got {width}x{height}")
    flat = buffer.reshape(-1)
    luma, chroma = width * height, width * height // 4
    return Planes(
        flat[:luma].reshape(height, width),
        flat[luma : luma + chroma].reshape(height // 2, width // 2),
        flat[luma + chroma : luma + 2 * chroma].reshape(height // 2, width // 2),
    )


def frame_planes(frame: Any) -> Planes:
    """Writable views of a yuv420p `av.VideoFrame`'s own planes: compose into them, no copies.

    Rows may be padded (`line_size` > width); the views are strided to the visible width.
    """
    views = []
    for plane in frame.planes:
        rows = np.frombuffer(plane, np.uint8).reshape(plane.height, plane.line_size)
        views.append(rows[:, : plane.width])
    return Planes(*views)


def blank(width: int, height: int) -> Planes:
    """A new black I420 picture."""
    buffer = np.empty((height * 3 // 2, width), np.uint8)
    planes = i420_buffer(buffer, width, height)
    planes.y.fill(16)
    planes.u.fill(128)
    planes.v.fill(128)
    return planes


def planes_from_rgb(rgb: NDArray[np.uint8], matrix: Matrix = "bt601") -> Planes:
    """Convert an RGB picture to I420 in `matrix`, cropping a pixel row/column if a size is odd."""
    h, w = rgb.shape[0] - rgb.shape[0] % 2, rgb.shape[1] - rgb.shape[1] % 2
    buffer = rgb_to_i420(np.ascontiguousarray(rgb[:h, :w]), matrix)
    return i420_buffer(buffer, w, h)


def _chroma_matrix(matrix: Affine) -> NDArray[np.float64]:
    # A chroma sample sits at the centre of its 2x2 luma block: luma x = 2 * chroma x + 0.5.
    (a, b, tx), (c, d, ty) = matrix
    return np.array(
        [[a, b, (tx + 0.5 * (a + b) - 0.5) / 2], [c, d, (ty + 0.5 * (c + d) - 0.5) / 2]],
        np.float64,
    )


def warp_planes(src: Planes, matrix: Affine, dst: Planes, *, transparent: bool) -> None:
    """Warp `src` into `dst` with a luma-space affine `matrix` (bilinear, sub-pixel).

    Args:
        src: The source picture.
        matrix: Maps source luma pixel centres to destination luma pixel centres.
        dst: The destination picture, written in place.
        transparent: Keep `dst` pixels the source does not cover (else reflect the edge).
    """
    border = cv2.BORDER_TRANSPARENT if transparent else cv2.BORDER_REFLECT
    luma = np.array(matrix, np.float64)
    chroma = _chroma_matrix(matrix)
    for plane, out, m in ((src.y, dst.y, luma), (src.u, dst.u, chroma), (src.v, dst.v, chroma)):
        size = (out.shape[1], out.shape[0])
        cv2.warpAffine(plane, m, size, dst=out, flags=cv2.INTER_LINEAR, borderMode=border)
