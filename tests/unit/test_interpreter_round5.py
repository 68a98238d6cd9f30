"""Round-5 classes of the local interpreter (the r4 stranger round): a time for a title is the
title's timing, a second photo step after "then", one photo's length, relative volume in Chinese,
an edit taken back within the message before another, and requests outside video editing."""

from __future__ import annotations

from typing import Any

import pytest

from agent.local.interpreter.phrasebook import load_phrasebook
from tests.unit.test_interpreter_support import language_of, run_plan
from tests.unit.test_stranger_round3 import _starts

BOOK = load_phrasebook()
BEGIN = _starts()


def _titles(draft: dict[str, Any]) -> list[tuple[int, int]]:
    track = next(t for t in draft["t"] if t["tt"] == 7)
    return [(sg["s"], sg["s"] + sg["d"]) for sg in track["sg"]]


@pytest.mark.parametrize(
    "message",
    [
        "keep the title up until 4.5 s instead of 3",
        "show the title till 4.5 seconds",
        "标题显示到4.5秒",
        "標題停留到4.5秒",
    ],
)
def test_a_time_for_a_title_is_the_titles_end_not_the_videos_length(message: str) -> None:
    start = _starts()["titled"][0]
    draft, _, said = run_plan(BEGIN, "titled", message, language_of(message))
    assert draft["d"] == start["d"]
    assert _titles(draft)[0] == (_titles(start)[0][0], 4500)
    assert said == "" or "4.5" in said


def test_until_a_time_with_no_title_or_music_is_still_the_videos_length() -> None:
    draft, _, _ = run_plan(BEGIN, "fresh5", "make it run until 10 s")
    assert draft["d"] == 10000


@pytest.mark.parametrize(
    "message",
    [
        "remove the lighthouse one, then add sunset.jpg at the end",
        "删除灯塔那张，然后把 sunset.jpg 加在最后",
        "刪除燈塔那張，然後把 sunset.jpg 加在最後",
    ],
)
def test_a_second_photo_step_after_then_is_applied_too(message: str) -> None:
    draft, _, said = run_plan(BEGIN, "slideshow3", message, language_of(message))
    names = [sg["n"] for sg in draft["t"][0]["sg"]]
    assert names == ["harbor.jpg", "beach.jpg", "sunset.jpg"]
    assert "harbor.jpg, beach.jpg, sunset.jpg" in said


@pytest.mark.parametrize(
    "message",
    [
        "最后一张延长到6秒，前面两张不动",
        "make the last photo 6 seconds and leave the rest alone",
        "最後一張改成6秒，其他嘅唔郁",
    ],
)
def test_one_photos_length_with_the_others_left_alone(message: str) -> None:
    start = _starts()["slideshow3"][0]
    draft, _, said = run_plan(BEGIN, "slideshow3", message, language_of(message))
    video = draft["t"][0]["sg"]
    assert [sg["mo"] for sg in video] == [sg["mo"] for sg in start["t"][0]["sg"]]
    assert abs(video[0]["d"] - video[1]["d"]) <= 1 < video[2]["d"] - video[0]["d"]
    assert draft["d"] == 12000
    assert "6s" in said


@pytest.mark.parametrize(
    "message", ["音樂音量調高一倍", "音乐音量提高一倍", "double the music volume"]
)
def test_doubling_the_music_volume_doubles_it_and_touches_nothing_else(message: str) -> None:
    start = _starts()["music"][0]
    draft, _, said = run_plan(BEGIN, "music", message, language_of(message))
    assert [sg["v"] for sg in draft["t"][1]["sg"]] == [70]
    assert draft["t"][0] == start["t"][0]
    assert "70%" in said


@pytest.mark.parametrize(
    ("message", "aspect", "motion"),
    [
        (
            "Make it 12 seconds. Hmm, no — go back to the 5 second version, but switch it to 9:16.",
            "9:16",
            "zoom_in",
        ),
        ("make it 10 seconds. actually undo that and zoom out instead", "16:9", "zoom_out"),
        ("先把时长改成8秒……算了，撤销吧，还是5秒。镜头改成拉远", "16:9", "zoom_out"),
        ("先把時長改成8秒……算了，撤銷吧。鏡頭改成拉遠", "16:9", "zoom_out"),
    ],
)
def test_an_edit_taken_back_in_the_message_leaves_the_later_edits_on_the_original(
    message: str, aspect: str, motion: str
) -> None:
    draft, _, said = run_plan(BEGIN, "fresh5", message, language_of(message))
    assert draft["d"] == 5000
    assert draft["m"]["aspect"] == aspect
    assert {sg["mo"]["type"] for sg in draft["t"][0]["sg"]} == {motion}
    assert not any(n in said for n in ("12 seconds", "10 seconds", "8秒"))


def test_a_take_back_with_nothing_after_it_still_leaves_the_video_unchanged() -> None:
    draft, _, said = run_plan(BEGIN, "fresh5", "Make it 10 seconds. Actually, undo that")
    assert draft["d"] == 5000
    assert said == BOOK.say("en", "undone_in_message", duration=5)


@pytest.mark.parametrize(
    "message", ["個標題搬去底度啦", "把标题移到底部", "move the title to the bottom"]
)
def test_a_title_moved_to_the_bottom_in_cantonese_words_too(message: str) -> None:
    draft, _, _ = run_plan(BEGIN, "titled", message, language_of(message))
    assert [sg["pos"] for sg in draft["t"][-1]["sg"]] == ["bottom"]


@pytest.mark.parametrize(
    "message",
    [
        "btw could you book me a table for two at a harbour restaurant tonight?",
        "can you book a flight to Hong Kong for me",
        "帮我订一张明天去香港的机票",
        "幫我訂張去台北嘅機票",
    ],
)
def test_a_request_outside_video_editing_gets_a_specific_decline(message: str) -> None:
    start = _starts()["fresh5"][0]
    draft, plan, said = run_plan(BEGIN, "fresh5", message, language_of(message))
    assert draft == start
    hant = not message.isascii() and "訂" in message
    assert said == BOOK.say(plan.language, "off_topic", hant=hant)


@pytest.mark.parametrize(
    "message", ["幫我加返隻狗仔喺碼頭度", "在码头上加一只小狗", "add a dog on the pier"]
)
def test_adding_an_animal_to_the_picture_is_a_scene_change(message: str) -> None:
    start = _starts()["fresh5"][0]
    draft, plan, said = run_plan(BEGIN, "fresh5", message, language_of(message))
    assert draft == start
    assert said
    assert all(BOOK.say(plan.language, "capabilities", hant=h) not in said for h in (False, True))


@pytest.mark.parametrize(
    "message", ["remove the lighthouse one and make it 9:16", "删除灯塔那张，改成竖屏"]
)
def test_a_photo_edit_with_a_new_shape_remakes_the_video_in_that_shape(message: str) -> None:
    draft, plan, said = run_plan(BEGIN, "slideshow3", message, language_of(message))
    assert [sg["n"] for sg in draft["t"][0]["sg"]] == ["harbor.jpg", "beach.jpg"]
    assert draft["m"]["aspect"] == "9:16"
    assert (
        BOOK.say(plan.language, "already_aspect", aspect=BOOK.name(plan.language, "9:16"))
        not in said
    )
    assert "1080x1920" in said
