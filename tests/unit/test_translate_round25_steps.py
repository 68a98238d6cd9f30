"""Round-25 export steps the rules missed (training sets `stranger_round3{6,7}_*.jsonl`).

- A symbol opening the step ("Looks great! 🔥 Export whenever you're ready") and what is left
  to do said as the step ("All that's left is to hit Export") read as the step.
- A step after the user's verdict with a closing particle (没问题就下载吧, 没问题就 export 吧~) and
  the Traditional 匯出 after a gesture (滿意的話再按匯出) read as the step; the verdict said after
  a view keeps the sentence whole (the line would drop the condition).
"""

from __future__ import annotations

import pytest

from agent.translate import GuiTables, load_gui_tables, translate
from tests.translate_support import foreign_sentences


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return load_gui_tables()


@pytest.mark.parametrize(
    "text",
    [
        "Nice work! ✨ Export whenever you're ready.",
        "All set 🎬 Download whenever you like the cut.",
        "The only thing left is to hit Export.",
        "All that's left is to click Download and you're done.",
        "沒問題就匯出吧。",
        "片头改好了，冇问题就下载吧。",
        "字幕 done 了，没问题就 export 吧~",
        "滿意的話再撳匯出。",
    ],
)
def test_a_step_said_loosely_exports(text: str, tables: GuiTables) -> None:
    result = translate(text, tables)
    assert "export" in result.actions
    assert not foreign_sentences(result.text, text, tables)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("先在時間軸上預覽一下，滿意的話再按匯出。", "滿意的話"),
        ("先打开时间轴看看，满意的话再点导出。", "满意的话"),
        ("先喺時間線睇下，冇問題嘅話再撳匯出。", "冇問題嘅話"),
    ],
)
def test_a_view_then_a_verdict_keeps_the_condition(text: str, kept: str, tables: GuiTables) -> None:
    result = translate(text, tables)
    assert result.actions == ("state", "export")
    assert kept in result.text


@pytest.mark.parametrize(
    "text",
    [
        "為你加上了標題〈點擊這裡匯出〉，白色描邊，顯示 3 秒。",
        "The title now reads 'All that's left is to hit Export'.",
        "Don't export yet — all that's left is the music.",
    ],
)
def test_a_quoted_or_negated_step_still_runs_no_export(text: str, tables: GuiTables) -> None:
    assert "export" not in translate(text, tables).actions
