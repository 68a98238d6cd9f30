"""Round 31 (issue #10): the export's last gate (`agent.router.vetted`).

The gate turns the default around: any condition over the export holds it, unless the system
settles the condition itself (our work finished, the balance, a courtesy, a blanket all-clear);
an export of a topic ("my feelings about this cut") is no export; a fault named beside a bare
export puts the agent first. The lines here are paraphrases written for this test, in EN,
simplified and traditional Chinese and Cantonese.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.router import Router, build_router
from agent.router.route import Route
from agent.router.text import prepare
from agent.router.vetted import vetted
from tests.router_support import plan_of

ROBUST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ROUTER: Router = build_router()


@pytest.mark.parametrize(
    "text",
    [
        "if it's under 30 seconds, export it",
        "provided the logo is visible, export",
        "export only if it runs under a minute",
        "render it as long as the subtitles are synced",
        "once the file is under 50MB, send it over",
        "assuming the colours are ok, render the final",
        "export it unless the intro is still too long",
        "如果时长不到30秒就导出",
        "只要logo看得清楚就出片",
        "假如畫面沒問題，導出1080p",
        "要係夠短就出片啦",
        "片长在一分钟以内的话就导出",
    ],
)
def test_an_export_under_an_unsettled_condition_waits(text: str) -> None:
    plan = plan_of(ROUTER, text)
    assert "export" not in plan, text
    assert plan == ("sse",), text


@pytest.mark.parametrize(
    "text",
    [
        "export it if you can",
        "render it in 4k if possible",
        "if you don't mind, export it now",
        "export it if that's ok",
        "if I have enough credits, export it",
        "once that's done, export",
        "if you've already fixed the typo, export",
        "可以的话帮我导出",
        "方便的话导出一下",
        "改好了就导出",
    ],
)
def test_a_condition_the_system_settles_keeps_the_export(text: str) -> None:
    assert "export" in plan_of(ROUTER, text), text


def test_an_other_branch_naming_work_leaves_it_to_the_agent_first() -> None:
    plan = plan_of(ROUTER, "if it's under 30 secs go ahead and export, otherwise trim it first")
    assert plan == ("sse",)


def test_a_contrast_after_the_condition_frees_the_export() -> None:
    assert plan_of(ROUTER, "if the client hates it we'll redo it, but for now export") == (
        "export",
    )


@pytest.mark.parametrize(
    "text",
    [
        "I want to export my feelings about this cut: the middle drags",
        "let me download my thoughts on the intro real quick",
        "rendering my verdict on it: too slow",
        "exporting our notes regarding the edit: tighter cuts",
    ],
)
def test_an_export_of_a_topic_is_no_export(text: str) -> None:
    assert "export" not in plan_of(ROUTER, text), text


@pytest.mark.parametrize(
    "text",
    [
        "export my video about cats",
        "download my vlog please",
        "render my project in 1080p",
    ],
)
def test_the_video_possessed_is_still_exported(text: str) -> None:
    assert plan_of(ROUTER, text) == ("export",), text


@pytest.mark.parametrize(
    "text",
    [
        "export it, the ending is kinda abrupt tho",
        "render it - the music is way too loud btw",
        "导出吧，不过字幕有错别字",
        "匯出啦，背景音樂太大聲",
    ],
)
def test_a_fault_beside_a_bare_export_goes_to_the_agent_first(text: str) -> None:
    assert plan_of(ROUTER, text) == ("sse", "export"), text


def test_a_fault_waved_off_keeps_the_bare_export() -> None:
    said = prepare("the music is a bit loud but whatever, export").text
    routed = Route(("export",), "keyword", "en", (), 1.0)
    assert vetted(routed, said).actions == ("export",)


def test_the_gate_never_adds_an_export() -> None:
    said = prepare("if it's under 30 seconds, add a title").text
    routed = Route(("sse",), "keyword", "en", (), 1.0)
    assert vetted(routed, said) is routed


@pytest.mark.parametrize(
    "text",
    ["出咗片之后画面好暗", "导出之后变形了", "after I rendered it the picture came out dark"],
)
def test_a_fault_after_a_past_export_goes_to_the_agent(text: str) -> None:
    assert plan_of(ROUTER, text) == ("sse",), text


_SUBJECTS = st.sampled_from(
    ["it", "the video", "the intro", "the file", "the clip", "the audio", "the logo", "this cut"]
)
_PREDICATES = st.sampled_from(
    [
        "is under 30 seconds",
        "runs less than a minute",
        "is shorter than 20s",
        "is visible",
        "stays readable",
        "is in focus",
        "has no black frames",
        "is exactly 15 seconds",
        "sounds balanced",
        "comes in below 50mb",
    ]
)
_MARKS = st.sampled_from(["if", "only if", "as long as", "provided", "assuming", "provided that"])
_EXPORTS = st.sampled_from(
    ["export it", "render it", "download it", "export", "go ahead and render"]
)


@ROBUST
@given(mark=_MARKS, subject=_SUBJECTS, predicate=_PREDICATES, export=_EXPORTS, first=st.booleans())
def test_property_an_unsettled_condition_never_exports(
    mark: str, subject: str, predicate: str, export: str, first: bool
) -> None:
    condition = f"{mark} {subject} {predicate}"
    text = f"{condition}, {export}" if first else f"{export} {condition}"
    assert "export" not in plan_of(ROUTER, text), text


_ZH_MARKS = st.sampled_from(["如果", "只要", "假如", "要是", "要係"])
_ZH_CONDITIONS = st.sampled_from(
    [
        "时长不到30秒",
        "片长在一分钟以内",
        "logo看得清楚",
        "字幕对得上",
        "画面没有黑帧",
        "文件小于50MB",
    ]
)
_ZH_EXPORTS = st.sampled_from(["就导出", "就出片", "就導出吧", "就直接匯出", "就下载"])


@ROBUST
@given(mark=_ZH_MARKS, condition=_ZH_CONDITIONS, export=_ZH_EXPORTS)
def test_property_an_unsettled_chinese_condition_never_exports(
    mark: str, condition: str, export: str
) -> None:
    text = f"{mark}{condition}{export}"
    assert "export" not in plan_of(ROUTER, text), text


@pytest.mark.parametrize(
    "text",
    [
        "export the clip list with durations to a spreadsheet",
        "export just the audio, as an mp3",
        "download the subtitles as srt",
        "Export? Hmm. Let me sleep on it.",
        "导出？我再想想",
        "tomorrow I'll tidy the outro and export",
        "明天我再加片尾然后导出",
        "export whenever you think it's ready",
    ],
)
def test_another_file_a_decision_to_come_or_a_later_day_exports_nothing(text: str) -> None:
    assert "export" not in plan_of(ROUTER, text), text


@pytest.mark.parametrize(
    "text", ["export the video to my drive", "export it and tomorrow I'll add the outro"]
)
def test_the_video_sent_somewhere_or_now_before_later_work_still_exports(text: str) -> None:
    assert "export" in plan_of(ROUTER, text), text


@pytest.mark.parametrize("text", ["渲染到百分之几了", "导出进度到哪了", "匯出到幾多"])
def test_how_far_a_render_has_got_shows_the_state(text: str) -> None:
    assert plan_of(ROUTER, text) == ("state",), text


def test_a_version_exported_first_by_name_keeps_its_order() -> None:
    assert plan_of(ROUTER, "先把现在这版导出来留个底，然后再试试换个配乐") == ("export", "sse")
