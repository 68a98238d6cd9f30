"""Two wrong exports the round-38/39 held-out sets found on the round-25 translator (first sight,
then folded in): a download after "it finishes" when the sentence before reports the render
unfinished, and a Chinese step told as the user's past press (上次你点导出时)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent.translate import translate
from agent.translate.tables import GuiTables, load_gui_tables

TABLES: GuiTables = load_gui_tables()

WAITS = [
    "Your video is still rendering (62%). Once it finishes, click Download to save the file.",
    "Still rendering, about 3 min left. When it completes, hit Export.",
    "The export is still processing. As soon as it wraps up, tap Download.",
    "Still generating — 40 seconds to go. After it ends, click Export.",
]
PAST = [
    "已经帮你把字幕改成繁体了。顺便说一句，上次你点导出时用的是旧版本，所以那个文件里还是简体。",
    "上次你點匯出嘅時候用咗舊版本。",
    "之前你点下载的时候还是旧版。",
    "上一次按导出用的是 720p。",
    "頭先你撳匯出嗰陣仲係舊字幕。",
]
STILL_RUN = ["字幕改好了，点导出就可以下载。", "All set. Click Export to get the MP4."]


@pytest.mark.parametrize("text", WAITS + PAST)
def test_a_step_for_later_or_told_as_past_runs_no_export(text: str) -> None:
    result = translate(text, TABLES)
    assert "export" not in result.actions, (text, result)
    assert result.text.startswith(text.split("。")[0].split(". ")[0])


@pytest.mark.parametrize("text", STILL_RUN)
def test_a_plain_step_still_exports(text: str) -> None:
    assert translate(text, TABLES).actions == ("export",)


@given(
    st.sampled_from(["上次", "上一次", "上回", "之前你", "刚才你", "頭先你"]),
    st.sampled_from(["点导出", "點匯出", "按下载", "撳匯出"]),
    st.sampled_from(["时用的是旧版本。", "嘅時候仲係舊版。", "的时候还没有字幕。"]),
)
def test_the_users_past_press_never_exports(when: str, press: str, rest: str) -> None:
    assert "export" not in translate(f"{when}{press}{rest}", TABLES).actions
