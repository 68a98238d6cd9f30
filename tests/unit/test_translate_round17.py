"""The round-17 classes: exports said but not asked for, and steps missed or misread.

- where a button is, told without telling the user to use it ("the Export button sits in the
  top-right corner", 导出按钮位于右上角, 「匯出」掣喺右上角): a description, nothing runs;
  the same sentence with a gesture pointing at the button ("— click it to download") runs;
- a prohibition with words between the negation and its step (千万不要现在点导出, 先别急着点导出,
  唔好住撳「匯出」, 切勿在渲染完成前点击导出, "You shouldn't click Export", "Please refrain from
  clicking Export"): nothing runs;
- an export hung on someone else's approval with a possessive before the person (等你老闆批咗先好
  撳「匯出」), a Cantonese boss (老細), or "wait for your client's approval": nothing runs, even
  when the clause classifier, not the rules, read the step.
"""

from __future__ import annotations

import pytest

from agent.translate import GuiTables, Translation, load_gui_tables, translate

_TABLES = load_gui_tables()


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return _TABLES


NOTHING_RUNS = [
    # where a button is
    "The Export button is in the top-right corner, next to Share. Nothing has been rendered yet.",
    "FYI, the Download button lives at the bottom of the preview panel.",
    "The Export button is located in the top right of the editor.",
    "导出按钮在编辑器右上角，分享旁边。目前还没有渲染。",
    "导出按钮位于右上角。",
    "「匯出」掣喺右上角，Share 隔籬。",
    "Heads up: Export lives in the top bar, not in the File menu.",
    "匯出功能喺右上角嘅選單入面。",
    "导出入口在右上角的「分享」菜单里。",
    "下載按鈕就喺預覽下面。",
    # prohibitions
    "Please don't hit Export right now — the render is only at 60%.",
    "You shouldn't click Export until the music finishes syncing.",
    "Please refrain from clicking Export for now.",
    "Make sure you don't tap Download before the progress bar reaches 100%.",
    "先别急着点导出，字幕还在生成。",
    "Don't bother clicking Export yet.",
    "In the meantime, don't touch the Export button.",
    "別急著按下載，字幕還沒燒進去。",
    "唔好住撳「匯出」，仲未搞掂。",
    "請勿現在點擊匯出，影片仍在處理中。",
    "切勿在渲染完成前点击导出。",
    # someone else's approval first
    "等你老板批了再点导出，现在的版本我先帮你保存着。",
    "等老細睇完先撳匯出啦。",
    "等客戶確認咗先好撳匯出。",
    "Wait for your client's approval before clicking Export.",
    "Only hit Export after your boss approves the cut.",
    "Please wait before clicking Export; the subtitles are still being burned in.",
    "Hold your horses on the export — legal still has to review the logo.",
    "千祈唔好而家撳匯出呀！",
    "Export and Share both live under the ⋯ menu.",
    "Download speeds may vary depending on your connection.",
    "Normally you'd press Export here, but I've already rendered it for you: https://nemo.video/f/x1",
    # what a step costs or does wrong, told
    "Clicking Export will use 20 credits from your balance.",
    "Hitting Export twice will create duplicate files, so please be patient.",
    "Pressing Download here only saves a low-res preview, not the final file.",
    "點擊匯出會扣 20 點喔。",
    "导出之前，建议先检查一下字幕有没有错字。",
]


@pytest.mark.parametrize("text", NOTHING_RUNS)
def test_an_export_told_of_forbidden_or_put_off_runs_nothing(text: str, tables: GuiTables) -> None:
    assert translate(text, tables) == Translation(text, ())


@pytest.mark.parametrize(
    "text",
    [
        "The Export button is in the top-right corner — click it to download the MP4.",
        "The Export button sits in the top-right corner; click it to download your video.",
        "导出按钮在右上角，点击即可下载。",
        "点旁边的「导出」按钮就可以下载。",
        "撳隔籬個「匯出」掣就得。",
        "Tap the Export button next to Share.",
        "Don't forget to click Export when you're done.",
        "Clicking Export will download the MP4 to your device.",
        "Rendering only takes a minute; hit Export when ready.",
        "点导出就会开始下载。",
        "Don't worry about the credits — just click Export.",
        "唔好意思，撳匯出就得。",
        "别忘了点右上角的导出。",
    ],
)
def test_a_button_pointed_at_still_runs_its_export(text: str, tables: GuiTables) -> None:
    assert translate(text, tables).actions == ("export",)


