"""Round-7 classes of the local interpreter (the blind_r5 stranger set): new footage said with
other nouns and verbs ("a drone shot flying over…", "add a clip of fireworks"), the other photos
named by their count in per-photo lengths ("the other two", 其余两张), a title's time range said
with a verb inside it (从第2秒显示到第4秒), writing text in traditional characters, and asking the
camera not to move (唔好zoom, 定住, "don't zoom").

Table-driven, EN / simplified / traditional / Cantonese; every case asserts on the draft."""

from __future__ import annotations

from typing import Any

import pytest

from agent.local.interpreter.phrasebook import load_phrasebook
from tests.unit.test_interpreter_round6 import _said_key
from tests.unit.test_interpreter_support import language_of, run_plan, track
from tests.unit.test_stranger_round3 import _starts

BOOK = load_phrasebook()
BEGIN = _starts()


@pytest.mark.parametrize(
    ("start", "message", "key"),
    [
        ("fresh5", "generate a drone shot flying over the harbor at night and add it", "footage"),
        ("fresh5", "add a clip of fireworks at the end", "footage"),
        ("fresh5", "add a clip of the dolphins jumping", "footage"),
        ("fresh5", "stick an aerial shot of the city at the start", "footage"),
        ("fresh5", "create a timelapse of clouds moving and add it", "footage"),
        ("fresh5", "add a 3 second clip of a sunset over the sea", "footage"),
        ("titled", "幫我寫一篇關於這個港口的遊記，大概五百字", "compose"),
        ("titled", "帮我写一篇港口游记", "compose"),
        ("titled", "幫我作段旅行日記", "compose"),
        ("titled", "寫三百字介紹下呢個海港", "compose"),
        ("titled", "write a travel blog about the harbor, 500 words", "compose"),
        ("titled", "write me 300 words about this place", "compose"),
    ],
)
def test_new_footage_and_writing_are_declined_with_the_reason(
    start: str, message: str, key: str
) -> None:
    draft, plan, said = run_plan(BEGIN, start, message, language_of(message))
    assert draft == _starts()[start][0]
    assert _said_key(plan, said, "limit_" + key)
    assert not any(mark in said for mark in "?？")  # declined, never asked what to write


@pytest.mark.parametrize(
    "message",
    [
        "make a video using my photos",
        "make a video showing the harbor",
        "make a video of the harbor",
        "make a video with a slow zoom",
    ],
)
def test_a_video_of_the_uploads_is_not_new_footage(message: str) -> None:
    _, plan, said = run_plan(BEGIN, "fresh5", message)
    assert not _said_key(plan, said, "limit_footage")


def test_a_footage_request_keeps_the_messages_other_edit() -> None:
    draft, plan, said = run_plan(
        BEGIN, "fresh5", "generate a clip of a boat sailing, and make it 8 seconds"
    )
    assert draft["d"] == 8000
    assert _said_key(plan, said, "limit_footage")


def _slides_with_lengths(message: str, lengths: list[int]) -> dict[str, Any]:
    """The three-photo slideshow after `message`: its length is the photos' and the reply names
    each photo's."""
    draft, _, said = run_plan(BEGIN, "slideshow3", message, language_of(message))
    assert draft["d"] == sum(lengths) * 1000
    names = ("harbor.jpg", "lighthouse.jpg", "beach.jpg")
    assert all(f"{n} {s}s" in said for n, s in zip(names, lengths, strict=True))
    return draft


