"""Table-driven tests of `interpret` over fixtures/interpreter/conversations-*.jsonl (EN and ZH)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from agent.local.interpreter.interpret import Costs, interpret
from agent.local.interpreter.plan import InterpretContext, ToolStep
from tests.unit.test_interpreter_support import (
    check_plan,
    context,
    conversations,
    fact,
    final_draft,
    reply_kind,
    texts,
)

CASES = conversations()


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_conversation_turn_produces_the_expected_plan(case: dict[str, Any]) -> None:
    ctx = context(case)
    before = copy.deepcopy(ctx.draft)
    plan = interpret(ctx)
    observed = {
        "tools": [s.name for s in plan.steps if isinstance(s, ToolStep)],
        "reply": reply_kind(plan),
        "language": plan.language,
        "credits": plan.credits,
    }
    expected = {key: case[key] for key in observed}
    assert observed == expected
    said = texts(plan)
    assert [s for s in case.get("says", []) if s not in said] == [], said
    draft = final_draft(plan, ctx.draft)
    facts = {path: fact(draft, path) for path in case.get("draft", {})}
    assert facts == case.get("draft", {})
    check_plan(plan)
    assert ctx.draft == before, "the input draft must not be mutated"


def test_fixture_ids_are_unique_and_cover_both_languages() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    assert {c["language"] for c in CASES} == {"en", "zh"}


@pytest.mark.parametrize("case", CASES[:12], ids=[c["id"] for c in CASES[:12]])
def test_same_context_gives_the_same_plan(case: dict[str, Any]) -> None:
    assert interpret(context(case)) == interpret(context(case))


def test_segment_ids_depend_on_the_seed() -> None:
    case = next(c for c in CASES if c["id"] == "generate-default")
    first = final_draft(interpret(context(case, seed=1)), {})
    second = final_draft(interpret(context(case, seed=2)), {})
    assert fact(first, "video.id") != fact(second, "video.id")


def test_ids_stay_unique_over_a_conversation_with_one_seed() -> None:
    case = next(c for c in CASES if c["id"] == "generate-default")
    ctx = context(case)
    draft: dict[str, Any] = {}
    for message in (
        "Turn this into a video",
        "add a title 'One'",
        "add music",
        "caption 'Two' 1-2s",
    ):
        plan = interpret(InterpretContext(message, "en", ctx.assets, draft, seed=5))
        draft = final_draft(plan, draft)
        check_plan(plan)
    assert fact(draft, "text.n") == ["One", "Two"]
    assert fact(draft, "audio.count") == 1


def test_costs_are_configurable() -> None:
    case = next(c for c in CASES if c["id"] == "generate-with-title-and-music")
    plan = interpret(context(case), costs=Costs(generate=7, edit=3))
    assert [s.credits for s in plan.steps if isinstance(s, ToolStep)] == [7, 3, 0]
    assert plan.credits == 10


def test_exact_generation_reply_in_english_and_chinese() -> None:
    en = next(c for c in CASES if c["id"] == "generate-5-second")
    zh = next(c for c in CASES if c["id"] == "zh-generate-10s-vertical")
    assert texts(interpret(context(en))) == (
        "Your 5-second clip is ready (16:9 landscape, zoom in). "
        "Preview it in the timeline or click Export to save the MP4."
    )
    assert texts(interpret(context(zh))) == (  # a landscape photo in 9:16: the crop is told
        "城市夜景视频已生成（10秒，竖屏，推近）。可以在时间线中预览，或点击导出按钮下载。"
        "照片已裁剪以填满竖屏画面，主体保留在画面内；说“显示完整照片”即可保留整张照片。"
    )


def test_post_production_reports_the_raw_video_before_the_added_tracks() -> None:
    case = next(c for c in CASES if c["id"] == "generate-post-production")
    kinds = [
        type(s).__name__ + ":" + getattr(s, "name", "") for s in interpret(context(case)).steps
    ]
    assert kinds == [
        "ToolStep:generate_video_from_images",
        "TextStep:",
        "ToolStep:add_background_music",
        "ToolStep:edit_multitrack",
        "TextStep:",
    ]


def test_generation_args_name_the_images_and_parameters() -> None:
    case = next(c for c in CASES if c["id"] == "generate-slideshow-30s")
    step = interpret(context(case)).steps[0]
    assert isinstance(step, ToolStep)
    assert (step.work, step.credits) == ("generate", 100)
    assert step.args == {
        "prompt": case["message"],
        "duration": 30,
        "aspect_ratio": "16:9",
        "motion": "zoom_in",
        "images": ["as_harbor", "as_portrait", "as_small"],
    }


def test_a_message_with_a_question_and_generation_generates_then_asks() -> None:
    case = next(c for c in CASES if c["id"] == "generate-default")
    ctx = context(case)
    plan = interpret(InterpretContext("animate this photo and add a title", "en", ctx.assets))
    assert [type(s).__name__ for s in plan.steps] == ["ToolStep", "TextStep", "AskStep"]
    assert plan.credits == 100
