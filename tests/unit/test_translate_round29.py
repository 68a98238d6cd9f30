"""Round-29 export safety.

- The export or the render named as a NOUN in a progress report ("Export progress: 30%",
  导出进度：45%): a report, no export (a view the report points at may still run).
- Alternatives laid out as a list for the user to pick ("- **Export now** …, or\\n- wait …"),
  the pick asked after the list ("Which would you like?", "Let me know!", 你选哪个？): no export.
- Taiwanese 算圖 (rendering) and other underway words (压制中, 輸出中, 合成中) as work
  underway: a step after its end runs no export.
- A named other as the doer (你的朋友可以…下載, 客戶, 觀眾, "Your viewers can download it",
  "Anyone with the link can …"): not the user's step, no export.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent.translate import GuiTables, load_gui_tables, translate
from agent.translate.pending import in_progress
from tests.translate_support import foreign_sentences

_TABLES = load_gui_tables()


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return _TABLES


_PROGRESS = [
    "Export progress: 30%.",
    "Render progress: 60%. Check the bar on the project page.",
    "Download progress: 15%. You can follow the bar on the project page.",
    "Export progress is at 72% — you can watch it on the Exports page.",
    "导出进度：45%，可以在项目页看进度条",
    "匯出進度：45%，可以喺項目頁睇進度條。",
    "下载进度：30%。",
    "導出進度 80%，喺「我的作品」睇到進度條。",
]


@pytest.mark.parametrize("text", _PROGRESS)
def test_a_progress_report_naming_the_export_runs_no_export(text: str, tables: GuiTables) -> None:
    result = translate(text, tables)
    assert "export" not in result.actions
    assert not foreign_sentences(result.text, text, tables)


def test_in_progress_reads_a_progress_figure() -> None:
    assert in_progress("Export progress: 30%.")
    assert in_progress("Render progress is at 60%")
    assert in_progress("导出进度：45%")
    assert not in_progress("Click Export to download the file.")


_CHOICES = [
    "Two options:\n- **Export now** at 1080p (8 credits), or\n- wait for the color pass and "
    "export in 4K (25 credits).\n\nWhich would you like?",
    "Sure thing:\n- **Export now** at 1080p (8 credits), or\n- wait for the color pass and "
    "export in 4K (25 credits).\n\nWhich would you like?",
    "- **Export now** at 1080p (8 credits), or\n- wait for the color pass and export in 4K.\n\n"
    "Which would you like?",
    "I see two ways forward.\n1. **Click Export** now for the 1080p file, or\n2. wait for the "
    "grade and export 4K.\nLet me know which you prefer.",
    "Here's what you can do:\n- **Export it now** as MP4, or\n- **Export later** once the music "
    "is fixed.\nLet me know!",
    "你可以：1. 现在导出 720p 2. 等调色后导出 4K。你选哪个？",
    "你可以：\n- **现在导出** 720p，或者\n- 等调色后导出 4K。\n\n你选哪个？",
    "两个选择：\n- **现在导出** 1080p（8 点），或者\n- 等调色完成后导出 4K（25 点）。\n"
    "你想要哪个？",
    "可以咁做：\n1. 即刻匯出 720p，定係\n2. 等調色之後匯出 4K\n你想點？",
    "- **立即匯出** 720p，或者\n- 等字幕好咗再匯出 1080p\n\n話我知你想點。",
]


@pytest.mark.parametrize("text", _CHOICES)
def test_alternatives_offered_for_a_pick_run_no_export(text: str, tables: GuiTables) -> None:
    result = translate(text, tables)
    assert "export" not in result.actions
    assert not foreign_sentences(result.text, text, tables)


def test_a_procedure_list_still_exports(tables: GuiTables) -> None:
    text = "To download:\n1. Click Export\n2. Pick MP4 and confirm."
    assert "export" in translate(text, tables).actions


_UNDERWAY = [
    "影片仍在算圖中（63%）。算圖完成後，點「下載」即可。",
    "影片還在算圖（41%），算完之後再按「匯出」。",
    "影片正在压制中，压制完成后点击「下载」即可。",
    "视频还在算图，算图完成后再点「导出」。",
]


@pytest.mark.parametrize("text", _UNDERWAY)
def test_a_step_after_rendering_underway_runs_no_export(text: str, tables: GuiTables) -> None:
    result = translate(text, tables)
    assert "export" not in result.actions
    assert not foreign_sentences(result.text, text, tables)


_OTHERS = [
    "你的朋友可以用分享連結直接下載，不用登入。",
    "你的客戶收到連結後可以自己下載。",
    "觀眾可以直接從分享頁下載影片。",
    "客户打开链接就能直接下载。",
    "Your viewers can download it from the share link.",
    "Anyone with the link can download the video.",
    "Your client can hit Download on the share page.",
    "Your friends can grab it straight from the share link, no login needed.",
]


@pytest.mark.parametrize("text", _OTHERS)
def test_a_named_others_download_runs_no_export(text: str, tables: GuiTables) -> None:
    result = translate(text, tables)
    assert "export" not in result.actions
    assert result.text == text


@pytest.mark.parametrize(
    "text", ["Click Export to download your video.", "點「匯出」即可下載影片。"]
)
def test_the_users_own_step_still_exports(text: str, tables: GuiTables) -> None:
    assert "export" in translate(text, tables).actions


_NOUN = st.sampled_from(["Export", "Render", "Download", "导出", "渲染", "匯出", "下載", "輸出"])
_TAIL = st.sampled_from(
    [
        "",
        " Check the bar on the project page.",
        " You can watch it under My Projects.",
        "，可以在项目页看进度条。",
        "，喺「我的作品」睇到進度條。",
    ]
)


@settings(max_examples=60, deadline=None)
@given(noun=_NOUN, p=st.integers(1, 99), tail=_TAIL, sep=st.sampled_from([": ", "：", " "]))
def test_a_progress_figure_never_exports(noun: str, p: int, tail: str, sep: str) -> None:
    label = "progress" if noun.isascii() else "进度"
    text = f"{noun} {label}{sep}{p}%.{tail}" if noun.isascii() else f"{noun}{label}{sep}{p}%{tail}"
    result = translate(text, _TABLES)
    assert "export" not in result.actions
    assert not foreign_sentences(result.text, text, _TABLES)


_FIRST = st.sampled_from(
    [
        "- **Export now** at {r} ({c} credits), or",
        "1. **Download now** in {r} ({c} credits), or",
        "- **现在导出** {r}（{c} 点），或者",
        "1. 即刻匯出 {r}，定係",
    ]
)
_SECOND = st.sampled_from(
    [
        "- wait for the color pass and export in 4K.",
        "2. wait for the subtitles and download in 4K.",
        "- 等调色后导出 4K。",
        "2. 等調色之後匯出 4K",
    ]
)
_CLOSING = st.sampled_from(
    ["Which would you like?", "Let me know!", "你选哪个？", "你想點？", "話我知你揀邊個。"]
)


@settings(max_examples=60, deadline=None)
@given(
    head=st.sampled_from(["", "Two options:\n", "你可以：\n", "Here's the deal.\n"]),
    first=_FIRST,
    second=_SECOND,
    closing=_CLOSING,
    r=st.sampled_from(["720p", "1080p"]),
    c=st.integers(1, 40),
    gap=st.sampled_from(["\n", "\n\n"]),
)
def test_alternatives_with_a_pick_asked_never_export(
    head: str, first: str, second: str, closing: str, r: str, c: int, gap: str
) -> None:
    text = f"{head}{first.format(r=r, c=c)}\n{second}{gap}{closing}"
    result = translate(text, _TABLES)
    assert "export" not in result.actions
    assert not foreign_sentences(result.text, text, _TABLES)


@pytest.mark.parametrize(
    "text",
    [
        "你撳右上角個「匯出」就可以攞條片喇",
        "你点右上角的「导出」就可以拿到视频了",
        "你按右上角那个「导出」就行",
        "Click Export in the top right to get your video.",
    ],
)
def test_a_step_said_to_you_still_exports(text: str, tables: GuiTables) -> None:
    assert "export" in translate(text, tables).actions


@pytest.mark.parametrize(
    "text",
    [
        "你唔使撳「匯出」，我已經幫你搞掂。",
        "唔洗撳匯出，我幫你搞掂咗。",
        "你無須點「匯出」。",
        "你不需要点「导出」，我已经帮你导好了。",
        "You don't need to click Export, I've done it for you.",
    ],
)
def test_a_step_said_not_needed_runs_no_export(text: str, tables: GuiTables) -> None:
    result = translate(text, tables)
    assert "export" not in result.actions
    assert not foreign_sentences(result.text, text, tables)


@pytest.mark.parametrize(
    "text",
    [
        "that clip seems corrupted — could you try a different file?",
        "That clip seems corrupted. Could you try another file?",
        "Try uploading a different file.",
        "個檔案好似壞咗，可唔可以換個檔案再傳過嚟？",
        "这个视频好像损坏了，换一个视频再上传试试？",
    ],
)
def test_another_file_tried_in_place_of_a_broken_one_asks_an_upload(
    text: str, tables: GuiTables
) -> None:
    result = translate(text, tables)
    assert "upload" in result.actions
    assert "export" not in result.actions


@pytest.mark.parametrize(
    "text", ["Try a different font for the title.", "I tried a different file and it worked."]
)
def test_a_different_style_or_a_past_try_asks_no_upload(text: str, tables: GuiTables) -> None:
    assert "upload" not in translate(text, tables).actions


@pytest.mark.parametrize(
    "text", ["請在時間軸上確認一下", "请在时间轴上确认一下字幕的位置。", "請喺時間軸上確認下。"]
)
def test_a_check_in_a_view_shows_the_view(text: str, tables: GuiTables) -> None:
    result = translate(text, tables)
    assert result.actions == ("state",)


def test_a_check_already_made_shows_nothing(tables: GuiTables) -> None:
    assert translate("我已经在时间轴上确认一下了。", tables).actions == ()
