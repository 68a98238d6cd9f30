"""rt27 class 2: an export wish followed by a question asking the agent's opinion of the video
("I'm about to export but does the font look right to you?", 我准备导出了，但你觉得这个配色行吗？,
我想匯出喇，不過你覺得段音樂啱唔啱？): the look is unsettled, nothing is exported (`sse`).
The verdict given first ("looks right, export it", 字体没问题，导出吧) still exports, and the
question first with the export on its answer stays as it was (`agent.router.unsettled`).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.router import Router
from agent.router.opined import opinion_after_export
from agent.router.text import prepare
from tests.router_support import plan_of

ROBUST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize(
    "text",
    [
        "gonna render it now, though is the outro too long in your opinion?",
        "ready to hit export - what do you think of the colour grade?",
        "I want to download the final now but is the narration loud enough?",
        "about to export, but honestly does the ending work for you?",
        "I'll export in a sec but do you reckon the captions are readable?",
        "我要导出了，不过你看片头会不会太长？",
        "准备渲染了，但是字幕颜色你觉得OK吗？",
        "想导出了，可是背景音乐是不是太吵了？",
        "準備匯出了，但你覺得字幕大小合適嗎？",
        "我要出片喇，但係你覺得個片頭夠唔夠吸引？",
        "想渲染啦，不過字體係咪太細？",
        "I'm almost ready to export, just wondering if the transitions are too fast",
        "我准备导出了，不知道字幕是不是太小",
    ],
)
def test_an_opinion_asked_after_the_export_wish_exports_nothing(
    routers: list[Router], text: str
) -> None:
    for router in routers:
        assert "export" not in plan_of(router, text), text
    assert plan_of(routers[0], text) == ("sse",)


@pytest.mark.parametrize(
    "text",
    [
        "colours look fine, render it",
        "the pacing is right now, export please",
        "配色没问题了，渲染吧",
        "段音樂啱晒，匯出啦",
        "导出吧，行吗？",
        "出片得唔得？",
        "can you export it?",
    ],
)
def test_a_verdict_first_or_the_exports_own_question_still_exports(
    router: Router, text: str
) -> None:
    assert "export" in plan_of(router, text)


def test_the_question_first_with_the_export_on_its_answer_stays_unexported(
    router: Router,
) -> None:
    assert "export" not in plan_of(router, "is the music too loud? if not, export")
    assert "export" not in plan_of(router, "字幕清楚吗？清楚就导出")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("im about to export but does the font look right to you?", True),
        ("export it, then can you add a caption?", False),
        ("does the font look right? if so export", False),
        ("我准备导出了,但你觉得这个配色行吗?", True),
        ("导出吧,行吗?", False),
    ],
)
def test_opinion_after_export_reads_the_clause_after_the_export_word(
    text: str, expected: bool
) -> None:
    assert opinion_after_export(prepare(text).text) is expected


@ROBUST
@given(
    st.sampled_from(
        [
            "I'm about to export",
            "I want to render it now",
            "going to export the video",
            "ready to download the mp4",
            "let's export",
            "export time",
            "I think I'll render it",
        ]
    ),
    st.sampled_from([", but", " but", ", though", ". But", " - but", ", however"]),
    st.sampled_from(
        [
            "does the font look right to you?",
            "what do you think of the music?",
            "is the intro too long?",
            "do you think the colours work?",
            "are the captions readable?",
            "does the logo look ok?",
            "how does the ending feel to you?",
        ]
    ),
)
def test_an_english_export_wish_then_an_opinion_question_never_exports(
    routers: list[Router], wish: str, joint: str, question: str
) -> None:
    text = f"{wish}{joint} {question}"
    for router in routers:
        assert "export" not in plan_of(router, text), text


@ROBUST
@given(
    st.sampled_from(
        [
            "我准备导出了",
            "我要渲染了",
            "想导出啦",
            "我想匯出喇",
            "準備出片了",
            "我要出片喇",
            "导出吧",
        ]
    ),
    st.sampled_from(["，但", "，不过", "，可是", "，不過", "，但係", "。但是"]),
    st.sampled_from(
        [
            "你觉得这个配色行吗？",
            "字幕是不是太小？",
            "片头够不够吸引？",
            "你覺得段音樂啱唔啱？",
            "背景音乐会不会太吵？",
            "你看字体合适吗？",
            "個字係咪太細？",
        ]
    ),
)
def test_a_chinese_export_wish_then_an_opinion_question_never_exports(
    routers: list[Router], wish: str, joint: str, question: str
) -> None:
    text = f"{wish}{joint}{question}"
    for router in routers:
        assert "export" not in plan_of(router, text), text
