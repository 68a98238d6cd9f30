"""The GIF writer: composed frames -> one looping, palette-optimised animated GIF (Pillow).

One adaptive 255-colour palette is built from frames sampled across the whole clip, and every frame
is dithered onto it; Pillow then stores only the changed rectangle of each frame (`optimize`).
The palette needs the whole clip, so frames are kept as RGB until `finish` (a 15 s GIF at 480x270
and 15 fps holds about 90 MB, then one byte a pixel). Imported lazily by the renderer.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PIL import Image

__all__ = ["GifWriter"]

_PALETTE_SAMPLES = 12
_COLOURS = 255  # one entry left free for Pillow's transparency in optimised frames


class GifWriter:
    """Collects frames (any `av.VideoFrame`) and writes the GIF on `finish`."""

    def __init__(self, path: Path, fps: int) -> None:
        """Write to `path` (a GIF file) at `fps` frames a second."""
        self._path, self._fps = path, fps
        self._rgb: list[NDArray[np.uint8]] = []

    def video_frame(self, index: int, frame: Any) -> None:
        """Take frame `index` (frames arrive in order)."""
        del index
        self._rgb.append(np.asarray(frame.to_ndarray(format="rgb24"), np.uint8))

    def _palette(self) -> Image.Image:
        step = max(1, len(self._rgb) // _PALETTE_SAMPLES)
        sample = np.concatenate(self._rgb[::step][:_PALETTE_SAMPLES], axis=0)
        return Image.fromarray(sample).quantize(_COLOURS, method=Image.Quantize.MEDIANCUT)

    def finish(self) -> None:
        """Quantise every frame to the shared palette and write the looping GIF."""
        palette = self._palette()
        frames = []
        for i, rgb in enumerate(self._rgb):
            picture = Image.fromarray(rgb)
            frames.append(picture.quantize(palette=palette, dither=Image.Dither.FLOYDSTEINBERG))
            self._rgb[i] = np.empty((0, 0, 3), np.uint8)  # free the RGB copy at once
        # GIF delays are whole 1/100 s: alternate them so the average is exactly 1/fps.
        ticks = [round(i * 100 / self._fps) for i in range(len(frames) + 1)]
        delays = [10 * (b - a) for a, b in itertools.pairwise(ticks)]
        frames[0].save(
            self._path,
            format="GIF",
            save_all=True,
            append_images=frames[1:],
            duration=delays,
            loop=0,
            optimize=True,
            disposal=1,
        )
