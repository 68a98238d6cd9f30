"""Round 18: the translator fails safe by design.

- An export runs only when two readings agree: the rules read an export step AND the
  sentence's own words tell the user to press an export control now, in this app
  (`agent.translate.evidence`). A failure, a past or expired export, a third party, another
  program or the phone's gallery, a negation, later or a question: nothing runs.
- A markdown list item or heading is kept byte for byte; the line of what it runs is said once
  after the reply, never inside the list; no line of the reply is dropped.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent.translate import GuiTables, load_gui_tables, translate
from agent.translate.evidence import asks_export_now, forbids_export


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return load_gui_tables()


# (reply, the actions it runs): new paraphrases of the round-18 classes, EN / 简 / 繁 / 粤
CLASSES = [
    # a failure, with "later": nothing
    ("The export couldn't finish — our render server timed out. Please try again later.", ()),
    ("Download failed: the link returned an error. Give it another go later.", ()),
    ("导出没成功，服务器超时了，请稍后再试。", ()),
    ("匯出失敗咗，伺服器太忙，遲啲再試吓。", ()),
    # an expired or past export
    ("The MP4 you exported last month has expired and can no longer be downloaded.", ()),
    ("你上周导出的「毕业典礼」视频已经过期，无法再下载了。", ()),
    ("去年聖誕節匯出嘅影片已經過期，下載唔到喇。", ()),
    # a third party asked to press it
    ("Ask @leo to review the cut and hit **Export** from his account.", ()),
    ("Your admin has to approve the draft and press Export on their side.", ()),
    ("请让管理员审核后点击 **导出**。", ()),
    ("叫你同事喺佢嗰邊撳「匯出」就得。", ()),
    ("Ask Sam to press Export once he's checked the audio.", ()),
    ("請叫阿明撳「匯出」。", ()),
    ("Click Export to download it, or tell me what to change.", ("export",)),
    ("The cut is final, so click Export.", ("export",)),
    # another program, or the phone's own gallery
    (
        "If CapCut freezes when you tap Export, that's on CapCut's end — your draft here is fine.",
        (),
    ),
    ("Final Cut Pro users hit File > Share > Export File; you won't need that here.", ()),
    ("在手机相册里点「分享」就可以发给家人，那一步在你手机上完成。", ()),
    ("喺手機相簿入面撳「分享」就可以傳俾朋友，呢步喺你部電話度做。", ()),
    # a present step to the user: it runs
    ("All set — hit **Export** to get the MP4.", ("export",)),
    ("Your reel is done. Just tap Download to save it.", ("export",)),
    ("做好了，点击右上角 **导出** 即可。", ("export",)),
    ("搞掂！撳右上角「匯出」就得。", ("export",)),
]


@pytest.mark.parametrize(("text", "actions"), CLASSES)
def test_an_export_runs_only_when_the_user_is_told_to_press_it_now(
    text: str, actions: tuple[str, ...], tables: GuiTables
) -> None:
    result = translate(text, tables)
    assert ("export" in result.actions) == ("export" in actions)


@pytest.mark.parametrize(
    "sentence",
    [
        "Export didn't go through: the server timed out.",
        "Premiere keeps crashing when you hit Export.",
        "Ask @maria (the admin) to approve it and press **Publish & Export** from her dashboard.",
        "Don't export yet, the captions are still syncing.",
        "Want me to export it now?",
        "你上个月导出的影片已经过期，无法再下载。",
    ],
)
def test_the_second_reading_refuses_a_mention(sentence: str) -> None:
    assert not asks_export_now(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Click **Export** to download the MP4.",
        "When it sounds right, hit Export > MP4 (1080p).",
        "You can download it from the top bar.",
        "File > Export > Video (MP4).",
        "渲染失败，请再次点击导出重试。",
        "点右上角导出即可。",
    ],
)
def test_the_second_reading_accepts_a_step(sentence: str) -> None:
    assert asks_export_now(sentence)


# (reply, the actions it runs in order): the cheap steps beside an export, and files named
ORDERED = [
    # a view, then the export (EN / 简 / 繁 / 粤, markdown bold names)
    ("Open the **Timeline** to check the cuts, then click **Export**.", ("state", "export")),
    ("先打开 **时间线** 看一遍，确认没问题再点右上角 **导出**。", ("state", "export")),
    ("請先打開**預覽**睇一次，冇問題就撳右上角**匯出**。", ("state", "export")),
    ("Give the captions a look in the **预览** window, then press **导出**.", ("state", "export")),
    # a balance to confirm before a render
    ("Check your coin balance at the top first, then hit **Export**.", ("credits", "export")),
    ("先点右上角头像 → **我的钱包** 查看余额，再点击 **导出 4K**。", ("credits", "export")),
    ("Click your coin balance to confirm you have enough for a 4K render.", ("credits",)),
    # a file named in a code span, to drag in or choose
    ("请把 `logo.png` 拖到左边的素材区。", ("upload",)),
    ("將 `封面.jpg` 拖入素材欄。", ("upload",)),
    ("Please drag `voiceover_v2.mp3` into the Media panel.", ("upload",)),
    ("Choose `intro.mov` from your computer so I can add it.", ("upload",)),
    # a failure or a third party: nothing
    ("Upload failed: `party.zip` is too large.", ()),
    ("Your credit pool is empty — your workspace owner will need to top it up.", ()),
    ("团队积分已用完，我已通知管理员，他需要在 设置 → 账单 里充值。", ()),
    # a quoted title is no step
    ("I added the text 'Open the Timeline' as the ending card, then click Export.", ("export",)),
]


@pytest.mark.parametrize(("text", "actions"), ORDERED)
def test_cheap_steps_beside_an_export_run_in_the_reply_order(
    text: str, actions: tuple[str, ...], tables: GuiTables
) -> None:
    result = translate(text, tables)
    assert result.actions == actions
    for name in ("logo.png", "封面.jpg", "voiceover_v2.mp3", "intro.mov", "party.zip"):
        assert (name in text) <= (name in result.text)  # a named file is never cut out


_HEADINGS = ["## Edit summary", "### Next steps", "## 修改摘要", "### 下一步", "#### 完成項目"]
_REPORTS = [
    "Removed 3 silent gaps (total 4.2 s)",
    "Added auto-captions in English",
    "Normalized audio to -14 LUFS",
    "片头标题改为“夏日特卖”",
    "时长从 15 秒延长到 20 秒",
    "已將背景音樂音量調低至 35%",
]
_STEPS = [
    "Open the **Timeline** panel to check where the beat drops.",
    "When it sounds right, hit **Export → MP4 (1080p)**.",
    "Click your coin balance at the top to confirm you have enough.",
    "Click **Download**",
    "点击右上角 **导出**。",
    "打开时间线查看效果。",
    "點擊左側的 🎞️ 圖示開啟時間軸確認。",
    "撳「匯出」就得。",
]
_PARAGRAPHS = [
    "**Done!** Your 12-second teaser now has the lo-fi track under it.",
    "I can also generate a Chinese subtitle track if you'd like.",
    "好的，已完成以下修改：",
]


@st.composite
def _markdown(draw: st.DrawFn) -> str:
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(_HEADINGS)))
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(_PARAGRAPHS)))
        bullet = draw(st.sampled_from(["-", "*", "1."]))
        items = draw(st.lists(st.sampled_from(_REPORTS + _STEPS), min_size=1, max_size=4))
        for index, item in enumerate(items, start=1):
            marker = f"{index}." if bullet == "1." else bullet
            lines.append(f"{marker} {item}")
        lines.append("")
    return "\n".join(lines).strip("\n")


@settings(max_examples=150, deadline=None)
@given(_markdown())
def test_markdown_lines_survive_byte_for_byte_and_none_is_dropped(text: str) -> None:
    tables = load_gui_tables()
    out = translate(text, tables).text.split("\n")
    # every line of the reply is in the output, in order; anything said is after them
    written = text.split("\n")
    assert out[: len(written)] == written
    assert all(
        line == "" or not line.lstrip().startswith(("-", "*", "#")) for line in out[len(written) :]
    )


@pytest.mark.parametrize(
    ("sentence", "forbidden"),
    [
        ("Whisk it over to the Vault for the download.", False),  # the model may read it
        ("Export didn't go through: the server timed out.", True),
        ("Ask @maria to press Export.", True),
        ("In CapCut, tap Export at the top.", True),
        ("Don't export yet.", True),
        ("要我现在导出吗？", True),
        ("Click your coin balance to confirm you have enough for a 4K render.", True),
    ],
)
def test_the_model_stage_export_passes_the_same_vetoes(sentence: str, forbidden: bool) -> None:
    assert forbids_export(sentence) is forbidden
