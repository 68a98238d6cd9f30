"""Round-22/23 classes (training sets `fixtures/translate/stranger_round{22,23}_*.jsonl`).

- Two GUI steps in order: a view, then the export, said through a keyboard shortcut after
  "then" ("then ⌘E (Ctrl+E on Windows) to export") or a quoted place opened (先打開「預覽」).
- A menu path's option ("Use **Export > 1080p**") is the export's, not a number read as a
  step: the actions run and the sentence is kept whole, the number byte for byte.
- A gesture that reveals a view, a code-switched place (去timeline那边), progress seen in a
  place (在「我的作品」里看进度) and a file dragged in (把音乐文件拖进来) run their action.
- A step for later (a tip for later, a condition a later day meets) runs nothing.
- A pointing hand or arrow before a step only points at it ("👉 Check **My Work**"), and 請至
  opens a quoted place or menu path as 前往 does.
- An export control named as a time (点「导出」前先看一下余额, "before you hit Export") is no
  export: the step before it runs.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent.translate import GuiTables, load_gui_tables, translate
from agent.translate.evidence import asks_export_now
from agent.translate.later import for_later
from tests.translate_support import foreign_sentences, kept_whole


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return load_gui_tables()


# new paraphrases per class (EN / 简 / 繁 / code-switched), with the actions they give in order
CASES = [
    # a view, then the export through a shortcut or a quoted place
    ("All set. Hit Space to play it back, then ⌘E to export.", ("state", "export")),
    ("Press Space to preview, then Ctrl+E (Cmd+E on Mac) to export the MP4.", ("state", "export")),
    ("请先打开「时间线」检查一下，再点「导出」。", ("state", "export")),
    ("先打開「預覽」睇一睇，然後撳「匯出」。", ("state", "export")),
    # a menu path's option
    ("Pick **Export > 4K** to get the sharper file.", ("export",)),
    # a gesture that reveals a view; a code-switched place; progress in a place
    ("Swipe left on the player to show the timeline.", ("state",)),
    ("Swipe up to reveal the track list.", ("state",)),
    ("你去preview那边check一下。", ("state",)),
    ("你可以在「我的作品」中查看进度。", ("state",)),
    # a file dragged in, a file asked for in a format
    ("请把你的配音文件拖进来。", ("upload",)),
    ("拖入几张照片，我来做成幻灯片。", ("upload",)),
    ("Could you send the cover photo as a JPG?", ("upload",)),
    # a pointing hand or an arrow before the step; a quoted menu path after 请至
    ("✅ Music added\n👉 Open **My Work** to follow the render.", ("state",)),
    ("➡ Check **Projects** for the progress.", ("state",)),
    ("請至「檔案 > 匯出」下載影片。", ("export",)),
    # an export control named as a time
    ("点「导出」前先在「钱包」看一下余额。", ("credits",)),
    ("Before you hit Export, check your credits under Account > Usage.", ("credits",)),
]


@pytest.mark.parametrize(("text", "actions"), CASES)
def test_a_round22_class_runs_its_actions_in_order_and_splices_nothing(
    text: str, actions: tuple[str, ...], tables: GuiTables
) -> None:
    out = translate(text, tables)
    assert out.actions == actions
    assert foreign_sentences(out.text, text, tables) == []


NOTHING = [
    "The export shortcut is ⌘E (Ctrl+E on Windows).",
    "I pressed ⌘E to export it earlier.",
    "把片段拖进时间线。",
    "我去timeline那边看过了。",
    "Could you send the image file directly?",
    "Please send the video to your client.",
    "👉 I checked **My Work** already.",
    "我们至“我的作品”看过了。",
]


@pytest.mark.parametrize("text", NOTHING)
def test_a_mention_a_report_or_a_place_runs_nothing_and_keeps_the_text(
    text: str, tables: GuiTables
) -> None:
    out = translate(text, tables)
    assert out.actions == ()
    assert out.text == text


def test_a_menu_path_option_comes_through_byte_for_byte(tables: GuiTables) -> None:
    text = "I exported it at 720p by mistake — use **Export > 1080p** this time."
    out = translate(text, tables)
    assert out.actions == ("export",)
    assert out.text.startswith(text)


_OPTIONS = st.sampled_from(["720p", "1080p", "4K", "60 fps", "MP4 (H.264)", "9:16", "50%"])
_GESTURES = st.sampled_from(["Use", "Click", "Choose", "Go to"])
_TAILS = st.sampled_from(["", " this time", " to get the full-quality file", " now"])


@given(_GESTURES, _OPTIONS, _TAILS)
def test_a_menu_path_option_is_never_lost_or_spliced(
    tables: GuiTables, gesture: str, option: str, tail: str
) -> None:
    text = f"Done. {gesture} **Export > {option}**{tail}."
    out = translate(text, tables)
    assert option in out.text
    assert foreign_sentences(out.text, text, tables) == []


_LATER_OPENINGS = st.sampled_from(
    [
        "Tip for later: when you've got more photos,",
        "For next time:",
        "A quick note for later —",
        "If the client wants a vertical cut next week,",
        "When you're back tomorrow,",
        "If you want a longer version at some point,",
    ]
)
_STEPS = st.sampled_from(
    [
        "drag them onto the canvas",
        "just open the timeline",
        "click **Export**",
        "check your balance under Account > Wallet",
        "upload the new logo",
    ]
)
_ENDS = st.sampled_from([".", " and I'll take it from there.", " and I'll re-cut it."])


@given(_LATER_OPENINGS, _STEPS, _ENDS)
def test_a_step_for_later_runs_nothing_and_keeps_the_sentence_whole(
    tables: GuiTables, opening: str, step: str, end: str
) -> None:
    text = f"The slideshow is ready. {opening} {step}{end}"
    out = translate(text, tables)
    assert out.actions == ()
    assert out.text == text


@pytest.mark.parametrize(
    "text",
    [
        "Open the timeline now; if you need a square one next week, tell me.",
        "Come back later and check My Work for the progress.",
        "When it's done, click Export.",
    ],
)
def test_a_step_now_beside_a_later_day_is_no_step_for_later(text: str) -> None:
    assert not for_later(text)


_ZH_CONTROLS = st.sampled_from(["「导出」", "“导出”", "导出", "「匯出」", "下载"])
_ZH_FIRST = st.sampled_from(
    ["先在「钱包」看一下余额", "先预览一下", "先确认一下字幕", "记得先看看时间线"]
)


@given(
    st.sampled_from(["点", "按", "撳", ""]),
    _ZH_CONTROLS,
    st.sampled_from(["前", "之前"]),
    _ZH_FIRST,
)
def test_an_export_named_as_a_time_is_no_export_step(
    tables: GuiTables, gesture: str, control: str, before: str, first: str
) -> None:
    text = f"{gesture}{control}{before}{first}。"
    assert not asks_export_now(text)
    out = translate(text, tables)
    assert "export" not in out.actions
    assert kept_whole(out.text, text, tables) or foreign_sentences(out.text, text, tables) == []
