"""The export gate (agent/router/request.py): an export is planned only when an export word is a
request, never from a capability or cost question, a part of the video as the verb's object, a
look, or an export put off to a later day; and an edit asked "as before" stays before the export.

Properties over generated wordings (EN, Simplified, Traditional, Cantonese), then the round-6
sets' harmful lines as examples.
"""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.router import Router, build_router
from agent.router.pipeline import build_keyword_router
from tests.router_support import plan_of as _plan

ROBUST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EXPORT_NOUNS = st.sampled_from(["export", "render", "download"])
FORMATS = st.sampled_from(["mov", "webm", "gif", "prores", "h265", "avi"])


@ROBUST
@given(
    st.sampled_from(
        [
            "can you {w} to {f} or only mp4?",
            "could I {w} it as a {f} instead of an mp4?",
            "is it possible to {w} as {f}?",
            "does it support {f} when you {w}?",
            "can you {w} {f} or is it mp4 only",
            "any way to {w} to {f}?",
        ]
    ),
    EXPORT_NOUNS,
    FORMATS,
)
def test_a_capability_question_never_exports(
    router: Router, frame: str, word: str, fmt: str
) -> None:
    assert "export" not in _plan(router, frame.format(w=word, f=fmt))


@ROBUST
@given(
    st.sampled_from(
        [
            "would one more {w} eat most of what I've got?",
            "how much does a {w} cost?",
            "will another {w} drain my balance?",
            "is a 4k {w} expensive?",
            "{w}ing twice more, would that wipe me out?",
            "how many credits does a {w} take?",
        ]
    )
    | st.sampled_from(["再{z}一次会不会把积分用光？", "{z}一次要扣多少点？", "{z}要几多点数呀？"]),
    EXPORT_NOUNS,
    st.sampled_from(["导出", "渲染", "匯出", "下载"]),
)
def test_a_cost_question_never_exports(router: Router, frame: str, word: str, zh: str) -> None:
    assert "export" not in _plan(router, frame.format(w=word, z=zh))


@ROBUST
@given(
    st.sampled_from(
        [
            "subtitles",
            "title",
            "captions",
            "logo",
            "background",
            "sky",
            "lower third",
            "text",
            "shadows",
        ]
    ),
    st.sampled_from(
        [
            "render the {p} in gold",
            "can you render the {p} with a glow",
            "please render the {p} softer",
        ]
    ),
)
def test_render_with_a_part_of_the_video_as_object_never_exports(
    router: Router, part: str, frame: str
) -> None:
    assert _plan(router, frame.format(p=part)) == ("sse",)


@ROBUST
@given(
    st.sampled_from(["字幕", "标题", "背景", "天空", "光影", "氛围", "標題", "燈光"]),
    st.sampled_from(
        ["把{p}渲染成金色", "{p}渲染得梦幻一点", "渲染一下{p}，要暖一点", "幫我渲染下{p}"]
    ),
)
def test_xuanran_with_a_part_of_the_video_never_exports(
    router: Router, part: str, frame: str
) -> None:
    assert "export" not in _plan(router, frame.format(p=part))


@ROBUST
@given(
    st.sampled_from(
        [
            "我们下周才{z}，现在先把转场改成淡入淡出",
            "明天才{z}，今晚先加个片尾",
            "改天才{z}，先调一下亮度",
            "下个月才{z}，先把音乐换成钢琴",
            "遲啲先{z}，而家加返個logo",
            "we {w} next week, for now just fix the colors",
            "no rush on the {w}, first swap the song",
            "{w} later pls, first make the logo smaller",
        ]
    ),
    EXPORT_NOUNS,
    st.sampled_from(["导出", "出片", "export", "匯出", "下载"]),
)
def test_an_export_put_off_to_a_later_day_never_exports(
    router: Router, frame: str, word: str, zh: str
) -> None:
    assert "export" not in _plan(router, frame.format(w=word, z=zh))


@ROBUST
@given(
    st.sampled_from(
        [
            "跟刚才那个一样的处理，弄完{z}",
            "照上次那样处理一下，搞完{z}",
            "同之前一樣咁調色，整完{z}",
            "和上次一样的调色，调完{z}",
        ]
    ),
    st.sampled_from(["导出", "出片", "匯出", "下载"]),
)
def test_earlier_work_asked_again_keeps_its_edit_before_the_export(
    router: Router, frame: str, zh: str
) -> None:
    assert _plan(router, frame.format(z=zh)) == ("sse", "export")


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("can you export to mov or only mp4?", ("sse",)),
        ("would one more render eat most of what I've got?", ("credits",)),
        ("render the subtitles in a gold serif font", ("sse",)),
        ("渲染一下氛围感，加点暖色调和胶片颗粒", ("sse",)),
        ("我们下周才export，现在先把transition改成fade", ("sse",)),
        ("I need the video more fast and with music of happy. Thank you very much", ("sse",)),
        ("跟刚才那个一样的处理，弄完导出", ("sse", "export")),
        ("export? later. now add captions", ("sse",)),
        ("yo can it spit out a webm or just mp4", ("sse",)),
        ("是不是只能导出720p", ("sse",)),
        ("render the snow falling heavier", ("sse",)),
        ("出片遲啲先，幫我調光先", ("sse",)),
        ("rendering twice more, would that wipe me out?", ("credits",)),
        ("another download, what's that gonna run me?", ("credits",)),
        ("so like can it export 2 sizes at once or no", ("sse",)),
        ("渲染多啲煙霧效果", ("sse",)),
        ("要一种被导出压缩过的复古风", ("sse",)),
        ("导出先放着，过两天再说，先改下片头", ("sse",)),
        ("渲染支唔支援HDR", ("sse",)),
        ("render a lens flare over the sun", ("sse",)),
        ("export it and I'll check it later", ("export",)),
        ("render a new version please", ("export",)),
        ("导出以后还能改吗？", ("sse",)),
        ("render's for next week, just the title for now", ("sse",)),
        ("export it, I need it for tomorrow's meeting", ("export",)),
        ("出片等陣先，加多個轉場", ("sse",)),
        ("like the previous one — same font, same colors — then export", ("sse", "export")),
        # requests still export
        ("export it please", ("export",)),
        ("render it in 4k please", ("export",)),
        ("can you export it now?", ("export",)),
        ("幫我匯出條片", ("export",)),
        ("渲染吧", ("export",)),
        ("render the final cut", ("export",)),
    ],
)
def test_round6_harm_classes(router: Router, text: str, plan: tuple[str, ...]) -> None:
    assert _plan(router, text) == plan


def test_a_weak_export_runs_only_while_the_intent_model_agrees() -> None:
    """A question in no request form ("do exports keep the alpha channel?") is a weak signal:
    it exports only when the intent model agrees, and never with no model to ask; a request
    form needs no second opinion."""
    full, bare = build_router(), Router(build_keyword_router())
    assert "export" not in asyncio.run(full.route("do exports keep the alpha channel?")).actions
    assert asyncio.run(full.route("can you put it in my gallery")).actions == ("export",)
    assert asyncio.run(bare.route("can you put it in my gallery")).actions == ("sse",)
    assert asyncio.run(bare.route("can you export it now?")).actions == ("export",)


def test_the_look_of_an_animated_picture_is_not_an_export(router: Router) -> None:
    plan = asyncio.run(router.route("这张做成动图那种感觉 5秒就行", ("a.jpg",))).actions
    assert plan == ("upload", "sse")
