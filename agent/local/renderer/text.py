"""Title drawing: a bundled CJK-capable font, one pre-rendered RGBA layer per title, alpha fades.

The text layer is drawn once with Pillow (shadow, outline, fill); each frame only blends it with an
opacity. Characters the bundled subset lacks fall back to a system CJK font when one exists.
Imported lazily by `agent.local.renderer.render` (numpy and Pillow load here).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from importlib.resources import files
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from agent.local.renderer.colour import matrix_for, rgb_to_yuv
from agent.local.renderer.planes import Planes
from agent.local.renderer.spec import TextClip

__all__ = ["FONT_FILE", "TitleLayer", "draw_title", "font_runs", "load_fonts", "opacity_at"]

FONT_FILE = "NotoSansCJKsc-GB1Subset.otf"
_SYSTEM_FALLBACKS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/System/Library/Fonts/PingFang.ttc",
    "C:/Windows/Fonts/msyh.ttc",
)
_NOTDEF_PROBE = "\U000f0000"  # private-use plane: never in any font we load
_MAX_WIDTH = 0.9
_MARGIN = 0.08


@dataclass(frozen=True, slots=True)
class TitleLayer:
    """A title pre-rendered once as premultiplied I420 planes plus coverage, for one region.

    Attributes:
        x: Left edge on the canvas (even).
        y: Top edge on the canvas (even).
        alpha: float32 (h, w) luma coverage, 0-1; h and w are even.
        luma: float32 (h, w) premultiplied Y (value x coverage).
        chroma_alpha: float32 (h/2, w/2) coverage at chroma resolution.
        chroma: float32 (2, h/2, w/2) premultiplied U and V.
    """

    x: int
    y: int
    alpha: NDArray[np.float32]
    luma: NDArray[np.float32]
    chroma_alpha: NDArray[np.float32]
    chroma: NDArray[np.float32]

    def blend(self, frame: Planes, opacity: float) -> None:
        """Alpha-blend the layer into an I420 `frame` in place at `opacity` (0-1)."""
        if opacity <= 0.0:
            return
        h, w = self.alpha.shape
        _mix(frame.y[self.y : self.y + h, self.x : self.x + w], self.alpha, self.luma, opacity)
        cy, cx, ch, cw = self.y // 2, self.x // 2, h // 2, w // 2
        for plane, premultiplied in ((frame.u, self.chroma[0]), (frame.v, self.chroma[1])):
            _mix(plane[cy : cy + ch, cx : cx + cw], self.chroma_alpha, premultiplied, opacity)


def _mix(
    region: NDArray[np.uint8],
    alpha: NDArray[np.float32],
    premultiplied: NDArray[np.float32],
    opacity: float,
) -> None:
    mixed = region * (1.0 - opacity * alpha) + opacity * premultiplied
    np.clip(mixed + 0.5, 0, 255, out=mixed)
    region[...] = mixed.astype(np.uint8)


def opacity_at(clip: TextClip, t_ms: float) -> float:
    """The title's opacity at timeline time `t_ms`: 0 outside the clip, faded at the edges."""
    local = t_ms - clip.start_ms
    if local < 0 or local >= clip.duration_ms:
        return 0.0
    fade_in = local / clip.fade_in_ms if clip.fade_in_ms else 1.0
    fade_out = (clip.duration_ms - local) / clip.fade_out_ms if clip.fade_out_ms else 1.0
    return max(0.0, min(1.0, fade_in, fade_out))


def load_fonts(size: int) -> list[ImageFont.FreeTypeFont]:
    """The bundled font at `size` px, followed by any installed system CJK fallbacks."""
    data = files("agent.local.renderer").joinpath("fonts", FONT_FILE).read_bytes()
    fonts = [ImageFont.truetype(io.BytesIO(data), size)]
    for candidate in _SYSTEM_FALLBACKS:
        if Path(candidate).is_file():
            fonts.append(ImageFont.truetype(candidate, size))
    return fonts


def _has_glyph(font: ImageFont.FreeTypeFont, char: str, notdef: bytes) -> bool:
    return char.isspace() or bytes(font.getmask(char)) != notdef


def font_runs(line: str, fonts: list[ImageFont.FreeTypeFont]) -> Iterator[tuple[str, int]]:
    """Split a line into (text, font index) runs, each character in the first font that has it.

    Characters no font covers stay with the first font (drawn as its .notdef box).
    """
    checks = [partial(_has_glyph, f, notdef=bytes(f.getmask(_NOTDEF_PROBE))) for f in fonts]
    current, start = -1, 0
    for i, char in enumerate(line):
        index = next((k for k, has in enumerate(checks) if has(char)), 0)
        if index != current and i > start:
            yield line[start:i], current
            start = i
        current = index
    if line[start:]:
        yield line[start:], max(current, 0)


