"""Framing rules: the canvas follows the first photo's orientation; a real crop is told."""

from __future__ import annotations

import pytest

from agent.local.interpreter.interpret import interpret
from agent.local.interpreter.plan import Asset, InterpretContext
from agent.local.renderer.framing import CROP_TOLERANCE, aspect_for, crop_share
from tests.unit.test_interpreter_support import fact, final_draft, texts


@pytest.mark.parametrize(
    ("size", "aspect"),
    [
        ((1600, 1066), "16:9"),
        ((1920, 1080), "16:9"),
        ((1200, 1600), "4:5"),
        ((1080, 1920), "9:16"),
        ((720, 1280), "9:16"),
        ((1000, 1000), "1:1"),
        ((1080, 1350), "4:5"),
        ((None, None), "16:9"),
    ],
)
def test_the_canvas_is_the_closest_of_the_four_aspects(
    size: tuple[int | None, int | None], aspect: str
) -> None:
    assert aspect_for(*size) == aspect


def test_crop_share_is_the_part_of_the_photo_a_cover_fit_cuts_off() -> None:
    assert crop_share(1920, 1080, "16:9") == pytest.approx(0.0)
    assert crop_share(1600, 1066, "16:9") < CROP_TOLERANCE  # 3:2 trimmed at the edges
    assert crop_share(1600, 1066, "9:16") == pytest.approx(1 - (9 / 16) / 1.5, abs=0.01)
    assert crop_share(None, 100, "16:9") == 0.0


def _photo(width: int, height: int) -> Asset:
    return Asset("as_1", "lighthouse.jpg", "image", "http://x/lighthouse.jpg", width, height)


def test_a_portrait_photo_without_an_aspect_becomes_a_portrait_video() -> None:
    plan = interpret(InterpretContext("make a video", "en", (_photo(1200, 1600),), {}, seed=1))

    draft = final_draft(plan, {})
    assert (fact(draft, "m.aspect"), fact(draft, "m.width"), fact(draft, "m.height")) == (
        "4:5",
        1080,
        1350,
    )
    assert "cropped" not in texts(plan)


def test_a_requested_aspect_that_crops_says_so_and_how_to_keep_the_photo_whole() -> None:
    photos = (_photo(1600, 1066),)
    en = interpret(InterpretContext("make a 9:16 video", "en", photos, {}, seed=1))
    zh = interpret(InterpretContext("做一个竖屏视频", "zh", photos, {}, seed=1))

    assert fact(final_draft(en, {}), "m.aspect") == "9:16"
    assert "The photo was cropped to fill 9:16 vertical" in texts(en)
    assert '"show the whole photo"' in texts(en)
    assert "照片已裁剪" in texts(zh)
    assert "显示完整照片" in texts(zh)


def test_the_whole_photo_is_kept_when_asked() -> None:
    photos = (_photo(1600, 1066),)
    plan = interpret(
        InterpretContext("make a 9:16 video, show the whole photo", "en", photos, {}, seed=1)
    )

    assert "cropped" not in texts(plan)
    assert fact(final_draft(plan, {}), "video.0.fit") == "contain"


def test_changing_the_aspect_of_a_video_says_the_photo_is_now_cropped() -> None:
    photos = (_photo(1600, 1066),)
    first = interpret(InterpretContext("make a video", "en", photos, {}, seed=1))
    draft = final_draft(first, {})

    again = interpret(InterpretContext("make it 9:16", "en", photos, draft, seed=1))

    assert fact(final_draft(again, draft), "m.aspect") == "9:16"
    assert "The photo was cropped to fill 9:16 vertical" in texts(again)
