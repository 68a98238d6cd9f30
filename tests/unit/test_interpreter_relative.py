"""Relative edits applied, not declined: each photo's length moved by an amount, photos' lengths
by name or position with the others kept, title ranges relative to the video (a half, the last
second, from a second to the end, the whole video), volume changed by points or a multiple.

Written for round 17 as new paraphrases of the classes the stranger set found declined or half
done (EN, simplified, traditional, Cantonese); each case asserts on the resulting draft.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from agent.local.edits import AUDIO, TEXT
from agent.local.edits import segments as track
from agent.local.interpreter.interpret import interpret
from agent.local.interpreter.plan import Asset, InterpretContext, ToolStep
from agent.local.interpreter.videotrack import look_of
from tests.unit.test_interpreter_support import assets, check_draft, final_draft, starts, texts


def _begin() -> dict[str, tuple[dict[str, Any], tuple[Asset, ...]]]:
    named, drafts = assets(), starts()
    music = copy.deepcopy(drafts["video"])
    music["t"].append(copy.deepcopy(next(t for t in drafts["full"]["t"] if t["tt"] == 1)))
    slides = tuple(named[n] for n in ("harbor", "lighthouse", "beach", "pier"))
    return {
        "fresh5": (drafts["video"], (named["harbor"],)),
        "titled": (drafts["titled"], (named["harbor"],)),
        "music": (music, (named["harbor"],)),
        "slides3": (drafts["slides3"], slides),
    }


BEGIN = _begin()


def _run(start: str, message: str) -> tuple[dict[str, Any], dict[str, Any], bool]:
    draft, uploads = BEGIN[start]
    language = "en" if message.isascii() else "zh"
    ctx = InterpretContext(message, language, uploads, copy.deepcopy(draft), seed=5)
    plan = interpret(ctx)
    tools = any(isinstance(s, ToolStep) for s in plan.steps)
    return draft, final_draft(plan, ctx.draft), tools


def _near(got: tuple[int, ...], want: tuple[int, ...]) -> bool:
    """Each photo's own length as the track holds it (crossfades round it to the millisecond)."""
    return len(got) == len(want) and all(abs(g - w) <= 5 for g, w in zip(got, want, strict=True))


def _titles(draft: dict[str, Any]) -> list[tuple[str, float, float, str]]:
    return [
        (s["n"], s["s"] / 1000, (s["s"] + s["d"]) / 1000, s.get("pos", ""))
        for s in track(draft, TEXT)
    ]


# (start, message, total seconds or None for unchanged, each photo's own seconds or None)
PHOTO_LENGTHS = [
    ("slides3", "shave one second off every photo", 6, (2, 2, 2)),
    ("slides3", "give each slide 2 more seconds", 15, (5, 5, 5)),
    ("slides3", "make every pic 1.5 seconds longer", 13.5, (4.5, 4.5, 4.5)),
    ("slides3", "could each shot be two seconds shorter?", 3, (1, 1, 1)),
    ("slides3", "each photo should be on screen a second less", 6, (2, 2, 2)),
    ("slides3", "每张照片都多停留两秒", 15, (5, 5, 5)),
    ("slides3", "每张图片各减少一秒", 6, (2, 2, 2)),
    ("slides3", "每張相片都縮短一秒", 6, (2, 2, 2)),
    ("slides3", "每張相都放多一秒啦", 12, (4, 4, 4)),
    ("slides3", "每張相少一秒得唔得", 6, (2, 2, 2)),
    ("slides3", "beach photo 5 seconds, leave the other two as they are", 11, (3, 3, 5)),
    ("slides3", "the second one gets 1 second, keep the others unchanged", 7, (3, 1, 3)),
    ("slides3", "第二张照片改成4秒，其他的不用动", 10, (3, 4, 3)),
    ("slides3", "第一張照片加兩秒，其餘不變", 11, (5, 3, 3)),
    ("slides3", "燈塔嗰張減一秒，第三張加多一秒", 9, (3, 2, 4)),
    ("slides3", "add a second to the lighthouse one and take two off the beach", 8, (3, 4, 1)),
    ("slides3", "the harbor pic 6 seconds, the rest 2", 10, (6, 2, 2)),
    ("slides3", "海滩那张4秒，其余的1秒", 6, (1, 1, 4)),
    ("slides3", "the last photo: give it 5 seconds. leave the rest alone", 11, (3, 3, 5)),
    ("slides3", "第三张放久啲，俾佢七秒", 13, (3, 3, 7)),
    ("slides3", "give the beach shot an extra second, the others stay the same", 10, (3, 3, 4)),
    ("fresh5", "可唔可以縮到得返一半咁長", 2.5, None),
    ("fresh5", "make it half its current length", 2.5, None),
    ("slides3", "make the slideshow a third shorter", 6, None),
    ("slides3", "片長縮短三分之一", 6, None),
]


