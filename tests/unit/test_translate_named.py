"""The upload line names the file the step it replaces names (round 28), copied as written."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent.translate import translate
from agent.translate.named import upload_object
from agent.translate.tables import GuiTables, load_gui_tables
from agent.translate.translator import Translator


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return load_gui_tables()


@pytest.mark.parametrize(
    ("text", "out"),
    [
        ("点击「上传」选择你的视频文件。", "直接在对话中发送你的视频文件或给我一个链接。"),
        (
            "Click Upload and select your video file.",
            "Send your video file in chat or give me a URL.",
        ),
        ("Drag your video file onto the canvas.", "Send your video file in chat or give me a URL."),
        ("Upload your video.", "Send your video in chat or give me a URL."),
        ("点击上传。", "直接在对话中发送文件或给我一个链接。"),
    ],
)
def test_the_upload_line_names_the_file(tables: GuiTables, text: str, out: str) -> None:
    result = translate(text, tables)
    assert (result.text, result.actions) == (out, ("upload",))


def test_a_traditional_reply_keeps_its_object_as_written(tables: GuiTables) -> None:
    out = Translator(tables, traditional=True)("點擊「上傳」揀你的影片檔案。").text
    assert "你的影片檔案" in out
    assert "發送" in out


@pytest.mark.parametrize(
    ("content", "lang", "obj"),
    [
        ("点击「上传」选择你的视频文件", "zh", "你的视频文件"),
        ("點擊「上傳」選擇你的影片檔案", "zh", "你的影片檔案"),
        ("撳「上載」揀你段片", "zh", "你段片"),
        ("Click Upload to select your logo (PNG)", "en", "your logo (PNG)"),
        ("Upload the voiceover audio", "en", "the voiceover audio"),
        ("Click Upload", "en", ""),
        ("Upload the file", "en", ""),
        ("点击上传", "zh", ""),
    ],
)
def test_the_object_is_a_span_as_written_or_nothing(content: str, lang: str, obj: str) -> None:
    assert upload_object(content, lang) == obj


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="上传选择你的视频文件照片 abcUploadyourlogo（）()「」，,", max_size=30))
def test_the_object_is_always_a_whole_tail_of_the_sentence(content: str) -> None:
    for lang in ("en", "zh"):
        obj = upload_object(content, lang)
        assert not obj or (obj in content and obj.strip() == obj)


@pytest.mark.parametrize(
    "text",
    [
        "点击「上传」选择你的视频文件。",
        "Click Upload and select your video file.",
        "Drag your video file onto the canvas.",
    ],
)
def test_a_named_line_translated_again_stays_and_runs_nothing(tables: GuiTables, text: str) -> None:
    once = translate(text, tables).text
    again = translate(once, tables)
    assert (again.text, again.actions) == (once, ())
