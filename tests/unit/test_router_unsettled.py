"""Issue #10, rule 1: an export under a judgement nobody has made yet ("if the music fits, render
it", "要係音樂啱就出片") never runs now; the look or the edit goes to the video agent. Conditions
already settled (a past verdict), blanket all-clears, concessions and our own work finishing
still export (the line is drawn in `agent.router.unsettled`); an export on the agent's own
verdict waits too (`agent.router.aftermath`, tests/unit/test_router_aftermath.py). Every property
holds for the full router and for the full router behind a fallback model that always says
export (`SaysExport`)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.router import Router, build_router
from agent.router.unsettled import unsettled
from tests.router_support import plan_of

ROBUST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

IF_EN = ["if", "only if", "as long as", "provided", "assuming", "once", "If"]
PARTS_EN = ["it", "the music", "the colours", "the cut", "the new song", "my intro", "the text"]
JUDGED_EN = [
    "fits", "works", "looks ok", "looks good", "looks right", "sounds fine", "feels right",
    "is readable", "is alright", "looks a bit better", "syncs", "lines up", "reads well",
]  # fmt: skip
EXPORTS_EN = ["export", "export it", "render it", "go ahead and render", "download it", "send it"]
EDITS_EN = ["", "add some piano music and ", "swap the song, ", "make the text white; "]
IF_ZH = ["如果", "要是", "假如", "只要", "要係", "如果"]
PARTS_ZH = ["配乐", "音樂", "画面", "字幕", "颜色", "个节奏", "新歌"]
JUDGED_ZH = ["合适", "合適", "啱", "好看", "好听", "没问题", "冇問題", "清楚"]
THEN_ZH = ["就", "嘅話就", "的话就", "就幫我", "就直接"]
EXPORTS_ZH = ["导出", "導出", "出片", "渲染", "下载", "匯出吧"]


def _waits(routers: list[Router], text: str) -> None:
    for router in routers:
        actions = plan_of(router, text)
        assert "export" not in actions, (text, actions)
        assert actions == ("sse",), (text, actions)  # the look or the edit goes to the agent


@ROBUST
@given(
    st.sampled_from(EDITS_EN),
    st.sampled_from(IF_EN),
    st.sampled_from(PARTS_EN),
    st.sampled_from(JUDGED_EN),
    st.sampled_from(EXPORTS_EN),
    st.booleans(),
)
def test_an_english_export_under_an_unsettled_judgement_never_runs(
    routers: list[Router], edit: str, if_: str, part: str, judged: str, export: str, after: bool
) -> None:
    condition = f"{if_} {part} {judged}"
    text = f"{edit}{export} {condition.lower()}" if after else f"{edit}{condition}, {export}"
    _waits(routers, text)


@ROBUST
@given(
    st.sampled_from(["", "加点钢琴配乐，", "把字幕改大啲，"]),
    st.sampled_from(IF_ZH),
    st.sampled_from(PARTS_ZH),
    st.sampled_from(JUDGED_ZH),
    st.sampled_from(THEN_ZH),
    st.sampled_from(EXPORTS_ZH),
)
def test_a_chinese_export_under_an_unsettled_judgement_never_runs(
    routers: list[Router], edit: str, if_: str, part: str, judged: str, then: str, export: str
) -> None:
    _waits(routers, f"{edit}{if_}{part}{judged}{then}{export}")


@pytest.mark.parametrize(
    "text",
    [
        "if the music fits, render it",
        "if it looks ok export",
        "render it if the music fits",
        "add some piano music and if it fits render it",
        "加个钢琴配乐，如果合适就导出",
        "配乐合适的话就导出",
        "音樂啱嘅話就出片",
        "when it sounds good render it",
    ],
)
def test_the_unsettled_judgements_the_issue_names_wait(routers: list[Router], text: str) -> None:
    _waits(routers, text)


@pytest.mark.parametrize(
    "text",
    [
        # a blanket all-clear naming no part
        "if everything looks fine, go ahead and render",
        "如果没问题的话就发我成片",
        # a verdict already given, a concession, a courtesy
        "since the music fits, render it",
        "the music fits now, so render it",
        "even if the music doesn't fit, render it",
        "export in 4k if that works",
        "if possible, export it",
        # our own work finishing only orders the export
        "when you're done, export it",
        # our own process working out, a check against the plan (rt30: the agent's own
        # opinion as the condition no longer exports alone, see test_router_aftermath.py)
        "if the render works out this time, send it",
        "render it in 4k if it fits in my plan",
    ],
)
def test_a_settled_or_delegated_condition_still_exports(text: str) -> None:
    assert not unsettled(text.lower().replace("'", "")), text
    assert plan_of(build_router(), text) == ("export",), text


@pytest.mark.parametrize(
    "text",
    [
        "music's approved by a friend, so go ahead and render it",
        "Priya okayed the grade, render it",
        "the colours were approved by the client, export it",
        "Tom signed off on the cut yesterday, go ahead and export",
        "老细批咗个配乐，出片啦",
        "配乐客户已经确认了，导出吧",
    ],
)
def test_a_verdict_already_given_is_a_plain_export_request(
    routers: list[Router], text: str
) -> None:
    for router in routers:
        assert plan_of(router, text) == ("export",), text


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        # enough credits: the system enforces it, the balance and the export both run
        ("if I've got enough credits left, export it", ("credits", "export")),
        ("if we've still got enough points, render it", ("credits", "export")),
        ("if there's enough balance, go ahead and download it", ("credits", "export")),
        # the user insists on seeing it first, or names their own price: the check alone
        ("export only if I have enough credits left", ("credits",)),
        ("if it's under 10 credits, export", ("credits",)),
    ],
)
def test_a_condition_on_the_account_checks_the_balance_first(
    text: str, plan: tuple[str, ...]
) -> None:
    assert plan_of(build_router(), text) == plan, text