def test_a_button_to_click_once_the_render_hits_100_percent_waits(tables: GuiTables) -> None:
    # round 36: two strangers (r50, r52) label a Download "once the bar reaches 100%" as a step
    # put off until the render finishes (the writers' brief: run nothing); round 17 had it run
    text = "Once the bar reaches 100%, the Download MP4 button will turn blue — click it."
    assert "export" not in translate(text, tables).actions


_TEASER = (
    "**Done!** Your 15s product teaser is ready.\n\n"
    "1. Open the **Timeline** panel to check the cut.\n"
    "2. Hit **Export** (top-right) to download `teaser_final.mp4`.\n\n"
    "Want me to also make a 9:16 version?"
)


@pytest.mark.parametrize(
    ("text", "actions", "kept"),
    [
        # a bold view is read as the view; a code span naming a file is a fact of its step
        (
            _TEASER,
            ("state", "export"),
            [
                "**Done!** Your 15s product teaser is ready.\n\n",
                "`teaser_final.mp4`",
                "Want me to also make a 9:16 version?",
            ],
        ),
        (
            "All set:\n- Open the **Tracks** panel to review the music.\n"
            "- Click **Export** to save `trip_2024.mp4`.",
            ("state", "export"),
            ["All set:\n", "- Click **Export** to save `trip_2024.mp4`."],
        ),
        (
            "1. Open **My Work**.\n2. Click **Download** next to `promo.mp4`.",
            ("state", "export"),
            ["Click **Download** next to `promo.mp4`."],
        ),
    ],
)
def test_a_markdown_procedure_runs_its_steps_in_order_and_keeps_its_facts(
    text: str, actions: tuple[str, ...], kept: list[str], tables: GuiTables
) -> None:
    result = translate(text, tables)
    assert result.actions == actions
    assert all(span in result.text for span in kept)


def test_a_bold_view_in_a_sentence_reads_as_the_view(tables: GuiTables) -> None:
    assert translate("Open the **Tracks** panel to check the cut.", tables).actions == ("state",)
    # a Chinese sentence reads its bold label with the markers, as before
    assert translate(
        "请先在**预览**窗口看一遍，然后点击右上角的**导出**按钮。", tables
    ).actions == (
        "state",
        "export",
    )
    # a bold Chinese name set apart by spaces is read as the name
    spaced = "请打开 **时间线** 检查，然后点击 **导出**。"
    assert translate(spaced, tables).actions == ("state", "export")


@pytest.mark.parametrize(
    "text",
    [
        # an import located in another program
        "Import it in Premiere via File > Import, then drag it onto V3.",
        "Open CapCut and import the MP4 into a new project.",
        "喺剪映度匯入呢個檔，再拉上時間線。",
        # the user's own upload, reported
        "I see you imported these from your phone gallery. I've arranged all 8 photos in order.",
        "Thanks — you uploaded 5 photos from your camera roll and I've lined them up.",
        "Looks like you've already added the music from your computer, so I left it as is.",
        "你啱啱由相簿上載咗 3 張相，我已經加咗轉場。",
    ],
)
def test_an_upload_elsewhere_or_already_done_asks_for_no_file(text: str, tables: GuiTables) -> None:
    assert translate(text, tables) == Translation(text, ())


@pytest.mark.parametrize(
    "text",
    [
        "Render it in Resolve, then upload the file here.",
        "You uploaded only 2 photos — please add one more from your gallery.",
        "You imported a blurry shot; upload a sharper one from your camera roll.",
    ],
)
def test_a_file_asked_for_beside_one_done_or_made_elsewhere_is_asked(
    text: str, tables: GuiTables
) -> None:
    assert translate(text, tables).actions == ("upload",)


