"""Titles: the bundled font draws Chinese glyphs (not tofu), fades, and lands in rendered frames."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image, ImageFont

from agent.local.renderer.render import render
from agent.local.renderer.spec import RenderSpec, TextClip, VisualClip
from agent.local.renderer.text import draw_title, font_runs, load_fonts, opacity_at

pytestmark = pytest.mark.integration

NOTDEF = "\U000f0000"  # a private-use code point no font we load covers


def _mask(char: str) -> bytes:
    return bytes(load_fonts(64)[0].getmask(char))


def test_the_bundled_font_has_distinct_glyphs_for_chinese_characters() -> None:
    cheng, shi, tofu = _mask("城"), _mask("市"), _mask(NOTDEF)

    assert cheng != shi
    assert tofu not in (cheng, shi)
    assert any(cheng)
    assert any(shi)


def test_latin_and_cjk_punctuation_are_covered_too() -> None:
    tofu = _mask(NOTDEF)

    assert all(_mask(char) != tofu for char in "Harbor Lights，。！")


def test_characters_missing_from_a_font_fall_back_to_the_next_one() -> None:
    latin_only = ImageFont.load_default(40)  # Pillow's bundled Latin face: no CJK glyphs
    fonts = [latin_only, *load_fonts(40)]

    assert list(font_runs("Hi 城市!", fonts)) == [("Hi ", 0), ("城市", 1), ("!", 0)]
    assert list(font_runs(NOTDEF, fonts)) == [(NOTDEF, 0)]


def test_a_title_layer_is_drawn_once_with_alpha_inside_the_canvas() -> None:
    layer = draw_title(TextClip("城市之梦", 0, 1000, "bottom", size=72), (640, 360))

    h, w = layer.alpha.shape
    assert layer.x >= 0
    assert layer.x + w <= 640
    assert layer.y + h <= 360
    assert layer.y > 180  # bottom third
    assert layer.alpha.max() == pytest.approx(1.0)
    assert float(layer.luma.max()) == pytest.approx(235.0)  # white, in limited-range luma
    assert layer.x % 2 == 0
    assert layer.y % 2 == 0  # aligned to the chroma grid


def test_an_overlong_title_shrinks_to_fit_the_width() -> None:
    layer = draw_title(TextClip("城市之梦" * 12, 0, 1000), (640, 360))

    assert layer.alpha.shape[1] <= 640
    assert layer.alpha[:, 0].max() < 0.05  # nothing cut off at the left edge


@pytest.mark.parametrize(
    ("t_ms", "opacity"), [(-1, 0.0), (0, 0.0), (250, 0.5), (1000, 1.0), (1750, 0.5), (2000, 0.0)]
)
def test_titles_fade_in_and_out(t_ms: int, opacity: float) -> None:
    clip = TextClip("城市之梦", 0, 2000, fade_in_ms=500, fade_out_ms=500)

    assert opacity_at(clip, t_ms) == pytest.approx(opacity)


def _title_frame(tmp_path: Path, text: str) -> np.ndarray:
    background = tmp_path / "grey.png"
    Image.new("RGB", (320, 180), (60, 60, 60)).save(background)
    spec = RenderSpec(
        320,
        180,
        duration_ms=200,
        visuals=(VisualClip(background, "image", 0, 200),),
        texts=(TextClip(text, 0, 200, "center", size=320),),  # 53 px on this canvas
    )
    out = tmp_path / f"title-{len(text)}-{ord(text[0])}.mp4"
    render(spec, out)
    with av.open(str(out)) as container:
        return next(iter(container.decode(video=0))).to_ndarray(format="rgb24").astype(int)


def test_a_chinese_title_draws_glyph_pixels_in_the_rendered_frame(tmp_path: Path) -> None:
    glyphs = _title_frame(tmp_path, "城市之梦")
    tofu = _title_frame(tmp_path, NOTDEF * 4)

    band = glyphs[60:120, 40:280]
    bright = (band.min(axis=2) > 200).sum()
    assert bright > 300  # white strokes over the grey picture
    assert (glyphs[:20, :].max(axis=2) < 100).all()  # the picture above the title is untouched
    differing = (np.abs(band - tofu[60:120, 40:280]).max(axis=2) > 80).sum()
    assert differing > 300  # real glyphs, not .notdef boxes
