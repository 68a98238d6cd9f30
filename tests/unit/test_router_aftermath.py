"""Round 30 (issue #10): export words that ask no export now (`agent.router.aftermath`): a
progress question about a render, a problem after a past export, an export on the agent's own
opinion, and an earlier version asked for (restoring it is an edit); plus an export ordered first
with a reason or a particle before the "then" (`agent.router.ordered`)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.router import Router, build_router
from tests.router_support import plan_of

ROBUST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ROUTER: Router = build_router()


@pytest.mark.parametrize(
    "text",
    [
        "when will the render be done?",
        "how long until the export finishes?",
        "when is the download going to be ready",
        "幾時render完？",
        "几时导出好？",
        "條片幾時出到？",
        "导出要多久才好？",
        "匯出幾時搞掂呀",
        "is the render done yet?",
        "渲染仲要几耐先完？",
        "出片要等幾耐",
    ],
)
def test_a_progress_question_shows_the_state(text: str) -> None:
    assert plan_of(ROUTER, text) == ("state",), text


@pytest.mark.parametrize(
    "text",
    [
        "after I exported, the audio was gone",
        "I rendered it and the colors look washed out",
        "since we exported it the subtitles are missing",
        "出咗片之後個聲冇咗",
        "导出之后字幕不见了",
        "匯出後畫面變黑了",
        "刚才导出的视频没声",
        "the exported file has no sound",
        "我导出了但是没有声音",
        "出完片發現冇字幕",
    ],
)
def test_a_problem_after_a_past_export_goes_to_the_agent(text: str) -> None:
    assert plan_of(ROUTER, text) == ("sse",), text


@pytest.mark.parametrize(
    "text",
    [
        "if you think it's good enough, go ahead and render",
        "if you reckon it's fine, export",
        "if it looks ok to you, export",
        "if it looks good on your side, export",
        "if it's fine by you, export",
        "if you think it looks good, go ahead and export",
        "你覺得OK嘅話就出片啦",
        "你觉得可以的话就导出吧",
        "如果你觉得可以了就导出吧",
        "你認為冇問題就匯出",
        "if you're happy with it, export",
        "go ahead and render if you feel it's good",
        "你話得就出片",
    ],
)
def test_an_export_on_the_agents_opinion_never_runs_alone(text: str) -> None:
    assert plan_of(ROUTER, text) in {("sse",), ("sse", "export")}, text


@pytest.mark.parametrize(
    "text",
    [
        "export the version from before I changed the music",
        "render the previous version please",
        "download the original cut",
        "把改音乐之前那版导出来",
        "导出之前那个版本",
        "幫我出返舊版",
        "export the one before the color change",
        "render yesterday's version",
        "导出上一个版本",
    ],
)
def test_an_earlier_version_is_never_exported_alone(text: str) -> None:
    plan = plan_of(ROUTER, text)
    assert plan != ("export",), text
    assert "export" not in plan or plan.index("sse") < plan.index("export"), (text, plan)


@pytest.mark.parametrize(
    "text",
    [
        "export the current cut first so I have a backup, then add the subtitles",
        "render one copy first lah, then add the logo, I need both",
        "download it now in case the client calls, then swap the music",
        "先导出一版备份，然后加字幕",
    ],
)
def test_an_export_ordered_first_with_an_aside(text: str) -> None:
    assert plan_of(ROUTER, text) == ("export", "sse"), text


@pytest.mark.parametrize(
    "text",
    [
        "export it",
        "render it in 4k",
        "导出吧",
        "出片啦",
        "when the render is done, add the music",
        "if the render works out this time, send it",
    ],
)
def test_plain_turns_keep_their_plan(text: str) -> None:
    plan = plan_of(ROUTER, text)
    assert plan != ("state",), text


WHEN_EN = ["when will", "how long until", "how much longer till", "when is"]
SUBJECT_EN = ["the render", "the export", "my export", "the download", "the video render"]
DONE_EN = ["be done", "finish", "be ready", "be finished", "be complete", "done"]
WHEN_ZH = ["幾時", "几时", "什么时候", "要几耐", "多久"]
EXPORT_ZH = ["导出", "匯出", "render", "出片", "渲染"]
DONE_ZH = ["完", "好", "完成", "搞掂", "出到"]
END = ["?", "？", "", " lol?", "呀?"]


@ROBUST
@given(
    st.sampled_from(WHEN_EN),
    st.sampled_from(SUBJECT_EN),
    st.sampled_from(DONE_EN),
    st.sampled_from(END),
)
def test_property_a_progress_question_never_exports_en(w: str, s: str, d: str, e: str) -> None:
    text = f"{w} {s} {d}{e}"
    assert "export" not in plan_of(ROUTER, text), text


@ROBUST
@given(
    st.sampled_from(["条片", "條片", "", "个视频"]),
    st.sampled_from(WHEN_ZH),
    st.sampled_from(EXPORT_ZH),
    st.sampled_from(DONE_ZH),
    st.sampled_from(END),
)
def test_property_a_progress_question_never_exports_zh(
    s: str, w: str, x: str, d: str, e: str
) -> None:
    text = f"{s}{w}{x}{d}{e}"
    assert "export" not in plan_of(ROUTER, text), text


@ROBUST
@given(
    st.sampled_from(
        ["after I exported", "after we rendered it", "I exported it and", "since I rendered"]
    ),
    st.sampled_from(
        ["the audio was gone", "the subtitles are missing", "it's all black", "it's blurry"]
    ),
)
def test_property_a_past_export_with_a_problem_never_exports_en(past: str, bad: str) -> None:
    text = f"{past}, {bad}"
    assert "export" not in plan_of(ROUTER, text), text


@ROBUST
@given(
    st.sampled_from(
        ["导出之后", "導出後", "出咗片之後", "匯出咗之後", "渲染完之后", "头先导出嘅片"]
    ),
    st.sampled_from(["字幕不见了", "個聲冇咗", "画面变黑了", "音乐没了", "声音不同步"]),
)
def test_property_a_past_export_with_a_problem_never_exports_zh(past: str, bad: str) -> None:
    text = f"{past}{bad}"
    assert "export" not in plan_of(ROUTER, text), text


@ROBUST
@given(
    st.sampled_from(
        ["if you think", "if you reckon", "if you feel", "if u think", "If you believe"]
    ),
    st.sampled_from(["it's good enough", "it's fine", "it works", "the cut is ready", "its ok"]),
    st.sampled_from(["go ahead and render", "export", "render it", "export it", "download it"]),
)
def test_property_an_export_on_the_agents_opinion_never_runs_alone_en(
    cond: str, judged: str, export: str
) -> None:
    text = f"{cond} {judged}, {export}"
    assert plan_of(ROUTER, text) != ("export",), text


@ROBUST
@given(
    st.sampled_from(["", "如果", "要係", "假如"]),
    st.sampled_from(["你覺得", "你觉得", "你认为", "你認為"]),
    st.sampled_from(["OK", "可以", "冇問題", "没问题", "得"]),
    st.sampled_from(["嘅話就出片啦", "的话就导出吧", "就匯出", "就渲染", "嘅話就導出"]),
)
def test_property_an_export_on_the_agents_opinion_never_runs_alone_zh(
    cond: str, you: str, judged: str, export: str
) -> None:
    text = f"{cond}{you}{judged}{export}"
    assert plan_of(ROUTER, text) != ("export",), text
