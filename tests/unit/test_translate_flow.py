"""How the translator joins, drops and words steps: questions, alternatives, conditions."""

from __future__ import annotations

import pytest

from agent.translate import Translation, translate
from agent.translate.prose import content_symbols, mask
from agent.translate.tables import GuiTables, load_gui_tables


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return load_gui_tables()


@pytest.mark.parametrize(
    "text",
    [
        "Done. Want me to add subtitles, adjust timing, or export?",
        "Shall I export it now?",
        "要不要我现在导出？",
    ],
)
def test_a_bare_export_in_a_question_is_an_offer_not_an_instruction(
    text: str, tables: GuiTables
) -> None:
    assert translate(text, tables) == Translation(text, ())


def test_a_preview_offered_in_a_question_is_reworded_without_an_action(
    tables: GuiTables,
) -> None:
    en = translate("Would you like to preview it first, or export right away?", tables)
    zh = translate("你想先预览一下，还是直接导出？", tables)
    assert en == Translation("Would you like to check it first, or export right away?", ())
    assert zh == Translation("你想先看看，还是直接导出？", ())


def test_a_bare_export_outside_a_question_is_still_the_export_flow(tables: GuiTables) -> None:
    assert translate("Export it when you're ready.", tables).actions == ("export",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Open the Effects panel to try other transitions.", ("state",)),
        ("Check the Layers panel to confirm.", ("state",)),
        ("Head over to the Export tab and hit Render.", ("export",)),
        ("打开特效面板可以尝试其他滤镜。", ("state",)),
    ],
)
def test_opening_a_named_panel_shows_the_state_unless_its_name_says_more(
    text: str, expected: tuple[str, ...], tables: GuiTables
) -> None:
    result = translate(text, tables)
    assert result.actions == expected
    assert "panel" not in result.text
    assert "面板" not in result.text


def _asked_for_a_file(expected: str) -> tuple[str, ...]:
    """A step that asks for the user's file reports `upload` (the engine never runs it)."""
    return ("upload",) if "give me a URL" in expected or "给我一个链接" in expected else ()


def test_two_ways_to_one_step_are_said_once_keeping_the_specific_one(tables: GuiTables) -> None:
    result = translate("Click the + button or drop an image into the media area.", tables)
    assert result == Translation("Send an image in chat or give me a URL.", ("upload",))


def test_an_unknown_step_beside_a_known_one_gives_way(tables: GuiTables) -> None:
    assert translate("Tap Done, then Export.", tables) == Translation(
        "I'll export the MP4 for you.", ("export",)
    )
    assert translate("Press Ctrl+E or use File > Export to render.", tables) == Translation(
        "I'll export the MP4 for you.", ("export",)
    )


def test_the_same_rewrite_is_not_repeated_in_a_sentence_or_a_list(tables: GuiTables) -> None:
    sentence = translate("Title set. Click Save, then Export to download.", tables)
    listed = translate("1. Click **Export**\n2. Choose **1080p**\n3. Click **Download**", tables)
    assert sentence.text == "Title set. I'll export the MP4 for you."
    assert listed.text == "1. I'll export the MP4 for you\n2. Choose **1080p**"


def test_no_stray_or_is_left_after_a_dropped_step(tables: GuiTables) -> None:
    result = translate("视频制作完成，可以在时间线中预览，或点击导出按钮下载。", tables)
    assert result == Translation("视频制作完成，我会直接把 MP4 文件发给你。", ("state", "export"))


def test_a_condition_before_a_lead_in_stays_in_front_of_the_rewrite(tables: GuiTables) -> None:
    result = translate("视频渲染中，完成后请点击下载图标保存。", tables)
    assert result.text == "视频渲染中，完成后我会直接把 MP4 文件发给你。"


def test_a_dangling_if_clause_keeps_a_short_line_after_it(tables: GuiTables) -> None:
    result = translate("If you'd like a different song, open the Music tab.", tables)
    assert result == Translation(
        "If you'd like a different song, I'll show you the current tracks.", ("state",)
    )


