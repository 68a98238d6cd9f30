"""Round-32 translator safety (`agent.translate.menu`, `agent.translate.pending`).

- A menu of alternatives in one sentence closed by a pick runs none of its items.
- A greeting inviting a file or any other input, a warning about uploading again: no upload.
- A top-up left to the user's wish while the balance is enough: no balance look-up.
- A fetch of the file ("grab the MP4") or a step after a checklist item still running waits.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent.translate import load_gui_tables, translate
from agent.translate.menu import any_input, menu, optional_top_up, upload_warned

_TABLES = load_gui_tables()

_MENUS = [
    "Either upgrade in Billing or keep the watermark and export as is — up to you.",
    "Options: 1) render it now at 720p 2) go Pro for 4K 3) keep tweaking — which works for you?",
    "Download the 720p cut now, or I can make a 4K one after you upgrade — your call.",
    "You could export it as it stands, or wait for the captions. Which do you prefer?",
    "Either hit Export now or top up for the HD version; you decide.",
    "可以直接导出，也可以先让我加字幕，你想选哪个？",
    "你想先匯出720p，定係升級做4K？",
    "可以現在匯出，也可以先充值再出 4K，由你決定。",
    "要么现在点导出，要么先升级会员拿 4K，你来决定。",
]


@pytest.mark.parametrize("text", _MENUS)
def test_a_menu_closed_by_a_pick_runs_nothing(text: str) -> None:
    result = translate(text, _TABLES)
    assert not {"export", "credits", "upload"} & set(result.actions)
    assert result.text == text


@pytest.mark.parametrize(
    "text",
    [
        "Click Export to download. Anything else?",
        "点击「导出」按钮下载视频。还有别的需要吗？",
    ],
)
def test_a_plain_step_before_a_generic_question_still_exports(text: str) -> None:
    assert "export" in translate(text, _TABLES).actions


def test_menu_needs_both_alternatives_and_a_pick() -> None:
    assert menu("Export it now, or wait for the captions — up to you.")
    assert menu("可以导出，也可以再改改", "你选哪个？")
    assert not menu("Click Export to download.", "Anything else?")
    assert not menu("Either way, click Export.", "Thanks!")
    assert not menu("点击导出。", "还有其他问题吗？")


@pytest.mark.parametrize(
    "text",
    [
        "Send me a photo or an idea and I'll make a video",
        "Share some clips or a short description and I'll take it from there.",
        "发张照片或者一句想法给我，我就帮你做视频。",
        "傳張相片或者一個主題俾我，我幫你整條片。",
    ],
)
def test_any_input_invited_is_no_upload(text: str) -> None:
    assert any_input(text)
    assert "upload" not in translate(text, _TABLES).actions


@pytest.mark.parametrize(
    "text",
    [
        "注意：重新上传会覆盖现有版本，确定的话先告诉我",
        "Heads up: re-uploading the logo will replace the current one, so tell me first.",
        "注意：重新上傳會覆蓋現有版本。",
    ],
)
def test_a_warning_about_uploading_again_is_no_upload(text: str) -> None:
    assert upload_warned(text)
    result = translate(text, _TABLES)
    assert "upload" not in result.actions
    assert text in result.text


@pytest.mark.parametrize(
    "text",
    [
        "Your balance is 300 credits; top up if you want, you have enough anyway.",
        "你现在有 300 积分，想充值也可以，不过已经够用了。",
    ],
)
def test_an_optional_top_up_with_enough_looks_nothing_up(text: str) -> None:
    assert optional_top_up(text)
    assert "credits" not in translate(text, _TABLES).actions


@pytest.mark.parametrize(
    "text",
    [
        "Step 3 (rendering) is underway — grab the MP4 once it finishes",
        "✅ Script\n✅ Voiceover\n⏳ Rendering\nDownload once step 3 is done.",
        "The 4K version is rendering now; get the file when it's ready.",
        "✅ 脚本\n⏳ 渲染\n第 3 步完成后再点下载。",
    ],
)
def test_a_fetch_after_work_still_running_waits(text: str) -> None:
    result = translate(text, _TABLES)
    assert "export" not in result.actions
    assert result.text.startswith(text.split("\n")[0])


_ALTS = st.sampled_from(
    [
        "export it now",
        "download the 720p cut",
        "hit Export as is",
        "top up in Billing for 4K",
        "upload a new logo",
    ]
)
_OTHERS = st.sampled_from(
    ["keep tweaking", "wait for the captions", "I can trim it first", "go Pro for 4K"]
)
_PICKS = st.sampled_from(
    ["up to you", "your call", "which works for you?", "which do you prefer?", "you decide"]
)


@settings(max_examples=60, deadline=None)
@given(a=_ALTS, b=_OTHERS, pick=_PICKS, either=st.booleans(), swap=st.booleans())
def test_an_english_menu_never_runs_an_item(
    a: str, b: str, pick: str, either: bool, swap: bool
) -> None:
    first, second = (b, a) if swap else (a, b)
    text = f"{'Either ' if either else ''}{first}, or {second} — {pick}"
    text = text[0].upper() + text[1:]
    result = translate(text, _TABLES)
    assert not {"export", "credits", "upload"} & set(result.actions)
    assert result.text == text


_ZH_ALTS = st.sampled_from(["直接导出", "现在点下载", "先充值再出4K", "匯出720p", "上传新的片头"])
_ZH_OTHERS = st.sampled_from(["先让我加字幕", "再改改颜色", "升级做4K", "等配乐做好"])
_ZH_JOINS = st.sampled_from(
    [
        "可以{a}，也可以{b}，你想选哪个？",
        "你想{a}，还是{b}？",
        "你想{a}，定係{b}？",
        "要么{a}，要么{b}，由你决定。",
    ]
)


@settings(max_examples=60, deadline=None)
@given(a=_ZH_ALTS, b=_ZH_OTHERS, join=_ZH_JOINS)
def test_a_chinese_menu_never_runs_an_item(a: str, b: str, join: str) -> None:
    text = join.format(a=a, b=b)
    result = translate(text, _TABLES)
    assert not {"export", "credits", "upload"} & set(result.actions)
    assert result.text == text


@pytest.mark.parametrize(
    ("text", "actions"),
    [
        (
            "Your balance covers it (120 left, this costs 20), so go ahead and hit Render.",
            ("export",),
        ),
        ("Whenever you like how it looks, Download is at the top right.", ("export",)),
        ("Whenever you're happy with the cut, the Export button is at the top right.", ("export",)),
        ("到时间线里看一眼，没问题就可以导出了", ("state", "export")),
        ("到時間線度睇下，冇問題就可以匯出", ("state", "export")),
        ("Open the Subtitles track to check the timing", ("state",)),
        ("可在右側「任務列表」查看狀態", ("state",)),
        ("可以喺「任務列表」睇下狀態", ("state",)),
        (
            "Your export is in the queue (2 of 5); follow it on the project page and download"
            " it from there when it completes",
            ("state",),
        ),
    ],
)
def test_a_missed_step_runs_and_its_sentence_stays(text: str, actions: tuple[str, ...]) -> None:
    result = translate(text, _TABLES)
    assert result.actions == actions
    assert result.text.startswith(text)


@pytest.mark.parametrize(
    "text",
    [
        "Your balance doesn't cover it, so don't go ahead and hit Render.",
        "Rendering (2 min left); when you like how it looks, Download is at the top right.",
        "Your balance covers it, so go ahead and hit Export — or wait for the 4K pass, up to you.",
        "到时间线里看一眼，没问题的话先别导出",
        "到时间线里看一眼，没问题就可以导出了吗？",
    ],
)
def test_a_missed_step_still_held_runs_no_export_or_upload(text: str) -> None:
    result = translate(text, _TABLES)
    assert not {"export", "upload"} & set(result.actions)
    assert result.text.startswith(text)


@settings(max_examples=40, deadline=None)
@given(
    pick=_PICKS,
    clause=st.sampled_from(
        [
            "Your balance covers it, so go ahead and hit Render, or keep editing",
            "Whenever you like how it looks, Download is at the top right, or I can trim it",
        ]
    ),
)
def test_a_missed_step_inside_a_menu_never_runs(pick: str, clause: str) -> None:
    text = f"{clause} — {pick}"
    result = translate(text, _TABLES)
    assert "export" not in result.actions
    assert result.text == text


@pytest.mark.parametrize(
    "text",
    [
        "The thumbnails I generated are in the Assets panel.",
        "I've put the three AI backgrounds I made into your Media Library.",
        "我生成的配图已经放在素材库里了。",
        "Share a clip, a script, or just an idea and I'll turn it into a video!",
    ],
)
def test_the_agents_own_assets_or_any_input_is_no_upload(text: str) -> None:
    result = translate(text, _TABLES)
    assert "upload" not in result.actions
    assert result.text == text


@pytest.mark.parametrize(
    "text",
    [
        "Upload your logo to the Assets panel.",
        "Please upload the clips you made to the Media Library.",
        "Send me the photo or video you want to use.",
    ],
)
def test_a_plain_upload_request_still_uploads(text: str) -> None:
    assert "upload" in translate(text, _TABLES).actions


def test_a_step_at_100_percent_waits_and_a_feel_free_top_up_looks_nothing_up() -> None:
    text = "Render is 70% through; once it's at 100%, click Download."
    assert "export" not in translate(text, _TABLES).actions
    text = "You've got 500 credits; feel free to top up but you have plenty for this."
    assert "credits" not in translate(text, _TABLES).actions


def test_a_menu_with_or_let_me_and_a_looks_right_export_place() -> None:
    text = "Download it as it stands or let me add captions first — your pick."
    assert "export" not in translate(text, _TABLES).actions
    text = "Whenever the preview looks right to you, Export is in the top-right corner."
    assert translate(text, _TABLES).actions == ("export",)
    text = (
        "Your render is queued (3rd); keep an eye on it in the Jobs list and download it"
        " when it's done."
    )
    assert translate(text, _TABLES).actions == ("state",)
