"""I420 (yuv420p) frame buffers as plane views, and sub-pixel warps done plane by plane.

The compositor works in the encoder's own format: one 1-channel warp for luma and two
quarter-size warps for chroma cost about half an RGB warp, and no per-frame colour conversion
is left. Colour maths is limited range, BT.601 or BT.709 (`agent.local.renderer.colour`).

A scale + shift (every camera motion) is not warped but resampled: in one bicubic pass by the
native kernel (`agent.local.renderer.resample`, ~3x less CPU and sharper), or, without it, in
two exact OpenCV steps: a bicubic `cv2.resize` of a whole-pixel crop at the exact scale, then
`cv2.getRectSubPix` for the fraction of a pixel the crop's origin could not express (~35% less
CPU than `warpAffine`). bench/README.md has the figures.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
from numpy.typing import NDArray

from agent.local.renderer.colour import Matrix, rgb_to_i420
from agent.local.renderer.motion import Affine
from agent.local.renderer.resample import ResampleKernel, load_kernel

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


# Source pixels kept around the crop, so the outermost samples have all four cubic taps.
_MARGIN = 2


def _crop(origin: float, scale: float, out: int, size: int) -> tuple[int, int]:
    """(start, length) of the whole-pixel source span that output pixels 0..out-1 sample.

    Output pixel x samples the source at `origin + x / scale`; the span reaches `_MARGIN`
    pixels further on both sides, clipped to the picture (whose edge is then replicated).
    """
    start = min(max(0, math.floor(origin) - _MARGIN), size - 1)
    end = min(size, math.ceil(origin + (out - 1) / scale) + _MARGIN + 2)
    return start, max(1, end - start)


def _resample(plane: Plane, m: NDArray[np.float64], out: Plane) -> bool:
    """Scale + shift `plane` into `out` (m has no rotation or shear); False if it cannot.

    `cv2.resize` with a scale factor (not a size) maps output x to crop x `(x + 0.5) / s - 0.5`,
    exactly; the crop starts on a whole pixel, so the result sits `shift` pixels off, and
    `cv2.getRectSubPix` moves it there by bilinear interpolation of that one fraction.
    """
    (sx, _, tx), (_, sy, ty) = m
    (x0, cw), (y0, ch) = (
        _crop(-tx / sx, sx, out.shape[1], plane.shape[1]),
        _crop(-ty / sy, sy, out.shape[0], plane.shape[0]),
    )
    if round(cw * sx) == cw and round(ch * sy) == ch and (sx, sy) != (1.0, 1.0):
        return False  # cv2.resize would copy: its size is unchanged, whatever the factors
    crop = plane[y0 : y0 + ch, x0 : x0 + cw]
    scaled = cv2.resize(crop, None, fx=sx, fy=sy, interpolation=cv2.INTER_CUBIC)
    # Output x sits at scaled x `x - shift`: crop x (x - t) / s - x0 = (x' + 0.5) / s - 0.5.
    shift_x, shift_y = tx + sx * (x0 - 0.5) + 0.5, ty + sy * (y0 - 0.5) + 0.5
    centre = ((out.shape[1] - 1) / 2 - shift_x, (out.shape[0] - 1) / 2 - shift_y)
    cv2.getRectSubPix(scaled, (out.shape[1], out.shape[0]), centre, patch=out)
    return True


def _kernel_resample(
    kernel: ResampleKernel, plane: Plane, m: NDArray[np.float64], out: Plane
) -> bool:
    """Scale + shift `plane` into `out` with the native kernel; False if its rows are strided."""
    (sx, _, tx), (_, sy, ty) = m
    if sx <= 0 or sy <= 0 or plane.strides[1] != 1 or out.strides[1] != 1:
        return False
    kernel(plane, out, (1 / sx, -tx / sx), (1 / sy, -ty / sy))
    return True


def warp_planes(
    src: Planes, matrix: Affine, dst: Planes, *, transparent: bool, native: bool = True
) -> None:
    """Warp `src` into `dst` with a luma-space affine `matrix` (sub-pixel).

    A scale + shift with edges extended is resampled: bicubic in one pass by the native kernel
    when it is built (`native`), else `_resample` (bicubic at the exact scale, then a bilinear
    sub-pixel shift); anything else is warped bilinearly with `warpAffine`.

    Args:
        src: The source picture.
        matrix: Maps source luma pixel centres to destination luma pixel centres.
        dst: The destination picture, written in place.
        transparent: Keep `dst` pixels the source does not cover (else extend the edge).
        native: Use the native kernel if it is available (False: OpenCV only).
    """
    luma = np.array(matrix, np.float64)
    chroma = _chroma_matrix(matrix)
    planes = ((src.y, dst.y, luma), (src.u, dst.u, chroma), (src.v, dst.v, chroma))
    scale_shift = matrix[0][1] == 0.0 and matrix[1][0] == 0.0 and not transparent
    kernel = load_kernel() if scale_shift and native else None
    for plane, out, m in planes:
        if kernel is not None and _kernel_resample(kernel, plane, m, out):
            continue
        if scale_shift and _resample(plane, m, out):
            continue
        border = cv2.BORDER_TRANSPARENT if transparent else cv2.BORDER_REFLECT
        size = (out.shape[1], out.shape[0])
        cv2.warpAffine(plane, m, size, dst=out, flags=cv2.INTER_LINEAR, borderMode=border)
