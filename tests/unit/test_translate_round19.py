"""Round-19/20 classes: the second reading (`agent.translate.evidence`) refuses three more
shapes of an export that is not asked for now, in this app.

- A wait before the retry: "try clicking Export again in about 10 minutes" (a failure reported
  in the sentence before made the rules read a retry; the wait makes it later).
- Another program named earlier in the sentence: its steps run there, and so does every step
  after it ("… in iMovie — tap the share icon there, then **Save Video**"); a step before it
  still runs here.
- A control named as a landmark ("hover over the ⓘ next to **Export**"): it is not pressed.
"""

from __future__ import annotations

import pytest

from agent.translate import GuiTables, load_gui_tables, translate
from agent.translate.evidence import asks_export_now


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return load_gui_tables()


# new paraphrases of the classes, EN / 简 / 繁 / 粤: none of them runs an export
REFUSED = [
    # a wait before the retry
    "The render stalled at 80%. Please hit **Export** again in 15 minutes.",
    "Try pressing Download once more after a few minutes.",
    "Give it a go tomorrow: click **Export** and pick MP4.",
    "导出中断了。请 10 分钟后再点一次「导出」。",
    "匯出失敗，請過一陣再按「匯出」。",
    "伺服器太忙，聽日再撳「匯出」啦。",
    # another program named before the step
    "Once the clip is in CapCut, open it there and tap **Export** at the top right.",
    "To grade it in DaVinci Resolve — go to the Deliver page, then hit Render.",
    "导入剪映以后，点右上角的「导出」。",
    "喺相簿入面揀返條片，然後撳「儲存」。",
    # a control named as a landmark
    "Hover over the small ⓘ next to **Export** to see what this render costs.",
    "Your balance is shown just above the Download button.",
    "「导出」旁边的小图标会显示这次要扣多少积分。",
    "「匯出」掣隔籬個 ⓘ 會話你要用幾多點數。",
]


@pytest.mark.parametrize("sentence", REFUSED)
def test_the_second_reading_refuses_a_later_elsewhere_or_landmark_export(sentence: str) -> None:
    assert not asks_export_now(sentence)


# the same shapes, still steps: a retry now, a step before the other program, a control beside
# a landmark that is itself the control
ACCEPTED = [
    "Export failed — please click **Export** again.",
    "Click **Export** here, then import the MP4 into Premiere.",
    "Click the ⬇ arrow next to the preview to download the MP4.",
    "Tap **Download** below the preview.",
    "渲染失败，请再次点击导出重试。",
    "先喺呢度撳「匯出」，之後再放入剪映。",
    # the result's timing is no wait, and a thing made in another program no place
    "Press Export and the MP4 will download in about two minutes.",
    "点「导出」，两分钟后就能下载。",
    "Add the captions you made in CapCut, then click Export.",
]


@pytest.mark.parametrize("sentence", ACCEPTED)
def test_the_second_reading_still_accepts_a_step_now(sentence: str) -> None:
    assert asks_export_now(sentence)


@pytest.mark.parametrize(
    "reply",
    [
        "⚠️ **Export failed** at 41% (node timeout). Please click **Export** again in 20 minutes.",
        "You can polish it in iMovie afterwards — tap the share icon there, then **Save Video**.",
        "Tip: hover over the ⓘ beside **Download** — it shows the credits this render will use.",
        "匯出失敗咗（伺服器逾時）。請過十分鐘再撳「匯出」。",
    ],
)
def test_a_whole_reply_of_these_shapes_runs_no_export(reply: str, tables: GuiTables) -> None:
    out = translate(reply, tables)
    assert "export" not in out.actions
