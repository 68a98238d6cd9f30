"""Round-30/31 classes (training sets `fixtures/translate/stranger_round{30,31}_*.jsonl`).

- A sentence replaced whole by a template line says nothing but the GUI step: one that names
  more of what is fetched ("Grab your finished video with the Export button", "save the clip",
  下载剪好的视频) is kept whole and the line is said after it; the bare step is still replaced.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent.translate import GuiTables, load_gui_tables, translate
from tests.translate_support import foreign_sentences


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return load_gui_tables()


_TABLES = load_gui_tables()
_EXPORT_EN = "I'll export the MP4 for you."
_EXPORT_HANS = "我会直接把 MP4 文件发给你。"
_EXPORT_HANT = "我會直接把 MP4 文件發給你。"


@pytest.mark.parametrize(
    ("named", "bare", "line"),
    [
        (
            "Grab your finished video with the Export button below the preview.",
            "Grab your video with the Export button below the preview.",
            _EXPORT_EN,
        ),
        ("Click Download to save the edited clip.", "Click Download to save it.", _EXPORT_EN),
        (
            "点击右上角的“导出”即可下载剪好的视频。",
            "点击右上角的“导出”即可下载视频。",
            _EXPORT_HANS,
        ),
        (
            "撳右上角嘅「匯出」就可以下載剪好的影片。",
            "撳右上角嘅「匯出」就可以下載。",
            _EXPORT_HANT,
        ),
    ],
)
def test_a_step_naming_what_it_fetches_keeps_its_sentence(
    named: str, bare: str, line: str, tables: GuiTables
) -> None:
    kept = translate(named, tables)
    joint = " " if line == _EXPORT_EN else ""  # a Chinese line follows its sentence unspaced
    assert (kept.text, kept.actions) == (named + joint + line, ("export",))
    replaced = translate(bare, tables)
    assert (replaced.text, replaced.actions) == (line, ("export",))


_SPANS = ["finished video", "updated preview", "edited clip", "latest cut", "rendered reel"]
_FETCH = [
    "Grab your {span} with the Export button below the preview.",
    "Click Download to save the {span}.",
    "Tap Export in the top bar to get the {span}.",
    "Hit Download to save your {span} to your phone.",
]


@given(
    st.sampled_from(_FETCH),
    st.sampled_from(_SPANS),
    st.sampled_from(["", "Done! ", "The music is set. ", "标题已设好。"]),
)
def test_a_kept_span_around_a_gui_step_survives(step: str, span: str, before: str) -> None:
    text = before + step.format(span=span)
    result = translate(text, _TABLES)
    assert span in result.text, (text, result.text)
    assert not foreign_sentences(result.text, text, _TABLES), (text, result.text)
