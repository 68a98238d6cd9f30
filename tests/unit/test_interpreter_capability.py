"""Round-17 interpreter classes: what cannot be done is declined, not applied as something else.

- A look, a speed or a scene change the renderer cannot make (a colour grade "like a movie", a
  speed ramp "slow then fast", a LUT, a time-lapse, 青橙色调, 变速, 慢動作) leaves the draft as it
  was, even when other words of the message look like a camera move (capability.py).
- A doable edit beside an undoable one the user calls the point ("the snow is the main thing",
  重点是粉色天空, 冇雪就唔使改) is declined whole; made optional ("if you can… if not, just the
  length", 能…最好，不行就只改方形, 唔得就淨係…) the doable edit is applied and the reply says
  what was skipped; said plainly beside another edit, the other edit stands as before.
- A clause giving every photo a change ("shave one second off every photo", 每张照片都减少一秒) is
  at worst declined: a plan that changes the draft gives every photo that change (eachphoto.py).
Drafts: `fresh5` (one photo, 5 s, 16:9, zoom in), `titled` (title "Harbor Lights" 0-3 s),
`music` ("Lo-fi pulse" at 35%), `slideshow3` (harbor, lighthouse, beach, about 3 s each).
"""

from __future__ import annotations

from typing import Any

import pytest

from agent.local.interpreter.capability import explicit_kinds, named, stance
from agent.local.interpreter.diffkinds import shares
from agent.local.interpreter.eachphoto import each_photo_asks
from agent.local.interpreter.phrasebook import load_phrasebook
from tests.unit.test_interpreter_support import run_request
from tests.unit.test_stranger_round3 import _starts

_BOOK, _BEGIN = load_phrasebook(), _starts()


_GENERIC = {_BOOK.say(lang, "capabilities", hant=h) for lang in ("en", "zh") for h in (0, 1)}

DECLINED = [
    # a look the renderer cannot make, with a manner word that reads like a camera move
    ("fresh5", "give it a moody teal and orange grade, like a blockbuster"),
    ("fresh5", "could you slap a LUT on it so it looks like a film?"),
    ("titled", "make the title bigger and give the whole thing a vintage film look"),
    ("fresh5", "给视频调个青橙色调，像电影那样"),
    ("fresh5", "幫我把影片調成青橙色調，要有電影感"),
    ("fresh5", "幫我調下色，整到好似戲咁"),
    ("fresh5", "make it look like an old film, grainy and warm"),
    ("fresh5", "add a vignette, cinematic style"),
    ("fresh5", "讓畫面有電影感，加黑邊"),
    ("fresh5", "加点动感模糊"),
    ("slideshow3", "cut it to the beat of the music"),
    ("fresh5", "add an old-school film burn effect and shorten to 4 s"),
    ("fresh5", "add a sound effect and make it 6 seconds"),
    # an undoable part called a must, or "if not, change nothing" (round-21 class)
    ("fresh5", "换成方形，再加个胶片滤镜，滤镜一定要有，不行的话全部都别动"),
    ("fresh5", "add a glow effect and make it 7s; if you can't do the glow, don't change anything"),
    ("fresh5", "加個懷舊濾鏡同埋改做9:16，濾鏡係必要嘅，做唔到就乜都唔好郁"),
    ("fresh5", "add subtitles automatically from what people say"),
    ("fresh5", "加自动字幕"),
    # a playback speed: there is no footage to ramp
    ("slideshow3", "put a speed ramp on the beach photo, slow then super quick"),
    ("slideshow3", "time-lapse the harbor shot so it zips by"),
    ("slideshow3", "灯塔那张做个变速，先慢后快"),
    ("slideshow3", "燈塔那張加個慢動作，然後再快進"),
    ("slideshow3", "燈塔嗰張整個變速，慢慢先再嗖一聲好快"),
    # a doable edit beside an undoable one that is the point
    (
        "fresh5",
        "make it 10 seconds and add falling snow - the snow is the main thing, "
        "if you can't do snow don't bother",
    ),
    ("fresh5", "turn the sky purple and make it square; the purple sky is the whole point"),
    (
        "music",
        "turn the music down to 20 and make the sea look red, without the red sea it's pointless",
    ),
    ("fresh5", "改成竖屏，再把天空变成粉色，关键是粉色天空，没有的话就别改了"),
    ("fresh5", "加長到8秒，再加下雪效果。重點是下雪，做不到就不用改了"),
    ("fresh5", "改做8秒同埋加啲落雪效果，重點係落雪，冇雪就唔使改喇"),
]


@pytest.mark.parametrize(("start", "message"), DECLINED)
def test_what_cannot_be_done_leaves_the_draft_and_says_why(start: str, message: str) -> None:
    before, after, said = run_request(_BEGIN, start, message)
    assert after == before
    assert said
    assert said not in _GENERIC


