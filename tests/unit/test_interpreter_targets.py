"""Round-15 interpreter classes: a clause's edit lands on what the clause names (EN/简/繁/粤).

- Targets (agent/local/interpreter/targets.py): the photos a clause names, or "the rest"/其他/
  其余, hold its length; a title window from the end ("the last two seconds", 最尾兩秒, 最后三秒)
  runs from the end minus N to the end with the length unchanged; a title moved is not added
  beside the old one; quoted words read as some title; a photo removed is one a removal named.
- A narration in the user's own voice is a voiceover the agent cannot record: declined, the music
  untouched.
- 长度唔好郁/时长不要动 keeps the length (never stills the camera); 不要动态效果 stills it; "the one
  in the middle" is held to the middle photo; 标题改成最后两秒才出现 is a time, not the wording;
  由第1秒去到第5秒 is a range; single quotes keep their apostrophes ('Summer '24').
Drafts: `titled` (5 s, title "Harbor Lights" centred 0-3 s), `music` (5 s, "Lo-fi pulse" at
35%), `slideshow3` (harbor, lighthouse, beach, about 3 s each).
"""

from __future__ import annotations

from typing import Any

import pytest

from agent.local.interpreter.coverage import uncovered
from agent.local.interpreter.phrasebook import load_phrasebook
from agent.local.interpreter.plan import Plan
from tests.unit.test_interpreter_support import interpreted
from tests.unit.test_stranger_round3 import _starts, _verdict

_BOOK, _BEGIN = load_phrasebook(), _starts()


def _case(start: str, message: str, expect: dict[str, Any]) -> str:
    case = {
        "start": start,
        "message": message,
        "language": "en" if message.isascii() else "zh",
        "expect": expect,
    }
    return _verdict(case, _BOOK, _BEGIN)


def _plan(start: str, message: str) -> tuple[Plan, dict[str, Any]]:
    return interpreted(_BEGIN, start, message)[0], _BEGIN[start][0]


def _title(start_s: float, end_s: float) -> dict[str, Any]:
    return {
        "verdict": "apply",
        "titles": [{"text": "Harbor Lights", "start_s": start_s, "end_s": end_s}],
        "duration_unchanged": True,
    }


_ORDER_STILL = {
    "verdict": "apply",
    "photo_order": ["harbor.jpg", "beach.jpg", "lighthouse.jpg"],
    "motion": "none",
    "duration_unchanged": True,
}

APPLIED = [
    ("titled", "put the title in the last two seconds", _title(3, 5)),
    ("titled", "move the title to the final 3 seconds", _title(2, 5)),
    ("titled", "标题只在最后三秒出现", _title(2, 5)),
    ("titled", "標題放最尾兩秒", _title(3, 5)),
    ("titled", "个标题放最尾两秒", _title(3, 5)),
    ("titled", "標題由第1秒去到第5秒，長度唔好郁", _title(1, 5)),
    ("titled", "标题从第1秒到第5秒，时长不要动", _title(1, 5)),
    ("titled", "title from 1s to 5s, keep the length", _title(1, 5)),
    ("titled", "标题改成最后两秒才出现，不要改长度", _title(3, 5)),
    ("titled", "標題喺最後2秒先出", _title(3, 5)),
    ("slideshow3", "燈塔那張放最後，每張都不要動態效果", _ORDER_STILL),
    ("slideshow3", "灯塔那张放最后，每张都不要动态效果", _ORDER_STILL),
    (
        "slideshow3",
        "each photo 4s, vertical, and a title 'Summer '24' at the bottom",
        {
            "verdict": "apply",
            "photo_duration_s": [4, 4, 4],
            "aspect": "9:16",
            "titles": [{"text": "Summer '24", "position": "bottom"}],
        },
    ),
    (
        "slideshow3",
        "add a title 'Rock 'n' Roll' at the top",
        {"verdict": "apply", "titles": [{"text": "Rock 'n' Roll", "position": "top"}]},
    ),
]


@pytest.mark.parametrize(("start", "message", "expect"), APPLIED)
def test_the_edit_lands_where_the_clause_says(
    start: str, message: str, expect: dict[str, Any]
) -> None:
    assert _case(start, message, expect) == "correct", message


