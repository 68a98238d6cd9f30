"""Visual sources: a still image or a decoded video, drawn onto an I420 canvas with its motion.

Images are decoded, pre-scaled (to just above the size the largest zoom needs) and converted to
I420 once; every frame is one sub-pixel resample per plane (`planes.warp_planes`) straight into
the output. Imported lazily.
"""

from __future__ import annotations

import contextlib
import ctypes
import math
from collections.abc import Generator
from pathlib import Path
from typing import Any, Protocol

import cv2
import numpy as np
from numpy.typing import NDArray
from PIL import ExifTags, Image, ImageOps

from agent.errors import RenderError
from agent.local.renderer.colour import matrix_for
from agent.local.renderer.motion import Framing, fit_scale, plan_framing
from agent.local.renderer.planes import Planes, blank, i420_buffer, planes_from_rgb, warp_planes
from agent.local.renderer.resample import load_kernel
from agent.local.renderer.spec import VisualClip
from agent.local.renderer.subject import CENTRE, FaceCascades, find_subject

__all__ = ["ImageSource", "Source", "VideoSource", "open_source", "return_freed_memory"]

_CROP_MIN = 0.02  # same shape as the canvas, give or take: zoom from the centre as before
_FILL_DOWNSCALE = 16  # contain-fit fill: blur at 1/16 size, then upscale (cheap and very soft)
# The pre-scaled picture is this much larger than the largest zoom needs, so every frame is
# a real downscale (`cv2.resize` copies when a size would not change: `planes._resample`);
# the native kernel has no such limit, and upscales small pictures itself (`_prescaled`).
_OVERSCALE = 1.05


class Source(Protocol):
    """Something that can paint itself onto a canvas at a clip-local time."""

    def draw(self, local_ms: float, out: Planes) -> None:
        """Paint the picture for `local_ms` (ms since the clip start) into `out`."""

    def close(self) -> None:
        """Release decoders and buffers."""


