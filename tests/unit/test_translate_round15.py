"""The round-15 classes: mentions read as steps, steps read as the wrong action, steps missed.

- mentions: a step inside a single-quoted span that holds an apostrophe ("'just hit Export and
  we're done'") is quoted speech, not a command; a file noun right after an upload verb
  (上傳原始影片檔, 上传原始视频文件) is the upload's object, not an export;
- wrong actions: a coin, balance or credits icon is the credits' label, and the bar it sits in
  ("in the top bar") adds no view; a menu opened on the way to a step ("Open the Share menu,
  then choose Download video") is no view of its own; the destination of an upload or a post
  ("After uploading to YouTube Studio, go to Subtitles → Upload file") is another product's
  place, and an upload that is a step of its menus runs nothing here;
- missed steps: "head to" menu paths with "->" or "›"; a retry after a time that dates a report
  ("the link expired after 24 hours") is not put off; "Could you send it again?" once the reply
  says the file never arrived; 庫 is read as 库 (請把音樂檔拖進素材庫).
"""

from __future__ import annotations

import pytest

from agent.translate import GuiTables, Translation, load_gui_tables, translate
from agent.translate.prose import mask

_TABLES = load_gui_tables()


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return _TABLES


NOTHING_RUNS = [
    # a step inside quoted speech is a mention
    "My producer's note says 'just hit Download and we're good' — I'll hold off until you confirm.",
    "Your client wrote 'click Export when you're happy' — should I go ahead?",
    "他說「直接點導出就好」，不過我會等你確認再匯出。",
    "佢話「撳匯出就搞掂」，我等你話得先至做。",
    # another product's menus, reached by uploading or posting there
    "After uploading to YouTube Studio, go to Subtitles → Upload file to add the captions.",
    "After publishing to Vimeo, open Settings → Subtitles → Upload file.",
    # "send it again" after an error that says nothing of a lost file: unsure
    "Error: the image could not be decoded. Could you send it again?",
    "I'll send it again once it's ready.",
]


@pytest.mark.parametrize("text", NOTHING_RUNS)
def test_what_is_no_request_runs_nothing_and_stays_whole(text: str, tables: GuiTables) -> None:
    assert translate(text, tables) == Translation(text, ())


@pytest.mark.parametrize(
    ("text", "actions"),
    [
        # a file noun after an upload verb is what to upload
        ("请上传原始视频文件，我来帮你配音。", ("upload",)),
        ("請上載個影片檔，我幫你剪。", ("upload",)),
        ("麻煩上傳原始影片檔，我先幫你調色。", ("upload",)),
        ("請按 匯出 > 影片檔。", ("export",)),  # in a menu path it is still the export
        # credits icons
        ("Tap the coin icon in the header to check how many are left.", ("credits",)),
        ("Tap the wallet icon in the top bar to see how many you have.", ("credits",)),
        ("點頂部欄的金幣圖標，睇下仲有幾多。", ("credits",)),
        # a menu on the way to a step
        ("Open the Export menu, then choose MP4.", ("export",)),
        ("Open the Share dropdown and then tap Save video.", ("export",)),
        ("打开分享菜单，然后点保存到相册。", ("export",)),
        ("Open the Effects panel to check the filters.", ("state",)),  # a view still shows
        # menu paths
        (
            "Navigate to File -> Export -> Video, then keep an eye on the progress bar.",
            ("export", "state"),
        ),
        ("Head over to Project › Export.", ("export",)),
        # a retry after a time that dates the report
        (
            "The link was removed after 48 hours, so click Export again to get a fresh one.",
            ("export",),
        ),
        ("The export failed. Try again in a few minutes: click Export again.", ()),
        # a file asked again
        ("The video you sent didn't arrive. Could you send it again?", ("upload",)),
        ("Your clip got lost on the way — please resend it.", ("upload",)),
        ("Could you send the file again?", ("upload",)),
        # 庫 folds
        ("請把影片拖入素材庫。", ("upload",)),
        ("请把背景音乐拖进素材库。", ("upload",)),
    ],
)
def test_a_step_runs_its_own_action(text: str, actions: tuple[str, ...], tables: GuiTables) -> None:
    assert translate(text, tables).actions == actions


def test_a_kept_sentence_is_whole_beside_its_action_line(tables: GuiTables) -> None:
    text = "The file interview_raw.mov didn't come through. Could you send it again?"
    assert translate(text, tables) == Translation(
        text + " Send the file in chat or give me a URL.", ("upload",)
    )
    text = "請上傳原始影片檔，我才能幫你加字幕。"
    assert translate(text, tables) == Translation(
        text + "直接在對話中發送文件或給我一個鏈接。", ("upload",)
    )


def test_an_apostrophe_inside_a_quote_keeps_the_quote_whole(tables: GuiTables) -> None:
    masked = mask("She said 'hit Export and we're done'. Click 'Export', then it's done.")
    kept = [masked.original(ch) for ch in masked.text if masked.original(ch) != ch]
    assert kept == ["'hit Export and we're done'", "'Export'"]
