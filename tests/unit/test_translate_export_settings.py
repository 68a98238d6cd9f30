"""An export word naming its settings is a noun phrase, not the export step.

"请查看导出设置", "請確認一下匯出設定", "去看看下载选项", "Please check the export settings.":
a look at or a check of the export/download SETTINGS (设置/設定/选项/選項/格式/参数/參數/配置)
runs no export; a later step in the same sentence still does ("打开导出设置，选 1080p 后点击导出").
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent.translate import GuiTables, load_gui_tables, translate
from agent.translate.evidence import asks_export_now

_TABLES = load_gui_tables()


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return _TABLES


_LOOKS = [
    # simplified
    "请查看导出设置",
    "请检查导出设置。",
    "去看看下载选项",
    "你可以查看导出参数，确认分辨率。",
    "可以先核对一下导出配置",
    "请确认一下导出格式是不是 MP4。",
    # traditional
    "請確認一下匯出設定",
    "請檢查一下下載選項。",
    "請查看導出參數。",
    # Cantonese
    "你睇下匯出設定啱唔啱",
    "記得睇吓匯出設定先",
    "你可以睇睇下載選項",
    # English
    "Please check the export settings.",
    "Take a look at the download options first.",
    "Open the export settings and check the resolution.",
]


@pytest.mark.parametrize("text", _LOOKS)
def test_a_look_at_the_export_settings_runs_no_export(text: str, tables: GuiTables) -> None:
    result = translate(text, tables)
    assert "export" not in result.actions
    assert result.text == text


@pytest.mark.parametrize(
    "text",
    [
        "打开导出设置，选 1080p 后点击导出",
        "設定好匯出設定之後，撳「匯出」就得",
        "设置好之后点击导出",
        "确认导出格式后点击导出即可。",
        "Open Export Settings, pick 1080p, then click Export.",
    ],
)
def test_a_step_after_the_settings_still_exports(text: str, tables: GuiTables) -> None:
    assert "export" in translate(text, tables).actions


_VERB = st.sampled_from(
    [
        "请查看",
        "请检查",
        "請確認一下",
        "去看看",
        "可以核对一下",
        "你睇下",
        "請檢查",
        "先确认",
        "可以打开",
    ]
)
_WORD = st.sampled_from(["导出", "導出", "匯出", "汇出", "下载", "下載", "输出", "渲染"])
_NOUN = st.sampled_from(
    ["设置", "設定", "设定", "选项", "選項", "格式", "参数", "參數", "配置", "的设置", "嘅設定"]
)
_END = st.sampled_from(["", "。", "，看看分辨率对不对。", "啱唔啱", "是否正确？"])
_EN_VERB = st.sampled_from(["Please check", "Take a look at", "Review", "Double-check", "Open"])
_EN_WORD = st.sampled_from(["export", "download", "render", "Export"])
_EN_NOUN = st.sampled_from(["settings", "options", "format", "preferences", "Settings"])


@settings(max_examples=150, deadline=None)
@given(verb=_VERB, word=_WORD, noun=_NOUN, end=_END)
def test_a_look_at_zh_export_settings_never_exports(
    verb: str, word: str, noun: str, end: str
) -> None:
    text = f"{verb}{word}{noun}{end}"
    assert not asks_export_now(text)
    result = translate(text, _TABLES)
    assert "export" not in result.actions
    assert result.text == text


@settings(max_examples=80, deadline=None)
@given(verb=_EN_VERB, word=_EN_WORD, noun=_EN_NOUN)
def test_a_look_at_en_export_settings_never_exports(verb: str, word: str, noun: str) -> None:
    text = f"{verb} the {word} {noun}."
    assert not asks_export_now(text)
    assert "export" not in translate(text, _TABLES).actions