@pytest.mark.parametrize(("start", "message", "total", "each"), PHOTO_LENGTHS)
def test_relative_photo_lengths_apply(
    start: str, message: str, total: float, each: tuple[float, ...] | None
) -> None:
    before, after, tools = _run(start, message)
    assert tools, message
    check_draft(after)
    assert after["d"] == round(total * 1000)
    if each is not None:
        look = look_of(after)
        assert look is not None
        assert _near(look.lengths, tuple(round(s * 1000) for s in each))
        assert [v.asset_id for v in look.visuals] == [
            v.asset_id for v in (look_of(before) or look).visuals
        ]  # the photos and their order are kept


# (start, message, motion or aspect asked beside the lengths, each photo's own seconds)
PHOTO_LENGTHS_AND_LOOK = [
    ("slides3", "every photo 4 seconds please, and make them all zoom out", "zoom_out", 4),
    ("slides3", "所有照片都改成向左平移，每张4秒", "pan_left", 4),
    ("slides3", "全部轉做 zoom out，第三張得返兩秒", "zoom_out", None),
    ("slides3", "each photo one second longer and switch them all to pan right", "pan_right", 4),
]


@pytest.mark.parametrize(("start", "message", "motion", "each_s"), PHOTO_LENGTHS_AND_LOOK)
def test_photo_lengths_with_a_motion_change(
    start: str, message: str, motion: str, each_s: int | None
) -> None:
    _, after, _ = _run(start, message)
    look = look_of(after)
    assert look is not None
    assert look.motion.kind == motion
    want = (3000, 3000, 2000) if each_s is None else (each_s * 1000,) * 3
    assert _near(look.lengths, want)


def test_each_photo_shorter_with_a_title_on_top() -> None:
    _, after, _ = _run(
        "slides3", "cut a second from each photo and add the title 'Trip' at the top"
    )
    look = look_of(after)
    assert look is not None
    assert _near(look.lengths, (2000, 2000, 2000))
    assert _titles(after) == [("Trip", 0.0, 3.0, "top")]


# (start, message, total seconds or None (unchanged), the titles after: text, start, end, place)
TITLE_RANGES = [
    ("fresh5", 'add the title "Dawn" on top for just the first half of the video', None,
     [("Dawn", 0, 2.5, "top")]),
    ("titled", "show the title during the second half only", None,
     [("Harbor Lights", 2.5, 5, "center")]),
    ("titled", "let the title run from 2s to the end", None, [("Harbor Lights", 2, 5, "center")]),
    ("titled", "keep the title up from start to finish", None, [("Harbor Lights", 0, 5, "center")]),
    ("titled", "标题从第2秒一直显示到结尾", None, [("Harbor Lights", 2, 5, "center")]),
    ("titled", "標題改成只在影片後半段出現", None, [("Harbor Lights", 2.5, 5, "center")]),
    ("fresh5", "加個標題「收工」喺底，由頭到尾都要有", None, [("收工", 0, 5, "bottom")]),
    ("titled", "個標題成條片都要見到", None, [("Harbor Lights", 0, 5, "center")]),
    ("titled", "add a second title 'The End' at the bottom, final second only", None,
     [("Harbor Lights", 0, 3, "center"), ("The End", 4, 5, "bottom")]),
    ("titled", "make it 8 seconds and keep the title on screen until the end", 8,
     [("Harbor Lights", 0, 8, "center")]),
    ("titled", "视频改成10秒，标题只在前一半显示", 10, [("Harbor Lights", 0, 5, "center")]),
    ("titled", "leave the title centered but show it only for the last 2 seconds", None,
     [("Harbor Lights", 3, 5, "center")]),
    ("titled", "之前加的标题，改成只在最后一秒出现", None, [("Harbor Lights", 4, 5, "center")]),
    ("titled", "keep the title on screen till the very end rather than ending at 3s", None,
     [("Harbor Lights", 0, 5, "center")]),
    ("fresh5", "轉做 1:1，加個標題「早晨」喺上面，成段片都要有", None, [("早晨", 0, 5, "top")]),
]  # fmt: skip


