"""Round 29: format questions, an opinion asked before the export, a day left open, the export
ordered first (issue #10)."""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent.router import build_router
from agent.router.ordered import export_first

_ROUTER = build_router()


def _plan(text: str) -> tuple[str, ...]:
    return asyncio.run(_ROUTER.route(text, [])).actions


@pytest.mark.parametrize(
    "text",
    [
        "can I render it as .webm or only mp4?",
        "is it possible to export as mov or just mp4?",
        "can it be rendered as webm or is mp4 the only option?",
        "可以导出成mov格式吗还是只能mp4",
        "可以匯出成mov格式嗎還是只能mp4",
        "你覺得條片得未？得嘅話就出片",
        "覺得點？無問題就出片",
        "你觉得这版怎么样？满意就导出",
        "does it look ok to you? if yes render",
        "how does it look? if good export",
        "I want to render this for the client eventually, but first fix the audio",
        "someday we will render a 4k cut, for now just fix the colors",
        "at some point I'll export it, but first cut the silence",
        "我遲早都要出片俾客，不過你幫我整好啲聲先",
        "搵日先出片，而家幫我加字幕先",
        "总有一天要导出，先把字幕加上",
        "one day I'll render this in 8k but first fix the colours",
    ],
)
def test_never_export_now(text: str) -> None:
    assert "export" not in _plan(text)


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("export it, but first fix the audio", ("sse", "export")),
        ("render first, then add the subtitles, I want both cuts", ("export", "sse")),
        ("export a version now, then add the music", ("export", "sse")),
        ("先导出一版，然后再加音乐", ("export", "sse")),
        ("出片先，跟住加字幕", ("export", "sse")),
        ("先加字幕再导出", ("sse", "export")),
        ("ok can render liao, but make the logo bigger first ah", ("sse", "export")),
        ("can export already lah", ("export",)),
        ("can render liao?", ("sse",)),
        ("can render liao, but wait for my boss first", ("sse",)),
        ("first make sure I have enough credits left, then render in 4K", ("credits", "export")),
        ("render at 480p — no wait, 720p", ("export",)),
        ("export 4k. actually 1080p instead", ("export",)),
        ("导出480p，不对，720p", ("export",)),
        ("render at 480p — no wait, dont render", ("sse",)),
        ("导出之前先把标题的错字改了", ("sse", "export")),
        ("匯出之前幫我改咗標題錯字先", ("sse", "export")),
        ("before exporting, fix the typo in the title", ("sse", "export")),
        ("before you render, swap the music", ("sse", "export")),
        ("before I export, fix the typo", ("sse",)),
        ("导出之前先检查一下字幕", ("sse",)),
        ("导出之前先把标题改了，明天再导出", ("sse",)),
        ("唔該幫我將字幕大返少少，之後出返條4K嘅片", ("sse", "export")),
        ("將背景音樂細返少少，跟住出返個版本", ("sse", "export")),
        ("幫我個標題移高啲，跟住出片", ("sse", "export")),
        ("add subtitles first, then render", ("sse", "export")),
        ("once you add music, export first then", ("sse", "export")),
        ("先幫我匯出一版，之後再加配樂", ("export", "sse")),
        ("先帮我导出一个版本，之后再把标题改大", ("export", "sse")),
        ("出片先，之後再換首歌", ("export", "sse")),
        ("先出返條片，再將個logo細返啲", ("export", "sse")),
        ("export one now and after that add some music", ("export", "sse")),
        ("export this as is, after that trim the intro", ("export", "sse")),
        ("先导出一版，之后再说", ("export",)),
        ("幫我將個logo細返啲，跟住出番條片", ("sse", "export")),
        ("字幕大番少少，然後出番個版本", ("sse", "export")),
        ("make the logo smaller, then export it", ("sse", "export")),
        ("唔好出番條片住", ("sse",)),
        ("加番茄醬嘅相落去", ("sse",)),
    ],
)
def test_order(text: str, plan: tuple[str, ...]) -> None:
    assert _plan(text) == plan


def test_export_first_reads_only_the_plain_order() -> None:
    assert export_first("render first, then add the subtitles")
    assert export_first("先导出一版，然后再加音乐")
    assert not export_first("export it, but first fix the audio then trim")
    assert not export_first("导出之前先把标题的错字改了")
    assert not export_first("after the fix, render now, then add logo")


_FORMATS = st.sampled_from(["webm", "mov", "gif", "mkv", "prores", "avi"])
_ASK_EN = st.sampled_from(
    [
        "can I render it as {f} or only mp4?",
        "is it possible to export as {f} or just mp4?",
        "could I export it in {f} or only mp4?",
    ]
)
_ASK_ZH = st.sampled_from(["可以导出成{f}格式吗还是只能mp4", "可以匯出成{f}格式嗎？定係只可以mp4"])
_OPINION = st.sampled_from(
    [
        "你覺得條片{p}？得嘅話就出片",
        "你觉得{p}怎么样？满意就导出",
        "覺得點？無問題就出片",
        "does the {p} look ok to you? if yes render",
        "how does the {p} sound? if good export",
    ]
)
_PARTS = st.sampled_from(["音乐", "字幕", "music", "intro", "color", "得未"])


@settings(max_examples=30, deadline=None)
@given(_ASK_EN | _ASK_ZH, _FORMATS)
def test_format_question_never_exports(template: str, fmt: str) -> None:
    assert "export" not in _plan(template.format(f=fmt))


@settings(max_examples=30, deadline=None)
@given(_OPINION, _PARTS)
def test_export_on_an_opinion_asked_never_runs_alone(template: str, part: str) -> None:
    plan = _plan(template.format(p=part))
    assert plan != ("export",)
    assert plan[0] == "sse" or "export" not in plan


_FIRST = st.sampled_from(
    [
        "先幫我匯出一版",
        "先帮我导出一版",
        "先導出一個版本",
        "出片先",
        "幫我匯出一版先",
        "先出返條片",
        "先出番個版本",
        "先渲染一版",
        "先輸出一版",
    ]
)
_THEN_ZH = st.sampled_from(
    ["，之後再", "，之后再", "，然後再", "，然后", "，跟住", "，跟住再", "，再"]
)
_EDIT_ZH = st.sampled_from(
    [
        "加配樂",
        "加配乐",
        "加字幕",
        "換音樂",
        "把标题改大",
        "將個logo細返啲",
        "加返首歌",
        "调慢一点节奏",
    ]
)
_FIRST_EN = st.sampled_from(
    ["export one now", "export a version now", "render it first", "export this as is"]
)
_THEN_EN = st.sampled_from(
    [" and after that ", " then ", ", then ", ", and then ", ", after that "]
)
_EDIT_EN = st.sampled_from(
    ["add the music", "put in captions", "make the logo bigger", "swap the song", "trim the intro"]
)


@settings(max_examples=60, deadline=None)
@given(st.tuples(_FIRST, _THEN_ZH, _EDIT_ZH) | st.tuples(_FIRST_EN, _THEN_EN, _EDIT_EN))
def test_export_first_then_edit_never_drops_the_edit(parts: tuple[str, str, str]) -> None:
    # the user wants a version now and the change after it: both run, export first
    assert _plan("".join(parts)) == ("export", "sse")


@settings(max_examples=30, deadline=None)
@given(_FIRST, _THEN_ZH)
def test_export_first_then_no_edit_adds_none(first: str, then: str) -> None:
    assert "sse" not in _plan(first + then.rstrip("再") + "再说")
