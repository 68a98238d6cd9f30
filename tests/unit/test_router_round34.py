"""Rounds 34-35 (issue #10): the harmful classes the stranger sets found, each checked on the
full router and behind a fallback model that always says export (`SaysExport`).

1. An export taken back later in the same turn ("render in 4k, well, maybe don't", "go ahead and
   export, just kidding, add the end card first", 幫我匯出，唔好住，…): the retraction wins
   (`agent.router.retraction`); an export said again after it stands.
2. An export tied to material still to come ("two photos haven't arrived yet, export once
   they're in", 还有两张图没到，到了再一起导出, 啲相仲未齊，齊咗先 render) waits
   (`agent.router.supplied.still_missing`); our own work not done yet only orders it.
3. An export under a condition nobody has settled: "unless…", the other branch of an "if"
   ("…; if not, just export", 不然就导出), a judgement 要是字幕对得上就出片 or a verdict to come
   (如果效果不好我们再导出一版), the answer to the turn's own question about the look (咁樣得未？
   得就出片: the agent looks) (`agent.router.unsettled`).
4. An export set for a time ahead beside an edit for now (今晚先改好配乐，明早再匯出) waits
   (`agent.router.awaited.set_for_later`); a sequence word (改好之后再导出) is no time.
5. An edit on a named thing before the export (加埋片尾字幕就export啦) is not dropped.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.router import Router, build_router
from tests.router_support import plan_of

ROBUST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _never_exports(routers: list[Router], text: str) -> None:
    for router in routers:
        actions = plan_of(router, text)
        assert "export" not in actions, (text, actions)


# 1. an export taken back later in the same turn


@ROBUST
@given(
    st.sampled_from(["render in 4k", "go ahead and export", "export it", "download the mp4"]),
    st.sampled_from(
        [
            "well, maybe don't",
            "actually no",
            "wait no",
            "scratch that",
            "nvm",
            "just kidding",
            "on second thought, no",
            "hmm, better not",
            "maybe not",
            "jk",
            "wait a sec",
            "hang on",
        ]
    ),
    st.sampled_from(["", ", add the end card first", ", the captions are still off"]),
)
def test_an_english_export_taken_back_later_never_runs(
    routers: list[Router], export: str, cue: str, tail: str
) -> None:
    _never_exports(routers, f"{export}, {cue}{tail}")


@ROBUST
@given(
    st.sampled_from(["幫我匯出", "导出吧", "出片啦", "帮我render", "匯出成片"]),
    st.sampled_from(
        [
            "唔好住",
            "算了",
            "等等",
            "等一下",
            "不对",
            "不對",
            "还是不要了",
            "還是不要",
            "先别",
            "咪住",
            "等一等",
            "唔使住",
        ]
    ),
    st.sampled_from(["", "，啲字幕仲未啱", "，先加片尾"]),
)
def test_a_chinese_export_taken_back_later_never_runs(
    routers: list[Router], export: str, cue: str, tail: str
) -> None:
    _never_exports(routers, f"{export}，{cue}{tail}")


@pytest.mark.parametrize(
    "text",
    [
        "export it, wait no, add the end card first, then export",
        "出片啦，唔好住，加埋字幕先再出片",
    ],
)
def test_an_export_said_again_after_the_retraction_stands(routers: list[Router], text: str) -> None:
    for router in routers:
        assert plan_of(router, text) == ("sse", "export"), text


# 2. an export tied to material still to come


@ROBUST
@given(
    st.sampled_from(["two photos", "the new clips", "the rest of the footage", "my pics"]),
    st.sampled_from(
        ["haven't arrived yet", "aren't here yet", "are still coming", "haven't been uploaded"]
    ),
    st.sampled_from(["", "trim the intro and "]),
    st.sampled_from(["export", "render it", "export it all"]),
    st.sampled_from(["once they're in", "when they arrive", "after that"]),
)
def test_an_english_export_after_missing_material_never_runs(
    routers: list[Router], material: str, missing: str, edit: str, export: str, tie: str
) -> None:
    _never_exports(routers, f"{material} {missing}, {edit}{export} {tie}")


@ROBUST
@given(
    st.sampled_from(["还有两张图", "啲相", "新素材", "配音", "照片"]),
    st.sampled_from(["没到", "仲未齊", "还没传完", "還沒到", "未到齐", "还差两段", "还缺一张"]),
    st.sampled_from(["到了再", "齐咗先", "传完再", "到齐之后再", "齊了才"]),
    st.sampled_from(["", "一起"]),
    st.sampled_from(["导出", "render", "出片", "匯出"]),
)
def test_a_chinese_export_after_missing_material_never_runs(
    routers: list[Router], material: str, missing: str, tie: str, together: str, export: str
) -> None:
    _never_exports(routers, f"{material}{missing}，{tie}{together}{export}")


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("字幕还没加好，加好再导出", ("sse", "export")),
        ("新素材还没到，先把现有的导出一版给我看", ("export",)),
        ("the photos aren't in the right order, fix it then export", ("sse", "export")),
    ],
)
def test_our_work_not_done_or_an_export_now_still_runs(text: str, plan: tuple[str, ...]) -> None:
    assert plan_of(build_router(), text) == plan


# 3. an export under a condition nobody has settled


@ROBUST
@given(
    st.sampled_from(["export it", "render the final", "go ahead and export"]),
    st.sampled_from(
        [
            "the audio is still clipping at the start",
            "the music is too loud",
            "the colours look off",
            "the captions don't line up",
        ]
    ),
)
def test_an_export_unless_the_video_is_still_wrong_never_runs(
    routers: list[Router], export: str, unless: str
) -> None:
    _never_exports(routers, f"{export} unless {unless}")


@ROBUST
@given(
    st.sampled_from(["If you think the intro is too long", "if the music feels too loud"]),
    st.sampled_from(["trim it", "fix it", "tone it down"]),
    st.sampled_from(["; if not, just export", ", otherwise render it", ". if not, export"]),
)
def test_an_export_on_the_other_branch_of_a_condition_never_runs(
    routers: list[Router], condition: str, edit: str, other: str
) -> None:
    _never_exports(routers, f"{condition}, {edit}{other}")


@ROBUST
@given(
    st.sampled_from(["要是", "如果", "假如"]),
    st.sampled_from(["字幕", "配乐", "画面", "节奏"]),
    st.sampled_from(["对得上", "同步", "踩点", "到位", "不好", "不满意", "有问题"]),
    st.sampled_from(["就直接出片吧", "就导出", "我们再导出一版", "就render"]),
    st.sampled_from(["", "，现在先调一下色"]),
)
def test_a_chinese_export_on_an_unsettled_verdict_never_runs(
    routers: list[Router], if_: str, part: str, judged: str, export: str, now: str
) -> None:
    _never_exports(routers, f"{if_}{part}{judged}{export}{now}")


@ROBUST
@given(
    st.sampled_from(
        [
            "咁樣得未？得就出片",
            "这样行不行？行就导出",
            "这样ok吗？ok就出片",
            "效果可以吗？可以就导出",
            "节奏踩点了吗？踩点就导出",
            "音量合适吗？合适就出片",
            "字幕啱唔啱？啱就出片",
            "is the audio synced? if so, export",
            "does the music fit? if yes render it",
            "is that ok? if so, just export",
        ]
    )
)
def test_an_export_on_the_answer_to_a_question_about_the_look_waits(
    routers: list[Router], text: str
) -> None:
    for router in routers:
        actions = plan_of(router, text)
        assert actions in {("sse",), ("sse", "export")}, (text, actions)


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        # our work finished is the state's to settle
        ("is it ready? if so, render", ("state", "export")),
        ("得未呀？得就出啦", ("state", "export")),
        ("字幕加好了吗？加好了就导出", ("state", "export")),
        # a courtesy, not a verdict
        ("If it's not too much trouble, make the logo smaller and export", ("sse", "export")),
    ],
)
def test_a_settled_condition_or_a_courtesy_still_exports(text: str, plan: tuple[str, ...]) -> None:
    assert plan_of(build_router(), text) == plan


# 4. an export set for a time ahead beside an edit for now


@ROBUST
@given(
    st.sampled_from(["今晚先", "而家先", "现在先", ""]),
    st.sampled_from(["改好配乐", "调色", "加字幕", "把开头剪短"]),
    st.sampled_from(["明早", "聽日", "下午", "星期一", "晚啲", "明晚", "下昼", "后天"]),
    st.sampled_from(["再", "先", "才"]),
    st.sampled_from(["匯出", "出片", "导出", "render"]),
)
def test_a_chinese_export_set_for_later_never_runs(
    routers: list[Router], now: str, edit: str, later: str, then: str, export: str
) -> None:
    text = f"{now}{edit}，{later}{then}{export}"
    _never_exports(routers, text)
    assert "sse" in plan_of(build_router(), text), text


@ROBUST
@given(
    st.sampled_from(["fix the music", "tweak the colours", "trim the intro"]),
    st.sampled_from(["tonight", "now", "for now", ""]),
    st.sampled_from(["export", "render it", "export it"]),
    st.sampled_from(
        ["tomorrow", "tomorrow morning", "after lunch", "later today", "on monday", "tonight"]
    ),
)
def test_an_english_export_set_for_later_never_runs(
    routers: list[Router], edit: str, now: str, export: str, later: str
) -> None:
    _never_exports(routers, f"{edit} {now}, {export} {later}".replace("  ", " "))


@pytest.mark.parametrize("text", ["先把字幕改好，然后导出", "加字幕然后导出", "改好之后再导出"])
def test_a_sequence_word_is_no_time(text: str) -> None:
    assert "sse" in plan_of(build_router(), text), text


# 5. an edit on a named thing before the export


@ROBUST
@given(
    st.sampled_from(["加埋", "加上", "加", "幫我加"]),
    st.sampled_from(["片尾字幕", "片尾", "标题", "字幕"]),
    st.sampled_from(["就export啦", "就出片", "就导出吧", "然后render"]),
)
def test_a_chinese_edit_before_the_export_is_never_dropped(
    routers: list[Router], add: str, thing: str, export: str
) -> None:
    for router in routers:
        actions = plan_of(router, f"{add}{thing}{export}")
        assert actions == ("sse", "export"), (add, thing, export, actions)