def _fitted_fonts(clip: TextClip, canvas: tuple[int, int]) -> list[ImageFont.FreeTypeFont]:
    size = max(4, round(clip.size * min(canvas) / 1080))
    fonts = load_fonts(size)
    widest = max(_line_width(line, fonts) for line in clip.text.splitlines() or [""])
    limit = _MAX_WIDTH * canvas[0]
    if widest > limit:
        fonts = load_fonts(max(4, int(size * limit / widest)))
    return fonts


def _line_width(line: str, fonts: list[ImageFont.FreeTypeFont]) -> float:
    return sum(fonts[k].getlength(run) for run, k in font_runs(line, fonts))


def _masks(
    clip: TextClip, fonts: list[ImageFont.FreeTypeFont], pad: int
) -> tuple[Image.Image, Image.Image]:
    """Draw fill and fill+outline masks (Pillow `L` images) for all lines, centred."""
    lines = clip.text.splitlines() or [""]
    ascent, descent = fonts[0].getmetrics()
    line_h = round((ascent + descent) * 1.15)
    widths = [_line_width(line, fonts) for line in lines]
    size = (round(max(widths)) + 2 * pad, line_h * len(lines) + 2 * pad)
    fill, outline = Image.new("L", size, 0), Image.new("L", size, 0)
    stroke = max(1, round(fonts[0].size * 0.04))
    for row, (line, width) in enumerate(zip(lines, widths, strict=True)):
        x, y = (size[0] - width) / 2, pad + row * line_h + ascent
        for run, k in font_runs(line, fonts):
            for mask, sw in ((fill, 0), (outline, stroke)):
                ImageDraw.Draw(mask).text(
                    (x, y),
                    run,
                    font=fonts[k],
                    fill=255,
                    anchor="ls",
                    stroke_width=sw,
                    stroke_fill=255,
                )
            x += fonts[k].getlength(run)
    return fill, outline


def draw_title(clip: TextClip, canvas: tuple[int, int]) -> TitleLayer:
    """Render a title once into a `TitleLayer` placed on a `canvas` of (w, h).

    Args:
        clip: The title: text, size (px on a 1080 short side), colour and position.
        canvas: The output frame size.

    Returns:
        The layer, clipped to the canvas.
    """
    fonts = _fitted_fonts(clip, canvas)
    pad = max(4, round(fonts[0].size * 0.25))
    fill_img, outline_img = _masks(clip, fonts, pad)
    shift = max(1, round(fonts[0].size * 0.05))
    shadow_img = outline_img.filter(ImageFilter.GaussianBlur(shift))
    fill = _even_pad(np.asarray(fill_img, dtype=np.float32) / 255.0)
    outline = _even_pad(np.asarray(outline_img, dtype=np.float32) / 255.0 * 0.55)
    shadow = np.roll(np.asarray(shadow_img, dtype=np.float32) / 255.0 * 0.5, (shift, shift), (0, 1))
    dark = outline + _even_pad(shadow) * (1.0 - outline)
    alpha = fill + dark * (1.0 - fill)
    x, y = _position(clip, canvas, alpha.shape)
    x0, y0 = max(0, -x), max(0, -y)
    x1, y1 = min(alpha.shape[1], canvas[0] - x), min(alpha.shape[0], canvas[1] - y)
    colour = rgb_to_yuv(np.full((1, 1, 3), clip.color, np.uint8), matrix_for(*canvas))
    return _layer(max(0, x), max(0, y), alpha[y0:y1, x0:x1], fill[y0:y1, x0:x1], colour)


def _even_pad(mask: NDArray[np.float32]) -> NDArray[np.float32]:
    h, w = mask.shape
    return np.pad(mask, ((0, h % 2), (0, w % 2)))


def _position(clip: TextClip, canvas: tuple[int, int], shape: tuple[int, ...]) -> tuple[int, int]:
    """Even top-left corner of a layer of `shape` (h, w) for the title's position."""
    h, w = shape
    y = {
        "top": round(canvas[1] * _MARGIN),
        "center": (canvas[1] - h) // 2,
        "bottom": canvas[1] - h - round(canvas[1] * _MARGIN),
    }[clip.position]
    return ((canvas[0] - w) // 2) & ~1, y & ~1


def _layer(
    x: int,
    y: int,
    alpha: NDArray[np.float32],
    fill: NDArray[np.float32],
    colour: NDArray[np.uint8],
) -> TitleLayer:
    y_c, u_c, v_c = colour.reshape(-1).astype(np.float32)
    # Black (the outline and shadow) is Y=16, U=V=128; the fill adds the colour's offset from it.
    luma = 16.0 * alpha + fill * (y_c - 16.0)
    h, w = alpha.shape
    quads = (h // 2, 2, w // 2, 2)
    chroma_alpha = alpha.reshape(quads).mean(axis=(1, 3))
    chroma_fill = fill.reshape(quads).mean(axis=(1, 3))
    chroma = np.stack(
        [
            128.0 * chroma_alpha + chroma_fill * (u_c - 128.0),
            128.0 * chroma_alpha + chroma_fill * (v_c - 128.0),
        ]
    ).astype(np.float32)
    return TitleLayer(x, y, alpha, luma.astype(np.float32), chroma_alpha.astype(np.float32), chroma)
