"""rt28 class 1: a change named before the export is never dropped (`agent.router.judged`).

An opinion or judgement that names a change ("i think it needs more bass, export", 我觉得音乐再
大声点好，导出吧), a change someone wants ("the client wants a new intro, so download it now"),
or the export wished with an edit to do first ("I want download the video but first change the
music", 我想下载但是先把字变大): `sse`, then the export. Approval before the export stays an
export alone; the user's own step put first ("…but first let me check") exports nothing.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.router import Router
from agent.router.judged import change_before_export, export_after_first, own_step_first
from agent.router.text import prepare
from tests.router_support import plan_of

ROBUST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize(
    "text",
    [
        "i think it needs more bass, export",
        "I reckon the title could be bigger, download it",
        "tbh the voiceover is kinda quiet, render it",
        "in my opinion the transitions are a bit abrupt. go ahead and export",
        "the music is too quiet, export",
        "the logo should be smaller, then export",
        "the client wants a new intro, so download it now",
        "the client asked for a different font, so render now",
        "我觉得音乐再大声点好，导出吧",
        "我觉得片头有点长，导出",
        "说实话字幕有点小，导出吧",
        "感觉节奏慢了点，下载吧",
        "老板想要换个背景音乐，导出吧",
        "覺得字幕細咗啲，出片啦",
        "我覺得色調偏暗，匯出啦",
        "覺得片頭太長，出片啦",
        "字幕颜色太淡了，导出",
        "我覺得配樂有啲嘈，出片啦",
        "I feel like the text is hard to read, export",
    ],
)
def test_a_change_named_before_the_export_runs_the_edit_first(router: Router, text: str) -> None:
    assert plan_of(router, text) == ("sse", "export")


@pytest.mark.parametrize(
    "text",
    [
        "I want download the video but first change the music to more happy",
        "i want export but before make the title red",
        "i wanna download it but first make the intro shorter",
        "我想下载但是先把字变大",
        "我要导出，但是先帮我把字幕改成红色",
    ],
)
def test_an_export_wished_with_an_edit_first_runs_the_edit_then_the_export(
    router: Router, text: str
) -> None:
    assert plan_of(router, text) == ("sse", "export")


@pytest.mark.parametrize(
    "text",
    [
        "I think it's perfect, export",
        "i think it's good enough, export it",
        "no more changes, export",
        "looks perfect to me, render",
        "我觉得很好，导出吧",
        "我觉得不用改了，导出吧",
        "觉得冇问题，出片啦",
        "We need the deliverable by EOD, please render now.",
        "I said export, not add more effects. Just export it.",
        "the client wants it asap, download it",
        "不要再改了，导出吧",
        "太好了，导出吧",
        "不够时间了，快点导出",
        "太绝了😭😭直接出片🙏",
    ],
)
def test_approval_before_the_export_stays_an_export_alone(router: Router, text: str) -> None:
    assert plan_of(router, text) == ("export",)


@pytest.mark.parametrize(
    "text",
    [
        "i want to export but first let me check the timeline",
        "I want to download it but first, how many credits do I have?",
        "我想导出，但我先看看时间线",
    ],
)
def test_the_users_own_step_first_exports_nothing(router: Router, text: str) -> None:
    assert "export" not in plan_of(router, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i think it needs more bass, export", True),
        ("the client wants a new intro, so download it now", True),
        ("我觉得音乐再大声点好,导出吧", True),
        ("i think its perfect, export", False),
        ("export it, i think it needs more bass", False),
        ("我觉得很好,导出吧", False),
        ("no more changes, export", False),
    ],
)
def test_change_before_export_reads_the_clauses_before_the_last_export_word(
    text: str, expected: bool
) -> None:
    assert change_before_export(prepare(text).text) is expected


def test_the_first_step_readers_need_the_users_own_export_wish() -> None:
    assert export_after_first(prepare("i want export but first make the title red").text)
    assert not export_after_first(prepare("i dont want export but first make it red").text)
    assert not export_after_first(prepare("i want export later but first fix the font").text)
    assert not export_after_first(prepare("can i export but first change the font?").text)
    assert own_step_first(prepare("i want to render but first let me look").text)
    assert not own_step_first(prepare("first let me look").text)


_OPINION_EN = st.sampled_from(
    ["i think", "i feel like", "honestly", "imo", "tbh", "i reckon", "feels like", "to me"]
)
_CHANGE_EN = st.sampled_from(
    [
        "it needs more bass",
        "the intro could be shorter",
        "the music is too quiet",
        "the text should be bigger",
        "the colours are a bit dull",
        "the voice is not loud enough",
        "it needs a warmer grade",
        "the logo could use more contrast",
    ]
)
_EXPORT_EN = st.sampled_from(
    ["export", "export it", "render it", "download it", "go ahead and export", "then download"]
)
_OPINION_ZH = st.sampled_from(["我觉得", "觉得", "感觉", "我覺得", "覺得", "说实话", "我认为"])
_CHANGE_ZH = st.sampled_from(
    [
        "音乐再大声点好",
        "字幕细咗啲",
        "片头有点长",
        "颜色偏暗",
        "节奏太慢",
        "字幕要大啲",
        "背景音乐不够响",
        "画面可以再亮一点",
    ]
)
_EXPORT_ZH = st.sampled_from(["导出", "导出吧", "出片啦", "匯出", "渲染吧", "下载吧"])
_SEP = st.sampled_from([", ", ". ", " - ", ",", "，", "。"])


@ROBUST
@given(opinion=_OPINION_EN, change=_CHANGE_EN, sep=_SEP, export=_EXPORT_EN)
def test_property_an_english_opinion_naming_a_change_never_exports_without_the_edit_first(
    routers: list[Router], opinion: str, change: str, sep: str, export: str
) -> None:
    text = f"{opinion} {change}{sep}{export}"
    for router in routers:
        plan = plan_of(router, text)
        if "export" in plan:
            assert "sse" in plan, (text, plan)
            assert plan.index("sse") < plan.index("export"), (text, plan)


@ROBUST
@given(opinion=_OPINION_ZH, change=_CHANGE_ZH, sep=_SEP, export=_EXPORT_ZH)
def test_property_a_chinese_opinion_naming_a_change_never_exports_without_the_edit_first(
    routers: list[Router], opinion: str, change: str, sep: str, export: str
) -> None:
    text = f"{opinion}{change}{sep}{export}"
    for router in routers:
        plan = plan_of(router, text)
        if "export" in plan:
            assert "sse" in plan, (text, plan)
            assert plan.index("sse") < plan.index("export"), (text, plan)
