"""Round-25 views (training sets `stranger_round3{6,7}_*.jsonl`).

- A view as where to listen or look (到時間軸上可以聽聽效果) and the project page as where to look
  (可以在项目页查看每个镜头的缩略图) open the view.
- A view asked as a question at a clause's open (点预览看看效果？) is an invitation: it opens,
  and an export so asked (点导出看看效果？) runs nothing.
- A view the user can always take later ("Tip: you can always open the Tracks panel later")
  and a fix for a fault the user may meet ("If the preview looks off on your phone, refresh
  the page") run nothing.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent.translate import GuiTables, load_gui_tables, translate
from tests.translate_support import foreign_sentences

_TABLES = load_gui_tables()


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return _TABLES


@pytest.mark.parametrize(
    "text",
    [
        "配音已經換好。到時間軸上可以聽聽效果。",
        "转场加好了，去时间线上可以看看效果。",
        "喺預覽度可以睇睇效果。",
        "分镜已生成。可以在项目页查看每个镜头。",
        "已經生成咗 4 個版本，可以在作品頁查看。",
        "好啦～字幕加好了，点预览看看效果？",
        "BGM 换好了，打开时间轴看看效果吧？",
        "搞掂，點預覽睇下效果？",
    ],
)
def test_a_view_as_where_to_look_opens_it(text: str, tables: GuiTables) -> None:
    result = translate(text, tables)
    assert result.actions == ("state",)
    assert not foreign_sentences(result.text, text, tables)


@pytest.mark.parametrize(
    "text",
    [
        "**Tip:** you can always open the Tracks panel later to fine-tune the timing.",
        "You can always check the timeline later if you want to tweak it.",
        "If the video looks blurry on your phone, reload the page — it's the preview's quality.",
        "If the preview seems stuck, refresh the page.",
        "如果预览画面不对，刷新一下页面就好。",
        "如果預覽空白，重新整理頁面。",
    ],
)
def test_a_view_for_later_or_a_fault_runs_nothing(text: str, tables: GuiTables) -> None:
    result = translate(text, tables)
    assert not {"state", "export"} & set(result.actions)
    assert result.text == text


@given(
    st.sampled_from(["preview", "video", "page", "playback"]),
    st.sampled_from(["looks off", "seems wrong", "is blank", "looks blurry"]),
    st.sampled_from(["refresh the page", "open the timeline", "click Export again"]),
)
def test_a_fix_for_a_fault_never_exports(thing: str, fault: str, fix: str) -> None:
    text = f"If the {thing} {fault}, {fix}."
    assert not {"state", "export"} & set(translate(text, _TABLES).actions)


@given(
    st.sampled_from(["open the Tracks panel", "check the timeline", "hit Export"]),
    st.sampled_from(["Tip: ", "**Tip:** ", "Also, ", ""]),
)
def test_a_step_you_can_always_take_later_runs_nothing(step: str, lead: str) -> None:
    text = f"{lead}you can always {step} later."
    assert not {"state", "export"} & set(translate(text, _TABLES).actions)


@given(st.sampled_from(["", "搞定啦～", "好了，", "字幕 done 了，"]), st.sampled_from(["吧", ""]))
def test_an_export_asked_as_a_question_never_runs(lead: str, particle: str) -> None:
    assert "export" not in translate(f"{lead}点导出看看效果{particle}？", _TABLES).actions
