"""Camera motion as sub-pixel affine transforms: zoom, pan and Ken Burns over a fitted picture.

Pure float math (no OpenCV, no numpy): the compositor hands the 2x3 matrices to `cv2.warpAffine`.
Transforms are continuous in time and eased monotonically, so nothing jitters or backtracks.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from agent.local.renderer.spec import Motion

__all__ = ["Affine", "Framing", "ease", "fit_scale", "plan_framing"]

Affine = tuple[tuple[float, float, float], tuple[float, float, float]]
"""A 2x3 matrix mapping source pixel centres to destination pixel centres."""

_MAX_AMOUNT = 0.6
_KEN_BURNS_DRIFT = (0.5, 0.3)  # share of the zoom slack travelled in x and y
_SUBJECT_MARGIN = 0.25  # a framed subject's centre stays this share of the canvas inside it


def _clamp(value: float, limit: float) -> float:
    return min(max(value, -limit), limit)


def ease(p: float) -> float:
    """Sine ease-in-out of a progress fraction, clamped to [0, 1]; monotonic non-decreasing."""
    p = min(1.0, max(0.0, p))
    return 0.5 - 0.5 * math.cos(math.pi * p)


def fit_scale(
    src: tuple[int, int], dst: tuple[int, int], fit: Literal["cover", "contain"]
) -> float:
    """Scale that makes a `src` (w, h) picture cover or fit inside a `dst` (w, h) canvas."""
    sx, sy = dst[0] / src[0], dst[1] / src[1]
    return max(sx, sy) if fit == "cover" else min(sx, sy)


@dataclass(frozen=True, slots=True)
class Framing:
    """Where a picture sits on the canvas at every moment of its clip.

    Attributes:
        motion: The camera motion.
        fitted: The picture's (w, h) after the base fit scale, in canvas pixels.
        canvas: The canvas (w, h).
        cover: Whether the picture must always cover the canvas (offsets are clamped).
        focus: The subject's centre as fractions of the picture (x, y); a cover crop and the
            motion keep it as near the canvas centre as the picture's edges allow.
    """

    motion: Motion
    fitted: tuple[float, float]
    canvas: tuple[int, int]
    cover: bool
    focus: tuple[float, float] = (0.5, 0.5)

    @property
    def amount(self) -> float:
        """Zoom or travel fraction covered over the clip: intensity x speed, capped."""
        if self.motion.kind == "none":
            return 0.0
        return min(_MAX_AMOUNT, self.motion.intensity * self.motion.speed)

    @property
    def max_zoom(self) -> float:
        """The largest zoom factor (relative to the base fit) used over the clip."""
        return max(self.zoom(0.0), self.zoom(1.0))

    def _pan_travel(self) -> tuple[float, float]:
        kind, a = self.motion.kind, self.amount
        w, h = self.canvas
        # Camera direction: panning left reveals the left part, so the picture moves right.
        return {
            "pan_left": (a * w, 0.0),
            "pan_right": (-a * w, 0.0),
            "pan_up": (0.0, a * h),
            "pan_down": (0.0, -a * h),
        }.get(kind, (0.0, 0.0))

    def zoom(self, p: float) -> float:
        """Zoom factor at eased progress `p` (1.0 is the base fit).

        Cover fit zooms in from the fit; contain fit zooms out from it (at most 1.0), so the
        whole picture stays visible throughout.
        """
        if self.cover:
            return self._zoom(p)
        return self._zoom(p) / max(self._zoom(0.0), self._zoom(1.0))

    def _zoom(self, p: float) -> float:
        kind, a = self.motion.kind, self.amount
        if kind in ("zoom_in", "ken_burns"):
            return 1.0 + a * p
        if kind == "zoom_out":
            return 1.0 + a * (1.0 - p)
        travel = self._pan_travel()
        if travel == (0.0, 0.0):
            return 1.0
        if not self.cover:
            return 1.0
        need_w = (self.canvas[0] + abs(travel[0])) / self.fitted[0]
        need_h = (self.canvas[1] + abs(travel[1])) / self.fitted[1]
        return max(1.0, need_w, need_h)

    def offset(self, p: float, z: float) -> tuple[float, float]:
        """Displacement of the picture centre from the canvas centre at progress `p`, zoom `z`."""
        slack = (self.fitted[0] * z - self.canvas[0], self.fitted[1] * z - self.canvas[1])
        # Cover: never uncover a canvas edge. Contain: never push the picture past one.
        room = (
            (abs(slack[0]) / 2, abs(slack[1]) / 2)
            if self.cover
            else (max(0.0, -slack[0]) / 2, max(0.0, -slack[1]) / 2)
        )
        wanted = self._subject_offset(z)
        base = (_clamp(wanted[0], room[0]), _clamp(wanted[1], room[1]))
        if self.motion.kind == "ken_burns":
            drift = [d * max(0.0, s) / 2 for d, s in zip(_KEN_BURNS_DRIFT, slack, strict=True)]
            if base == (0.0, 0.0):  # no subject off centre: drift up-left from the centre
                ox, oy = -p * drift[0], -p * drift[1]
            else:  # come from the far side and end on the subject, never losing it
                for axis in (0, 1):
                    off_centre = abs(wanted[axis] - base[axis])
                    keep = self.canvas[axis] / 2 - off_centre - _SUBJECT_MARGIN * self.canvas[axis]
                    drift[axis] = min(drift[axis], max(0.0, keep))
                ox = base[0] - (1.0 - p) * drift[0] * (1.0 if base[0] >= 0 else -1.0)
                oy = base[1] - (1.0 - p) * drift[1] * (1.0 if base[1] >= 0 else -1.0)
        else:
            tx, ty = self._pan_travel()
            ox, oy = base[0] + tx * (p - 0.5), base[1] + ty * (p - 0.5)
        return _clamp(ox, room[0]), _clamp(oy, room[1])

    def _subject_offset(self, z: float) -> tuple[float, float]:
        """The offset that puts the subject at the canvas centre (cover only; unclamped)."""
        if not self.cover:
            return (0.0, 0.0)
        fx, fy = self.focus
        return ((0.5 - fx) * self.fitted[0] * z, (0.5 - fy) * self.fitted[1] * z)

    def matrix(self, t: float, src: tuple[int, int]) -> Affine:
        """The warp matrix at time fraction `t` (0..1) for a source of size `src` (w, h).

        `src` may differ from the picture the framing was planned on (a pre-scaled copy, its
        sizes rounded independently): each axis is scaled on its own.
        """
        p = ease(t)
        z = self.zoom(p)
        ox, oy = self.offset(p, z)
        sx, sy = self.fitted[0] * z / src[0], self.fitted[1] * z / src[1]
        tx = (self.canvas[0] - 1) / 2 + ox - sx * (src[0] - 1) / 2
        ty = (self.canvas[1] - 1) / 2 + oy - sy * (src[1] - 1) / 2
        return ((sx, 0.0, tx), (0.0, sy, ty))


def plan_framing(
    motion: Motion,
    src: tuple[int, int],
    canvas: tuple[int, int],
    fit: Literal["cover", "contain"],
    focus: tuple[float, float] = (0.5, 0.5),
) -> Framing:
    """Plan the framing of a `src` (w, h) picture on a `canvas` (w, h).

    Args:
        motion: The camera motion of the clip.
        src: The original picture size.
        canvas: The output size.
        fit: `cover` fills the canvas (cropping); `contain` shows the whole picture.
        focus: Where the subject is, as fractions of `src` (x, y); a cover crop keeps it in.

    Returns:
        The framing; `Framing.matrix(t, size)` gives the transform at each moment.
    """
    if src[0] <= 0 or src[1] <= 0:
        raise ValueError(f"empty source size {src}")
    scale = fit_scale(src, canvas, fit)
    return Framing(motion, (src[0] * scale, src[1] * scale), canvas, fit == "cover", focus)