OPTIONAL = [
    # the undoable part made optional: the doable part is applied and the skip is said
    ("fresh5", "make it 7 seconds, and if you can, turn the sky pink - if not, just the length",
     {"d": 7000}, "not"),
    ("fresh5", "改成方形，能加个下雪特效最好，不行就只改方形", {"aspect": "1:1"}, "没有修改"),
    ("fresh5", "影片改成9:16，如果可以的話把海水變成綠色，不行也沒關係",
     {"aspect": "9:16"}, "沒有修改"),
    ("fresh5", "轉做正方形，得嘅話順便加啲貼紙，唔得就淨係轉正方形得喇",
     {"aspect": "1:1"}, "沒有修改"),
    # said plainly beside another edit: the other edit stands, the reply says what was not done
    ("fresh5", "make it 12 seconds and colour grade it warmer", {"d": 12000}, "not changed"),
]  # fmt: skip


@pytest.mark.parametrize(("start", "message", "facts", "skip_said"), OPTIONAL)
def test_an_optional_undoable_part_leaves_the_doable_one_applied(
    start: str, message: str, facts: dict[str, Any], skip_said: str
) -> None:
    _, after, said = run_request(_BEGIN, start, message)
    assert {k: after.get(k, after["m"].get(k)) for k in facts} == facts
    assert skip_said in said


EACH = [
    ("slideshow3", "shave one second off every photo", [2, 2, 2]),
    ("slideshow3", "give each pic an extra 2 seconds", [5, 5, 5]),
    ("slideshow3", "每张照片都减少一秒", [2, 2, 2]),
    ("slideshow3", "每張相片各加兩秒", [5, 5, 5]),
    ("slideshow3", "每張相都放耐多一秒", [4, 4, 4]),
    ("slideshow3", "make every photo zoom out and cut each one by a second", [2, 2, 2]),
]


@pytest.mark.parametrize(("start", "message", "lengths"), EACH)
def test_a_change_to_every_photo_is_made_to_every_photo_or_declined(
    start: str, message: str, lengths: list[float]
) -> None:
    before, after, said = run_request(_BEGIN, start, message)
    assert said
    if after != before:  # applied: every photo got the change (the total with it)
        assert [round(s / 1000, 1) for s in shares(after)] == pytest.approx(lengths, abs=0.4)


def test_every_photo_set_to_one_length_still_applies() -> None:
    _, after, _ = run_request(_BEGIN, "slideshow3", "make each photo 2 seconds")
    assert [s / 1000 for s in shares(after)] == pytest.approx([2, 2, 2], abs=0.4)


@pytest.mark.parametrize(
    ("message", "weight"),
    [
        (
            "the green water is the whole point, without it there's no reason to do this",
            "essential",
        ),
        ("add snow and make it 6s, if you can't do snow don't bother", "essential"),
        ("重点是下雪，没有雪的话就不用改了", "essential"),
        ("冇雪就唔使改喇", "essential"),
        ("换成方形，再加个胶片滤镜，滤镜一定要有，不行的话全部都别动", "essential"),
        ("加個懷舊濾鏡同埋改做9:16，濾鏡係必要嘅，做唔到就乜都唔好郁", "essential"),
        ("square it and add a sepia filter - the filter is a must", "essential"),
        (
            "add a glow effect and make it 7s; if you can't do the glow, don't change anything",
            "essential",
        ),
        ("if you can't do the sky, just do the length", "optional"),
        ("能顺便升到4K最好，不行就保持1080p", "optional"),
        ("唔得就淨係轉正方形", "optional"),
        ("make it 8 seconds and turn the sky pink", "neutral"),
    ],
)
def test_stance_tells_the_point_from_a_nice_to_have(message: str, weight: str) -> None:
    assert stance(message) == weight


def test_named_reads_capabilities_but_not_quoted_words_or_the_photo_order() -> None:
    assert [k for k, _ in named("colour grade it teal & orange, like a movie")] == ["colour"]
    assert [k for k, _ in named("a speed ramp - slow at first then whoosh fast")] == ["speed"]
    assert [k for k, _ in named("加一个下雪的特效，然后改成6秒")] == ["scene"]
    assert named('add a caption "Fireworks at nine" at the bottom') == []
    assert named("reverse the order of the photos") == []
    assert named("use a Ken Burns effect and make it 8 seconds") == []


def test_explicit_kinds_ignore_manner_words() -> None:
    assert explicit_kinds("like a movie") == set()
    assert explicit_kinds("slow at first") == set()
    assert explicit_kinds("make it 8s") == {"length"}
    assert explicit_kinds("改成竖屏") == {"aspect"}


def test_each_photo_asks_reads_changes_and_lengths_but_not_the_rest() -> None:
    assert each_photo_asks("trim a second off each photo") == [
        ("trim a second off each photo", 1.0, True)
    ]
    assert each_photo_asks("每張照片改成兩秒半") == [("每張照片改成兩秒半", 2.5, False)]
    assert each_photo_asks("the first one 5s, the rest 2s each") == []
    assert each_photo_asks("make the whole thing 12s w/ every photo getting equal time") == []
