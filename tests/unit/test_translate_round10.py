"""The round-10 classes of where a step stands (r9's misses), in EN, Simplified and Traditional.

- another program named as the TOPIC of a sentence ("Lightroom tip: export …", 剪映小技巧：…)
  holds its steps; an upload located on a publishing site (YouTube Studio, 抖音) is not ours,
  even when the file is "exported here", while an export for the site still is;
- an upload asked for, then the agent's own work on it ("Step 2: I'll animate each one"): an
  export given as a later step ("Step 3: click Export") waits for that work and runs nothing
  now, while a procedure of the user's own steps ("Step 2: describe the motion. Step 3: hit
  Export") and an export of what is there now ("For now, click Export") still export;
- an offer: "Just say the word" after an offer question asks no reply token, and a list of what
  the agent can do ("I can trim clips, add music …") is no upload;
- "drag in the other two photos" asks for an upload; a track named in 「」 (「字幕軌」) is a view.

Every output holds only input sentences and template lines (`tests.translate_support`).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent.translate import GuiTables, load_gui_tables, translate
from tests.translate_support import foreign_sentences, kept_whole

_TABLES = load_gui_tables()


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return _TABLES


@given(
    st.sampled_from(["Lightroom", "Photoshop", "Premiere", "CapCut", "Final Cut Pro"]),
    st.sampled_from(["tip", "pro tip", "users", "note"]),
    st.sampled_from(
        ["export your photos at 2048px before uploading.", "click Export and pick JPEG.",
         "go to File > Export and choose 4K."]
    ),
)  # fmt: skip
def test_a_program_named_as_the_sentences_topic_holds_its_steps(
    program: str, topic: str, step: str
) -> None:
    text = f"{program} {topic}: {step}"
    result = translate(text, _TABLES)
    assert "export" not in result.actions, result
    assert result.text == text


@pytest.mark.parametrize(
    "text",
    ["剪映小技巧：先导出 1080p 再上传，画质更好。", "剪映小技巧：先導出 1080p 再上傳，畫質更好。",
     "Your YouTube upload will need a 16:9 file — in YouTube Studio, click Upload videos and "
     "select the MP4 after you've exported it here.",
     "在抖音里点击上传，选择刚才导出的视频即可。"],
)  # fmt: skip
def test_steps_in_another_program_or_site_run_nothing(text: str, tables: GuiTables) -> None:
    result = translate(text, tables)
    assert result.actions == (), result
    assert result.text == text


@pytest.mark.parametrize(
    "text",
    ["Instagram users: click Export and pick the 4:5 version.",
     "For TikTok, click Export and choose 9:16."],
)  # fmt: skip
def test_an_export_for_a_site_is_ours(text: str, tables: GuiTables) -> None:
    assert translate(text, tables).actions == ("export",)


def test_an_upload_here_still_runs_beside_a_site(tables: GuiTables) -> None:
    text = "To post it on YouTube later, first upload the raw clip here."
    assert "upload" in translate(text, tables).actions


@pytest.mark.parametrize(
    "text",
    ["Step 1: select the photos you want from your gallery and upload them. Step 2: I'll "
     "animate each one for 4s. Step 3: click Export to download the finished slideshow.",
     "First, upload your logo. Then I will place it in the corner. After that, click Export.",
     "第一步：上传你的照片。第二步：我会把每张照片做成动画。第三步：点击导出下载成片。"],
)  # fmt: skip
def test_an_export_after_the_agents_work_on_a_file_to_upload_waits(
    text: str, tables: GuiTables
) -> None:
    result = translate(text, tables)
    assert result.actions == ("upload",), result
    assert not foreign_sentences(result.text, text, tables), result.text


def test_an_export_step_after_an_upload_step_waits(tables: GuiTables) -> None:
    """Round 28: an export placed after an upload the reply still asks for waits for the file
    (`agent.translate.sequence`), the agent's work promised between them or not."""
    text = (
        "Step 1: tap the + button and pick your photos. Step 2: describe the motion you want. "
        "Step 3: hit Export."
    )
    assert translate(text, tables).actions == ("upload",)


@pytest.mark.parametrize(
    "text",
    ["If you'd like a different background, upload another photo. I'll keep the current one for "
     "now. Click Export to download the video.",
     "You can upload more photos anytime. I'll add them to the end. For now, click Export to "
     "download this version."],
)  # fmt: skip
def test_an_export_that_needs_no_work_to_come_still_runs(text: str, tables: GuiTables) -> None:
    actions = translate(text, tables).actions
    assert "upload" in actions
    assert "export" in actions


@pytest.mark.parametrize(
    ("text", "actions"),
    [("Should I add a voiceover too? Just say the word.", ()),
     ("Want me to add captions as well? Let me know.", ()),
     ("Want me to add subtitles too? Just reply yes or no.", ("sse",)),
     ("I can trim clips, add music, generate transitions, and write captions. What would you "
      "like to try?", ()),
     ("Also, I can add music and upload a cover image.", ()),
     ("Could you upload the photos? I can animate them.", ("upload",))],
)  # fmt: skip
def test_an_offer_runs_nothing_but_a_reply_token_or_the_users_upload(
    text: str, actions: tuple[str, ...], tables: GuiTables
) -> None:
    result = translate(text, tables)
    assert result.actions == actions, result


@pytest.mark.parametrize(
    ("text", "action"),
    [("Could you drag in the other two photos from the trip?", "upload"),
     ("Drag in more clips from the beach day.", "upload"),
     ("字幕已翻譯成繁體中文（共 42 句）。打開「字幕軌」即可逐句檢查。", "state"),
     ("打开「音频轨」即可试听。", "state")],
)  # fmt: skip
def test_a_drag_in_is_an_upload_and_a_quoted_track_a_view(
    text: str, action: str, tables: GuiTables
) -> None:
    result = translate(text, tables)
    assert result.actions == (action,), result
    assert not foreign_sentences(result.text, text, tables), result.text


def test_dragging_in_the_timeline_is_an_edit(tables: GuiTables) -> None:
    assert "upload" not in translate("Drag in the clip to the timeline.", tables).actions


@pytest.mark.parametrize(
    "text",
    ["The total is 13 seconds. If anything looks off, open the timeline and tell me which clip; "
     "otherwise press Export and the MP4 will download.",
     "影片已經做好囉！如果要下載，請點右上角的「下載」按鈕；想先看看目前的時間軸也可以打開「軌道」面板。"],
)  # fmt: skip
def test_a_view_offered_beside_an_export_comes_first_and_fault_feedback_awaits_no_reply(
    text: str, tables: GuiTables
) -> None:
    result = translate(text, tables)
    assert result.actions == ("state", "export"), result
    assert kept_whole(result.text, text, tables)


def test_a_reply_asked_for_beside_steps_without_a_fault_still_streams(tables: GuiTables) -> None:
    text = "Open the timeline and tell me which clip you like best."
    assert "sse" in translate(text, tables).actions
