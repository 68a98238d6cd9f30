"""Round-25 upload and credits classes (training sets
`fixtures/translate/stranger_round{36,37}_*.jsonl`): `agent.translate.wanted`.

- A file named in the sentence and asked for by a pronoun and its place ("could you share it
  here?", "feel free to throw it my way", "could you try dropping it in again?"), a file put
  before the verb (請將…稿子（.txt）傳給我), the next file of a set the agent waits for ("After
  you upload the second clip, I'll merge them") and a file asked for again after its upload
  failed (上传失败了…能不能再发一次？) are uploads; an export the sentence puts after the
  agent's work never runs.
- An upload step for someone else (让他在手机上点「上传」) runs nothing.
- A balance icon or a page "with the numbers" named as where the balance shows, and a check
  that the credits are enough, look the balance up; a plan managed "if needed" runs nothing.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent.translate import GuiTables, load_gui_tables, translate
from agent.translate.balance import manage_if_needed, short_balance
from agent.translate.wanted import asked_again, declined, wanted

_TABLES = load_gui_tables()


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return _TABLES


@pytest.mark.parametrize(
    "text",
    [
        # English: a pronoun and its place, having the file, the next of a set
        "The screenshot you talked about earlier — can you send it here?",
        "I can't find your logo — could you try uploading it again?",
        "If you have any drone footage lying around, feel free to send it my way.",
        "Once you add the third photo, I'll build the collage.",
        # Simplified, Traditional, Cantonese: the file before the verb
        "请把你要用的剧本（.docx）发给我。",
        "請將旁白稿（.txt）傳給我。",
        "麻煩你將段錄音傳俾我。",
        # code-switched
        "That clip you filmed 喺海邊 — could you share it here?",
        "你講嗰個 logo，could you drop it in here?",
        "Pop the voiceover file in here when you get a chance.",
        "唔該將嗰張相 send 俾我。",
        "The selfie you mentioned — could you post it here?",
        "把你的旁白稿发给我就行。",
    ],
)
def test_a_file_asked_for_in_other_words_is_an_upload(text: str, tables: GuiTables) -> None:
    result = translate(text, tables)
    assert result.actions == ("upload",), (text, result)
    assert result.text.startswith(text)


@pytest.mark.parametrize(
    "text",
    [
        "After you send the remaining clips, I'll stitch everything together and then you can "
        "export.",
        "After you upload the last photo, I'll add the music, then hit Export.",
        "When you've sent the other video, I'll merge them and you can download it.",
        "Once the second video is uploaded, I'll sync them and you can export.",
    ],
)
def test_the_next_file_of_a_set_is_asked_for_and_the_export_waits(
    text: str, tables: GuiTables
) -> None:
    result = translate(text, tables)
    assert "upload" in result.actions, (text, result)
    assert "export" not in result.actions, (text, result)


@pytest.mark.parametrize(
    ("before", "sentence"),
    [
        ("上传好像失败了，文件太大。", "可以压缩后再发一次吗？"),
        ("上次上傳失敗了（檔案超過 2GB）。", "可唔可以壓縮一下再傳一次？"),
        ("The upload failed — the file is over 2GB.", "Could you compress it and send it again?"),
        ("Your clip didn't come through; the upload timed out.", "Can you upload it again?"),
        ("視頻上傳中斷咗。", "唔該你再傳一次。"),
        ("", "檔案好似冇上傳成功，可唔可以再傳多次？"),
    ],
)
def test_a_file_asked_for_again_after_a_failed_upload_is_an_upload(
    before: str, sentence: str, tables: GuiTables
) -> None:
    result = translate(f"{before}{sentence}", tables)
    assert result.actions == ("upload",), (before, sentence, result)
    assert result.text.startswith(f"{before}{sentence}")


def test_sent_again_needs_a_failure_said() -> None:
    assert asked_again("能不能压缩一下再发一次？", "上一次上传失败了（文件超过 2GB）。")
    assert not asked_again("能不能压缩一下再发一次？", "字幕已经加好了。")
    assert not asked_again("Could you send it again?", "The music is in.")


@pytest.mark.parametrize(
    "text",
    [
        "你朋友如果也想做，叫佢喺手機撳「上傳」揀相就得。",
        "If your friend wants one too, have them tap Upload on their phone.",
        "Tell your mom to tap Upload and pick her photos.",
        "如果家人也想玩，让她点「上传」选视频即可。",
        "你同學想試嘅話，請佢喺電腦上撳「上傳」。",
        "Your friend can tap Upload on her phone to add her photos.",
        "你朋友都可以喺手機撳「上傳」加相。",
        "叫你老公喺手機撳「上傳」就得。",
    ],
)
def test_an_upload_step_for_someone_else_runs_nothing(text: str, tables: GuiTables) -> None:
    assert declined(text)
    result = translate(text, tables)
    assert result.actions == (), (text, result)
    assert result.text == text


@pytest.mark.parametrize(
    "text",
    [
        "Wondering what's left on your balance? The Billing page has the figures.",
        "The wallet icon in the top bar shows how many credits you have.",
        "想知道仲有幾多點數？頭像旁邊嘅金幣圖標會顯示。",
        "想知道还剩多少？右上角的积分图标会显示。",
        "Before you render in 4K, make sure you've got enough credits.",
        "导出之前，请确认积分够不够。",
        "Export 之前 make sure you have enough credits 呀。",
        "Make sure your balance covers it — 4K costs 8 credits.",
        "Running low? Your balance is shown on the Wallet page.",
    ],
)
def test_a_balance_named_by_its_icon_or_a_check_is_a_look_up(text: str, tables: GuiTables) -> None:
    result = translate(text, tables)
    assert result.actions == ("credits",), (text, result)
    assert result.text.startswith(text)


@pytest.mark.parametrize(
    "text",
    [
        "Your Pro plan renews on 3 May; you can cancel it under Subscription anytime.",
        "套餐将于 6 月 12 日续费，如有需要可以在「订阅」页面管理。",
        "你嘅 Pro 計劃會喺 6 月續期，有需要嘅話可以喺「訂閱」度管理。",
        "The Basic plan ($4.99/mo) renews monthly — change it in Billing if you want.",
        "This subscription renews on 1 July — manage it in Plan settings if needed.",
        "套餐下个月自动续费，有需要的话可以在「订阅」里取消。",
    ],
)
def test_a_plan_managed_if_needed_runs_nothing(text: str, tables: GuiTables) -> None:
    assert manage_if_needed(tables.script.simplified(text))
    result = translate(text, tables)
    assert result.actions == (), (text, result)
    assert result.text == text


_OTHERS = [
    "If your {p} wants to try, have them tap Upload and choose {f}.",
    "Ask your {p} to upload {f} on their phone.",
    "你{z}如果也想试，让他点「上传」选{g}就行。",
    "{z}想試嘅話，叫佢撳「上傳」揀{g}。",
]
_PLANS = [
    "This plan ({n}) renews on {d} — manage it under Subscription if needed.",
    "Your {n} plan renews on {d}; cancel it under Billing anytime.",
    "{n} 套餐将于{d}续费，如有需要可以在「订阅」里管理。",
]


@given(
    st.sampled_from(_OTHERS),
    st.sampled_from(["friend", "sister", "mom"]),
    st.sampled_from(["朋友", "家人", "同學"]),
    st.sampled_from(["the photos", "a video", "some clips"]),
    st.sampled_from(["照片", "视频", "相"]),
    st.sampled_from(["", "Done! ", "字幕已对齐。"]),
)
def test_someone_elses_upload_never_uploads_or_exports(
    shape: str, p: str, z: str, f: str, g: str, before: str
) -> None:
    text = before + shape.format(p=p, z=z, f=f, g=g)
    result = translate(text, _TABLES)
    assert "upload" not in result.actions, (text, result)
    assert "export" not in result.actions, (text, result)


@given(
    st.sampled_from(_PLANS),
    st.sampled_from(["Pro, $9.99/mo", "Basic", "Team"]),
    st.sampled_from(["12 June", "1 July", "6 月 12 日"]),
    st.sampled_from(["", "All set. ", "已经保存好了。"]),
)
def test_a_plan_managed_if_needed_never_looks_up_or_exports(
    shape: str, name: str, date: str, before: str
) -> None:
    text = before + shape.format(n=name, d=date)
    result = translate(text, _TABLES)
    assert "credits" not in result.actions, (text, result)
    assert "export" not in result.actions, (text, result)


@given(
    st.sampled_from(["second", "next", "remaining", "last", "other"]),
    st.sampled_from(["clip", "photo", "recording"]),
    st.sampled_from(
        [
            "and then you can export",
            "then click Export",
            "and you can download it",
            "then you're free to hit Download",
        ]
    ),
    st.sampled_from(["After", "Once", "When"]),
)
def test_an_export_after_the_agents_work_on_a_file_to_come_never_runs(
    ordinal: str, file: str, then: str, opener: str
) -> None:
    text = f"{opener} you upload the {ordinal} {file}, I'll merge them {then}."
    assert any(a == "upload" for _, a in wanted(text)), text
    result = translate(text, _TABLES)
    assert "export" not in result.actions, (text, result)
    assert "upload" in result.actions, (text, result)


@given(
    st.sampled_from(
        [
            "Before exporting, make sure you have enough credits — you have {a} and 1080p "
            "needs {b}.",
            "Make sure you've got enough credits before you export in 4K.",
            "导出前请确认积分够不够：4K 需要 {b} 积分。",
        ]
    ),
    st.integers(min_value=0, max_value=50),
    st.integers(min_value=1, max_value=50),
)
def test_a_balance_check_before_an_export_never_exports(shape: str, a: int, b: int) -> None:
    text = shape.format(a=a, b=b)
    result = translate(text, _TABLES)
    assert result.actions == ("credits",), (text, result)


@pytest.mark.parametrize(
    ("text", "upload"),
    [
        ("Everything you've made lives in your gallery.", False),
        ("Your finished video is saved in your gallery.", False),
        ("All your drafts are in your gallery under Drafts.", False),
        ("Pick a photo in your gallery and send it.", True),
        ("Choose a few clips from your camera roll.", True),
    ],
)
def test_what_lives_in_the_gallery_is_no_file_to_send(
    text: str, upload: bool, tables: GuiTables
) -> None:
    assert ("upload" in translate(text, tables).actions) is upload, text


@given(
    st.sampled_from(
        [
            "You have {a} credits and 1080p needs {b}. Click Export when ready.",
            "4K costs {b} credits; you only have {a}. Hit Export to start.",
            "Heads up: you have {a} and this export needs {b} credits — tap Download.",
        ]
    ),
    st.integers(min_value=0, max_value=40),
    st.integers(min_value=1, max_value=40),
)
def test_a_balance_smaller_than_the_price_never_exports(shape: str, a: int, b: int) -> None:
    text = shape.format(a=a, b=b)
    result = translate(text, _TABLES)
    if a < b:
        assert "export" not in result.actions, (text, result)
        assert short_balance(text), text


@given(
    st.sampled_from(["questions", "thoughts on the photos", "ideas for the clip", "feedback"]),
    st.sampled_from(
        [
            "If you have any {x}, feel free to send them my way.",
            "If you've got {x}, feel free to throw them my way.",
            "Got {x}? Could you share them here?",
        ]
    ),
    st.sampled_from(["", "Done! ", "字幕已对齐。"]),
)
def test_an_invitation_for_words_not_a_file_never_uploads(x: str, shape: str, before: str) -> None:
    text = before + shape.format(x=x)
    result = translate(text, _TABLES)
    if "photos" not in x and "clip" not in x:
        assert "upload" not in result.actions, (text, result)
    assert "export" not in result.actions, (text, result)