def test_an_emoji_closing_content_survives_the_dropped_step_after_it(tables: GuiTables) -> None:
    result = translate("Your slideshow is done 🎉 Preview it in the player above.", tables)
    assert result == Translation("Your slideshow is done 🎉.", ("state",))


def test_pointing_emoji_go_with_the_instruction_they_point_at() -> None:
    assert content_symbols(" 🎉 ") == " 🎉"
    assert content_symbols(" 👉 ") == ""
    assert content_symbols(", ") == ""


def test_a_bare_site_address_is_verbatim_content() -> None:
    masked = mask("Go to nemovideo.com/dashboard/billing to top up.")
    assert masked.spans == ("nemovideo.com/dashboard/billing",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Go to the Music tab and select 'Chill Lo-fi'.",
            "Just tell me if you'd like to use 'Chill Lo-fi'.",
        ),
        ("在音频标签下选择“轻快流行”。", "需要的话告诉我，我来帮你改用“轻快流行”。"),
    ],
)
def test_a_quoted_choice_is_said_back_as_content(
    text: str, expected: str, tables: GuiTables
) -> None:
    assert translate(text, tables).text == expected


def test_a_known_quoted_label_is_not_repeated_in_the_rewrite(tables: GuiTables) -> None:
    result = translate("从文件菜单中选择“导出 > MP4”。", tables)
    assert result == Translation("我会直接把 MP4 文件发给你。", ("export",))


def test_gestures_on_an_object_become_what_to_say(tables: GuiTables) -> None:
    assert translate("Swipe left on the clip to delete it.", tables) == Translation(
        "Tell me, e.g. 'delete it'.", ()
    )


def test_a_panel_with_an_unknown_verb_asks_what_to_change(tables: GuiTables) -> None:
    assert translate("You can turn it off in the Effects panel.", tables) == Translation(
        "Just tell me if you'd like to turn it off.", ()
    )
    assert translate("可以在特效面板中关闭。", tables) == Translation(
        "需要的话告诉我，我来帮你关闭。", ()
    )


def test_a_place_gives_way_to_the_instruction_beside_it(tables: GuiTables) -> None:
    result = translate('Under the Audio tab, pick "Upbeat Pop".', tables)
    assert result == Translation('Just tell me if you\'d like to use "Upbeat Pop".', ())


def test_reported_work_in_a_panel_is_still_content(tables: GuiTables) -> None:
    text = "I put the new title in the Text panel."
    assert translate(text, tables) == Translation(text, ())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Check the spelling and click Export.",
            "Check the spelling, then I'll export the MP4 for you.",
        ),
        ("检查拼写后点击导出。", "检查拼写后我会直接把 MP4 文件发给你。"),
        (
            "上传失败。请压缩后再次使用上传按钮。",
            "上传失败。压缩后直接在对话中发送文件或给我一个链接。",
        ),
    ],
)
def test_a_step_or_condition_before_an_instruction_stays_in_front_of_it(
    text: str, expected: str, tables: GuiTables
) -> None:
    assert translate(text, tables).text == expected


def test_words_before_a_quoted_edit_stay_inside_the_example(tables: GuiTables) -> None:
    result = translate("Grab the edge of the clip and drag it to 0:06.", tables)
    assert result == Translation(
        "Tell me, e.g. 'grab the edge of the clip and move it to 0:06'.", ()
    )


def test_closing_a_panel_is_nothing_to_do_in_a_chat(tables: GuiTables) -> None:
    en = translate("Your video is exporting… you can close this panel; I'll send it.", tables)
    zh = translate("视频正在导出，可以关闭此面板。", tables)
    assert en == Translation("Your video is exporting… I'll send it.", ())
    assert zh == Translation("视频正在导出。", ())


