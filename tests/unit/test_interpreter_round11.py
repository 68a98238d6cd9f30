"""Round-11 classes of the local interpreter (the r9 stranger set): a question about the draft as
it is ("what's the aspect ratio right now?", 现在用的是什么背景音乐？音量多少？) never changes
anything and is answered from the draft. Table-driven, EN / simplified / traditional / Cantonese;
every case asserts on the draft.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.test_interpreter_support import language_of, run_plan
from tests.unit.test_stranger_round3 import _checks, _starts

BEGIN = _starts()


@pytest.mark.parametrize(
    ("start", "message", "answer"),
    [
        ("fresh5", "quick q - what's the aspect ratio right now? don't change anything", "16:9"),
        ("fresh5", "How long is the video at the moment?", "5 seconds"),
        ("music", "what music is on it, and how loud is it?", "35%"),
        ("titled", "Which title does it have? Just asking.", "Harbor Lights"),
        ("music", "现在用的是什么背景音乐？音量多少？", "35%"),
        ("fresh5", "现在视频多长？先别改", "5秒"),
        ("music", "現在用的是什麼背景音樂？音量多少？", "35%"),
        ("titled", "而家個標題係咩？", "Harbor Lights"),
        ("fresh5", "條片而家幾多秒？唔好改住", "5秒"),
    ],
)
def test_a_question_about_the_draft_is_answered_and_changes_nothing(
    start: str, message: str, answer: str
) -> None:
    draft, _, said = run_plan(BEGIN, start, message, language_of(message))
    assert draft == _starts()[start][0]
    assert answer in said


_ASKED = {
    "en": (
        ["what's the", "what is the", "which", "how much is the", "what"],
        ["aspect ratio", "length", "duration", "music", "song", "volume", "camera motion", "title"],
        ["", " right now", " currently", " at the moment"],
        ["?", "? don't change anything", "? just curious"],
    ),
    "zh": (
        ["现在的", "現在的", "而家個", "目前的"],
        ["画幅", "時長", "背景音乐", "音量", "运镜", "標題", "音樂", "长度"],
        ["是什么", "是多少", "係咩", "幾多", "是哪个", "有多少"],
        ["？", "?", "？先别改", "？唔好改住"],
    ),
}


@settings(max_examples=60, deadline=None)
@given(
    start=st.sampled_from(["fresh5", "titled", "music", "slideshow3"]),
    language=st.sampled_from(["en", "zh"]),
    data=st.data(),
)
def test_no_question_about_the_draft_changes_it(
    start: str, language: str, data: st.DataObject
) -> None:
    words = [data.draw(st.sampled_from(part)) for part in _ASKED[language]]
    spaced = f"{words[0]} {words[1]}{words[2]}{words[3]}"
    message = spaced if language == "en" else "".join(words)
    draft, _, said = run_plan(BEGIN, start, message, language)
    assert draft == _starts()[start][0], message
    assert said, message


@pytest.mark.parametrize(
    ("start", "message"),
    [
        ("titled", "标题能不能做成金色描边的3D立体发光字？"),
        ("titled", "標題做成金色立體字"),
        ("titled", "make the title gold with a black outline and a drop shadow"),
        ("titled", "make the title bold and red"),
        ("titled", "個標題整成紅色粗體字"),
        ("titled", "give the title a glowing neon look in pink"),
    ],
)
def test_a_look_that_cannot_be_made_whole_declines_whole(start: str, message: str) -> None:
    draft, _, said = run_plan(BEGIN, start, message, language_of(message))
    assert draft == _starts()[start][0]
    assert said


@pytest.mark.parametrize(
    ("start", "message", "expect"),
    [
        ("slideshow3", "條片縮到一半長度就得", {"duration_s": 4.5}),
        ("slideshow3", "条片缩到一半长度", {"duration_s": 4.5}),
        ("fresh5", "时长砍一半", {"duration_s": 2.5}),
        ("fresh5", "時長砍掉一半", {"duration_s": 2.5}),
        ("fresh5", "改成 zoom out 缩小效果，时长砍一半", {"duration_s": 2.5, "motion": "zoom_out"}),
        ("fresh5", "cut it down to half the length", {"duration_s": 2.5}),
        ("fresh5", "Trim it down by 3 seconds", {"duration_s": 2}),
        (
            "fresh5",
            "Trim it down by 3 seconds and swap the zoom for a slow pan to the right.",
            {"duration_s": 2, "motion": "pan_right"},
        ),
        ("fresh5", "shorten it down by 2 seconds", {"duration_s": 3}),
    ],
)
def test_half_the_length_and_trimmed_down_by(
    start: str, message: str, expect: dict[str, Any]
) -> None:
    draft, _, _ = run_plan(BEGIN, start, message, language_of(message))
    assert all(_checks(expect, _starts()[start][0], draft))


@pytest.mark.parametrize(
    ("message", "expect"),
    [
        ("第一张多放1秒，其他不变", [4, 3, 3]),
        ("第一張多放一秒", [4, 3, 3]),
        ("第二张少放1秒", [3, 2, 3]),
        ("第三張多顯示2秒", [3, 3, 5]),
        ("第一張加多一秒", [4, 3, 3]),
        ("give the first photo 1 more second", [4, 3, 3]),
    ],
)
def test_one_photo_shown_longer_or_shorter_by_an_amount(message: str, expect: list[int]) -> None:
    draft, _, _ = run_plan(BEGIN, "slideshow3", message, language_of(message))
    assert all(_checks({"photo_duration_s": expect}, _starts()["slideshow3"][0], draft))
