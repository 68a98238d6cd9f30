"""Round-28 safety: steps a sequence holds back (`agent.translate.sequence`).

- An export placed after an upload step the same reply still asks for waits for the file: a
  later list item, a later sentence, a later clause (first/then/finally, 先…之后…最后), an
  export named before the upload it waits for ("Before you export, upload …", "Click Export
  once you've uploaded …"): upload (and a view), never export. An export before the upload, or
  said to stand alone ("for now", "as is"), still runs.
- An upload offered as optional ("it's optional", "no pressure", 非必要, 随意): nothing.
- A plan upgrade offered for better output: nothing; a short balance still looks it up.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent.translate import GuiTables, load_gui_tables, translate
from agent.translate.sequence import after_upload, alone, offered_upgrade, optional_upload
from tests.translate_support import foreign_sentences

_TABLES = load_gui_tables()


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return _TABLES


_WAITS = [
    "**Steps:**\n1. Upload `raw_take.mp4`\n2. I'll trim the silences\n3. Check the Timeline\n"
    "4. Click Export",
    "Here's the plan:\n1. Attach your intro music\n2. I'll sync the cuts to the beat\n"
    "3. Hit Download when it looks right",
    "1. Upload your voiceover.\n2. Review it in the Timeline.\n"
    "3. Click Export to download the MP4.",
    "First, upload the logo. Then check the timeline. Finally, click Export.",
    "First upload the logo, then check the timeline, and finally click Export.",
    "Start by uploading the product photos. After that, preview the draft, and finally press "
    "Export.",
    "Upload the music file, then click Export.",
    "Before you export, upload the logo.",
    "Click Export once you've uploaded the new voiceover.",
    "請先上載你的字體檔，之後去時間軸睇下位置，最後撳 Export 匯出。",
    "先上传音频，然后在时间线确认，最后点导出",
    "步骤：\n1. 上传你的片头视频\n2. 在预览里确认效果\n3. 点击导出",
    "先上傳背景音樂，然後喺預覽度聽下，最後撳匯出。",
    "第一步：上传一段配音。第二步：在时间线里检查。第三步：点击导出。",
    "上传完之后再点导出。",
    "Once you've added the soundtrack, give it a listen in the preview and then export.",
    "When you've dropped in your logo, hit Download.",
    "把音乐拖进来之后再点导出。",
    "Quick checklist:\n- Drop your cover image in the Media panel\n- I'll add the title card\n"
    "- Preview the result\n- Hit Download",
    "麻烦先上传封面图，再到预览里看看，没问题就点导出。",
    "You'll need to upload the brand font first; after that, open the preview and export the MP4.",
]


@pytest.mark.parametrize("text", _WAITS)
def test_an_export_after_an_upload_asked_for_waits(text: str, tables: GuiTables) -> None:
    result = translate(text, tables)
    assert "export" not in result.actions
    assert not foreign_sentences(result.text, text, tables)


@pytest.mark.parametrize(
    "text",
    [
        "**Steps:**\n1. Upload `raw_take.mp4`\n2. I'll trim the silences\n3. Check the Timeline\n"
        "4. Click Export",
        "請先上載你的字體檔，之後去時間軸睇下位置，最後撳 Export 匯出。",
        "先上传音频，然后在时间线确认，最后点导出",
    ],
)
def test_the_upload_of_a_sequence_still_runs(text: str, tables: GuiTables) -> None:
    assert translate(text, tables).actions[:1] == ("upload",)


@pytest.mark.parametrize(
    "text",
    [
        "Click Export now. If you later want a logo, upload it.",
        "Click Export now; if you later want a logo, upload it",
        "Click Export now; later you can add a logo.",
        "For now, click Export to get this version. If you want a logo later, upload it.",
        "If you need another photo, tap Upload; if not, tap Export.",
        "The upload finished. Click Export.",
        "Click Export. Once you've added the soundtrack, I'll remix it.",
    ],
)
def test_an_export_before_the_upload_or_on_its_own_runs(text: str, tables: GuiTables) -> None:
    assert "export" in translate(text, tables).actions


_OPTIONAL = [
    "Meanwhile, feel free to upload any extra B-roll you'd like — it's optional.",
    "如果你願意，也可以再上傳幾張相（非必要）",
    "You can also upload more photos if you want.",
    "Upload a new photo if you like — it's not required.",
    "You could also attach a few more clips, no pressure.",
    "喜欢的话可以再上传一些素材，随意。",
    "如果你有興趣，亦可以再上載多啲相，唔係必要。",
    "想加多啲相嘅話，可以再上載，唔係一定要。",
    "Totally optional, but you can drop in a few more selfies.",
    "Got extra footage? Upload it if you feel like it.",
]


@pytest.mark.parametrize("text", _OPTIONAL)
def test_an_optional_upload_runs_nothing(text: str, tables: GuiTables) -> None:
    result = translate(text, tables)
    assert result.actions == ()
    assert result.text == text


@pytest.mark.parametrize(
    "text",
    [
        "Please upload the logo.",
        "请上传你的 logo。",
        "Upload the music file, then click Export.",
    ],
)
def test_an_upload_asked_for_still_runs(text: str, tables: GuiTables) -> None:
    assert "upload" in translate(text, tables).actions


_UPGRADES = [
    "If you want sharper output, you could also upgrade to the Pro plan ($12/month).",
    "如果想要更高画质，也可以升级到高级套餐（每月 68 元）。",
    "Want crisper video? You might consider upgrading to the Premium tier.",
    "想画面更清晰的话，不妨升级到专业版。",
    "如需 4K 画质，可以考虑升级会员。",
    "升級到專業版就可以匯出 4K，有興趣可以睇下。",
    "For even smoother 60fps exports, consider upgrading to Premium.",
]


@pytest.mark.parametrize("text", _UPGRADES)
def test_an_offered_upgrade_runs_nothing(text: str, tables: GuiTables) -> None:
    result = translate(text, tables)
    assert result.actions == ()
    assert result.text == text


@pytest.mark.parametrize(
    "text",
    [
        "Your balance is too low for this render. Please top up your credits.",
        "你的积分不足，请先充值。",
        "You're out of credits. Upgrade to the Pro plan to keep exporting.",
        "余额不足，请升级套餐或充值。",
        "积分不够了，升级到专业版就可以继续导出。",
        "We've detected that your monthly quota (60 min) has been fully used. To keep creating "
        "now, you can upgrade under Account › Subscription.",
    ],
)
def test_a_short_balance_still_looks_it_up(text: str, tables: GuiTables) -> None:
    assert translate(text, tables).actions == ("credits",)


@pytest.mark.parametrize(
    "text",
    ["Click Export later; the logo comes first.", "Add the logo — later, click Export."],
)
def test_a_later_in_the_exports_own_clause_still_holds_it(text: str, tables: GuiTables) -> None:
    assert "export" not in translate(text, tables).actions


def test_the_predicates() -> None:
    assert after_upload("Upload the music file, then click Export.")
    assert after_upload("Before you export, upload the logo.")
    assert not after_upload("Click Export now; if you later want a logo, upload it")
    assert not after_upload("Upload the logo later; for now, click Export.")
    assert alone("For now, click Export.")
    assert alone("先导出这一版。")
    assert optional_upload("Add more clips if you like.")
    assert optional_upload("可选：上传封面图。")
    assert not optional_upload("If you'd like it longer, tap + and pick more photos.")
    assert offered_upgrade("You could also upgrade to Premium.")
    assert not offered_upgrade("You could also upgrade to Premium.", "You're out of credits.")


_UPLOAD_STEPS = st.sampled_from(
    [
        "Upload your logo",
        "Upload `intro.mp4`",
        "Attach the voiceover",
        "Start by uploading the product photos",
        "上传你的字体文件",
        "先上传音频",
        "請先上載你嘅相",
    ]
)
_MIDDLE = st.lists(
    st.sampled_from(
        [
            "I'll trim the silences",
            "Check the Timeline",
            "Preview the draft",
            "我会帮你加字幕",
            "在时间线确认一下",
            "喺預覽度睇下",
        ]
    ),
    max_size=3,
)
_EXPORT_STEPS = st.sampled_from(
    [
        "Click Export",
        "Hit Download when it looks right",
        "Finally, press Export",
        "Then click **Export → MP4**",
        "最后点导出",
        "然后点击「下载」",
        "最後撳 Export 匯出",
    ]
)


@settings(max_examples=120, deadline=None)
@given(
    _UPLOAD_STEPS,
    _MIDDLE,
    _EXPORT_STEPS,
    st.sampled_from(["list", "sentences", "clauses", "steps"]),
)
def test_an_upload_then_a_later_export_never_exports(
    upload: str, middle: list[str], export: str, shape: str
) -> None:
    steps = [upload, *middle, export]
    if shape == "list":
        text = "**Steps:**\n" + "\n".join(f"{i}. {s}" for i, s in enumerate(steps, 1))
    elif shape == "sentences":
        text = " ".join(f"{s}." for s in steps)
    elif shape == "clauses":
        text = ", then ".join(steps) + "."
    else:
        text = " ".join(f"Step {i}: {s}." for i, s in enumerate(steps, 1))
    result = translate(text, _TABLES)
    assert "export" not in result.actions, text


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(
        [
            "feel free to upload extra B-roll — it's optional",
            "you could also attach a few more clips, no pressure",
            "upload more photos if you like",
            "如果你愿意，也可以再上传几张照片（非必要）",
            "喜欢的话可以再上传一些素材，随意",
        ]
    ),
    st.sampled_from(["", "Meanwhile, ", "Also, ", "另外，"]),
)
def test_an_optional_upload_never_runs(offer: str, lead: str) -> None:
    text = f"{lead}{offer}."
    assert "upload" not in translate(text, _TABLES).actions, text