@pytest.mark.parametrize(
    ("message", "lengths"),
    [
        ("first pic 5 sec, the other two 2 sec", [5, 2, 2]),
        ("first one 5s, remaining two 2s each", [5, 2, 2]),
        ("the last photo 4 seconds and the other two 1 second", [1, 1, 4]),
        ("second photo 4s, the remaining ones 2s", [2, 4, 2]),
        ("第一张5秒，其余两张2秒", [5, 2, 2]),
        ("第一張5秒，其他兩張各2秒", [5, 2, 2]),
        ("第一張相5秒，另外兩張2秒", [5, 2, 2]),
        ("頭一張5秒，其他嘅2秒", [5, 2, 2]),
    ],
)
def test_the_other_photos_named_by_their_count_take_the_other_length(
    message: str, lengths: list[int]
) -> None:
    draft = _slides_with_lengths(message, lengths)
    names = ("harbor.jpg", "lighthouse.jpg", "beach.jpg")
    video = track(draft, 0)
    assert [sg["n"] for sg in video] == list(names)
    named = lengths.index(max(lengths))
    assert all(sg["d"] < video[named]["d"] for i, sg in enumerate(video) if i != named)


@pytest.mark.parametrize(
    "message",
    [
        "标题改成从第2秒显示到第4秒",
        "标题从第2秒显示到第4秒",
        "让标题从2秒显示到4秒",
        "標題改為由第2秒顯示到第4秒",
        "標題喺第2秒出到第4秒",
        "标题改成第2秒到第4秒显示",
        "标题在2到4秒之间显示",
        "标题第2秒出现，第4秒消失",
        "show the title from 2s to 4s",
        "change the title to show from 2s to 4s",
        "set the title to appear between 2 and 4 seconds",
        "have the title appear at 2s and disappear at 4s",
    ],
)
def test_a_time_range_for_the_title_retimes_it_and_keeps_its_text_and_the_length(
    message: str,
) -> None:
    draft, _, _ = run_plan(BEGIN, "titled", message, language_of(message))
    assert draft["d"] == 5000
    assert [(sg["n"], sg["s"], sg["s"] + sg["d"]) for sg in track(draft, 7)] == [
        ("Harbor Lights", 2000, 4000)
    ]


def test_a_new_title_text_with_a_time_range_takes_both() -> None:
    draft, _, _ = run_plan(BEGIN, "titled", "change the title to Sunset from 2s to 4s")
    assert [(sg["n"], sg["s"], sg["s"] + sg["d"]) for sg in track(draft, 7)] == [
        ("Sunset", 2000, 4000)
    ]
    assert draft["d"] == 5000


@pytest.mark.parametrize(
    ("message", "motion"),
    [
        ("唔好zoom啦，定住就得", "none"),
        ("別再zoom了，定住就好", "none"),
        ("不要zoom了", "none"),
        ("唔好推近", "none"),
        ("唔使zoom", "none"),
        ("不要放大镜头", "none"),
        ("don't zoom", "none"),
        ("no more zooming please", "none"),
        ("stop zooming, keep it still", "none"),
        ("don't pan, zoom in instead", "zoom_in"),
        ("不要拉近，改成拉远", "zoom_out"),
    ],
)
def test_asking_the_camera_not_to_move_stops_it_unless_another_move_is_asked(
    message: str, motion: str
) -> None:
    draft, _, _ = run_plan(BEGIN, "fresh5", message, language_of(message))
    assert {sg["mo"]["type"] for sg in track(draft, 0)} == {motion}
    assert draft["d"] == 5000


@pytest.mark.parametrize(
    ("message", "slower"),
    [
        ("don't zoom so fast", True),
        ("不要推那么快", True),
        ("唔好zoom咁快", True),
        ("don't pan so slowly", False),
    ],
)
def test_not_so_fast_slows_the_camera_and_keeps_its_move(message: str, slower: bool) -> None:
    draft, _, _ = run_plan(BEGIN, "fresh5", message, language_of(message))
    moves = [sg["mo"] for sg in track(draft, 0)]
    assert [m["type"] for m in moves] == ["zoom_in"]
    assert (moves[0]["sp"] < 1.0) if slower else (moves[0]["sp"] > 1.0)


def test_a_text_size_that_is_not_to_grow_is_not_the_camera() -> None:
    draft, _, _ = run_plan(BEGIN, "fresh5", "字幕不要放大", "zh")
    assert {sg["mo"]["type"] for sg in track(draft, 0)} == {"zoom_in"}
