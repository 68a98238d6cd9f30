"""Round-12 classes of the local interpreter (the r10 stranger set): a colour or look asked of a
thing in the photo ("make the sky pink and dramatic", 把天空调成粉色, 個天整靚啲) changes nothing
and names the limit, its tone words ("and dramatic") included; a title's colour is still a title
edit. Several photos named, each with its own length ("make the harbor pic 2 seconds and the
beach one 4", 海港那张2秒，沙滩那张4秒): each is applied and the others keep theirs.
EN / simplified / traditional / Cantonese; every case asserts on the draft.
"""

from __future__ import annotations

import pytest

from tests.unit.test_interpreter_support import language_of, run_plan, track
from tests.unit.test_stranger_round3 import _checks, _starts

BEGIN = _starts()


@pytest.mark.parametrize(
    ("message", "limit"),
    [
        ("make the sky pink and dramatic", "colours or tone of the photo"),
        ("make the sky pink, dramatic and moody", "colours or tone of the photo"),
        ("turn the sky purple", "colours or tone of the photo"),
        ("make it warmer, more dramatic", "colours or tone of the photo"),
        ("把天空调成粉色", "照片本身的颜色"),
        ("天空變成橙色", "照片本身的顏色"),
        ("個天整靚啲", "天空"),
        ("天空整得靓啲", "天空"),
    ],
)
def test_a_look_asked_of_the_sky_changes_nothing_and_names_the_limit(
    message: str, limit: str
) -> None:
    draft, plan, said = run_plan(BEGIN, "fresh5", message, language_of(message))
    assert draft == _starts()["fresh5"][0]
    assert not [s for s in plan.steps if type(s).__name__ == "ToolStep"]
    assert limit in said


@pytest.mark.parametrize(
    ("message", "size", "colour"),
    [
        ("make the title pink", 72, "#ff6fae"),
        ("make the title pink and bigger", 90, "#ff6fae"),
        ("把标题改成粉色", 72, "#ff6fae"),
        ("標題變成橙色", 72, "#ff8c00"),
        ("標題改做紫色", 72, "#8e44ad"),
        ("make the title red", 72, "#ff3b30"),
        ("make the sky pink and the title bigger", 90, "#ffffff"),  # pink is the sky's
    ],
)
def test_a_title_colour_is_still_a_title_edit(message: str, size: int, colour: str) -> None:
    draft, _, _ = run_plan(BEGIN, "titled", message, language_of(message))
    [title] = track(draft, 7)
    assert (title["n"], title["sz"], title["c"]) == ("Harbor Lights", size, colour)


@pytest.mark.parametrize(
    ("message", "expect"),
    [
        ("make the harbor pic 2 seconds and the beach one 4", [2, 3, 4]),
        ("make the harbor photo 2s and the beach pic 4s", [2, 3, 4]),
        ("the lighthouse one 5 seconds and the beach photo 1 second", [3, 5, 1]),
        ("make the first photo 2 seconds and the last one 4", [2, 3, 4]),
        ("make the harbor pic 2 seconds and the beach one 4 and add music", [2, 3, 4]),
        ("第一张2秒，最后一张4秒", [2, 3, 4]),
        ("把海港那张改成2秒，沙滩那张4秒", [2, 3, 4]),
        ("海港那張2秒，沙灘那張4秒", [2, 3, 4]),
        ("海港嗰張改做2秒，沙灘嗰張4秒", [2, 3, 4]),
        ("燈塔嗰張5秒，最後一張1秒", [3, 5, 1]),
    ],
)
def test_several_photos_each_get_the_length_named_for_them(message: str, expect: list[int]) -> None:
    draft, _, _ = run_plan(BEGIN, "slideshow3", message, language_of(message))
    start = _starts()["slideshow3"][0]
    assert all(_checks({"photo_duration_s": expect, "duration_s": sum(expect)}, start, draft))
