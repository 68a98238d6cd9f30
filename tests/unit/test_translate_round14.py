"""The round-14 classes: exports that are no request, steps the rules missed, other programs.

- a failure and its retry: a failure report with an adverb between the verb and the failure
  (下载又失败了, 匯出又出錯咗) is no step, and a retry put off by a wait ("Please wait a few
  minutes and click Export again", 请过几分钟再点导出) runs nothing; a retry with no wait still
  retries the export;
- a choice: an export under the user's approval whose other branch asks for the user's word
  ("If you're happy with it, hit Export; otherwise tell me what to change", in one sentence or
  the next) runs nothing; "… otherwise click Export" (the export as the other branch) still
  exports; a hedged "you also can" right before the verb (你也可以把竖版导出) is an option;
- steps the rules missed: a Chinese menu path after 依次/依序, a quoted label described by
  adjectives ("the shiny blue 'Save & Download' button"), a Cantonese 上載 and a Chinese object
  put before its verb (麻煩你將張相上傳上嚟);
- other programs: a step with no export word is located at its last gesture ("Once it's saved,
  open InShot and import the file", "In Premiere you'd open the Essential Sound panel; here …"),
  and an upload whose destination is another service ("upload the MP4 to Dropbox") runs
  nothing here.
"""

from __future__ import annotations

import pytest

from agent.translate import GuiTables, Translation, load_gui_tables, translate

_TABLES = load_gui_tables()


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return _TABLES


NOTHING_RUNS = [
    # failures, and retries put off by a wait
    "导出又出错了，请过几分钟再点导出。",
    "匯出又失敗咗，等幾分鐘再撳匯出試下。",
    "The render timed out. Give it a minute, then hit Export again.",
    "The export failed. Please wait a couple of minutes and click Export again.",
    "上传还是失败了。请稍等一会儿再试。",
    # a choice left to the user's approval
    "If everything looks right, click Download; if not, let me know what to change.",
    "If it looks good to you, click Download. If not, let me know what to change.",
    "If you like it, press Export. Otherwise, tell me what to fix.",
    "满意的话点导出，不然告诉我要改哪里。",
    "滿意嘅話撳「匯出」，唔係就話我知要改咩。",
    # a hedged option
    "I also made a square cut; you could export that version too.",
    "你也可以把竖版导出。",
    "竖版你也可以导出一份。",
    "你都可以匯出一個直版。",
    # another program's steps, another service as the destination
    "In Premiere you'd open the Essential Sound panel and click Auto Match; here I've already "
    "leveled it.",
    "Once it's saved, open InShot, tap Video and import the file to add music there.",
    "To send it to your client, upload the MP4 to Dropbox and copy the share link.",
    "把成片上传到 YouTube 后复制链接。",
]


@pytest.mark.parametrize("text", NOTHING_RUNS)
def test_what_is_no_request_runs_nothing_and_stays_whole(text: str, tables: GuiTables) -> None:
    assert translate(text, tables) == Translation(text, ())


@pytest.mark.parametrize(
    ("text", "actions"),
    [
        ("The render crashed. Please click Export again.", ("export",)),
        ("The export failed. Click Export and wait a few minutes for the file.", ("export",)),
        ("If the colors look off, tell me; otherwise click Export.", ("export",)),
        ("If you like it, click Export.", ("export",)),
        ("你也可以点击导出按钮下载。", ("export",)),
        ("请依序点击 文件 > 导出。", ("export",)),
        ("請依次撳 檔案 / 匯出 / MP4 儲存。", ("export",)),
        ('Hit the shiny blue "Save & Download" button.', ("export",)),
        ("Swipe left on the clip card, then tap Download.", ("export",)),
        ("请上载录音。", ("upload",)),
        ("麻煩你將張相上傳上嚟。", ("upload",)),
        ("麻烦你将那段配乐上载上来，按「选择文件」拣个 MP3 就行。", ("upload",)),
        ("Upload the logo here, then I'll add it to the intro.", ("upload",)),
    ],
)
def test_a_step_still_runs(text: str, actions: tuple[str, ...], tables: GuiTables) -> None:
    assert translate(text, tables).actions == actions


def test_a_retry_with_no_wait_says_the_retry(tables: GuiTables) -> None:
    out = translate("The render crashed at 80%. Please click Export again.", tables)
    assert out == Translation(
        "The render crashed at 80%. I'll retry the export for you.", ("export",)
    )


def test_a_failure_report_with_an_adverb_is_no_step(tables: GuiTables) -> None:
    for text in ("下载又失败了（错误码 502）。", "導出再次失敗。", "下載又出錯咗。"):
        assert translate(text, tables) == Translation(text, ())


def test_a_quoted_label_with_adjectives_is_replaced_whole(tables: GuiTables) -> None:
    out = translate('Now tap the big orange "Export & Download" button.', tables)
    assert out == Translation("I'll export the MP4 for you.", ("export",))
