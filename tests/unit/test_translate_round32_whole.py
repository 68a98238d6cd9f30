"""Round 32 (issue #10): replies read whole first (`agent.translate.whole`): a menu listed over
several lines and closed by a pick, and a walkthrough of a feature closed by an offer, are kept
byte for byte and run nothing. The lines are paraphrases written for this test."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent.translate import load_gui_tables, translate
from agent.translate.whole import left_whole

TABLES = load_gui_tables()


@pytest.mark.parametrize(
    "text",
    [
        "Next steps I can take:\n1. Tighten the intro\n2. Download a square cut for Instagram\n"
        "3. Swap in calmer music\n\nWhich would you like first?",
        "Options:\n- Export in 720p now\n- Top up and render in 4K\n\nWhich do you prefer?",
        "接下来可以：\n1. 加字幕\n2. 导出竖版给抖音\n3. 换一首轻松的音乐\n\n你想选哪个？",
        "你可以揀：\n• 即刻匯出 1080p\n• 升級再出 4K\n\n你揀邊個？",
        "Here's how downloading works here: press Download, pick a size, and the file saves "
        "itself. Want me to walk you through the sizes?",
        "导出的流程是这样的：点导出，选分辨率，文件会自动下载。需要我帮你选分辨率吗？",
    ],
)
def test_a_menu_or_a_walkthrough_is_kept_whole_and_runs_nothing(text: str) -> None:
    result = translate(text, TABLES)
    assert result.actions == ()
    assert result.text == text


@pytest.mark.parametrize(
    "text",
    [
        "Your video is ready. Click Export to download it. Anything else?",
        "Done:\n1. Trimmed the intro\n2. Added the music\n\nClick Export to download.",
        "Here's how it looks now. Click Export to download it.",
    ],
)
def test_a_plain_step_with_a_list_or_a_closing_question_still_runs(text: str) -> None:
    assert not left_whole(text)
    assert "export" in translate(text, TABLES).actions


_ITEMS = st.sampled_from(
    [
        "Export a vertical cut",
        "Download the 4K version",
        "Upload a new logo",
        "Top up for HD",
        "Add captions",
        "导出一个竖版",
        "下载 1080p 版本",
        "上传新的 logo",
    ]
)
_MARKS = st.sampled_from(["1.", "2)", "-", "•", "*"])
_PICKS = st.sampled_from(
    ["Which one would you like?", "Which do you prefer?", "你想选哪个？", "你揀邊個？"]
)


@given(items=st.lists(_ITEMS, min_size=2, max_size=4), mark=_MARKS, pick=_PICKS)
def test_property_a_list_menu_closed_by_a_pick_never_runs_an_item(
    items: list[str], mark: str, pick: str
) -> None:
    text = "Here's what I can do:\n" + "\n".join(f"{mark} {x}" for x in items) + f"\n\n{pick}"
    result = translate(text, TABLES)
    assert result.actions == ()
    assert result.text == text


def test_a_lettered_menu_closed_by_a_pick_runs_nothing() -> None:
    text = "You can:\nA. Export the 1080p cut now\nB. Add an end card\n\nWhich one?"
    assert translate(text, TABLES).actions == ()


@pytest.mark.parametrize(
    "text",
    [
        "If you'd like a version without music, click Export and untick Include audio.",
        "If you want a GIF instead, press Export and choose GIF.",
        "如果你想要竖屏版本，导出时选 9:16 就行。",
    ],
)
def test_a_step_for_another_version_the_user_may_want_runs_no_export(text: str) -> None:
    assert "export" not in translate(text, TABLES).actions


def test_a_step_after_the_user_likes_it_still_exports() -> None:
    assert "export" in translate("If you like it, click Export.", TABLES).actions


@pytest.mark.parametrize(
    "text",
    [
        "The **Download** button saves your project as one MP4 with the Output settings.",
        "The Export option only renders; it doesn't post anywhere.",
        "Render queued (about 3 min).\n1. Wait for the bar to fill up\n2. Then click **Download**",
        "1. 等渲染完成\n2. 点「下载」保存 MP4",
    ],
)
def test_a_control_described_or_a_list_waiting_on_an_item_runs_nothing(text: str) -> None:
    result = translate(text, TABLES)
    assert result.actions == ()
    assert result.text == text


def test_a_control_described_beside_a_step_still_reads_the_step() -> None:
    text = "The Export button is greyed out until the render is done. Check the progress panel."
    assert not left_whole(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'll tidy the captions next. Once that's done, click Export.",
        "我先把片尾加上。弄好之后再点导出。",
        "Three captions are off by a beat. Fix them in the Captions panel, then export.",
        "在时间线上把片尾拖短一点，然后导出。",
    ],
)
def test_a_step_after_work_not_done_yet_runs_no_export(text: str) -> None:
    assert "export" not in translate(text, TABLES).actions


def test_a_plain_step_after_finished_work_still_exports() -> None:
    text = "I've trimmed the intro to 3 seconds. Click Export to download."
    assert "export" in translate(text, TABLES).actions


def test_a_download_once_the_render_hits_100_percent_waits() -> None:
    text = "Rendering now. When it hits 100%, the Download button shows up; click it then."
    assert "export" not in translate(text, TABLES).actions


def test_a_download_after_someone_else_approves_waits() -> None:
    text = "連結已寄給客戶。客戶按下「核准」後，你就可以下載正式版。"
    assert "export" not in translate(text, TABLES).actions
