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


def test_a_bare_export_outside_a_question_is_still_the_export_flow(tables: GuiTables) -> None:
    assert translate("Export it when you're ready.", tables).actions == ("export",)


def _asked_for_a_file(expected: str) -> tuple[str, ...]:
    """A step that asks for the user's file reports `upload` (the engine never runs it)."""
    return ("upload",) if "give me a URL" in expected or "给我一个链接" in expected else ()


def test_pointing_emoji_go_with_the_instruction_they_point_at() -> None:
    assert content_symbols(" 🎉 ") == " 🎉"
    assert content_symbols(" 👉 ") == ""
    assert content_symbols(", ") == ""


def test_a_bare_site_address_is_verbatim_content() -> None:
    masked = mask("Go to nemovideo.com/dashboard/billing to top up.")
    assert masked.spans == ("nemovideo.com/dashboard/billing",)


def test_reported_work_in_a_panel_is_still_content(tables: GuiTables) -> None:
    text = "I put the new title in the Text panel."
    assert translate(text, tables) == Translation(text, ())


@pytest.mark.parametrize(
    "text",
    ["我已经把标题拖到了画面中间。", "Export ready!", "Export done: 1080p, 12 MB."],
)
def test_a_finished_move_or_export_is_reported_not_instructed(text: str, tables: GuiTables) -> None:
    assert translate(text, tables) == Translation(text, ())


def test_a_report_of_where_the_video_is_is_content(tables: GuiTables) -> None:
    text = "Your montage is live in the editor."
    assert translate(text, tables) == Translation(text, ())


