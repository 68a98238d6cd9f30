"""Round-4 classes of the local interpreter (issue 14): misspelt edit words, "instead of X, Y",
changes to what the photo shows declined specifically, mixed per-photo lengths, and replies to
traditional requests in Taiwan/Hong Kong words. Asserts on drafts and reply kinds, and that every
stranger/probe reply claims exactly what its draft diff shows."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from agent.local.interpreter.interpret import interpret
from agent.local.interpreter.phrasebook import load_phrasebook
from agent.local.interpreter.plan import InterpretContext, ToolStep
from agent.local.interpreter.typos import fix_typos
from tests.unit.test_interpreter_support import claim_errors, language_of, read_jsonl, run_plan
from tests.unit.test_stranger_round3 import _starts

BOOK = load_phrasebook()
BEGIN = _starts()


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("add 3 mroe seconds", "add 3 more seconds"),
        ("get rid of the tittle", "get rid of the title"),
        ("remvoe the music", "remove the music"),
        ("make it longre", "make it longer"),
        ("the musik please", "the music please"),
        ("delet the titel", "delete the title"),
    ],
)
def test_a_misspelt_edit_word_is_read_as_its_keyword(text: str, fixed: str) -> None:
    assert fix_typos(text, BOOK) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "any chance you could add a caption",  # chance is not change
        "move the beach photo to the front",  # front is not font
        "the beach shots at the end",  # shots is not shorts
        "a flower caption",  # a first letter never changes: flower is not slower
        "shorten it by 1 second",  # shorten is not shorter
        "see how it works",  # works is not words
        "add sunset.jpg",  # file names stay
        "the last photo",
    ],
)
def test_a_real_word_is_never_folded_into_an_edit_word(text: str) -> None:
    assert fix_typos(text, BOOK) == text


@pytest.mark.parametrize(
    ("message", "motion"),
    [
        ("instead of zooming in, zoom out slowly", "zoom_out"),
        ("rather than zooming in, could it pan left?", "pan_left"),
        ("can the camera pan to the right instead of the zoom?", "pan_right"),
        ("不要拉近，改成拉远", "zoom_out"),
    ],
)
def test_instead_of_x_asks_for_y(message: str, motion: str) -> None:
    draft, _, _ = run_plan(BEGIN, "fresh5", message)
    assert {sg["mo"]["type"] for sg in draft["t"][0]["sg"]} == {motion}


@pytest.mark.parametrize(
    "message",
    [
        "replace the grey sky with a generated sunset",
        "add some seagulls flying through the scene",
        "can the lighthouse beam sweep around?",
        "make it snow in the picture",
        "把阴天换成蓝天白云",
        "在画面里加几只海鸥",
        "加幾隻雀仔喺天上飛",
    ],
)
def test_a_change_to_what_the_photo_shows_is_declined_specifically(message: str) -> None:
    start = _starts()["fresh5"][0]
    draft, plan, said = run_plan(BEGIN, "fresh5", message, language_of(message))
    assert draft == start
    assert not any(isinstance(s, ToolStep) for s in plan.steps)
    assert said
    assert all(BOOK.say(plan.language, "capabilities", hant=h) not in said for h in (False, True))


def test_the_other_edits_of_a_message_with_a_scene_change_still_apply() -> None:
    draft, _, said = run_plan(BEGIN, "fresh5", "make it 8 seconds and add some seagulls in the sky")
    assert draft["d"] == 8000
    assert BOOK.say("en", "limit_scene") in said


def test_a_reply_to_traditional_chinese_uses_taiwan_and_hong_kong_words() -> None:
    _, _, said = run_plan(BEGIN, "fresh5", "影片改成十二秒", "zh")
    assert "影片" in said
    assert "視頻" not in said
    assert "视频" not in said


def test_one_photo_length_and_the_rest_in_one_message() -> None:
    for message in ("the first one 5s, the rest 2s each", "第一張5秒，其他的各2秒"):
        draft, _, _ = run_plan(BEGIN, "slideshow3", message, language_of(message))
        assert draft["d"] == 9000
        video = draft["t"][0]["sg"]
        assert video[0]["d"] > video[1]["d"]


SETS = (
    "blind_r2.jsonl",
    "blind_r3.jsonl",
    "blind_r4.jsonl",
    "blind_r5t.jsonl",
    "blind_r5.jsonl",
    "probe_local5.jsonl",
    "probe_local3.jsonl",
    "probe_local3b.jsonl",
    "probe_local3c.jsonl",
    "probe_local3d.jsonl",
    "probe_local3e.jsonl",
)
CASES = [(c["id"], c) for name in SETS for c in read_jsonl(name)]


@pytest.mark.parametrize(("case_id", "case"), CASES, ids=[c[0] for c in CASES])
def test_every_stranger_reply_claims_exactly_what_its_draft_diff_shows(
    case_id: str, case: dict[str, Any]
) -> None:
    draft, uploads = _starts()[case["start"]]
    ctx = InterpretContext(
        message=case["message"],
        language="en" if case["language"] == "en" else "zh",
        assets=uploads,
        draft=copy.deepcopy(draft),
        seed=11,
    )
    plan = interpret(ctx)
    assert claim_errors(plan, draft) == (set(), set()), case_id
