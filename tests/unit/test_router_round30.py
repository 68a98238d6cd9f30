"""Rounds 30-32 (issue #10): the harmful classes the stranger sets found, each checked on the
full router and behind a fallback model that always says export (`SaysExport`).

1. An export after material someone else supplies ("once the voiceover is in, export",
   "等配音好咗先出片") waits: no export, the edit goes to the agent. Our own work finishing
   ("when you're done, export", "等字幕加好了再导出") still exports (`agent.router.supplied`).
3. A question whether the export can run yet ("可以导出了吗", "can I export it now?") never
   exports: the state answers it. Asked of us ("can you export it now?", "可以帮我导出吗") it is
   a request, and so is the file asked for ("can I download it now?").
2. Reported speech: a plan reported beside a real edit ("my boss said last week that we'd export
   it in 4K eventually, anyway change the opening shot") is the edit only; an instruction relayed
   now in its speaker's imperative ("my boss said export it in 4K", "我老板刚说直接出片") is the
   export (`agent.router.relayed` draws the line).
4. A pictograph chain naming a change before the inbox tray ("🎵➕🎉➡️📥") is the change, then
   the file: never the export alone; after praise ("👍👍 📥") the tray is the export alone.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.router import Router, build_router
from tests.router_support import plan_of

ROBUST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _never_exports(routers: list[Router], text: str) -> None:
    for router in routers:
        actions = plan_of(router, text)
        assert "export" not in actions, (text, actions)


@ROBUST
@given(
    st.sampled_from(["once", "when", "after", "as soon as", "Once"]),
    st.sampled_from(["the voiceover", "the VO", "my narration", "the new footage", "the photos"]),
    st.sampled_from(["is in", "is here", "arrives", "comes in", "is recorded", "is ready"]),
    st.sampled_from(["", "trim the intro and ", "shorten it, then "]),
    st.sampled_from(["export", "render it", "export the final", "download it"]),
)
def test_an_export_after_supplied_material_arrives_never_runs(
    routers: list[Router], when: str, material: str, here: str, edit: str, export: str
) -> None:
    _never_exports(routers, f"{when} {material} {here}, {edit}{export}")


@ROBUST
@given(
    st.sampled_from(["等配音", "等旁白", "等口播", "等新素材", "等录音"]),
    st.sampled_from(["好咗", "好了", "到了", "到咗", "录好"]),
    st.sampled_from(["先", "再", "才"]),
    st.sampled_from(["出片", "导出", "導出", "渲染"]),
)
def test_a_chinese_export_after_supplied_material_never_runs(
    routers: list[Router], wait: str, done: str, then: str, export: str
) -> None:
    _never_exports(routers, f"{wait}{done}{then}{export}")


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("once the voiceover is in, export", ("sse",)),
        ("once the VO is in, shorten the intro and export", ("sse",)),
        ("等配音好咗先出片", ("sse",)),
        ("等配音好了再導出", ("sse",)),
        ("after the client replies, render it", ("sse",)),
    ],
)
def test_a_wait_for_others_leaves_the_edit_only(text: str, plan: tuple[str, ...]) -> None:
    assert plan_of(build_router(), text) == plan


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("when you're done, export", ("export",)),
        ("once the captions are in, export", ("sse", "export")),
        ("add a voiceover, and once the voiceover is in, export", ("sse", "export")),
        ("等字幕加好了再导出", ("sse", "export")),
        ("等配音加好了再导出", ("sse", "export")),
    ],
)
def test_our_own_work_finishing_still_exports(text: str, plan: tuple[str, ...]) -> None:
    assert plan_of(build_router(), text) == plan


@ROBUST
@given(
    st.sampled_from(["", "现在", "而家", "好，"]),
    st.sampled_from(["可以", "能", "可唔可以", "可不可以"]),
    st.sampled_from(["导出", "導出", "出片", "渲染", "匯出"]),
    st.sampled_from(["了吗", "了嗎？", "了没有", "未?", "喇?", "了吗?"]),
)
def test_a_chinese_question_whether_it_can_export_yet_never_exports(
    routers: list[Router], lead: str, can: str, export: str, asked: str
) -> None:
    _never_exports(routers, f"{lead}{can}{export}{asked}")


@ROBUST
@given(
    st.sampled_from(["can I", "Can I", "could I", "ok can I", "so can i"]),
    st.sampled_from(["export", "render", "export", "re-export"]),
    st.sampled_from(["it now?", "now?", "yet?", "the video now?", "it yet?", "the final now?"]),
)
def test_an_english_question_whether_i_can_export_yet_never_exports(
    routers: list[Router], can: str, export: str, asked: str
) -> None:
    _never_exports(routers, f"{can} {export} {asked}")


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("可以导出了吗", ("state",)),
        ("可以出片未?", ("state",)),
        ("can I export it now?", ("state",)),
        ("is it ready to render?", ("state",)),
        ("can you export it now?", ("export",)),
        ("可以帮我导出吗", ("export",)),
        ("可以导出了", ("export",)),
        ("can I download it now?", ("export",)),
        ("can I please export it now?", ("export",)),
    ],
)
def test_whether_it_can_export_yet_is_asked_and_a_request_is_not(
    text: str, plan: tuple[str, ...]
) -> None:
    assert plan_of(build_router(), text) == plan


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("🎵➕🎉➡️📥", ("sse", "export")),
        ("✂️🎵➡️📥", ("sse", "export")),
        ("🎵➕🎉 then 📥", ("sse", "export")),
        ("perfect!! 📥 pls", ("export",)),
        ("👍👍 📥", ("export",)),
        ("love it 😍 📥", ("export",)),
        ("🎵➕🎉", ("sse",)),
    ],
)
def test_a_pictured_change_before_the_tray_runs_first(text: str, plan: tuple[str, ...]) -> None:
    assert plan_of(build_router(), text) == plan


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        (
            "my boss said last week that we'd export it in 4K eventually, anyway change the "
            "opening shot",
            ("sse",),
        ),
        ("my boss said that we'd export it eventually, anyway trim the intro", ("sse",)),
        ("上次老板说导出，先把字幕改大", ("sse",)),
        ("my friend said exporting takes ages", ("sse",)),
        ("my boss said export it in 4K", ("export",)),
        ("the client just said export it now", ("export",)),
        ("我老板刚说直接出片，别再改了", ("export",)),
        ("老闆剛講直接出片", ("export",)),
    ],
)
def test_a_reported_plan_is_context_and_a_relayed_order_runs(
    text: str, plan: tuple[str, ...]
) -> None:
    assert plan_of(build_router(), text) == plan


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("仲未?", ("state",)),
        ("还没?", ("state",)),
        ("$$?", ("credits",)),
        ("$$ left?", ("credits",)),
        ("it costs $5?", ("credits",)),
        ("出", ("sse",)),  # one set reads it as an export, another as harmful: no export
    ],
)
def test_a_terse_turn_asks_what_its_one_word_asks(text: str, plan: tuple[str, ...]) -> None:
    assert plan_of(build_router(), text) == plan


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("Mach die Musik leiser und exportier es dann", ("sse", "export")),
        ("Schneid das Intro kürzer und exportier es", ("sse", "export")),
        ("exportier es noch nicht", ("sse",)),
        ("hindi ko i-export", ("sse",)),
        ("i-export mo na", ("export",)),
    ],
)
def test_an_export_in_german_or_taglish_reads_its_object_and_its_no(
    text: str, plan: tuple[str, ...]
) -> None:
    assert plan_of(build_router(), text) == plan


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("could you pop out the mp4 when you get a sec", ("export",)),
        ("pop the mp4 out pls", ("export",)),
        ("make the title pop out", ("sse",)),
        ("the logo should pop out more", ("sse",)),
    ],
)
def test_popping_out_the_file_asks_for_it_and_a_part_popping_out_is_an_edit(
    text: str, plan: tuple[str, ...]
) -> None:
    assert plan_of(build_router(), text) == plan