# Each sentence is kept byte for byte or replaced whole by one template line (issue 10, rule 5).
# These replies were rewritten clause by clause before ("Check the spelling, then I'll export
# the MP4 for you"); a sentence that mixes a condition, a report, an object or a purpose with
# its step is now kept whole and its action still runs (since round 13 its action's line is said
# after it); a sentence that is only steps (and filler) becomes its line; a step whose own
# output speaks for it goes.
WHOLE = [
    ('Would you like to preview it first, or export right away?',
     'Would you like to preview it first, or export right away?', ()),
    ('你想先预览一下，还是直接导出？',
     '你想先预览一下，还是直接导出？', ()),
    ('Open the Effects panel to try other transitions.',
     'Open the Effects panel to try other transitions.', ('state',)),
    ('Check the Layers panel to confirm.',
     'Check the Layers panel to confirm.', ('state',)),
    ('Head over to the Export tab and hit Render.',
     "I'll export the MP4 for you.", ('export',)),
    ('打开特效面板可以尝试其他滤镜。',
     '打开特效面板可以尝试其他滤镜。', ('state',)),
    ('Click the + button or drop an image into the media area.',
     'Click the + button or drop an image into the media area.'
     ' Send the file in chat or give me a URL.', ('upload',)),
    ('Title set. Click Save, then Export to download.',
     "Title set. I'll export the MP4 for you.", ('export',)),
    ('视频制作完成，可以在时间线中预览，或点击导出按钮下载。',
     '视频制作完成，可以在时间线中预览，或点击导出按钮下载。'
     '我会直接把 MP4 文件发给你。', ('state', 'export')),
    # a step after the render underway ends waits on it (issue 10, round 27): nothing runs
    ('视频渲染中，完成后请点击下载图标保存。',
     '视频渲染中，完成后请点击下载图标保存。', ()),
    ("If you'd like a different song, open the Music tab.",
     "If you'd like a different song, open the Music tab.", ('state',)),
    ('Your slideshow is done 🎉 Preview it in the player above.',
     'Your slideshow is done 🎉 Preview it in the player above.', ('state',)),
    ("Go to the Music tab and select 'Chill Lo-fi'.",
     "Go to the Music tab and select 'Chill Lo-fi'.", ('state',)),
    ('在音频标签下选择“轻快流行”。',
     '在音频标签下选择“轻快流行”。', ()),
    ('Swipe left on the clip to delete it.',
     'Swipe left on the clip to delete it.', ()),
    ('You can turn it off in the Effects panel.',
     'You can turn it off in the Effects panel.', ()),
    ('可以在特效面板中关闭。',
     '可以在特效面板中关闭。', ()),
    ('Under the Audio tab, pick "Upbeat Pop".',
     'Under the Audio tab, pick "Upbeat Pop".', ()),
    ('Check the spelling and click Export.',
     'Check the spelling and click Export.'
     " I'll export the MP4 for you.", ('export',)),
    ('检查拼写后点击导出。',
     '检查拼写后点击导出。'
     '我会直接把 MP4 文件发给你。', ('export',)),
    ('上传失败。请压缩后再次使用上传按钮。',
     '上传失败。请压缩后再次使用上传按钮。'
     '直接在对话中发送文件或给我一个链接。', ('upload',)),
    ('Grab the edge of the clip and drag it to 0:06.',
     'Grab the edge of the clip and drag it to 0:06.', ()),
    ("Your video is exporting… you can close this panel; I'll send it.",
     "Your video is exporting… you can close this panel; I'll send it.", ()),
    ('视频正在导出，可以关闭此面板。',
     '视频正在导出，可以关闭此面板。', ()),
    ('点击播放按钮试听。',
     '点击播放按钮试听。', ('state',)),
    ("Preview it in the timeline when you're ready.",
     "I'll show you the current tracks.", ('state',)),
    ('Please upload a JPG, PNG or WebP via the upload panel.',
     'Please upload a JPG, PNG or WebP via the upload panel.'
     ' Send the file in chat or give me a URL.', ('upload',)),
    ('To add your own music, click Upload Audio and pick an MP3 or WAV file.',
     'To add your own music, click Upload Audio and pick an MP3 or WAV file.'
     ' Send the file in chat or give me a URL.', ('upload',)),
    ('Please upload a photo first using the attachment icon (📎) in the chat box.',
     'Please upload a photo first using the attachment icon (📎) in the chat box.'
     ' Send the file in chat or give me a URL.', ('upload',)),
    ('可以直接把音频文件拖到这里上传。',
     '可以直接把音频文件拖到这里上传。'
     '直接在对话中发送文件或给我一个链接。', ('upload',)),
    ('Double-click the title to edit the text.',
     'Double-click the title to edit the text.', ()),
    ('Double-click the clip.',
     "Tell me what you'd like to change.", ()),
    ('Use the trim handles on the timeline if you want it shorter.',
     'Use the trim handles on the timeline if you want it shorter.', ()),
    ('Move the title to the bottom of the frame by dragging it in the preview.',
     'Move the title to the bottom of the frame by dragging it in the preview.', ()),
    ('在时间线上拖拽片段可以调整顺序。',
     '在时间线上拖拽片段可以调整顺序。', ()),
    ('拖动时间线上的滑块来调整音乐音量。',
     '拖动时间线上的滑块来调整音乐音量。', ()),
    ('Your video has been exported! Click the download link in the Exports panel.',
     "Your video has been exported! I'll export the MP4 for you.", ('export',)),
    ('视频已导出，请在导出列表中下载。',
     '视频已导出，请在导出列表中下载。'
     '我会直接把 MP4 文件发给你。', ('export',)),
    ('请点击“导出”保存MP4文件。',
     '我会直接把 MP4 文件发给你。', ('export',)),
    ('满意的话，点一下导出就行。',
     '满意的话，点一下导出就行。'
     '我会直接把 MP4 文件发给你。', ('export',)),
    ('Check your balance under Settings > Billing.',
     "I'll look up your credits balance.", ('credits',)),
    ('Renew it from the Account page to keep generating.',
     'Renew it from the Account page to keep generating.'
     " I'll look up your credits balance.", ('credits',)),
    ('剩余积分可在个人中心查看。',
     '剩余积分可在个人中心查看。'
     '我会帮你查询积分余额。', ('credits',)),
    ('转场效果已添加，建议在预览中检查一下。',
     '转场效果已添加，建议在预览中检查一下。', ('state',)),
    ('Hook added (2s). To hear it, play the preview.',
     'Hook added (2s).', ('state',)),
    ('You may shorten it with the trim tool.',
     'You may shorten it with the trim tool.', ()),
    ('Reorder them by dragging the thumbnails.',
     'Reorder them by dragging the thumbnails.', ()),
    ('Please attach a reference image by dragging it onto the canvas.',
     'Please attach a reference image by dragging it onto the canvas.'
     ' Send the file in chat or give me a URL.', ('upload',)),
    ('导出完成！请点击链接下载视频。',
     '导出完成！我会直接把 MP4 文件发给你。', ('export',)),
    ('Select files from your computer to add more photos.',
     'Select files from your computer to add more photos.'
     ' Send the file in chat or give me a URL.', ('upload',)),
    ('Error: upload timed out. Please try the Upload button again.',
     'Error: upload timed out. Send the file again in chat or give me a URL.', ('upload',)),
    ('Convert it to JPG and re-upload via the media panel.',
     'Convert it to JPG and re-upload via the media panel.'
     ' Send the file in chat or give me a URL.', ('upload',)),
    ('请从相册中选择更多照片上传。',
     '请从相册中选择更多照片上传。'
     '直接在对话中发送文件或给我一个链接。', ('upload',)),
    ('点选“添加图片”按钮上传第二张照片。',
     '点选“添加图片”按钮上传第二张照片。'
     '直接在对话中发送文件或给我一个链接。', ('upload',)),
    ('第一步：在预览窗口确认效果；第二步：点击导出。',
     '第一步：在预览窗口确认效果；第二步：点击导出。'
     '我会直接把 MP4 文件发给你。', ('state', 'export')),
    ("Click Generate again if you'd like a different take.",
     "Click Generate again if you'd like a different take.", ()),
    ('Click the gear icon and turn on Auto Captions.',
     'Click the gear icon and turn on Auto Captions.', ()),
    ('Clip trimmed to 6s. You can undo this with Ctrl+Z.',
     'Clip trimmed to 6s. You can undo this with Ctrl+Z.', ()),
    ('已剪到6秒，按Ctrl+Z可以撤销。',
     '已剪到6秒，按Ctrl+Z可以撤销。', ()),
    ('Drag in more photos from your desktop to extend the slideshow.',
     'Drag in more photos from your desktop to extend the slideshow.'
     ' Send the file in chat or give me a URL.', ('upload',)),
    ('从电脑里拖更多照片进来，就能延长幻灯片。',
     '从电脑里拖更多照片进来，就能延长幻灯片。'
     '直接在对话中发送文件或给我一个链接。', ('upload',)),
    ('本月还剩2次免费导出，更多次数请查看套餐页面。',
     '本月还剩2次免费导出，更多次数请查看套餐页面。'
     '我会帮你查询积分余额。', ('credits',)),
    ('把Logo拖到右上角。',
     '把Logo拖到右上角。', ()),
    ('点击右上角的导出按钮。',
     '我会直接把 MP4 文件发给你。', ('export',)),
    ('Go to Settings > Billing to buy more credits.',
     "I'll look up your credits balance.", ('credits',)),
    ('从文件菜单中选择“导出 > MP4”。',
     '我会直接把 MP4 文件发给你。', ('export',)),
    ('Tap Done, then Export.',
     "I'll export the MP4 for you.", ('export',)),
    ('Press Ctrl+E or use File > Export to render.',
     "I'll export the MP4 for you.", ('export',)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected", "actions"), WHOLE)
def test_a_sentence_is_kept_whole_or_becomes_one_line(
    text: str, expected: str, actions: tuple[str, ...], tables: GuiTables
) -> None:
    assert translate(text, tables) == Translation(expected, actions)


def test_a_numbered_procedure_of_steps_says_its_line_once(tables: GuiTables) -> None:
    # the items stay byte for byte; the line is said once, after the list
    steps = "1. Click **Export**\n2. Click **Download**\n3. Pick a folder"
    listed = translate(steps, tables)
    assert listed.text == steps + "\n\nI'll export the MP4 for you."
    steps = "1. Click **Export**\n2. Choose **1080p**\n3. Click **Download**"
    assert translate(steps, tables).text == steps + "\n\nI'll export the MP4 for you."
