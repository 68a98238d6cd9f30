"""Round-14 interpreter classes: a plan that changes the draft covers the whole request, or the
whole message is declined with the draft untouched (EN/简/繁/粤).

- Questions never mutate: a question about the draft is answered from it; a polite request
  phrased as a question ("can you make it 8 seconds?", 可以帮我…吗) is still an edit.
- Coverage guard (agent/local/interpreter/coverage.py): every clause naming a kind of edit sees
  that kind changed, no kind changes that no clause named, and every number a clause states is
  in the new draft (as a value, or as the change of one for "minus 2s", "+10%").
- Relative volume: 音量调到原来的两倍 doubles the level the music has; a factor in a clause
  about the video's length (影片長度變兩倍) is not the music's.
Drafts: `titled` (5 s, title "Harbor Lights" centred 0-3 s), `music` (5 s, "Lo-fi pulse" at
35%), `slideshow3` (harbor, lighthouse, beach, about 3 s each).
"""

from __future__ import annotations

from typing import Any

import pytest

from agent.local.interpreter.asked import clauses
from agent.local.interpreter.phrasebook import load_phrasebook
from agent.local.interpreter.plan import ToolStep
from tests.unit.test_interpreter_support import interpreted, texts
from tests.unit.test_stranger_round3 import _starts, _verdict

_BOOK, _BEGIN = load_phrasebook(), _starts()


def _run(start: str, message: str) -> tuple[bool, str]:
    """(whether the plan changes the draft, what it says)."""
    plan, _ = interpreted(_BEGIN, start, message)
    return any(isinstance(s, ToolStep) for s in plan.steps), texts(plan)


QUESTIONS = [
    ("titled", "quick q — when does the title disappear?"),
    ("titled", "when does the title end?"),
    ("music", "is the music too loud?"),
    ("music", "does it have music?"),
    ("music", "有背景音乐吗？"),
    ("music", "背景音樂幾大聲？"),
    ("titled", "标题几时消失？"),
    ("titled", "個標題幾時冇咗？"),
]


@pytest.mark.parametrize(("start", "message"), QUESTIONS)
def test_a_question_about_the_draft_changes_nothing_and_is_answered(
    start: str, message: str
) -> None:
    changed, said = _run(start, message)
    assert not changed, message
    assert said, message


POLITE_EDITS = [
    ("titled", "can you make it 8 seconds?", 8),
    ("titled", "could you make the video 8 seconds long?", 8),
    ("titled", "可以帮我改成8秒吗？", 8),
    ("titled", "可唔可以整成8秒？", 8),
]


@pytest.mark.parametrize(("start", "message", "seconds"), POLITE_EDITS)
def test_a_request_phrased_as_a_question_is_still_an_edit(
    start: str, message: str, seconds: int
) -> None:
    case = {
        "start": start,
        "message": message,
        "language": "en" if message.isascii() else "zh",
        "expect": {"verdict": "apply", "duration_s": seconds},
    }
    assert _verdict(case, _BOOK, _BEGIN) == "correct", message


DECLINED_WHOLE = [
    # a photo's length read as the video's, a clause lost beside another, relative lengths
    ("slideshow3", "make the harbor shot twice as long and the beach one a second shorter"),
    ("slideshow3", "最后一张沙滩照片延长到6秒，然后加标题「海边假期」在底部，从第6秒到结尾"),
    ("slideshow3", "第一张缩短到2秒，加上背景音乐，音量40%"),
    ("slideshow3", "第二张放5秒，最后一张删掉"),
    ("slideshow3", "the middle one should be 5 seconds, others stay"),
    ("titled", "唔好要個標題啦，加返啲背景音樂，細聲啲，20%"),
    ("titled", "delete the title, and drop in some music at 50%"),
    # a relative number read as the new value, a frame that cannot be made beside a look
    ("fresh5", "minus 2s"),
    ("titled", "make it 21:9 cinematic widescreen 🎬"),
    # (a volume factor once taken for the camera's speed, and music once swapped when asked to
    # keep it, are now carried out: tests/unit/test_interpreter_relative.py)
]


@pytest.mark.parametrize(("start", "message"), DECLINED_WHOLE)
def test_a_request_not_carried_out_whole_is_declined_whole(start: str, message: str) -> None:
    changed, said = _run(start, message)
    assert not changed, message
    assert "nothing" in said or "没有改" in said or "沒有改" in said, said


def _apply(start: str, message: str, **expect: Any) -> dict[str, Any]:
    lang = "en" if message.isascii() else "zh"
    expect = {"verdict": "apply", **expect}
    return {"start": start, "message": message, "language": lang, "expect": expect}


_BOTTOM_1_4 = {"start_s": 1, "end_s": 4, "position": "bottom"}
APPLIED = [
    _apply(
        "titled",
        "Add a title 'Hi' at the bottom, from 1s to 4s.",
        titles=[{"text": "Hi", **_BOTTOM_1_4}],
        duration_unchanged=True,
    ),
    _apply(
        "titled",
        "加个标题「你好」放在底部，第1秒到第4秒显示",
        titles=[{"text": "你好", **_BOTTOM_1_4}],
        duration_unchanged=True,
    ),
    _apply("slideshow3", "every photo 2s", photo_duration_s=[2, 2, 2]),
    _apply("slideshow3", "每张照片都改成4秒", photo_duration_s=[4, 4, 4]),
    _apply(
        "music",
        "tack on 2 more seconds and set music to 60",
        duration_s=7,
        music={"present": True, "volume_pct": 60},
    ),
    _apply("music", "把音乐音量降低10个百分点", music={"present": True, "volume_pct": 25}),
    _apply("music", "音量调到原来的两倍", music={"present": True, "volume_pct": 70}),
    _apply("music", "make the music twice as loud", music={"present": True, "volume_pct": 70}),
    _apply(  # the 两倍 is the video's: the music's level is halved
        "music",
        "音樂小聲一半，影片長度變兩倍",
        duration_s=10,
        music={"present": True, "volume_pct": 17.5},
    ),
    _apply("fresh5", "做成十二秒的，镜头改成向左平移", duration_s=12, motion="pan_left"),
    _apply(
        "slideshow3",
        "give the lighthouse 5 seconds, the other two stay at 3",
        photo_duration_s=[3, 5, 3],
    ),
]


@pytest.mark.parametrize("case", APPLIED, ids=[c["message"] for c in APPLIED])
def test_a_request_carried_out_whole_still_applies(case: dict[str, Any]) -> None:
    assert _verdict(case, _BOOK, _BEGIN) == "correct", case["message"]


CLAUSES = [
    ("加个标题「港口」放在底部，第1秒到第4秒显示", [{"text"}]),
    ("最后两秒再加一个标题「下次见」，居中", [{"text"}]),
    ("改成15秒，标题放到底部", [{"length"}, {"text"}]),
    ("第一張放耐啲，四秒", [{"photo_lengths"}]),
    ("make the whole thing 7s, and music at 60%", [{"length"}, {"music"}]),
    ("Add a second title 'Est. 1902' at the bottom from 3s to 5s", [{"text"}]),
]


@pytest.mark.parametrize(("message", "wants"), CLAUSES)
def test_a_time_or_a_bare_number_belongs_to_the_clause_beside_it(
    message: str, wants: list[set[str]]
) -> None:
    assert [set(c.wants) for c in clauses(message, _BOOK) if not c.keeps] == wants
