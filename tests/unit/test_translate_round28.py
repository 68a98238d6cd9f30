"""Round-28/29 classes (training sets `fixtures/translate/stranger_round{28,29}_*.jsonl`).

- A Chinese wait before the step (等你确认完配乐，之后再点导出, 等佢批咗先撳匯出) or a time named
  for it (届时, 到时候): the step waits for something not yet done, so no export runs, whoever
  is waited on; a condition on the user's own judgement (满意后再导出) still exports. A
  condition that opens on a later time (如果之后客户要改口播，再…) is a step for later.
- A list laid out as the choices of an offer ("Would you like me to:\n1. Export it now, or\n2.
  Add music first?", 需要我：…) runs none of its items; a numbered procedure still runs.
- A balance and a price reported as numbers (你当前还剩 320 积分，导出…需要 40 积分) are the
  answer: no look-up runs; a balance beside a price is short only when it is the smaller one.
- An answer asked beside a file ("First, upload your logo … Second, tell me which voice") rides
  with the upload: no separate turn to the agent; an answer asked instead of the file ("If
  not, reply 'no logo'", 没有的话回复“跳过”) still goes to the agent.
- A step in another program, then a turn back here ("In Resolve you'd open Deliver; for this
  project, just click Export here"): the step after the turn is ours and runs.
- A terse step: the bare verb with an imperative particle (搞定 ✅ 下载吧, 搞掂 ✅ 匯出啦) or an
  export button pointed at by an arrow or a hand ("Trimmed to 15s. ↓ Download", 👇 匯出) runs
  the export; an offer or a question so worded (我帮你导出吧？) and a failure do not.
- A code-switched file request in Chinese (請把 logo 檔案 drag 到 Media 面板, 唔該 send 返張相俾我,
  麻烦 send 张照片给我, 直接 export 就得): the English verb and panel read as their Chinese ones.
- A panel named in English in a Chinese sentence (请打开 **Layers** 面板确认位置) is opened to
  look, like a quoted one (打开「图层」面板): a view; it is this app's panel, no other product.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent.translate import GuiTables, load_gui_tables, translate
from tests.translate_support import foreign_sentences


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return load_gui_tables()


_TABLES = load_gui_tables()

# new paraphrases per class (简 / 繁 / Cantonese / code-switched), with the actions they give
CASES = [
    # a wait before the step, or a time named for it: nothing runs
    ("等渲染完成后再点导出。", ()),
    ("等你确认完字幕，之后再点击“导出”就可以了。", ()),
    ("等你確認完字幕，之後再點擊「匯出」就可以。", ()),
    ("等你睇完條片先至撳匯出，唔使急。", ()),
    ("等配乐换好了，再去右上角点导出。", ()),
    ("等到周五再导出就好。", ()),
    ("等下再导出就行。", ()),
    ("等下载完成后再点分享。", ()),
    ("等一下，先打开时间线看看，再点导出。", ("state", "export")),
    # a condition a later day meets (如果之后…): a step for later
    ("如果之后客户要改口播，再把新的录音文件拖进来就行。", ()),
    ("要是之後想換配樂，再撳「匯出」重新出片就得。", ()),
    ("满意的话，之后点导出就行。", ("export",)),
    ("视频还在生成，到时候再去「我的作品」下载就行。", ()),
    ("視頻仲喺度排隊，到時候再撳下載就得。", ()),
    ("生成预计要 3 分钟，届时点击「导出」即可。", ()),
    # a condition on the user's own judgement, a wait after the step: the export runs
    ("满意后再导出。", ("export",)),
    ("確認冇問題後，點擊「匯出」。", ("export",)),
    ("点击导出，等进度条走完再下载。", ("export",)),
    ("感谢耐心等待！现在点击导出就可以下载了。", ("export",)),
    ("先打开时间线看看，满意再点导出。", ("state", "export")),
    # the choices of an offer: nothing runs; a procedure runs
    ("Done.\n\nWould you like me to:\n1. Export it now as MP4, or\n2. Add music first?", ()),
    ("Do you want to:\n- download the 1080p version\n- or open the timeline to tweak it?", ()),
    ("Next steps:\n1. Export it now as MP4, or\n2. Add background music first?", ()),
    ("需要我：\n1. 现在导出 MP4\n2. 先加背景音乐？", ()),
    ("你想要：\n1. 直接導出 1080p，還是\n2. 先換配樂？", ()),
    ("要唔要我：\n- 即刻匯出，定係\n- 先加字幕？", ()),
    ("Here's how to download:\n1. Click Export\n2. Pick MP4", ("export",)),
    ("导出步骤：\n1. 点击右上角的「导出」\n2. 选择 1080p", ("export",)),
    ("Two things:\n1. Open the timeline to check the cut\n2. Click Export", ("state", "export")),
    ("What would you like next?\n1. Export as MP4\n2. Add background music", ()),
    ("Would you like me to do one of these?\n1. Export it now\n2. Add music first", ()),
    ("接下来你想：\n1. 直接导出\n2. 再加个片尾？", ()),
    ("Ready to export?\n1. Click **Export**\n2. Choose MP4", ("export",)),
    # a balance and a price reported: nothing to look up; short only when smaller
    ("你目前还有 320 积分，导出一次 1080p 大概要 40 积分。", ()),
    ("您目前剩餘 320 點數，匯出 1080p 影片約需 40 點。", ()),
    ("You have 320 credits left; exporting a 1080p video costs about 40 credits.", ()),
    ("你当前剩余 320 积分，导出需要 40 积分，点击导出即可。", ("export",)),
    ("导出 4K 需要 40 积分，你当前剩余 12 积分，请先充值再点导出。", ("credits",)),
    ("你的余额是 12 积分，可以在「钱包」里充值。", ("credits",)),
    # an answer beside a file rides with it; one instead of the file goes to the agent
    (
        "First, please upload your logo.\n\nSecond, tell me which voice you want: calm or bright.",
        ("upload",),
    ),
    ("请先上传你的 logo，然后告诉我你想要哪种配音。", ("upload",)),
    ("Do you have a logo? If so, upload it as a PNG. If not, reply 'no logo'.", ("upload", "sse")),
    ("如果有 logo 请上传；没有的话回复“跳过”。", ("upload", "sse")),
    # another program's step, then a turn back here: ours runs; a scene kept there does not
    (
        "In Premiere you'd use File > Export > Media; for this video, just hit Export here.",
        ("export",),
    ),
    ("在剪映里你会点右上角的导出；这个项目直接在这里点导出就行。", ("export",)),
    ("If you edit in Resolve, use Deliver > Render and click Export there.", ()),
    ("If you'd rather finish it in iMovie, export from here and import it there.", ()),
    # a terse step: a bare verb with a particle, a button pointed at
    ("好了，导出吧。", ("export",)),
    ("搞掂 ✅ 匯出啦", ("export",)),
    ("Trimmed to 15s. ↓ Download", ("export",)),
    ("All set! ⬇️ **Download**", ("export",)),
    ("字幕已加好。下载 ⬇️", ("export",)),
    ("搞掂！👇 匯出", ("export",)),
    ("我帮你导出吧？", ()),
    ("导出吧，还是再改改呢？", ()),
    ("↓ Download failed.", ()),
    ("Download:", ()),
    # a code-switched file request
    ("请把封面图 drag 到 Media 面板。", ("upload",)),
    ("把你嘅相 drag 入 Media 面板就得。", ("upload",)),
    ("唔該發返張相俾我。", ("upload",)),
    ("麻烦 send 张照片给我，我来做成视频。", ("upload",)),
    ("我已經 send 咗條片俾你。", ()),
    ("请把标题 drag 到时间线上方。", ()),
    ("搞掂，直接 export 就得。", ("export",)),
    ("export 失败了，请稍后再试。", ()),
    ("我已经 export 咗一次，但失败了。", ()),
    # a panel named in English, opened to look
    ("请打开 Layers 面板确认位置。", ("state",)),
    ("請打開 **Layers** 面板睇下位置啱唔啱。", ("state",)),
    ("打开 Export 面板，选择 1080p 导出。", ("export",)),
    ("打开 Upload 面板，选择你的照片。", ("upload",)),
]


@pytest.mark.parametrize(("text", "actions"), CASES, ids=[c[0][:40] for c in CASES])
def test_round28_classes_give_their_actions(
    text: str, actions: tuple[str, ...], tables: GuiTables
) -> None:
    result = translate(text, tables)
    assert result.actions == actions, result
    assert not foreign_sentences(result.text, text, tables), result.text


_WAITS = st.sampled_from(
    ["等渲染完成后", "等你确认完配乐，之后", "等你把音乐文件传上来之后，", "等客户回复了",
     "等你睇完條片", "等佢批咗", "等到周五", "等字幕校对好，", "等 client approve 之後",
     "等你確認咗配色之後，",
     "视频还在生成，到时候", "預計 5 分鐘後完成，屆時", "渲染要几分钟，届时"]
)  # fmt: skip
_THEN = st.sampled_from(["再", "先至", "才", "然后再", "之后再"])
_EXPORT_STEPS = st.sampled_from(
    ["点导出", "点击右上角的“导出”", "撳「匯出」", "去「我的作品」下载", "click Export",
     "點擊匯出按鈕", "按 Export 出片", "选择 文件 > 导出 > MP4"]
)  # fmt: skip
_TAILS = st.sampled_from(["。", "就行。", "就得，唔使急。", "吧。", "即可，现在先不用。"])
_REPORTS = st.sampled_from(["", "字幕已调大两号。", "已經幫你換咗配樂。"])


@given(_REPORTS, _WAITS, _THEN, _EXPORT_STEPS, _TAILS)
def test_a_chinese_wait_before_an_export_step_never_exports(
    report: str, wait: str, then: str, step: str, tail: str
) -> None:
    text = report + wait + then + step + tail
    result = translate(text, _TABLES)
    assert "export" not in result.actions, result
    assert not foreign_sentences(result.text, text, _TABLES), result.text
