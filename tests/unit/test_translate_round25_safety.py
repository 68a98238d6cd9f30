"""Round-25 export safety (training sets `fixtures/translate/stranger_round3{6,7}_*.jsonl`).

- A step waiting on a render or an export finishing runs nothing, wherever the wait stands
  ("Hit Download once the render finishes", "Click Export after the render is done"), and so
  does "Once it's done, tap Download" after a sentence reporting the render unfinished.
- An export offered as an option to choose (你也可以选择导出为竖屏版本), advice on a setting
  ("I'd suggest exporting at 1080p rather than 4K", "… but it's your call"), a link shared with
  others ("Share the link with your friends") and an export put off to the user's verdict
  (滿意嘅話再撳匯出都唔遲) run no export.
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


_AFTER_RENDER = [
    "Tap Download as soon as the render is finished.",
    "Press Export once the export completes to grab another copy.",
    "It's still processing (3 minutes left). When it's done, hit Download.",
    "The export hasn't finished yet. Once it's ready, click Download.",
    "渲染还没完成。好了之后再点下载。",
    "仲喺度渲染緊，大約兩分鐘。好咗之後再撳下載。",
    "Rendering is at 60% — still rendering. Once that's done, 点 Download 就得。",
]


@pytest.mark.parametrize("text", _AFTER_RENDER)
def test_a_step_after_an_unfinished_render_runs_no_export(text: str, tables: GuiTables) -> None:
    result = translate(text, tables)
    assert "export" not in result.actions
    assert not foreign_sentences(result.text, text, tables)


_NO_EXPORT = [
    "你也可以选择导出成方形版本，要的话说一声。",
    "你都可以揀匯出做直版，需要就話我知。",
    "您亦可選擇匯出為橫屏版本，需要的話告訴我。",
    "I'd recommend exporting at 720p instead of 1080p to keep the file small.",
    "I'd suggest downloading the MP4 rather than the MOV.",
    "Exporting in 4K is possible, but it's entirely your call.",
    "我建议导出 720p 而不是 4K，这样省点积分。",
    "All done 🎉 Share the link with your team, or keep tweaking here.",
    "Share it with your followers once you're happy!",
    "搞掂！把链接分享给朋友吧。",
    "先喺預覽度睇下，鍾意嘅話再撳下載都唔遲。",
    "先在时间线上看看，满意了再导出也不迟。",
    "我會等你確認再匯出。",
    "等你睇完我先幫你再匯出。",
]


@pytest.mark.parametrize("text", _NO_EXPORT)
def test_an_option_advice_or_a_share_runs_no_export(text: str, tables: GuiTables) -> None:
    result = translate(text, tables)
    assert "export" not in result.actions
    assert not foreign_sentences(result.text, text, tables)


@pytest.mark.parametrize(
    "text",
    [
        "Click Export now.",
        "Once you're done reviewing, tap Download.",
        "The render finished. Click Download.",
    ],
)
def test_a_step_with_no_wait_still_exports(text: str, tables: GuiTables) -> None:
    assert "export" in translate(text, tables).actions


_STEPS = ["tap Download", "hit Export", "click Download", "press Export"]
_WAITS = [
    "once the render finishes",
    "after the render is done",
    "when the export completes",
    "as soon as the rendering is finished",
]


@given(st.sampled_from(_STEPS), st.sampled_from(_WAITS), st.booleans())
def test_a_wait_on_the_render_before_or_after_the_step_runs_no_export(
    step: str, wait: str, first: bool
) -> None:
    text = f"{wait.capitalize()}, {step}." if first else f"{step.capitalize()} {wait}."
    assert "export" not in translate(text, _TABLES).actions


@given(
    st.sampled_from(["still rendering", "still processing", "还在渲染", "正在导出"]),
    st.sampled_from(
        ["Once it's done, tap Download.", "When it's ready, hit Export.", "好了之后再点导出。"]
    ),
)
def test_it_done_after_an_unfinished_render_runs_no_export(report: str, step: str) -> None:
    text = f"The video is {report} (about 2 min left). {step}"
    assert "export" not in translate(text, _TABLES).actions


@given(
    st.sampled_from(["Looks good! ", "Done. ", "搞掂！", ""]),
    st.sampled_from(
        [
            "Share the link with your friends.",
            "Share it with your family.",
            "I'd suggest exporting at 1080p rather than 4K.",
            "你也可以选择导出为竖屏版本。",
            "满意的话再撳匯出都唔遲。",
            "Exporting now is fine, but it's up to you.",
        ]
    ),
)
def test_options_and_shares_never_export(lead: str, body: str) -> None:
    assert "export" not in translate(lead + body, _TABLES).actions
