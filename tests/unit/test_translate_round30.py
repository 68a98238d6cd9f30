"""Round-30/31 classes (training sets `fixtures/translate/stranger_round{30,31}_*.jsonl`).

- A sentence replaced whole by a template line says nothing but the GUI step: one that names
  more of what is fetched ("Grab your finished video with the Export button", "save the clip",
  下载剪好的视频) is kept whole and the line is said after it; the bare step is still replaced.
- A list named as options (你可以选择：) or picked from by number (回复数字即可, 揀一個) runs none
  of its items; a numbered procedure still runs.
- A step after a render or an export finishes ("When the render hits 100%, hit Download",
  渲染完成后再点击下载) waits; a view before it still runs, and a step after work already done runs.
- The agent needing or lacking the user's file ("I'll need the voiceover track", 還需要你那段
  開場影片, 请发一下你的 Logo 文件) asks for it: an upload; a file step after a file the user has
  yet to make ("After the voiceover is re-recorded, …", 等配音錄好先再上傳) waits.
- A failed step retried later (渲染失敗，請稍後重新整理頁面再試一次) runs nothing.
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


@pytest.mark.parametrize(
    "text",
    [
        "Here are your options:\n1. **Export now** (1080p)\n2. Preview first in the timeline",
        "Pick one:\n1. Export now in 4K\n2. Export a 720p draft\n\nJust reply with 1 or 2.",
        "你可以选择：\n1. 直接导出 4K\n2. 先导出 720p 预览版",
        "有以下幾種方式：\n1. 直接匯出 4K\n2. 先匯出 720p 預覽版",
        "1. 直接匯出 4K\n2. 先匯出 720p 預覽版\n\n揀一個就得。",
    ],
)
def test_a_list_of_options_to_pick_from_exports_nothing(text: str, tables: GuiTables) -> None:
    assert "export" not in translate(text, tables).actions


@pytest.mark.parametrize(
    "text",
    [
        "To download:\n1. Click Export\n2. Pick MP4",
        "导出步骤：\n1. 点击右上角的导出\n2. 选择 MP4",
        "匯出方法：\n1. 撳右上角嘅匯出\n2. 揀 MP4",
    ],
)
def test_a_numbered_procedure_still_exports(text: str, tables: GuiTables) -> None:
    assert "export" in translate(text, tables).actions


@pytest.mark.parametrize(
    ("text", "actions"),
    [
        ("When the render hits 100%, hit Download.", ()),
        ("Open the progress view; when the render hits 100%, hit Download.", ("state",)),
        ("渲染完成后再点击下载。", ()),
        ("導出完成後，記得去 My Work 檢查檔案大小。", ()),
        ("匯出完成之後先撳下載。", ()),
    ],
)
def test_a_step_after_the_work_finishes_waits(
    text: str, actions: tuple[str, ...], tables: GuiTables
) -> None:
    assert translate(text, tables).actions == actions


@pytest.mark.parametrize(
    "text",
    [
        "The render is done. Click Download.",
        "渲染完成了，点击下载即可。",
        "匯出完成咗，撳下載就得。",
        "When you're happy with it, click Download.",
    ],
)
def test_a_step_after_work_already_done_runs(text: str, tables: GuiTables) -> None:
    assert translate(text, tables).actions == ("export",)


@pytest.mark.parametrize(
    ("text", "actions"),
    [
        ("I'll need the voiceover track before I can sync the captions.", ("upload",)),
        ("I need your logo file to finish the end card.", ("upload",)),
        ("I'll need a few minutes to render.", ()),
        ("You'll need the voiceover track for this.", ()),
        ("请发一下你的 Logo 文件（PNG 格式最好）。", ("upload",)),
        ("我还需要几分钟来渲染。", ()),
        ("我這邊還需要你那段開場影片，才能接上後面的畫面。", ("upload",)),
        ("我這邊還需要幾分鐘先渲染好。", ()),
    ],
)
def test_the_agent_needing_the_users_file_asks_for_it(
    text: str, actions: tuple[str, ...], tables: GuiTables
) -> None:
    assert translate(text, tables).actions == actions


@pytest.mark.parametrize(
    ("text", "actions"),
    [
        ("After the voiceover is re-recorded, you can drag the new file into the Media panel.", ()),
        ("Please drag the new voiceover file into the Media panel.", ("upload",)),
        ("等配音录好再上传。", ()),
        ("等配音錄好先再上傳，到時我幫你對口型。", ()),
        ("配音錄好咗，上傳俾我啦。", ("upload",)),
        ("Once the clips look right, click Export.", ("export",)),
    ],
)
def test_a_file_step_after_a_file_yet_to_be_made_waits(
    text: str, actions: tuple[str, ...], tables: GuiTables
) -> None:
    assert translate(text, tables).actions == actions


@pytest.mark.parametrize(
    ("text", "actions"),
    [
        ("渲染失敗，請稍後重新整理頁面再試一次。", ()),
        ("渲染失败了，请稍后刷新页面再试。", ()),
        ("The render failed. Please refresh the page and try again later.", ()),
        ("渲染失败了，请刷新页面后重新点击导出。", ("export",)),
    ],
)
def test_a_failed_step_retried_later_runs_nothing(
    text: str, actions: tuple[str, ...], tables: GuiTables
) -> None:
    assert translate(text, tables).actions == actions
