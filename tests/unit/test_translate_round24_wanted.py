"""Round-24 classes (training sets `fixtures/translate/stranger_round{34,35}_*.jsonl`):
`agent.translate.wanted`.

- The user's file asked for as the agent's lack or need ("还差一张结尾的合影照片", "I'm missing
  your logo"), as a polite question ("Could you send over the brand font file?", "mind
  attaching them?", 麻煩你上傳你嘅 logo) or as media dragged in (再拖几张照片进来, drag 一條片
  入嚟) is an upload; the sentence is kept whole and the upload's line is said after it.
- An offer or a condition, a file the agent makes, a file for someone else, the user's past
  upload and a negation run nothing (hypothesis properties below).
- A page of the account named as where the quota or the plan shows ("Your account page under
  Usage shows …", 「用量」页面可以看到本月配额) is the credits; a price in a report is not.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent.translate import GuiTables, load_gui_tables, translate
from agent.translate.wanted import declined, shares_own_file, wanted
from tests.translate_support import foreign_sentences

_TABLES = load_gui_tables()


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return _TABLES


@pytest.mark.parametrize(
    "text",
    [
        # English: a lack, a need, a polite question, media dragged in
        "I still need the voiceover recording before I can sync the captions.",
        "We're missing your logo — could you upload it?",
        "The intro clip is missing, so the timeline starts at 0:05.",
        "Could you send over the brand font file? Right now I'm using Inter as a placeholder.",
        "Would you mind sharing the brand guidelines PDF? Without it I'm guessing the colors.",
        "A storyboard without the product photos won't work — mind attaching them?",
        "Mind dropping in a few more clips?",
        "Please send over your headshot.",
        "Step 2: Drag your B-roll clips into the bin.",
        # Simplified
        "我把第二段的转场换成了溶解，还差一张结尾的合影照片。",
        "还差一段背景音乐，你有喜欢的曲子可以发给我。",
        "素材不够呢～再拖几张照片进来，我帮你做成卡点视频。",
        "缺少片尾的音乐文件。",
        # Traditional and Cantonese, code-switched
        "請把品牌字體檔案發給我。",
        "還差一首背景音樂，你可以傳俾我嗎？",
        "麻煩你上傳你嘅 logo。",
        "素材唔夠喎，再拖幾張相入嚟啦。",
        "你的 project 裡面目前冇任何 video clip，麻煩你 drag 一條片入嚟先～",
        "可唔可以send張相俾我？",
        "能不能发一下原始视频？",
        "方便的话提供一下品牌字体文件。",
        "你需要上传一张封面图。",
        "我还需要你的 logo 文件。",
        "I'd need a copy of your logo to finish the end card.",
    ],
)
def test_a_file_asked_for_as_a_lack_need_or_question_is_an_upload(
    text: str, tables: GuiTables
) -> None:
    result = translate(text, tables)
    assert result.actions == ("upload",), (text, result)
    assert result.text.startswith(text)  # kept whole, the upload's line after it
    assert not foreign_sentences(result.text, text, tables)


@pytest.mark.parametrize(
    "text",
    [
        "I can also add a voiceover if you send me a recording.",
        "If you'd like, send me a photo and I'll add it as the cover.",
        "You can optionally share a logo.",
        "If you have a logo, could you send it over?",
        "You uploaded 3 photos.",
        "Thanks for sending the photos — they look great.",
        "You've already uploaded the music.",
        "No need to upload the logo again.",
        "You don't need to send any more photos.",
        "Nothing is missing — all clips are in.",
        "I still need to render the final file.",
        "The cover image is missing — I'll generate it for you.",
        "Could you send the final video to your client?",
        "Could you send me the file name?",
        "Could you send me the link to the video?",
        "Can you share your thoughts on the music?",
        "Can you include the song title in the caption?",
        "I couldn't read that link — it returns a 404. Could you send the image file directly?",
        "你已经上传了 3 张照片。",
        "你刚才上传的照片我都用上了。",
        "不用再上传照片了。",
        "不用再发 logo 了。",
        "还差一张封面图，我来生成。",
        "唔使再傳相俾我。",
        "我已經收到你傳嘅片。",
    ],
)
def test_an_offer_a_past_upload_a_negation_or_the_agents_file_uploads_nothing(
    text: str, tables: GuiTables
) -> None:
    result = translate(text, tables)
    assert "upload" not in result.actions, (text, result)


@pytest.mark.parametrize(
    "text",
    [
        "Your account page under Usage shows the monthly quota resets on the 1st.",
        "You can see remaining credits on the Billing page.",
        "Head to the Usage tab to see how much quota is left.",
        "On the Plans page you can compare tiers and see your quota.",
        "你的剩余额度可以在个人中心查看。",
        "餘額會喺錢包頁顯示。",
        "在「用量」页面可以看到本月配额。",
        "在「套餐」页面可以看到你的方案和到期时间。",
        "你可以在帳戶頁面查看剩餘點數。",
        "喺「用量」頁面睇到今個月嘅額度。",
    ],
)
def test_an_account_page_named_as_where_the_quota_shows_is_the_credits(
    text: str, tables: GuiTables
) -> None:
    result = translate(text, tables)
    assert result.actions == ("credits",), (text, result)
    assert result.text.startswith(text)


@pytest.mark.parametrize(
    "text",
    [
        "The export used 20 credits.",
        "Your plan includes 500 credits per month.",
        "The pricing page shows 4K exports cost 20 credits.",
        "导出花了 20 点。",
        "Her account page shows the quota.",
        "Your YouTube account page shows your channel usage.",
    ],
)
def test_a_price_in_a_report_or_another_account_is_no_credits_step(
    text: str, tables: GuiTables
) -> None:
    assert translate(text, tables).actions == ()


_FILES_EN = ["the logo", "your product photos", "a voiceover recording", "the brand font file"]
_FILES_ZH = ["一张合影照片", "背景音乐", "品牌字体文件", "片尾的视频"]
_OFFERS_EN = [
    "I can also add {f} if you send it.",
    "If you'd like, send me {f} and I'll use it.",
    "Once you upload {f}, I'll place it on the last slide.",
    "You can optionally share {f}.",
]
_PAST_EN = [
    "You uploaded {f} earlier.",
    "You've already sent {f}.",
    "Thanks for sending {f} — it looks great.",
]
_NEGATED_EN = [
    "No need to send {f}.",
    "You don't need to upload {f} again.",
    "Don't send {f} yet.",
]
_AGENT_EN = ["{f} is missing — I'll generate it for you.", "I still need to render {f}."]
_ELSEWHERE_EN = ["Could you send {f} to your client?", "Could you share {f} with your team?"]
_SAFE_ZH = [
    "如果你有{f}，可以发给我。",
    "不用再发{f}了。",
    "不需要上传{f}。",
    "你已经上传了{f}。",
    "还差{f}，我来生成。",
    "唔使再傳{f}俾我。",
]


@given(
    st.sampled_from(_OFFERS_EN + _PAST_EN + _NEGATED_EN + _AGENT_EN + _ELSEWHERE_EN),
    st.sampled_from(_FILES_EN),
    st.sampled_from(["", "Done! ", "The captions are synced. "]),
)
def test_offers_past_uploads_negations_never_upload_en(shape: str, file: str, before: str) -> None:
    sentence = shape.format(f=file)
    text = before + sentence[0].upper() + sentence[1:]
    assert all(a != "upload" for _, a in wanted(text)), text
    result = translate(text, _TABLES)
    assert "upload" not in result.actions, (text, result)
    assert "export" not in result.actions, (text, result)


@given(st.sampled_from(_SAFE_ZH), st.sampled_from(_FILES_ZH), st.sampled_from(["", "字幕已对齐。"]))
def test_offers_past_uploads_negations_never_upload_zh(shape: str, file: str, before: str) -> None:
    text = before + shape.format(f=file)
    result = translate(text, _TABLES)
    assert "upload" not in result.actions, (text, result)
    assert "export" not in result.actions, (text, result)


@given(
    st.sampled_from(
        [
            "I still need {f}.",
            "Could you send over {f}?",
            "Would you mind sharing {f}?",
            "还差{z}。",
            "麻烦你发一下{z}。",
        ]
    ),
    st.sampled_from(list(zip(_FILES_EN, _FILES_ZH, strict=True))),
    st.sampled_from(["", "Done! ", "转场已换好。"]),
)
def test_a_file_asked_for_keeps_its_sentence_and_never_exports(
    shape: str, files: tuple[str, str], before: str
) -> None:
    text = before + shape.format(f=files[0], z=files[1])
    result = translate(text, _TABLES)
    assert result.actions == ("upload",), (text, result)
    assert result.text.startswith(text)
    assert not foreign_sentences(result.text, text, _TABLES)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("No need to upload the logo again.", True),
        ("不用再上传照片了。", True),
        ("唔使再傳相俾我。", True),
        ("Don't worry, just upload the logo.", False),
        ("不用担心，把照片拖进来就行。", False),
    ],
)
def test_declined_reads_only_a_negated_file_step(text: str, said: bool) -> None:
    assert declined(text) is said


@pytest.mark.parametrize(
    "text",
    ["Please share the music file.", "Share the logo file.", "Then send me your headshot."],
)
def test_sharing_a_file_only_the_user_has_is_an_upload_never_an_export(
    text: str, tables: GuiTables
) -> None:
    assert shares_own_file(text) or text.startswith("Then send")
    result = translate(text, tables)
    assert result.actions == ("upload",), (text, result)


@pytest.mark.parametrize(
    ("text", "actions"),
    [
        ("Click Share to post the video.", ("export",)),
        # round 28: the export after the upload it asks for waits for the file
        ("Share the logo file and click Export.", ("upload",)),
        ("Share your photos on Instagram.", ()),
        ("Share the final video with your team.", ()),
    ],
)
def test_a_share_control_or_a_share_elsewhere_is_not_the_users_file(
    text: str, actions: tuple[str, ...], tables: GuiTables
) -> None:
    assert translate(text, tables).actions == actions


@pytest.mark.parametrize(
    "text",
    [
        "Step 1: I still need your product photos. Step 2: I will animate each one. "
        "Step 3: click Export.",
        "还差几张产品照片。我会把每张照片做成动画。然后点击导出。",
    ],
)
def test_an_export_after_work_on_a_file_still_missing_waits(text: str, tables: GuiTables) -> None:
    assert translate(text, tables).actions == ("upload",)
