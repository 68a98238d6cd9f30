"""Round 15 (r14 stranger sets), from the allow side: an export word with an indefinite object
exports only when the object is one of our deliverables, and an export ordered after a first
step runs only when that step is an edit the same message asks for."""

from __future__ import annotations

import pytest

from agent.router import build_keyword_router, build_router
from tests.router_support import SaysExport, plan_of


@pytest.mark.parametrize(
    "text",
    [
        "render me a golden retriever skateboarding down a hill",
        "render us a spaceship landing on the beach 🚀",
        "download a penguin doing a backflip",
        "pls render a wizard casting a spell at night",
        "can you render me an owl flying through the forest",
        "export me a unicorn on a rainbow",
        "render me a video of a fox jumping over a fence",
        "给我渲染一只熊猫在竹林里吃竹子",
        "帮我导出一个外星人跳舞",
        "幫我渲染一隻貓仔追蝴蝶",
    ],
)
def test_a_new_thing_to_make_never_exports(text: str) -> None:
    keyword = build_keyword_router().route(text)
    assert keyword is None or "export" not in keyword.actions, text
    for router in (build_router(), build_router(completer=SaysExport())):
        assert "export" not in plan_of(router, text), text


@pytest.mark.parametrize(
    "text",
    [
        "render the video",
        "render me a 4k version",
        "export a gif",
        "download a copy for the client",
        "render me an mp4 please",
        "export me a 1080p one",
        "export a few versions",
        "导出一个4k版本",
        "帮我导出一个gif",
    ],
)
def test_one_of_our_deliverables_still_exports(text: str) -> None:
    assert plan_of(build_router(), text) == ("export",)


def test_a_new_version_in_another_shape_is_made_then_exported() -> None:
    # issue #10 (round 28): "帮我 export 一个 vertical version" asks for the version first
    assert plan_of(build_router(), "render a vertical cut for reels") == ("sse", "export")
    # round 33: the export renders the project as it stands (output settings only), so the
    # vertical shape is the agent's work first, in Chinese too
    assert plan_of(build_router(), "渲染一条竖屏视频") == ("sse", "export")


@pytest.mark.parametrize(
    "text",
    [
        "producer notes first, then export — in the meantime could you warm up the colours",
        "brand team approval first, then render; meanwhile swap the font",
        "the voiceover first, then download the final. meanwhile add a fade out",
        "their feedback first, then render it, make the logo smaller",
        "老板过目先，然后再渲染，同时把标题改成蓝色",
        "先等法务审核，再出片，同时把字幕放大",
        "監製睇完先，之後先匯出，同時將背景音樂細聲啲",
    ],
)
def test_an_export_after_someone_elses_step_waits(text: str) -> None:
    keyword = build_keyword_router().route(text)
    assert keyword is not None, text
    assert "export" not in keyword.actions, text
    assert "export" in keyword.declined, text  # the automatic export after the edit waits too
    for router in (build_router(), build_router(completer=SaysExport())):
        plan = plan_of(router, text)
        assert "export" not in plan, (text, plan)
        assert "sse" in plan, (text, plan)


@pytest.mark.parametrize(
    "text",
    [
        "trim the intro first, then render",
        "chop the last shot first, then export it",
        "fix the colour first, then download the video",
        "先剪掉片头，然后再导出",
        "片头剪短啲先，之后先出片",
    ],
)
def test_an_edit_asked_first_then_the_export_runs(text: str) -> None:
    assert plan_of(build_router(), text) == ("sse", "export")


@pytest.mark.parametrize(
    "text",
    [
        "which photos did we put in?",
        "what music have i used so far",
        "what titles have we added",
        "which transitions did i pick",
    ],
)
def test_what_the_users_work_holds_so_far_is_a_state_question(text: str) -> None:
    assert plan_of(build_router(), text) == ("state",)


@pytest.mark.parametrize(
    "text",
    ["what you have is great but add music", "add the clips i picked yesterday"],
)
def test_an_edit_beside_a_past_verb_is_still_an_edit(text: str) -> None:
    assert plan_of(build_router(), text) == ("sse",)


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("lmk what the render will cost", ("credits",)),
        ("tell me how much ive spent so far", ("credits",)),
        ("show me the timeline and let me know the cost", ("state", "credits")),
    ],
)
def test_the_cost_asked_for_as_an_order_is_a_credits_answer(
    text: str, plan: tuple[str, ...]
) -> None:
    assert plan_of(build_router(), text) == plan
