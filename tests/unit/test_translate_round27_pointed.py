"""Round 27b: a file handed over in casual words ("Toss the logo over and I'll drop it in the
corner", 把那份 PDF 丢过来, 揀好你想用嘅相) runs the upload; a view pointed at as where the result
is ("the subtitles are now visible in the preview", 新的字幕会出现在预览里) runs the state; a
short balance that forbids the export runs the credits only. The agent's own pick, a file for
someone else, a file received, a choice in chat, a negation and a view for a later day run
nothing; every sentence is kept whole."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent.translate import translate
from agent.translate.balance import short_balance, top_up_asked
from agent.translate.pointed import handed, later_view, pointed_view
from agent.translate.tables import GuiTables, load_gui_tables

TABLES: GuiTables = load_gui_tables()

HANDED = [
    "When you get a sec, toss the logo over and I'll drop it in the corner.",
    "If you can send over the cover photo, I'll put it at the start.",
    "If you're able to share the voiceover recording, I'll sync it to the cuts.",
    "Send the spreadsheet my way and I'll turn it into a chart.",
    "Shoot me the font file and I'll apply it to the titles.",
    "Pick the photos you'd like to use and I'll make a slideshow.",
    "Grab the intro clip you'd like and I'll put it first.",
    "有空的话把配音发我一下，我来对齐。",
    "把那份PDF丢过来，我做成动画。",
    "挑好你想用的背景音乐文件，我帮你调低音量。",
    "揀好你想用嘅相，我幫你砌成影片。",
    "第三段影片冇收到，可唔可以再傳一次？",
    "封面图还没收到，麻烦再发一次。",
    "方便的話把海報發給我，我放在結尾。",
    "Could you chuck the audio over? I'll clean it up.",
    "Hand over the deck and I'll turn the slides into scenes.",
    "麻煩你將份簡報傳過嚟，我幫你轉做動畫。",
    "選好你想要的配樂，我幫你淡入。",
    "Got the first 3 photos. Send me the remaining ones and I'll build the full slideshow.",
    "Could you re-send it as a JPG?",
    "可唔可以再傳多 3 張俾我？",
    "麻煩你上載多幾張相，我幫你砌埋一條片。",
    "唔該上傳你想用嘅背景音樂檔案。",
]
NOT_HANDED = [
    "I'll pick a track for you myself.",
    "I'll choose the background music myself.",
    "Share the link with your client.",
    "Send the final cut to your client.",
    "Got your logo, thanks — it's in the corner now.",
    "I received the spreadsheet and charted it.",
    "Choose between the two takes and I'll keep that one.",
    "Pick one of the three styles and I'll apply it.",
    "I can also add a voiceover if you send me a recording.",
    "Please don't send the logo again, I already have it.",
    "The caption says 'Send the spreadsheet my way'.",
    "Pick the clip you want on the timeline and I'll trim it.",
    "I'll grab some stock music for you.",
    "Could you pass the logo over to your designer and I'll wait.",
    "Would you send me your feedback and I'll revise it.",
    "I'll resend it to your email.",
    "Could you resend it to your client?",
    "能不能把视频发到你的邮箱，我看看。",
    "你不该上传这么大的视频文件。",
    "我自己帮你选一首背景音乐。",
    "我已经收到你的音乐了。",
    "把链接发给你的客户。",
    "收到你的封面图了，已经放在片头。",
    "两个版本你选一个，我来用。",
    "如果你有logo，可以把它发给我，我加上去。",
]
VIEWS = [
    "You'll find the new intro at the start of the timeline.",
    "The new B-roll shows up on the timeline after the interview.",
    "The subtitles are now visible in the preview.",
    "You'll notice the lower third ('Dr. Lin, host') in the preview around 0:10.",
    "新的字幕会出现在预览里 0:15 左右。",
    "在时间线上就能看到新加的转场。",
    "新增嘅片段會顯示喺你嘅項目總覽入面。",
    "我把修改记录都标在时间线上了，你可以打开看看。",
    "The extra shots are in your project summary — you'll find them under Act 2.",
    "They're now on your timeline.",
    "新片头已经放在时间线最前面了，你可以看一下。",
    "The new transition is visible on the timeline between clips 2 and 3.",
    "I've placed the logo in the corner — you'll find it in the preview at the top right.",
]
NOT_VIEWS = [
    "You won't see it in the preview until the render finishes.",
    "The watermark isn't visible in the preview.",
    "Your client will find it in their project summary.",
    "You'll see it in your project summary tomorrow.",
    "明天你就能在作品里看到成片。",
    "The caption reads 'visible in the preview'.",
    "The preview will be available after you export.",
    "Your client will see it in the preview link.",
    "It's in your project folder on disk.",
    "等你上传完之后，新素材会显示在项目总览里。",
]


@pytest.mark.parametrize("text", HANDED)
def test_a_file_handed_over_runs_the_upload_and_keeps_the_sentence(text: str) -> None:
    result = translate(text, TABLES)
    assert result.actions == ("upload",), (text, result)
    assert result.text.startswith(text)


@pytest.mark.parametrize("text", NOT_HANDED)
def test_no_file_handed_over_runs_no_upload(text: str) -> None:
    result = translate(text, TABLES)
    assert "upload" not in result.actions, (text, result)
    assert "export" not in result.actions
    assert result.text.startswith(text)


@pytest.mark.parametrize("text", VIEWS)
def test_a_view_pointed_at_runs_the_state_and_keeps_the_sentence(text: str) -> None:
    result = translate(text, TABLES)
    assert result.actions == ("state",), (text, result)
    assert result.text == text


@pytest.mark.parametrize("text", NOT_VIEWS)
def test_a_view_not_shown_now_runs_nothing(text: str) -> None:
    result = translate(text, TABLES)
    assert result.actions == (), (text, result)
    assert result.text == text


def test_an_upload_and_a_view_in_one_reply_both_run_in_order() -> None:
    text = (
        "The extra shots are in: you'll find them in your project summary under Act 2. "
        "Fling the spreadsheet my way and I'll chart it."
    )
    assert translate(text, TABLES).actions == ("state", "upload")


@pytest.mark.parametrize(
    "text",
    [
        "目前餘額 60 點，唔夠輸出 4K，請先增值/儲值。",
        "你的余额只剩 30 点，不够导出，请先充值",
        "餘額只剩 20 點，唔夠匯出 1080p，請先增值。",
        "Your balance is 15 credits, which isn't enough to export in 4K — please top up first.",
        "你而家得返 45 點，唔夠出 1080p，麻煩先增值。",
        "剩余积分 12，导出 4K 需要 50，请先充值后再导出。",
        "账户里只有 30 点了，导出需要 80 点，先充个值吧。",
        "You've only got 25 credits left — not enough for the 4K export. Top up first.",
        "Your balance (40 credits) won't cover the export; please recharge before exporting.",
    ],
)
def test_a_short_balance_runs_the_credits_and_never_the_export(text: str) -> None:
    result = translate(text, TABLES)
    assert result.actions == ("credits",), (text, result)
    assert result.text.startswith(text)


@pytest.mark.parametrize(
    "text",
    [
        "Once you upload the logo, you'll find it in the timeline.",
        "If you'd like, I can add a title and you'll see it in the preview.",
        "After the render, the new cut shows up in your project summary.",
    ],
)
def test_a_view_on_a_condition_is_pointed_at_by_nothing_new(text: str) -> None:
    assert pointed_view(text) is None


def test_a_view_now_beside_a_later_day_is_no_later_view() -> None:
    assert not later_view("Open the timeline now; if you need a square one next week, tell me.")
    assert later_view("You'll see it in My Works tomorrow once the overnight render runs.")


_SENDERS = st.sampled_from(["Send", "Toss", "Fling", "Shoot", "Pass"])
_FILES = st.sampled_from(["the logo", "your recording", "that spreadsheet", "the cover photo"])
_AWAY = st.sampled_from(["to your client", "to your team", "to your boss", "with your colleagues"])


@given(_SENDERS, _FILES, _AWAY)
def test_a_file_sent_to_someone_else_is_never_an_upload_or_export(
    verb: str, obj: str, away: str
) -> None:
    text = f"{verb} {obj} over {away} and I'll make another version."
    result = translate(text, TABLES)
    assert handed(text) is None
    assert not {"upload", "export"} & set(result.actions)
    assert result.text.startswith(text)


_PLATFORMS = st.sampled_from(["Facebook", "YouTube", "your client", "the team", "Drive"])


@given(_SENDERS, _FILES, _PLATFORMS)
def test_a_file_sent_on_to_a_place_is_no_hand_over(verb: str, obj: str, place: str) -> None:
    assert handed(f"{verb} {obj} over to {place} and I'll make another version.") is None


_NEGATIONS = st.sampled_from(["Don't", "No need to", "You don't have to", "Never"])


@given(_NEGATIONS, _SENDERS, _FILES)
def test_a_negated_hand_over_runs_nothing(neg: str, verb: str, obj: str) -> None:
    text = f"{neg} {verb.lower()} {obj} my way, I'll use what I have."
    result = translate(text, TABLES)
    assert not {"upload", "export"} & set(result.actions)
    assert result.text == text


_DAYS = st.sampled_from(["tomorrow", "tonight", "overnight", "next week", "in a few hours"])
_PLACES = st.sampled_from(["the preview", "your project summary", "the timeline", "My Works"])


@given(_DAYS, _PLACES)
def test_a_view_for_a_later_day_runs_nothing(day: str, place: str) -> None:
    text = f"You'll find the new cut in {place} {day}."
    assert pointed_view(text) is None
    result = translate(text, TABLES)
    assert result.actions == ()
    assert result.text == text


_QUOTED = st.sampled_from(["'", "“", "「"])


@given(_QUOTED, _FILES)
def test_a_quoted_title_is_no_hand_over(quote: str, obj: str) -> None:
    close = {"'": "'", "“": "”", "「": "」"}[quote]
    text = f"The title card reads {quote}Send {obj} my way and I'll chart it{close}."
    result = translate(text, TABLES)
    assert not {"upload", "export"} & set(result.actions)
    assert result.text == text


@pytest.mark.parametrize(
    "text",
    [
        "目前餘額 60 點，夠輸出 1080p，唔夠 4K。",
        "积分还剩 200，足够导出。",
        "剩余积分 200，导出需要 50。",
        "如果积分不够导出，可以先充值。",
        "If your credits aren't enough for the 4K export, top up first.",
    ],
)
def test_an_enough_or_conditional_balance_is_not_short(text: str) -> None:
    assert not short_balance(text)
    assert top_up_asked(text) is None


_BALANCES = st.sampled_from(
    [
        "Your balance is {n} credits — not enough for the 4K export.",
        "You've only got {n} credits left, which won't cover the export.",
        "剩余积分 {n}，导出需要 999。",
        "餘額得返 {n} 點，唔夠輸出 4K。",
        "你的余额只剩 {n} 点，不够导出。",
    ]
)
_EXPORT_STEPS = st.sampled_from(
    [
        " Click **Export** now.",
        " Top up, then hit Download.",
        " 请先充值后再点击「导出」。",
        " 充值之後撳「匯出」。",
        " 先充个值吧，然后导出。",
    ]
)


@given(_BALANCES, st.integers(min_value=0, max_value=90), _EXPORT_STEPS)
def test_a_short_balance_never_exports_and_keeps_its_words(balance: str, n: int, step: str) -> None:
    text = balance.format(n=n) + step
    result = translate(text, TABLES)
    assert "export" not in result.actions, (text, result)
    assert str(n) in result.text


_EN_CONDITIONS = [
    "Tip for later: when you've got more photos,",
    "If the client wants a new version next week,",
    "Once the render finishes,",
]
_EN_HAND_OVERS = [
    "toss the logo over and I'll drop it in",
    "send the spreadsheet my way and I'll chart it",
    "pick the song you'd like and I'll fade it in",
]
_ZH_CONDITIONS = ["如果下周客户要改，", "要是你以后还有素材，", "如果客户要方形版，"]
_ZH_HAND_OVERS = ["把封面图发给我，我放在片头", "把那个 Excel 扔过来，我做成图表"]
_LATER_ASKS = st.one_of(
    st.tuples(st.sampled_from(_EN_CONDITIONS), st.sampled_from(_EN_HAND_OVERS)),
    st.tuples(st.sampled_from(_ZH_CONDITIONS), st.sampled_from(_ZH_HAND_OVERS)),
)


@given(_LATER_ASKS)
def test_a_hand_over_for_later_or_on_a_condition_runs_nothing(pair: tuple[str, str]) -> None:
    opening, ask = pair
    text = f"{opening} {ask}."
    assert handed(text) is None
    result = translate(text, TABLES)
    assert not {"upload", "export"} & set(result.actions), (text, result)
