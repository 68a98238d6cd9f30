"""Round-27 export safety: steps that are not the user's to take now (`agent.translate.pending`).

- A step put after the end of work the reply reports underway (queued, in progress, at a
  percentage, some scenes of a total done), the report in an earlier sentence, a parenthesis
  or an em-dash, the wait a completion clause ("when it wraps up", "use it then", 完成之后再,
  搞掂之後, 做晒之後再, 完成咗先) or a "then" after the report: no export.
- The agent's offer to export on the user's wish (如果你要，我还可以再导出…): no export.
- A step for a third person (他/她/佢 …可以自己点下载, "Priya can hit Download"): no export.
- A result told for a later time ("… tonight; tomorrow you'll find it in My Works"): nothing.
- A file taken into another program by name, its steps there (导入 DaVinci 后在那边导出):
  nothing, no upload either.
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


_WAITS = [
    "Your export is queued (#2 in line). Once it's done, hit Download.",
    "The render is in progress — about 3 minutes left — then click Export.",
    "Rendering has started and is at 62%. Click Export after it finishes.",
    "We're processing your video right now. As soon as it's ready, tap Download.",
    "Your video is 80% rendered. When that's over, download it from the Export panel.",
    "Baking the 1080p cut at the moment, 30% through. When it wraps up, grab it with Download.",
    "3 of 7 clips are rendered so far. When all of them are done, press Export.",
    "视频正在排队渲染，渲染好之后再点击「下载」。",
    "渲染进度 45%，等它完成后点「导出」就行。",
    "目前在队列第 2 位，搞掂之後再按「下載」。",
    "而家做緊，做晒之後再撳「匯出」。",
    "片仲喺度 render 緊，搞掂之後就可以撳下載。",
    "已完成 2/6 个场景。\n1. 所有场景做完之后再点导出",
    "It's cooking — 70% there. When it's out of the oven, hit Download.",
    "Hang tight, the export is running (about 90 seconds). Then press Download.",
    "Render started at 10:02 and should take about 5 minutes. After that, tap Export.",
    "Only 1 of 3 versions has been rendered. Once the rest are ready, click Export.",
    "影片正在輸出中（約 2 分鐘），輸出完成後再點選「下載」。",
    "3. Click Export — but only after Legal signs off on the music.",
    "- Export (only once the voice-over is re-recorded)",
]


@pytest.mark.parametrize("text", _WAITS)
def test_a_step_after_work_underway_runs_no_export(text: str, tables: GuiTables) -> None:
    result = translate(text, tables)
    assert "export" not in result.actions
    assert not foreign_sentences(result.text, text, tables)


_NOT_OURS = [
    "If you want, I can also export a square version.",
    "如果需要，我也可以帮你再导出一个竖版。",
    "想要的話，我仲可以幫你匯出多一個 1:1 版本。",
    "Priya can hit Download once she has signed off.",
    "我已经把链接发给小王了，他看完可以自己点下载。",
    "條片已經 send 咗畀 Kelvin，佢得閒可以自己撳匯出。",
    "The final render runs tonight; tomorrow morning you'll find it in My Works.",
    "今晚会自动渲染，明早你就可以在「我的作品」里找到并下载。",
]


@pytest.mark.parametrize("text", _NOT_OURS)
def test_an_offer_a_third_person_or_a_later_result_runs_nothing(
    text: str, tables: GuiTables
) -> None:
    result = translate(text, tables)
    assert result.actions == ()
    assert result.text == text


@pytest.mark.parametrize(
    "text",
    [
        "Import it into Final Cut, then hit Export there.",
        "导入 Resolve 之后在那边点导出。",
        "將 XML 匯入 Premiere，然後喺嗰度撳匯出。",
        "Bring the clip into DaVinci, then export from its Deliver page.",
    ],
)
def test_steps_in_another_program_run_nothing(text: str, tables: GuiTables) -> None:
    assert translate(text, tables).actions == ()


def test_our_export_before_an_import_elsewhere_still_runs(tables: GuiTables) -> None:
    assert translate("Export it here first, then import the MP4 into Resolve.", tables).actions == (
        "export",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Once it's done, click Export.",
        "I've finished the edit: 3 of 3 scenes done. Click Export.",
        "The video finished rendering in about 3 minutes. Click Export to get the MP4.",
        "渲染已经完成（用时约 2 分钟），点「导出」就可以下载。",
        "没有其他问题的话就可以点导出了。",
        "他们说效果很好，你现在可以点导出了。",
        "The video finished rendering in about 3 minutes. Then click Export.",
        "渲染用时约 2 分钟。然后点导出。",
        "The clip is about 2 minutes long. Then click Export.",
    ],
)
def test_a_step_with_nothing_underway_still_exports(text: str, tables: GuiTables) -> None:
    assert "export" in translate(text, tables).actions


def test_a_square_version_the_user_may_want_is_an_option(tables: GuiTables) -> None:
    # round 33 (`agent.translate.menu.wished`): a step for another version opened by the user's
    # wish runs no export (a stranger labelled 如果你想要直式版本，也可以在匯出時選 9:16 so)
    text = "If you want a square version, pick 1:1 in the Export panel and click Export."
    assert "export" not in translate(text, tables).actions


def test_a_deferred_step_after_the_progress_page_runs_the_view_only(tables: GuiTables) -> None:
    text = "Progress is on the project page; 2 of 5 scenes done.\n1. 做完所有場景之後再撳匯出"
    assert translate(text, tables).actions == ("state",)
    assert translate("Live progress shows in the Works tab.", tables).actions == ("state",)
    assert translate("Progress is good so far.", tables).actions == ()


@pytest.mark.parametrize(
    "text",
    [
        "进度在项目页面上，5 个场景完成了 2 个。做完所有场景之后再点导出。",
        "场景还没全部做完，做完之后再点导出。",
    ],
)
def test_a_step_after_scenes_not_all_done_runs_no_export(text: str, tables: GuiTables) -> None:
    assert "export" not in translate(text, tables).actions


def test_in_progress_reads_a_part_of_a_total() -> None:
    assert in_progress("2 of 5 scenes done")
    assert in_progress("已完成 2/5 个场景")
    assert not in_progress("5 of 5 scenes done")
    assert in_progress("5 个场景完成了 2 个")
    assert not in_progress("5 个场景完成了 5 个")
    assert not in_progress("The render is done.")


_REPORTS = st.sampled_from(
    [
        "Your render is waiting in the queue (position {n}).",
        "Still rendering — roughly {n} min to go.",
        "The {n}K version is being built now, {p}% done.",
        "Export in progress ({p}%).",
        "{n} of 9 scenes are done.",
        "导出任务排在队列第 {n} 位。",
        "视频正在渲染，进度 {p}%。",
        "而家 render 緊，去到 {p}%。",
        "影片處理中，大約 {n} 分鐘。",
    ]
)
_DEFERRED = st.sampled_from(
    [
        "After it completes, press Export.",
        "When it wraps up, hit Download.",
        "Once everything is finished, tap Export.",
        "The Download button shows up at the end, use it then.",
        "完成之后再点「导出」。",
        "搞掂之後再撳「下載」。",
        "做晒之後再撳匯出。",
        "完成咗先撳「匯出」。",
        "等全部做完之后再点下载。",
    ]
)


@settings(max_examples=60, deadline=None)
@given(
    report=_REPORTS,
    step=_DEFERRED,
    n=st.integers(1, 8),
    p=st.integers(1, 99),
    joint=st.sampled_from([" ", "\n", "\n\n", " "]),
)
def test_a_deferred_step_after_a_report_of_work_underway_never_exports(
    report: str, step: str, n: int, p: int, joint: str
) -> None:
    text = report.format(n=n, p=p) + joint + step
    result = translate(text, _TABLES)
    assert "export" not in result.actions
    assert report.format(n=n, p=p) in result.text


_OFFERS = st.sampled_from(
    [
        "如果你要，我还可以再导出一个{v}版。",
        "需要的话，我也可以帮你导出一个{v}版本。",
        "想要嘅話，我仲可以幫你匯出多個{v}版。",
        "If you'd like, I could also export a {e} cut.",
    ]
)
_THIRD = st.sampled_from(
    [
        "链接已经发给{name}，他看完之后可以自己点下载。",
        "預覽已經傳咗畀{name}，佢睇完之後可以自己撳下載。",
        "我把预览发给了{name}，她确认后会自己点导出。",
    ]
)


@settings(max_examples=40, deadline=None)
@given(
    said=st.one_of(_OFFERS, _THIRD),
    v=st.sampled_from(["方形", "竖屏", "横屏", "无字幕"]),
    e=st.sampled_from(["square", "vertical", "silent"]),
    name=st.sampled_from(["阿芬", "小王", "Kelvin", "李经理", "阿明"]),
)
def test_an_offer_or_a_third_persons_step_never_exports(
    said: str, v: str, e: str, name: str
) -> None:
    text = said.format(v=v, e=e, name=name)
    result = translate(text, _TABLES)
    assert "export" not in result.actions
    assert result.text == text
