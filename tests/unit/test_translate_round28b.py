"""Round 28 (tr28b): uploads asked in other words, Cantonese gesture steps, an English export
verb said as the Chinese step, and the finished-works view named in English."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent.translate import translate
from agent.translate.tables import GuiTables, load_gui_tables


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return load_gui_tables()


@pytest.mark.parametrize(
    ("text", "actions"),
    [
        # a file asked for, then a report of what came: the ask stands
        (
            "Please upload the remaining 4 photos (you've sent 6 of 10), then check the Timeline",
            ("upload", "state"),
        ),
        ("Upload 2 more clips — you've added 3 so far.", ("upload",)),
        ("请再上传剩下的 4 张照片（你已经传了 6 张），然后查看时间线。", ("upload", "state")),
        ("請再上傳剩低嘅 4 張相，然後睇下時間線。", ("upload", "state")),
        # the file converted and sent again
        ("Sorry, .heic isn't supported. Please convert it to JPG and upload again.", ("upload",)),
        ("Convert it to MP4 and upload it again.", ("upload",)),
        ("格式不支持，请转成 MP4 后重新上传", ("upload",)),
        ("轉做 MP4 再上載過", ("upload",)),
        # a thumbnail pressed on the way to the upload is no view
        ("請長按素材縮圖揀「上載」再加多幾張相", ("upload",)),
        ("长按素材缩略图，选择「上传」添加更多照片。", ("upload",)),
        # an English export verb as the Chinese step
        ("BGM 已经换成 lo-fi 风格，Export 一下就可以下载了。", ("export",)),
        ("搞掂，Download 一下就得。", ("export",)),
        ("搞掂，撳一下 Download 就得", ("export",)),
        # the finished works view
        ("Go to My Works to find your finished video.", ("state",)),
        ("You'll find your finished video in My Works.", ("state",)),
        ("去「我的作品」就搵到成片", ("state",)),
    ],
)
def test_the_step_runs(tables: GuiTables, text: str, actions: tuple[str, ...]) -> None:
    assert translate(text, tables).actions == actions


@pytest.mark.parametrize(
    "text",
    [
        "I see you've uploaded 6 photos, nice.",
        "Upload complete: you've added 10 photos.",
        "你之前上载过这张照片。",
        "我已经再上传过了。",
        "Don't upload it again.",
        "不要 Export 一下。",
        "等渲染完成后再 Export 一下就可以了。",
        "我可以帮你 Export 一下。",
        "I saved it to My Works.",
    ],
)
def test_reports_offers_and_negations_run_nothing_new(tables: GuiTables, text: str) -> None:
    actions = translate(text, tables).actions
    assert "export" not in actions
    assert "upload" not in actions


_REPORTS = st.sampled_from(
    [
        "我已经",
        "你之前",
        "刚才已经",
        "我可以帮你",
        "不要",
        "先别",
        "等渲染完成后再",
        "I can ",
        "Don't ",
    ]
)
_STEPS = st.sampled_from(["Export 一下", "Download 一下", "上载过", "上传过", "upload it again"])


@settings(max_examples=60, deadline=None)
@given(_REPORTS, _STEPS, st.sampled_from(["。", "了。", "吧。", "."]))
def test_no_export_for_a_report_an_offer_or_a_negation(before: str, step: str, end: str) -> None:
    tables = load_gui_tables()
    text = before + step + end
    assert "export" not in translate(text, tables).actions, text
