"""Round-10 classes of the local interpreter (the r9t stranger set): a compound request, two or
more edits joined by 并/然后/再/跟住/and/then/a comma, is applied whole or declined whole with a
reason, never half-done. Its classes: a chain of relative length changes applied in
order (原来的两倍，再多加2秒); a length said as 加倍 of the length or as Cantonese
整長/整短; the amount there is said with a filler word ("it's actually 5 seconds now");
a request not to move the camera after "and"; a frame shape that cannot be made (4:3,
21比9) declining the whole message; a quoted title removed by its words.
Table-driven, EN / simplified / traditional / Cantonese; every case asserts on the draft.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent.local.interpreter.compound import lost_clause
from agent.local.interpreter.intents import parse
from agent.local.interpreter.phrasebook import load_phrasebook
from tests.unit.test_interpreter_support import language_of, run_plan
from tests.unit.test_stranger_round3 import _checks, _starts

BEGIN = _starts()

_KEEP = {"duration_unchanged": True}


def _applied(start: str, message: str, expect: dict[str, Any]) -> bool:
    draft, _, _ = run_plan(BEGIN, start, message, language_of(message))
    return all(_checks(expect, _starts()[start][0], draft))


@pytest.mark.parametrize(
    ("start", "message", "expect"),
    [
        ("music", "时长变成原来的两倍，再多加2秒", {"duration_s": 12}),
        ("fresh5", "時長變成原來的兩倍，再加兩秒", {"duration_s": 12}),
        ("fresh5", "長度加倍，跟住再整長一秒", {"duration_s": 11}),
        ("fresh5", "make it twice as long, then add 2 more seconds", {"duration_s": 12}),
        ("fresh5", "add 2 seconds, then double it", {"duration_s": 14}),
        ("fresh5", "make it twice as long and then 1 second shorter", {"duration_s": 9}),
        ("fresh5", "先加长3秒，然后再缩短1秒", {"duration_s": 7}),
        ("fresh5", "make it 6 seconds, then 2 seconds longer", {"duration_s": 8}),
        ("fresh5", "改成8秒，再加长2秒", {"duration_s": 10}),
        ("fresh5", "轉做8秒，跟住再整長佢一秒", {"duration_s": 9}),
        ("fresh5", "add 2 seconds, then make it 9 seconds", {"duration_s": 9}),
        ("fresh5", "make it 7 seconds, that's 2 seconds longer", {"duration_s": 7}),
        ("fresh5", "加長兩秒，即係變成7秒", {"duration_s": 7}),
        ("fresh5", "triple the length", {"duration_s": 15}),
    ],
)
def test_a_chain_of_relative_length_changes_applies_in_order(
    start: str, message: str, expect: dict[str, Any]
) -> None:
    assert _applied(start, message, expect)


@pytest.mark.parametrize(
    ("message", "seconds"),
    [
        ("整長三秒", 8),
        ("現在係5秒，整長佢兩秒", 7),
        ("幫我整長兩秒", 7),
        ("整短兩秒", 3),
        ("請把影片長度加倍", 10),
        ("把视频时长加倍", 10),
        ("it's actually 5 seconds now, make it 10", 10),
        ("its only like 5 seconds, make it 8", 8),
        ("其实现在只有5秒，改成10秒", 10),
        ("而家其實得5秒，改做9秒", 9),
    ],
)
def test_a_relative_or_restated_length_is_not_read_as_the_new_one(
    message: str, seconds: int
) -> None:
    assert _applied("fresh5", message, {"duration_s": seconds})


@pytest.mark.parametrize(
    ("start", "message", "expect"),
    [
        ("fresh5", "請把影片長度加倍，並改成1:1正方形", {"duration_s": 10, "aspect": "1:1"}),
        ("fresh5", "缩短3秒，然后画面比例改成方形", {"duration_s": 2, "aspect": "1:1"}),
        ("fresh5", "make it 8 seconds and switch to vertical", {"duration_s": 8, "aspect": "9:16"}),
        ("fresh5", "延長至兩倍，然後改為直向", {"duration_s": 10, "aspect": "9:16"}),
        ("fresh5", "half the length, then add 1 second", {"duration_s": 3.5}),
        (
            "slideshow3",
            "删掉第二张，再改成方形",
            {"photo_order": ["harbor.jpg", "beach.jpg"], "aspect": "1:1"},
        ),
        (
            "titled",
            "刪咗個標題，跟住轉做直嘅",
            {"titles": [], "aspect": "9:16"},
        ),
        (
            "music",
            "drop the music to 20 and stop the camera moving",
            {"music": {"present": True, "volume_pct": 20}, "motion": "none", **_KEEP},
        ),
        (
            "music",
            "stop the camera moving and turn the music down to 10%",
            {"music": {"present": True, "volume_pct": 10}, "motion": "none", **_KEEP},
        ),
        (
            "music",
            "音乐调到20然后镜头不要动",
            {"music": {"present": True, "volume_pct": 20}, "motion": "none", **_KEEP},
        ),
        (
            "music",
            "畫面唔使郁，同埋音樂細聲啲，調到兩成",
            {"music": {"present": True, "volume_pct": 20}, "motion": "none", **_KEEP},
        ),
        (
            "music",
            "畫面唔使郁并且加标题“你好”放在顶部",
            {"motion": "none", "titles": [{"text": "你好", "position": "top"}], **_KEEP},
        ),
        (
            "music",
            "音量調到百分之十，改成4:5",
            {"music": {"present": True, "volume_pct": 10}, "aspect": "4:5"},
        ),
        (
            "titled",
            "pan left and remove the title 'Harbor Lights'",
            {"motion": "pan_left", "titles": [], **_KEEP},
        ),
        ("titled", "删除标题“Harbor Lights”", {"titles": [], **_KEEP}),
    ],
)
def test_every_edit_of_a_compound_request_lands_on_the_draft(
    start: str, message: str, expect: dict[str, Any]
) -> None:
    assert _applied(start, message, expect)


@pytest.mark.parametrize(
    ("start", "message", "ratio"),
    [
        (
            "fresh5",
            "put 'Day One' in the middle for the last two seconds, and make the whole thing 4:3",
            "4:3",
        ),
        ("fresh5", "缩短3秒，然后画面比例改成4:3", "4:3"),
        ("fresh5", "把畫面改成21比9，再加長兩秒", "21:9"),
        ("music", "音樂細聲啲，跟住轉做4比3", "4:3"),
        ("slideshow3", "make it 3:2 and give each photo 2 seconds", "3:2"),
        ("fresh5", "make it 4:3", "4:3"),
    ],
)
def test_a_frame_shape_that_cannot_be_made_declines_the_whole_request(
    start: str, message: str, ratio: str
) -> None:
    draft, _, said = run_plan(BEGIN, start, message, language_of(message))
    assert draft == _starts()[start][0]
    assert ratio in said


def test_a_title_time_written_like_a_clock_is_not_a_frame_shape() -> None:
    expect = {"titles": [{"text": "Hi", "start_s": 1, "end_s": 3}], **_KEEP}
    assert _applied("fresh5", "add a title 'Hi' from 0:01 to 0:03", expect)


def test_a_clause_whose_edit_the_whole_reading_lost_is_named() -> None:
    book = load_phrasebook()
    whole = parse("make it square", "en", book)  # a reading that lost the camera move
    assert lost_clause("make it square and pan left", "en", whole, book) == (
        "pan left",
        "about_motion",
    )
    both = parse("make it square and pan left", "en", book)
    assert lost_clause("make it square and pan left", "en", both, book) is None


# Small pools of supported edits on the "music" start (a 5 s video with music), each with the
# facts it leaves on the draft; a compound of two from different pools applies both or neither.
_EN = {
    "length": [
        ("make it 8 seconds", {"duration_s": 8}),
        ("add 3 seconds", {"duration_s": 8}),
        ("make it twice as long", {"duration_s": 10}),
        ("cut it by 2 seconds", {"duration_s": 3}),
    ],
    "aspect": [
        ("make it square", {"aspect": "1:1"}),
        ("switch to vertical", {"aspect": "9:16"}),
        ("make it 4:5", {"aspect": "4:5"}),
    ],
    "motion": [
        ("pan left", {"motion": "pan_left"}),
        ("zoom out instead", {"motion": "zoom_out"}),
        ("stop the camera moving", {"motion": "none"}),
    ],
    "title": [
        ("add a title 'Hello' at the top", {"titles": [{"text": "Hello", "position": "top"}]}),
        (
            "put the caption 'Bye' at the bottom",
            {"titles": [{"text": "Bye", "position": "bottom"}]},
        ),
    ],
    "music": [
        ("music to 20", {"music": {"present": True, "volume_pct": 20}}),
        ("turn the music down to 10%", {"music": {"present": True, "volume_pct": 10}}),
        ("remove the music", {"music": {"present": False}}),
    ],
}
_ZH = {
    "length": [
        ("改成8秒", {"duration_s": 8}),
        ("加长3秒", {"duration_s": 8}),
        ("時長加倍", {"duration_s": 10}),
        ("缩短2秒", {"duration_s": 3}),
        ("整長三秒", {"duration_s": 8}),
    ],
    "aspect": [
        ("改成方形", {"aspect": "1:1"}),
        ("换成竖屏", {"aspect": "9:16"}),
        ("改成4:5", {"aspect": "4:5"}),
    ],
    "motion": [
        ("镜头向左平移", {"motion": "pan_left"}),
        ("改成拉远", {"motion": "zoom_out"}),
        ("镜头不要动", {"motion": "none"}),
        ("畫面唔使郁", {"motion": "none"}),
    ],
    "title": [
        ("加标题“你好”放在顶部", {"titles": [{"text": "你好", "position": "top"}]}),
        ("底部加字幕「再見」", {"titles": [{"text": "再見", "position": "bottom"}]}),
    ],
    "music": [
        ("音乐调到20%", {"music": {"present": True, "volume_pct": 20}}),
        ("音量調到百分之十", {"music": {"present": True, "volume_pct": 10}}),
        ("把音乐删掉", {"music": {"present": False}}),
    ],
}
_JOINERS = {
    "en": (" and ", ", then ", ", ", "; also ", ". Then "),
    "zh": ("，", "，然后", "，再", "，并", "并且", "；另外", "，跟住", "，同埋"),
}


@st.composite
def _compounds(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    lang = draw(st.sampled_from(["en", "zh"]))
    pools = _EN if lang == "en" else _ZH
    first, second = draw(st.permutations(sorted(pools)))[:2]
    one, facts_one = draw(st.sampled_from(pools[first]))
    two, facts_two = draw(st.sampled_from(pools[second]))
    joiner = draw(st.sampled_from(_JOINERS[lang]))
    return one + joiner + two, {**facts_one, **facts_two}


@settings(max_examples=60)
@given(_compounds())
def test_a_compound_of_two_supported_edits_applies_both_or_declines(
    compound: tuple[str, dict[str, Any]],
) -> None:
    message, expect = compound
    start = _starts()["music"][0]
    draft, _, said = run_plan(BEGIN, "music", message, language_of(message))
    assert said or draft != start  # never silent
    if draft != start:  # never one edit only
        assert all(_checks(expect, start, draft)), (message, draft)
