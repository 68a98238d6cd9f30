"""The language layer's safety invariants, each held by generated inputs and by examples.

1. Never drop an edit: an edit and an export plan `sse` before `export`.
2. A negated or deferred action never runs (and the route says it was declined).
3. A mention is not a command: past tense, reported speech, quotes and title wording.
4. Questions never mutate: no export and no upload from a question.
5. The translator never corrupts: quoted spans, numbers, percentages and file names come
   through byte for byte, and a sentence it is unsure of stays whole and runs nothing.
"""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.router import KeywordRouter, Route, Router, build_keyword_router
from agent.translate import GuiTables, Translation, Translator, load_gui_tables
from agent.translate.prose import protected_tokens
from tests.router_support import SaysExport
from tests.translate_support import kept_whole

ROBUST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

EDITS = [
    "add some lo-fi music", "make it 8 seconds", "zoom in slowly", "add a title 'Harbor'",
    "make the title bigger", "fade the music out at the end", "make it vertical",
    "加上背景音乐", "把时长改成8秒", "加个标题", "改成竖屏", "加個字幕", "配樂換成鋼琴",
]  # fmt: skip
EXPORTS = ["export", "export it", "render it", "download it", "导出", "导出视频", "匯出"]
THENS = [" then ", ", then ", " and then ", " and ", "，然后", "，再", "然后", "，之後"]
NEGATED_EXPORTS = [
    "don't export yet", "do not export it yet", "no need to export", "export later",
    "but don't render it yet", "先不要导出", "先别导出", "暂时不要导出", "不用导出",
    "先不要匯出", "唔好匯出住",
]  # fmt: skip
TRIGGERS = ["Export", "Download now", "Render", "导出", "立即下载", "Check credits", "状态"]
QUESTIONS = [
    "what music can I choose from?", "how long does an export take?",
    "what does exporting cost?", "is the export ready?", "导出要多久？", "导出的视频在哪？",
    "show my past exports?", "did my last export work?", "導出要幾耐？",
]  # fmt: skip
PAST = [
    "I exported it yesterday but the audio was off, fix the sync",
    "last time I rendered it the colours were washed out, make it warmer",
    "my friend said the export was blurry, can you sharpen it",
    "we'll export after the client approves, just tweak the colours warmer for now",
    "上次导出的视频声音太小，把音量调大",
    "我昨天已经导出过了，现在把标题改大一点",
]  # fmt: skip


@pytest.fixture(scope="module")
def keywords() -> KeywordRouter:
    return build_keyword_router()


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return load_gui_tables()


def _plan(router: KeywordRouter, text: str) -> tuple[str, ...]:
    decided = router.route(text)
    return decided.actions if decided else ("sse",)


@ROBUST
@given(st.sampled_from(EDITS), st.sampled_from(THENS), st.sampled_from(EXPORTS))
def test_an_edit_before_an_export_is_never_dropped(
    keywords: KeywordRouter, edit: str, then: str, export: str
) -> None:
    plan = _plan(keywords, edit + then + export)
    assert "sse" in plan
    assert "export" in plan
    assert plan.index("sse") < plan.index("export")


@ROBUST
@given(
    st.sampled_from(EDITS),
    st.sampled_from([", ", "，", " but ", ". "]),
    st.sampled_from(NEGATED_EXPORTS),
)
def test_a_negated_or_deferred_export_never_runs_and_is_declined(
    keywords: KeywordRouter, edit: str, glue: str, negated: str
) -> None:
    for text in (edit + glue + negated, negated + glue + edit):
        route = keywords.route(text)
        assert route is not None, text
        assert "export" not in route.actions, text
        assert "export" in route.declined, text


@ROBUST
@given(
    st.sampled_from(TRIGGERS),
    st.sampled_from(["add a title '{}'", "字幕写上“{}”", 'caption it "{}"', "标题改成「{}」"]),
)
def test_words_inside_quotes_or_a_title_are_content(
    keywords: KeywordRouter, trigger: str, frame: str
) -> None:
    assert _plan(keywords, frame.format(trigger)) == ("sse",)


@pytest.mark.parametrize("text", PAST)
def test_a_past_or_reported_export_is_a_mention_not_a_command(
    keywords: KeywordRouter, text: str
) -> None:
    assert _plan(keywords, text) == ("sse",)