def _blurred_fill(picture: NDArray[np.uint8], canvas: tuple[int, int]) -> Planes:
    """The picture cover-fitted to the canvas, heavily blurred and darkened: the contain fill."""
    h, w = picture.shape[:2]
    scale = fit_scale((w, h), canvas, "cover")
    small_size = (max(2, canvas[0] // _FILL_DOWNSCALE), max(2, canvas[1] // _FILL_DOWNSCALE))
    crop_w, crop_h = min(w, round(canvas[0] / scale)), min(h, round(canvas[1] / scale))
    x0, y0 = (w - crop_w) // 2, (h - crop_h) // 2
    crop = picture[y0 : y0 + crop_h, x0 : x0 + crop_w]
    small = cv2.resize(crop, small_size, interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (0, 0), 2.0)
    fill = cv2.resize(small, canvas, interpolation=cv2.INTER_LINEAR)
    dimmed = np.asarray(cv2.convertScaleAbs(fill, alpha=0.7), dtype=np.uint8)
    return planes_from_rgb(dimmed, matrix_for(*canvas))


class ImageSource:
    """A still picture with motion; decoded, pre-scaled and converted once."""

    def __init__(
        self, clip: VisualClip, canvas: tuple[int, int], cascades: FaceCascades | None = None
    ) -> None:
        self._clip = clip
        pixels = _load_image(clip, canvas)
        width, height = pixels.shape[1], pixels.shape[0]
        cropped = _crops(clip, (width, height), canvas)
        focus = find_subject(pixels, cascades) if cropped else CENTRE
        self._framing = plan_framing(clip.motion, (width, height), canvas, clip.fit, focus)
        # Contain fit warps with transparent edges (bilinear): it keeps the cubic pre-scale.
        resampled = clip.fit != "contain" and load_kernel() is not None
        scaled = _prescaled(pixels, self._framing, upscale=not resampled)
        self._fill = _blurred_fill(pixels, canvas) if clip.fit == "contain" else None
        del pixels  # the decoded picture goes before the I420 copy is made, not after
        self._planes = planes_from_rgb(scaled, matrix_for(*canvas))
        del scaled
        self._still: Planes | None = None
        if _is_still(self._framing, self._planes.size):
            # No motion: warp once; every frame is then a plain copy (~20x cheaper at 1080p).
            self._still = blank(*canvas)
            self._paint(0.0, self._still)

    def draw(self, local_ms: float, out: Planes) -> None:
        """Paint the picture at `local_ms` into `out`."""
        if self._still is not None:
            out.copy_from(self._still)
        else:
            self._paint(local_ms / self._clip.duration_ms, out)

    def _paint(self, t: float, out: Planes) -> None:
        matrix = self._framing.matrix(t, self._planes.size)
        if self._fill is not None:
            out.copy_from(self._fill)
        warp_planes(self._planes, matrix, out, transparent=self._fill is not None)

    def close(self) -> None:
        """Nothing to release beyond memory."""


def _prescaled(pixels: NDArray[np.uint8], framing: Framing, *, upscale: bool) -> NDArray[np.uint8]:
    """The picture at the size its largest zoom needs (x `_OVERSCALE`), once for every frame.

    A smaller picture stays as it is unless `upscale`: the native kernel upscales it at the
    exact zoom of each frame in one bicubic pass (sharper than two, and fewer source rows to
    filter). A larger one is always scaled down here, by area: the frames' bicubic has no
    anti-aliasing.
    """
    height, width = pixels.shape[:2]
    target = framing.fitted[0] * framing.max_zoom * _OVERSCALE / width
    if target >= 1 and not upscale:
        return pixels
    size = (_even(width * target), _even(height * target))  # I420: even
    interpolation = cv2.INTER_AREA if target < 1 else cv2.INTER_CUBIC
    return np.asarray(cv2.resize(pixels, size, interpolation=interpolation), np.uint8)


def _crops(clip: VisualClip, size: tuple[int, int], canvas: tuple[int, int]) -> bool:
    """Whether covering the canvas cuts off a real part of the picture (then frame the subject)."""
    if clip.fit != "cover":
        return False
    photo, frame = size[0] / size[1], canvas[0] / canvas[1]
    return 1.0 - min(photo, frame) / max(photo, frame) > _CROP_MIN


def _is_still(framing: Framing, size: tuple[int, int]) -> bool:
    """Whether the picture never moves (zoom and offsets are monotonic, so the ends decide)."""
    return framing.matrix(0.0, size) == framing.matrix(1.0, size)


def _even(value: float) -> int:
    return max(2, 2 * round(value / 2))


_TRANSPOSED = (5, 6, 7, 8)  # EXIF orientations that swap width and height


def _needed_size(
    clip: VisualClip, size: tuple[int, int], canvas: tuple[int, int]
) -> tuple[int, int]:
    """The largest (w, h) the clip's motion ever shows the upright picture at, in canvas pixels."""
    framing = plan_framing(clip.motion, size, canvas, clip.fit)
    zoom = framing.max_zoom
    return math.ceil(framing.fitted[0] * zoom), math.ceil(framing.fitted[1] * zoom)


def _load_image(clip: VisualClip, canvas: tuple[int, int]) -> NDArray[np.uint8]:
    """The upright RGB pixels, decoded no larger than the clip needs, with one copy at a time."""
    try:
        with Image.open(clip.path) as img:
            # JPEG: let the decoder downscale (by 1/2, 1/4 or 1/8) to no less than the size the
            # motion needs: a 24 MP photo then never exists at full size in memory.
            orientation = img.getexif().get(ExifTags.Base.Orientation)
            swapped = orientation in _TRANSPOSED
            upright = (img.height, img.width) if swapped else img.size
            need = _needed_size(clip, upright, canvas)
            stored_need = (need[1], need[0]) if swapped else need
            if img.format == "JPEG" and img.mode == "RGB":
                pixels = _decode_jpeg(clip.path, img.size, stored_need)
                if pixels is not None:
                    return _turned_upright(pixels, orientation)
            img.draft("RGB", stored_need)
            img.load()
            ImageOps.exif_transpose(img, in_place=True)
            rgb = img if img.mode == "RGB" else img.convert("RGB")
            return np.asarray(rgb, np.uint8)
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise RenderError(f"cannot read image {clip.path.name}") from exc


def _draft_scale(size: tuple[int, int], need: tuple[int, int]) -> int:
    """The JPEG downscale Pillow's `draft` picks: the largest of 8, 4, 2 still covering `need`."""
    fits = min(size[0] // max(1, need[0]), size[1] // max(1, need[1]))
    return next((scale for scale in (8, 4, 2) if fits >= scale), 1)


_REDUCED = {1: 0, 2: cv2.IMREAD_REDUCED_GRAYSCALE_2, 4: cv2.IMREAD_REDUCED_GRAYSCALE_4,
            8: cv2.IMREAD_REDUCED_GRAYSCALE_8}  # fmt: skip
_EOI = b"\xff\xd9"  # a JPEG's last marker


def _decode_jpeg(
    path: Path, size: tuple[int, int], need: tuple[int, int]
) -> NDArray[np.uint8] | None:
    """A colour JPEG decoded by OpenCV at Pillow's draft scale, as stored; None: use Pillow.

    The same libjpeg-turbo decode as Pillow's draft (same bytes), written straight into one
    array: Pillow holds its own 4-bytes-a-pixel image and then copies it out (twice, through
    `tobytes`), ~3x the pixels' size at once (24 + 18 + 18 MB for a 24 MP photo's 1/2 draft),
    on top of the encoder's buffers when a slideshow's next photo opens. A file that does not
    end in the JPEG end marker (truncated, or with trailing data) is left to Pillow, which
    reports a truncated file as before.
    """
    with contextlib.suppress(OSError), path.open("rb") as handle:
        handle.seek(-len(_EOI), 2)
        if handle.read() != _EOI:
            return None
    scale = _draft_scale(size, need)
    rgb = getattr(cv2, "IMREAD_COLOR_RGB", None)  # OpenCV >= 4.11: decoded as RGB, no swap
    colour = cv2.IMREAD_COLOR if rgb is None else rgb
    flags = _REDUCED[scale] | colour | cv2.IMREAD_IGNORE_ORIENTATION
    expected = ((size[1] + scale - 1) // scale, (size[0] + scale - 1) // scale, 3)
    pixels = _imread_into(np.empty(expected, np.uint8), path, flags)
    if pixels is None or pixels.shape != expected or pixels.dtype != np.uint8:
        return None
    if rgb is None:
        cv2.cvtColor(pixels, cv2.COLOR_BGR2RGB, dst=pixels)
    return np.asarray(pixels, np.uint8)


def _imread_into(dst: NDArray[np.uint8], path: Path, flags: int) -> NDArray[np.uint8] | None:
    """`cv2.imread` decoding into `dst` (OpenCV >= 4.10), else into its own array; None: failed.

    The plain call's array is a copy of OpenCV's own: twice the pixels at once. Decoding into
    `dst` reports no failure when the file cannot even be opened (`dst` is then left as it
    was), so its last row is marked first, with bytes no decoded row is expected to repeat.
    """
    mark = (np.arange(dst[-1].size, dtype=np.uint32) * 7919 % 251).astype(np.uint8)
    dst[-1] = mark.reshape(dst[-1].shape)
    try:
        pixels = cv2.imread(str(path), dst, flags)
    except (TypeError, cv2.error):  # no `dst` overload: the plain call
        pixels = cv2.imread(str(path), flags)
        return None if pixels is None else np.asarray(pixels)
    if pixels is None or (pixels is dst and np.array_equal(dst[-1].reshape(-1), mark)):
        return None
    return np.asarray(pixels)


def _turned_upright(pixels: NDArray[np.uint8], orientation: object) -> NDArray[np.uint8]:
    """The stored pixels turned as EXIF `orientation` says (what `ImageOps.exif_transpose` does)."""
    turned = {
        2: lambda a: a[:, ::-1],  # mirrored
        3: lambda a: a[::-1, ::-1],  # upside down
        4: lambda a: a[::-1],
        5: lambda a: a.transpose(1, 0, 2),
        6: lambda a: a.transpose(1, 0, 2)[:, ::-1],  # turned 90 degrees clockwise to show
        7: lambda a: a.transpose(1, 0, 2)[::-1, ::-1],
        8: lambda a: a.transpose(1, 0, 2)[::-1],
    }.get(orientation if isinstance(orientation, int) else 1)
    return pixels if turned is None else np.ascontiguousarray(turned(pixels))


class VideoSource:
    """A video clip scaled to the canvas, looped to fill its segment; decoded as it plays."""

    def __init__(self, clip: VisualClip, canvas: tuple[int, int]) -> None:
        import av

        self._clip, self._canvas = clip, canvas
        try:
            self._container: Any = av.open(str(clip.path))
            stream = self._container.streams.video[0]
        except (av.FFmpegError, IndexError) as exc:
            raise RenderError(f"cannot read video {clip.path.name}") from exc
        stream.thread_type = "AUTO"
        self._stream = stream
        self._framing: Framing = plan_framing(
            clip.motion, (stream.width, stream.height), canvas, clip.fit
        )
        self._length_ms = (
            float(stream.duration * stream.time_base * 1000)
            if stream.duration and stream.time_base
            else 0.0
        )
        self._frames = self._decode()
        self._current: NDArray[np.uint8] | None = None
        self._current_ms = -1.0
        self._pending: tuple[float, NDArray[np.uint8]] | None = None

    def _decode(self) -> Generator[tuple[float, NDArray[np.uint8]], None, None]:
        scale = min(1.0, self._framing.fitted[0] * self._framing.max_zoom / self._stream.width)
        w, h = _even(self._stream.width * scale), _even(self._stream.height * scale)
        for frame in self._container.decode(self._stream):
            ms = float(frame.time * 1000) if frame.time is not None else self._current_ms + 1
            yield ms, np.ascontiguousarray(frame.to_ndarray(width=w, height=h, format="yuv420p"))

    def _advance(self, target_ms: float) -> None:
        import av

        try:
            while self._current is None or self._current_ms < target_ms:
                pending = self._pending or next(self._frames, None)
                self._pending = None
                if pending is None:
                    return
                if self._current is not None and pending[0] > target_ms:
                    self._pending = pending
                    return
                self._current_ms, self._current = pending
        except av.FFmpegError as exc:
            raise RenderError(f"cannot decode video {self._clip.path.name}") from exc

    def _rewind(self) -> None:
        self._frames.close()
        self._container.seek(0)
        self._frames = self._decode()
        self._current, self._current_ms, self._pending = None, -1.0, None

    def draw(self, local_ms: float, out: Planes) -> None:
        """Paint the video frame showing at `local_ms` (looping) into `out`."""
        target = local_ms % self._length_ms if self._length_ms > 0 else local_ms
        if target < self._current_ms:
            self._rewind()
        self._advance(target)
        if self._current is None:
            raise RenderError(f"no frames in video {self._clip.path.name}")
        buffer = self._current
        picture = i420_buffer(buffer, buffer.shape[1], buffer.shape[0] * 2 // 3)
        contain = self._clip.fit == "contain"
        if contain:
            rgb = cv2.cvtColor(buffer, cv2.COLOR_YUV2RGB_I420)
            out.copy_from(_blurred_fill(np.asarray(rgb, np.uint8), self._canvas))
        matrix = self._framing.matrix(local_ms / self._clip.duration_ms, picture.size)
        warp_planes(picture, matrix, out, transparent=contain)

    def close(self) -> None:
        """Close the decoder."""
        self._frames.close()
        self._container.close()


def open_source(
    clip: VisualClip,
    canvas: tuple[int, int],
    cascades: FaceCascades | None = None,
    *,
    hand_back: bool = True,
) -> Source:
    """Open the right source for a visual clip; a photo's subject is searched with `cascades`.

    `hand_back`: return malloc's free pages to the system before and after a photo's decode.
    Mid-render the decode then takes fresh pages beside the encoder's, not on top of what
    earlier frames and photos left in malloc's arenas (~10 MB by a slideshow's 3rd photo).
    Before the encoder has started there is nothing to hand back, and the decode's freed pages
    are better kept: the encoder's buffers reuse them (a 24 MP photo's render peaked 300-305 MB
    without the calls, 302-317 MB with them).

    Raises:
        RenderError: The media cannot be decoded.
    """
    if clip.kind == "video":
        return VideoSource(clip, canvas)
    if hand_back:
        return_freed_memory()
    source = ImageSource(clip, canvas, cascades)
    if hand_back:
        return_freed_memory()
    return source


def return_freed_memory() -> None:
    """Hand the decoded photo's freed pages back to the system (glibc keeps them otherwise).

    A photo is decoded on the composing thread while the encoder holds its frames: without
    this, each photo of a slideshow left ~20 MB more resident (377 -> 3xx MB over 4 photos).
    """
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