VOICE = [
    "replace the music with me narrating the trip",
    "swap the lo-fi track for my own voice explaining each photo",
    "I want to talk over the beach shot instead of the music",
    "把音乐换成我的声音",
    "唔要音樂，換我嘅旁述",
    "背景音樂改成我自己講解",
]


@pytest.mark.parametrize("message", VOICE)
def test_a_narration_in_the_users_voice_is_declined_and_the_music_kept(message: str) -> None:
    assert _case("music", message, {"verdict": "decline"}) == "declined", message


NEVER_WRONG = [
    ("slideshow3", "lighthouse 5 seconds, others 2", [2, 5, 2]),
    ("slideshow3", "燈塔那張5秒，其他各2秒", [2, 5, 2]),
    ("slideshow3", "灯塔那张5秒，其余的2秒", [2, 5, 2]),
    ("slideshow3", "燈塔嗰張5秒，其他2秒", [2, 5, 2]),
    ("slideshow3", "the harbor one 4 seconds and the rest 2", [4, 2, 2]),
    ("slideshow3", "beach 1 second, the others 3 seconds each", [3, 3, 1]),
    ("slideshow3", "make the middle one 5 seconds", [3, 5, 3]),
    ("slideshow3", "中間嗰張5秒", [3, 5, 3]),
    ("slideshow3", "the lighthouse twice as long as the others", [3, 6, 3]),
    ("slideshow3", "灯塔那张比其他的长一倍", [3, 6, 3]),
    ("slideshow3", "燈塔嗰張長過其他兩秒", [3, 5, 3]),
    ("slideshow3", "lighthouse a second longer than the rest", [3, 4, 3]),
    ("slideshow3", "the one in the middle gets 5 seconds", [3, 5, 3]),
    ("slideshow3", "中间那张放5秒", [3, 5, 3]),
    ("slideshow3", "海港那張4秒，其餘的都2秒", [4, 2, 2]),
    ("slideshow3", "beach 6 seconds and the other two 2 seconds", [2, 2, 6]),
]


@pytest.mark.parametrize(("start", "message", "lengths"), NEVER_WRONG)
def test_a_named_photo_beside_the_rest_is_set_as_asked_or_declined_whole(
    start: str, message: str, lengths: list[int]
) -> None:
    expect = {"verdict": "apply", "photo_duration_s": lengths}
    assert _case(start, message, expect) in ("correct", "declined"), message


DECLINED_WHOLE = [
    ("titled", "show the title only for the last 2 seconds"),
    ("slideshow3", "燈塔嗰張擺最尾，全部唔要動態效果"),
]


@pytest.mark.parametrize(("start", "message"), DECLINED_WHOLE)
def test_an_edit_off_target_is_declined_whole(start: str, message: str) -> None:
    assert _case(start, message, _ORDER_STILL) == "declined", message


# A real plan for one request, held against a request it does not carry out: the guard names the
# clause (or the unasked change) instead of letting it through.
OFF_TARGET = [
    ("slideshow3", "lighthouse 5 seconds", "lighthouse 5 seconds, others 2"),
    ("slideshow3", "灯塔那张5秒", "灯塔那张5秒，其他的各2秒"),
    ("slideshow3", "make the beach one 5 seconds", "make the lighthouse 5 seconds"),
    ("slideshow3", "沙灘嗰張5秒", "燈塔嗰張5秒"),
    ("titled", "title from 1s to 3s", "put the title in the last two seconds"),
    ("titled", "标题从第1秒到第3秒", "标题放在最后两秒"),
    ("slideshow3", "add a title '24' at the bottom", "add a title 'Summer '24' at the bottom"),
    ("slideshow3", "remove the lighthouse", "move the lighthouse to the end"),
]


@pytest.mark.parametrize(("start", "done", "asked"), OFF_TARGET)
def test_the_guard_names_a_clause_carried_out_elsewhere(start: str, done: str, asked: str) -> None:
    plan, before = _plan(start, done)
    assert uncovered(plan, before, done, _BOOK) is None, done  # the plan does what it was for
    assert uncovered(plan, before, asked, _BOOK) is not None, asked
