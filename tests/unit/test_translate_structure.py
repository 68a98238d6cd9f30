"""Where a step stands decides whether it runs (`agent.translate.structure`, r9t's classes).

Over generated replies in EN, Simplified and Traditional Chinese: a step located in another
program, a step put off or hung on someone else, an offer (a question that opens with one, or
the agent's "I can …" with "just say the word") and a mention of a GUI element's state never
export; a condition on the user ("when you're ready", 满意的话) still does; a retry after a
failure runs the export alone, says so, and keeps the failure report byte for byte. Every
output holds only input sentences and template lines (`tests.translate_support`).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent.translate import GuiTables, load_gui_tables, translate
from tests.translate_support import foreign_sentences, kept_whole


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return load_gui_tables()


_TABLES = load_gui_tables()

_PROGRAMS_EN = st.sampled_from(
    ["Premiere", "Premiere Pro", "DaVinci Resolve", "Resolve", "Final Cut Pro", "iMovie",
     "CapCut", "Lightroom", "Photoshop", "Filmora", "Clipchamp"]
)  # fmt: skip
_PLACES_EN = st.sampled_from(
    ["In {p}, ", "If you're editing in {p} afterwards, ", "Once you open it in {p}, ",
     "If you prefer {p}, ", "Over in {p}, ", "When you use {p}, "]
)  # fmt: skip
_EXPORT_STEPS_EN = st.sampled_from(
    ["use File > Export > Media there.", "go to Deliver > Render Settings > MP4 and render it.",
     "click Export in the top-right corner.", "choose Share > Export File.",
     "hit Export and pick H.264.", "tap Export, then pick 1080p."]
)  # fmt: skip
_PROGRAMS_ZH = st.sampled_from(["剪映", "达芬奇", "必剪", "會聲會影", "剪映專業版"])
_PLACES_ZH = st.sampled_from(["在{p}里", "用{p}打開後，", "如果你在{p}里剪，", "喺{p}入面"])
_EXPORT_STEPS_ZH = st.sampled_from(
    ["点击右上角的“导出”就可以了。", "點擊「匯出」即可。", "撳匯出就得。", "选择导出 > 1080p。"]
)  # fmt: skip
_REPORTS = st.sampled_from(["", "I applied the zoom. ", "视频已经生成好了。", "字幕已經加好。"])


def _whole(text: str, out: str, tables: GuiTables) -> None:
    assert not foreign_sentences(out, text, tables), out


@given(_REPORTS, _PLACES_EN, _PROGRAMS_EN, _EXPORT_STEPS_EN)
def test_an_export_step_located_in_another_program_never_exports(
    report: str, place: str, program: str, step: str
) -> None:
    text = report + place.format(p=program) + step
    result = translate(text, _TABLES)
    assert "export" not in result.actions, result
    assert result.text == text  # the user's work in the other program, said as written


@given(_REPORTS, _PLACES_ZH, _PROGRAMS_ZH, _EXPORT_STEPS_ZH)
def test_a_chinese_export_step_in_another_program_never_exports(
    report: str, place: str, program: str, step: str
) -> None:
    text = report + place.format(p=program) + step
    result = translate(text, _TABLES)
    assert "export" not in result.actions, result
    assert result.text == text


@given(_PROGRAMS_EN, st.sampled_from(["go to File > Export", "click Export", "render it"]))
def test_a_scene_set_in_another_program_holds_the_steps_after_it(program: str, step: str) -> None:
    text = f"To fix the audio, open it in {program} and {step}, then come back to me."
    assert "export" not in translate(text, _TABLES).actions


@given(_PROGRAMS_EN)
def test_an_upload_here_after_another_programs_render_still_runs_alone(program: str) -> None:
    text = f"In {program}, render it as an MP4 and then upload the file here."
    result = translate(text, _TABLES)
    assert "export" not in result.actions, result
    assert set(result.actions) <= {"upload"}


@pytest.mark.parametrize(
    "text",
    ["Click Export here, then import the MP4 into Premiere.",
     "I imported your Premiere XML; click Export when you're ready.",
     "Export it as 1080p, and then open it in CapCut for the stickers.",
     "Add the captions you made in CapCut, then click Export.",
     "Open it in Lightroom to retouch it, then come back here and click Export.",
     "你在剪映做的字幕我已经加好了，点击导出即可。"],
)  # fmt: skip
def test_our_export_before_another_program_still_runs(text: str, tables: GuiTables) -> None:
    assert "export" in translate(text, tables).actions


_DEFERRALS = st.sampled_from(
    ["Your client said they'd approve by Friday; when they do, you can come back and ",
     "Once your client approves, you can ", "After the team signs off, ",
     "When your boss gives the go-ahead, you can ", "You can come back later and ",
     "Once she signs off, "]
)  # fmt: skip
_DEFERRED_STEPS = st.sampled_from(
    ["export the 4K version.", "click Export.", "hit Export and pick 1080p.", "export it."]
)


@given(_DEFERRALS, _DEFERRED_STEPS)
def test_an_export_put_off_or_hung_on_someone_else_never_runs(lead: str, step: str) -> None:
    text = lead + step
    result = translate(text, _TABLES)
    assert "export" not in result.actions, result
    _whole(text, result.text, _TABLES)


@given(
    st.sampled_from(["等客户确认后再导出吧。", "等老闆同意之後，再匯出 4K 版本。",
                     "建议等甲方确认后再导出。", "他们审核通过后再点导出就行。"])
)  # fmt: skip
def test_a_chinese_export_hung_on_someone_else_never_runs(text: str) -> None:
    assert "export" not in translate(text, _TABLES).actions


@given(
    st.sampled_from(["When you're ready, ", "Once it looks right, ", "Once they look right, ",
                     "If you're happy with it, ", "满意的话，", "確認冇問題後，"]),
    st.sampled_from(["click Export.", "点击导出。", "點擊「匯出」。"]),
)  # fmt: skip
def test_a_condition_on_the_user_or_the_clips_still_exports(lead: str, step: str) -> None:
    assert "export" in translate(lead + step, _TABLES).actions


@given(
    st.sampled_from(["Want to", "Do you want to", "Would you like to", "Shall I", "Should I"]),
    st.sampled_from(["see the timeline", "preview it first", "check your balance"]),
    st.sampled_from(["export straight away", "export it now", "click Export"]),
)
def test_a_question_that_offers_runs_nothing(opener: str, first: str, second: str) -> None:
    text = f"I shortened it to 7s. {opener} {first}, or {second}?"
    result = translate(text, _TABLES)
    assert result.actions == ()
    assert result.text == text


@given(
    st.sampled_from(["I can also", "I'd be happy to", "I could", "Happy to"]),
    st.sampled_from(["add captions", "export a vertical version", "make it 4K"]),
    st.sampled_from(["if you want — just say the word.", "too — just let me know which.",
                     "if you need that — just say the word."]),
)  # fmt: skip
def test_an_offer_with_say_the_word_asks_no_reply_token(offer: str, what: str, tail: str) -> None:
    text = f"{offer} {what} {tail}"
    result = translate(text, _TABLES)
    assert result.actions == ()
    assert result.text == text


def test_a_chinese_offer_runs_nothing(tables: GuiTables) -> None:
    assert translate("我也可以帮你导出一个竖屏版本，告诉我就行。", tables).actions == ()
    assert translate("要不要现在导出？", tables).actions == ()


@given(
    st.sampled_from(["The Export button", "The Download button", "Export"]),
    st.sampled_from(["is disabled until the render hits 100%", "stays greyed out until it's done",
                     "will turn blue when the render is done", "is still locked for now",
                     "won't work until rendering finishes"]),
)  # fmt: skip
def test_a_mention_of_a_buttons_state_never_exports(name: str, state: str) -> None:
    text = f"{name} {state}; right now it's at 73%. Check the progress panel in a minute."
    result = translate(text, _TABLES)
    assert "export" not in result.actions, result
    assert "state" in result.actions
    _whole(text, result.text, _TABLES)


@given(
    st.sampled_from(
        [
            "导出按钮在渲染完成前是灰色的",
            "匯出按鈕目前不可用",
            "导出按钮暂时无法点击",
            "匯出掣暫時係灰色",
        ]
    )
)
def test_a_chinese_mention_of_a_buttons_state_never_exports(mention: str) -> None:
    text = mention + "，请留意进度条。"
    result = translate(text, _TABLES)
    assert "export" not in result.actions, result


@given(
    st.sampled_from(["The render crashed at 92%.", "Export failed at 40%.",
                     "Something went wrong while rendering (error R-502)."]),
    st.sampled_from(["Please reload the page and click Export again.",
                     "Refresh the page and hit Export again.", "Click Export to try again."]),
)  # fmt: skip
def test_a_retry_after_a_failure_exports_alone_and_keeps_the_report(report: str, step: str) -> None:
    result = translate(f"{report} {step}", _TABLES)
    assert result.actions == ("export",)
    assert result.text.startswith(report)
    assert "retry" in result.text
    _whole(f"{report} {step}", result.text, _TABLES)


def test_a_chinese_retry_after_a_failure_exports_alone(tables: GuiTables) -> None:
    text = "渲染在92%時失敗了。請重新整理頁面，再點擊匯出。"
    result = translate(text, tables)
    assert result.actions == ("export",)
    assert result.text.startswith("渲染在92%時失敗了。")
    assert "重新" in result.text
    # the failure's own 渲染 is no step: the reload before the export done again is its means
    assert translate("渲染失败了，请刷新页面后重新点击导出。", tables).actions == ("export",)


@pytest.mark.parametrize(
    ("text", "actions"),
    [("请在“我的钱包”里查看明细。", ("credits",)),
     ("Check the details under \"My Wallet\".", ("credits",)),
     ("渲染进度80%，可以在“我的作品”里查看进度。", ("state",)),
     ("I added the title \"In My Wallet\" at the start.", ())],
)  # fmt: skip
def test_a_quoted_place_named_as_a_steps_place_gives_its_action(
    text: str, actions: tuple[str, ...], tables: GuiTables
) -> None:
    result = translate(text, tables)
    assert result.actions == actions
    # a number or a quoted name beside the step: kept whole, its action's line after it
    assert kept_whole(result.text, text, tables)


@pytest.mark.parametrize(
    ("text", "actions", "retry"),
    [("No errors this time. Click Export.", ("export",), False),
     ("The music stopped at 0:30 as you asked. Click Export.", ("export",), False),
     ("The render failed at 50%. Click Export.", ("export",), True),
     ("If you use CapCut, reply 'capcut' and I'll send you the right settings.", ("sse",), False),
     ("Once the Export button turns blue, click it.", ("export",), False)],
)  # fmt: skip
def test_a_failure_denied_is_no_retry_and_an_answer_in_chat_survives_another_program(
    text: str, actions: tuple[str, ...], retry: bool, tables: GuiTables
) -> None:
    result = translate(text, tables)
    assert result.actions == actions
    assert ("retry" in result.text) is retry