@pytest.mark.parametrize(
    ("text", "actions"),
    [
        # a better file of the user's own, asked for politely at the close of the sentence
        (
            "Hmm, that generation didn't work — the image was too small (320×240). "
            "Could you send me a higher-resolution version?",
            ("upload",),
        ),
        ("The photo is blurry. Could you send a sharper one?", ("upload",)),
        ("Please send me another photo — this one is too dark.", ("upload",)),
        ("图片分辨率太低了，可以再发一张更清晰的吗？", ("upload",)),
        ("張相太細，可唔可以傳張解像度高啲嘅俾我？", ("upload",)),
        # a download arrow, and a purpose that names the file
        (
            "I've added the subtitles. To grab the file, press the button with the down arrow "
            "next to your project name.",
            ("export",),
        ),
        ("To get your MP4, tap the down-arrow icon under the preview.", ("export",)),
        ("想要文件的话，点项目名称旁边那个向下的箭头。", ("export",)),
        ("撳項目名隔籬個向下箭咀就可以攞到條片。", ("export",)),
        # a hover over a coin or wallet shows the balance
        (
            "Hover over the little coin next to your avatar; the tooltip shows how many credits "
            "you have left before the next render.",
            ("credits",),
        ),
        ("Mouse over the wallet icon to check how many credits remain.", ("credits",)),
        ("Hover over the timeline to preview each clip.", ("state",)),
    ],
)
def test_steps_said_without_the_usual_words_run_their_action(
    text: str, actions: tuple[str, ...], tables: GuiTables
) -> None:
    assert translate(text, tables).actions == actions


@pytest.mark.parametrize(
    "text",
    [
        "Could you send me a short note about the tone you want?",
        "Hover over any clip to see its duration.",
    ],
)
def test_a_send_or_hover_with_no_file_or_target_runs_nothing(text: str, tables: GuiTables) -> None:
    assert translate(text, tables) == Translation(text, ())


@pytest.mark.parametrize(
    ("text", "actions"),
    [
        # a purpose that names another program sets the scene of the steps after it
        ("To export from Premiere, go to File > Export > Media.", ()),
        # someone else's reply awaited is no answer asked of the user
        ("唔好住匯出，等客戶回覆先。", ()),
        # a card in My Work is the way to the step on it, no view of its own
        ("完成咗！喺作品卡片度長按，揀「儲存到相簿」就得。", ("export",)),
        ("Open My Work, long-press the project card and tap Download.", ("export",)),
    ],
)
def test_the_scene_of_a_step_decides_what_runs(
    text: str, actions: tuple[str, ...], tables: GuiTables
) -> None:
    assert translate(text, tables).actions == actions


@pytest.mark.parametrize(
    ("text", "actions"),
    [
        # chat shorthand and slang
        ("pls upload ur logo as png w/ transparent bg and ill add it to the intro", ("upload",)),
        ("yo the render's still going, peep the progress in My Work", ("state",)),
        ("vid's done!! smash that export button top right 🔥", ("export",)),
        # a file asked for again, its object before the verb
        ("麻烦把原视频再传一次，刚才的文件好像损坏了。", ("upload",)),
        # reported, offered, deferred: nothing
        ("thx for the pics, i already added all 6 from ur camera roll", ()),
        ("唔該等你個client OK咗先好撳匯出呀。", ()),
        ("等品牌方确认文案后，再点导出就好。", ()),
    ],
)
def test_slang_and_shorthand_read_as_their_step(
    text: str, actions: tuple[str, ...], tables: GuiTables
) -> None:
    assert translate(text, tables).actions == actions


@pytest.mark.parametrize(
    ("text", "actions"),
    [
        # English gestures and names inside Chinese, with no space between
        ("視頻OK咗，click右上角嘅Export就download到。", ("export",)),
        ("click一下Timeline就见到新加嘅字幕。", ("state",)),
        ("去Billing頁面check一下剩幾多credits。", ("credits",)),
        # a report of the step itself, and a folder named after it
        ("Export 咗一次失敗咗，我而家自動 retry 緊，唔使撳嘢。", ()),
        ("Export咗啦，檔案喺你嘅下載資料夾。", ()),
        ("唔好click Export住，仲render緊。", ()),
    ],
)
def test_code_switched_replies_read_their_steps(
    text: str, actions: tuple[str, ...], tables: GuiTables
) -> None:
    assert translate(text, tables).actions == actions