@pytest.mark.parametrize("text", QUESTIONS)
def test_a_question_never_exports_or_uploads(keywords: KeywordRouter, text: str) -> None:
    assert not {"export", "upload"} & set(_plan(keywords, text))


def test_the_fallback_cannot_run_what_the_user_declined(keywords: KeywordRouter) -> None:
    model = SaysExport()
    router = Router(keywords, completer=model)  # type: ignore[arg-type]
    text = "the status of my credits, but don't export"  # the keyword stage abstains
    assert keywords.route(text) is None
    route = asyncio.run(router.route(text))
    assert model.prompts  # the model was asked, and overruled
    assert route == Route(("sse",), "llm", "en", ("export",))


_QUOTED = ['"Click Export"', "'Press Start'", "“点击下载”", "「立即导出」", '"Download now"']
_NUMBERS = ["1080p", "45%", "0:03", "12 credits", "5积分", "harbor_final.mp4", "9:16", "62%"]
_STEPS = [
    "Click Export to download it.", "Open the Timeline tab to check it.", "点击导出按钮下载。",
    "Hit the Download button.", "Go to Account > Billing to top up.", "请打开时间线查看。",
    "Refresh the page to see progress.", "Check the Media Library.", "Tap Share.",
]  # fmt: skip


@ROBUST
@given(
    st.lists(
        st.one_of(
            st.builds("The title {} is on screen.".format, st.sampled_from(_QUOTED)),
            st.builds("It runs at {} now.".format, st.sampled_from(_NUMBERS)),
            st.builds("标题{}已加好。".format, st.sampled_from(_QUOTED)),
            st.sampled_from(_STEPS),
            st.builds("{} {}".format, st.sampled_from(_STEPS), st.sampled_from(_NUMBERS)),
        ),
        min_size=1,
        max_size=5,
    )
)
def test_the_translator_keeps_quotes_numbers_and_file_names_byte_for_byte(
    tables: GuiTables, sentences: list[str]
) -> None:
    text = " ".join(sentences)
    result = Translator(tables)(text)
    for sentence in sentences:
        if not any(step in sentence for step in _STEPS):
            assert sentence in result.text  # a content sentence is never touched
    for token in _QUOTED + _NUMBERS:
        assert text.count(token) <= result.text.count(token), (text, result.text)
    assert all(t in result.text for t in protected_tokens(text)), (text, result.text)


@pytest.mark.parametrize(
    ("text", "actions"),
    [
        ("Tap the ⋯ menu on your project card, then tap Export > HD 1080p.", ("export",)),
        (
            "On mobile, swipe right on the project to reveal Export, then tap it and wait for "
            "the 1080p file.",
            ("export",),
        ),
        ("Pinch to zoom the timeline and swipe left to see the remaining 3 clips.", ("state",)),
        ("Long-press the clip, then tap the 2nd dot.", ()),  # a gesture with no target
        ("长按片段 3 秒，然后松开。", ()),
    ],
)
def test_a_sentence_it_cannot_rewrite_stays_whole(
    tables: GuiTables, text: str, actions: tuple[str, ...]
) -> None:
    """Numbers in the steps: no rendered line may replace them, so the sentence stays byte for
    byte; its action runs only when the clause classifier found the step's target."""
    result = Translator(tables)(text)
    assert result.actions == actions
    assert kept_whole(result.text, text, tables)


def test_a_held_export_step_goes_unsaid_but_is_still_reported(tables: GuiTables) -> None:
    held = Translator(tables).holding(["export"])
    assert held("Your clip is ready. Click Export to download it.") == Translation(
        "Your clip is ready.", ("export",)
    )
    assert Translator(tables).holding(()) == Translator(tables)


RETRACTIONS = ["actually no", "never mind", "scratch that", "no wait", "不对", "等等"]


@ROBUST
@given(
    st.sampled_from(EXPORTS),
    st.sampled_from(RETRACTIONS),
    st.sampled_from(EDITS),
    st.sampled_from([". ", ", ", "。", "，"]),
)
def test_the_users_last_word_takes_back_an_export(
    keywords: KeywordRouter, export: str, retraction: str, edit: str, glue: str
) -> None:
    route = keywords.route(export + glue + retraction + glue + edit)
    assert route is not None
    assert "export" not in route.actions
    assert "export" in route.declined