@pytest.mark.parametrize(("start", "message", "total", "titles"), TITLE_RANGES)
def test_title_ranges_relative_to_the_video(
    start: str, message: str, total: int | None, titles: list[tuple[str, float, float, str]]
) -> None:
    before, after, tools = _run(start, message)
    assert tools, message
    check_draft(after)
    assert after["d"] == (before["d"] if total is None else total * 1000)
    assert _titles(after) == [(t, float(s), float(e), p) for t, s, e, p in titles]


def test_a_range_and_a_new_frame_in_one_line() -> None:
    _, after, _ = _run("fresh5", "轉做 1:1，加個標題「早晨」喺上面，成段片都要有")
    assert after["m"]["aspect"] == "1:1"


# (message, volume after (35 before), total seconds or None for unchanged, aspect or None)
VOLUMES = [
    ("bump the volume up 10 points", 45, None, None),
    ("lower the music by 20 percentage points", 15, None, None),
    ("halve the music volume", 17.5, None, None),
    ("背景音乐音量提高五个百分点", 40, None, None),
    ("音樂音量降低十個百分點", 25, None, None),
    ("音量細聲一半", 17.5, None, None),
    ("音量调到现在的两倍，然后改成方形", 70, None, "1:1"),
    ("turn the music down 15 points and make the video 3 seconds longer", 20, 8, None),
    ("音樂音量調低五個百分點，影片再加長兩秒", 30, 7, None),
    ("raise the volume 20 points and make it vertical", 55, None, "9:16"),
    ("turn the volume down by a third", 23.3, None, None),
    ("volume +10 points please", 45, None, None),
    ("背景音樂大聲三分之一", 46.7, None, None),
]


@pytest.mark.parametrize(("message", "volume", "total", "aspect"), VOLUMES)
def test_relative_volume(
    message: str, volume: float, total: int | None, aspect: str | None
) -> None:
    before, after, tools = _run("music", message)
    assert tools, message
    check_draft(after)
    levels = [s["v"] for s in track(after, AUDIO)]
    assert levels
    assert all(abs(v - volume) <= 0.5 for v in levels), levels
    assert after["d"] == (before["d"] if total is None else total * 1000)
    assert after["m"]["aspect"] == (aspect or before["m"]["aspect"])


@pytest.mark.parametrize(
    "message",
    ["only the harbor photo please", "只要第一张", "I only want the beach shot"],
)
def test_only_still_keeps_the_photos_named(message: str) -> None:
    """ "Give it only 2 seconds" is a length; "only the harbor photo" still keeps that photo."""
    _, after, _ = _run("slides3", message)
    look = look_of(after)
    assert look is not None
    assert len(look.visuals) == 1


def test_a_retimed_title_beside_a_new_length_is_not_said_to_keep_the_length() -> None:
    draft, uploads = BEGIN["titled"]
    message = "make it 8 seconds and keep the title until the end"
    plan = interpret(InterpretContext(message, "en", uploads, copy.deepcopy(draft), seed=5))
    assert final_draft(plan, draft)["d"] == 8000
    assert "did not change" not in texts(plan)


def test_a_volume_multiple_leaves_the_camera_alone() -> None:
    """Once declined whole (the 2倍 was also read as a camera speed)."""
    before, after, _ = _run("music", "把音乐音量调成2倍")
    assert [s["v"] for s in track(after, AUDIO)] == [70]
    assert track(after, 0)[0]["mo"] == track(before, 0)[0]["mo"]


@pytest.mark.parametrize(
    ("message", "total", "titles"),
    [
        ("加長到20秒，音樂保持原樣", 20, []),
        ("add a title 'Chill Vibes' at the bottom, 0 to 2 sec, keep the music as is", 5,
         [("Chill Vibes", 0.0, 2.0, "bottom")]),
        ("make it 8 seconds but keep the music", 8, []),
    ],
)  # fmt: skip
def test_music_only_named_to_be_kept_is_kept(
    message: str, total: int, titles: list[tuple[str, float, float, str]]
) -> None:
    """Once declined whole: the music was swapped for another track when asked to keep it."""
    before, after, _ = _run("music", message)
    assert after["d"] == total * 1000
    assert _titles(after) == titles
    kept = [(s["n"], s.get("a"), s["v"]) for s in track(after, AUDIO)]
    assert kept == [(s["n"], s.get("a"), s["v"]) for s in track(before, AUDIO)]