def test_a_message_that_is_only_a_step_keeps_what_the_step_is_for(tables: GuiTables) -> None:
    assert translate("Click the Play button to watch the result.", tables) == Translation(
        "I'll show you the current tracks so you can watch the result.", ("state",)
    )
    assert translate("点击播放按钮试听。", tables) == Translation(
        "我会为你列出当前轨道，方便你试听。", ("state",)
    )
    assert translate("Preview it in the timeline when you're ready.", tables) == Translation(
        "", ("state",)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Please upload a JPG, PNG or WebP via the upload panel.",
            "Send a JPG, PNG or WebP in chat or give me a URL.",
        ),
        (
            "To add your own music, click Upload Audio and pick an MP3 or WAV file.",
            "To add your own music, send an MP3 or WAV file in chat or give me a URL.",
        ),
        (
            "Please upload a photo first using the attachment icon (📎) in the chat box.",
            "Send a photo first in chat or give me a URL.",
        ),
        ("可以直接把音频文件拖到这里上传。", "直接在对话中发送音频文件或给我一个链接。"),
    ],
)
def test_what_to_upload_is_said_once_without_the_buttons(
    text: str, expected: str, tables: GuiTables
) -> None:
    assert translate(text, tables) == Translation(expected, _asked_for_a_file(expected))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Double-click the title to edit the text.",
            "Tell me how you'd like to edit the text for the title.",
        ),
        ("Double-click the clip.", "Tell me what you'd like to change about the clip."),
        (
            "Use the trim handles on the timeline if you want it shorter.",
            "Just tell me if you want it shorter.",
        ),
        (
            "Move the title to the bottom of the frame by dragging it in the preview.",
            "Tell me, e.g. 'move the title to the bottom of the frame'.",
        ),
        ("在时间线上拖拽片段可以调整顺序。", "直接告诉我你想怎么调整顺序，例如“移动片段”。"),
        ("拖动时间线上的滑块来调整音乐音量。", "告诉我你想怎么调整音乐音量。"),
    ],
)
def test_edits_name_their_object_and_purpose_not_the_gesture(
    text: str, expected: str, tables: GuiTables
) -> None:
    assert translate(text, tables) == Translation(expected, ())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sorry, the render failed. Please click Export again to retry.",
         Translation("Sorry, the render failed. I'll retry the export for you.", ("export",))),
        ("Your video has been exported! Click the download link in the Exports panel.",
         Translation("Your video has been exported! I'll export the MP4 for you.", ("export",))),
        ("视频已导出，请在导出列表中下载。",
         Translation("视频已导出，我会直接把 MP4 文件发给你。", ("export",))),
        ("请点击“导出”保存MP4文件。", Translation("我会直接把 MP4 文件发给你。", ("export",))),
        ("满意的话，点一下导出就行。",
         Translation("满意的话，我会直接把 MP4 文件发给你。", ("export",))),
        ("Check your balance under Settings > Billing.",
         Translation("I'll look up your credits balance.", ("credits",))),
        ("Renew it from the Account page to keep generating.",
         Translation(
             "I'll look up your credits balance so you can keep generating.", ("credits",)
         )),
        ("剩余积分可在个人中心查看。",
         Translation("剩余积分，我会帮你查询积分余额。", ("credits",))),
        ("转场效果已添加，建议在预览中检查一下。", Translation("转场效果已添加。", ("state",))),
    ],
)  # fmt: skip
def test_export_credits_and_state_steps_read_naturally(
    text: str, expected: Translation, tables: GuiTables
) -> None:
    assert translate(text, tables) == expected


@pytest.mark.parametrize(
    "text",
    ["我已经把标题拖到了画面中间。", "Export ready!", "Export done: 1080p, 12 MB."],
)
def test_a_finished_move_or_export_is_reported_not_instructed(text: str, tables: GuiTables) -> None:
    assert translate(text, tables) == Translation(text, ())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hook added (2s). To hear it, play the preview.",
            Translation(
                "Hook added (2s). To hear it, I'll show you the current tracks.", ("state",)
            ),
        ),
        (
            "You may shorten it with the trim tool.",
            Translation("Tell me how you'd like to shorten it.", ()),
        ),
        (
            "Reorder them by dragging the thumbnails.",
            Translation("Tell me, e.g. 'reorder them'.", ()),
        ),
        (
            "Please attach a reference image by dragging it onto the canvas.",
            Translation("Send a reference image in chat or give me a URL.", ("upload",)),
        ),
        (  # the menu item is no span of the sentence once "右键点击…，选择" goes: kept whole
            "右键点击音频轨道，选择“分离音频”即可。",
            Translation("右键点击音频轨道，选择“分离音频”即可。", ()),
        ),
        (
            "导出完成！请点击链接下载视频。",
            Translation("导出完成！我会直接把 MP4 文件发给你。", ("export",)),
        ),
    ],
)
def test_players_tools_and_menu_items_become_what_the_client_does(
    text: str, expected: Translation, tables: GuiTables
) -> None:
    assert translate(text, tables) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Select files from your computer to add more photos.",
            "Send files in chat or give me a URL to add more photos.",
        ),
        (
            "Error: upload timed out. Please try the Upload button again.",
            "Error: upload timed out. Send the file again in chat or give me a URL.",
        ),
        (
            "Convert it to JPG and re-upload via the media panel.",
            "Send the file in chat or give me a URL after you convert it to JPG.",
        ),
        ("请从相册中选择更多照片上传。", "直接在对话中发送更多照片或给我一个链接。"),
        ("点选“添加图片”按钮上传第二张照片。", "直接在对话中发送第二张照片或给我一个链接。"),
    ],
)
def test_the_users_own_files_are_sent_in_chat(text: str, expected: str, tables: GuiTables) -> None:
    assert translate(text, tables) == Translation(expected, _asked_for_a_file(expected))


def test_a_step_label_keeps_a_short_line_after_its_colon(tables: GuiTables) -> None:
    result = translate("第一步：在预览窗口确认效果；第二步：点击导出。", tables)
    assert result == Translation(
        "第一步：我会为你列出当前轨道；第二步：我会直接把 MP4 文件发给你。", ("state", "export")
    )


def test_a_report_of_where_the_video_is_is_content(tables: GuiTables) -> None:
    text = "Your montage is live in the editor."
    assert translate(text, tables) == Translation(text, ())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Click Generate again if you'd like a different take.",
            "Just tell me if you'd like a different take.",
        ),
        (
            "Click the gear icon and turn on Auto Captions.",
            "Just tell me if you'd like to turn on Auto Captions.",
        ),
        (
            "Clip trimmed to 6s. You can undo this with Ctrl+Z.",
            "Clip trimmed to 6s. Just tell me if you'd like to undo this.",
        ),
        ("已剪到6秒，按Ctrl+Z可以撤销。", "已剪到6秒，需要的话告诉我，我来帮你撤销。"),
        (
            "Drag in more photos from your desktop to extend the slideshow.",
            "Send more photos in chat or give me a URL to extend the slideshow.",
        ),
        (
            "从电脑里拖更多照片进来，就能延长幻灯片。",
            "直接在对话中发送更多照片或给我一个链接，就能延长幻灯片。",
        ),
    ],
)
def test_unknown_buttons_and_shortcuts_leave_what_they_are_for(
    text: str, expected: str, tables: GuiTables
) -> None:
    assert translate(text, tables) == Translation(expected, _asked_for_a_file(expected))


def test_a_credits_page_after_a_noun_keeps_the_noun_readable(tables: GuiTables) -> None:
    result = translate("本月还剩2次免费导出，更多次数请查看套餐页面。", tables)
    # "关于{rest}" held any leftover ("关于的订阅状态"): the line alone follows the report now
    assert result == Translation("本月还剩2次免费导出，我会帮你查询积分余额。", ("credits",))


def test_a_corner_is_a_place_in_the_frame_unless_it_holds_a_button(tables: GuiTables) -> None:
    assert translate("把Logo拖到右上角。", tables) == Translation(
        "直接告诉我就行，例如“把Logo移到右上角”。", ()
    )
    assert translate("点击右上角的导出按钮。", tables) == Translation(
        "我会直接把 MP4 文件发给你。", ("export",)
    )


def test_the_credits_line_names_the_credits(tables: GuiTables) -> None:
    result = translate("Go to Settings > Billing to buy more credits.", tables)
    assert result == Translation("I'll look up your credits balance.", ("credits",))
