"""Rule 5 of the language layer: a sentence is kept whole or replaced whole, never spliced.

The translator's unit of output is a whole sentence (`agent.translate.translator`): each is
emitted byte for byte or stands aside for one template line. These tests state that invariant
over generated replies (`tests.translate_support.foreign_sentences`), over the splices earlier
translators wrote, and over every fixture reply; and what stays whole: quotes, numbers, file
names and URLs of a kept sentence, a negated or offered step (which runs nothing but the
answer in chat).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from agent.translate import GuiTables, load_gui_tables, translate
from agent.translate.prose import protected_tokens
from tests.translate_support import foreign_sentences, sentences

FIXTURES = Path(__file__).parents[2] / "fixtures" / "translate"


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return load_gui_tables()


SPLICED_BEFORE = [
    # (backend reply, a splice an earlier translator wrote from it)
    ("Refresh the page if the preview doesn't update.",
     "I'll show you the current tracks if doesn't update."),
    ("Go to File → Export → MP4 (H.264) and pick the Full HD preset.",
     "I'll export the MP4 for you .264), then just tell me if you'd like to preset."),
    ("You can check the remaining coins in your profile, under My Wallet.",
     "I'll look up your credits balance, under My Wallet."),
    ("素材库里能找到你上传过的 6 张照片。",
     "直接在对话中发送能找到你上传过的 6 张照片或给我一个链接。"),
    ("Pull down to refresh and you'll see the updated draft.",
     "I'll show you the current tracks pull down to and you'll see the updated draft."),
    ("生成排队中（前面还有 3 个任务），下拉刷新可查看最新进度。",
     "生成排队中（前面还有 3 个任务），我会为你列出当前轨道，其中可以看到下拉可查看最新进度。"),
    ("Toggle them on in the Subtitles menu to preview.",
     "I'll show you the current tracks toggle them on to check."),
    ("在手机上，点按右下角的 Edit，再向上滑动即可查看全部字幕。",
     "在手机上，直接告诉我你的想法，再向上滑动即可查看全部字幕。"),
    ("**Export** – click **Export** and choose *High Quality*.",
     "I'll export the MP4 for you – I'll export it for you, and choose *High Quality."),
    ("You can drag and drop videos from your desktop straight onto the media bin.",
     "Send videos straight in chat or give me a URL."),
    ("To change your plan, go to Settings › Account › Subscription and pick Creator ($12/month).",
     "To change your plan, I'll look up your credits balance ›, then just tell me if you'd like "
     "to ($12/month)."),
    ("Nice pics!! 😍 drop a couple more here and I'll stitch them together.",
     "Nice pics!! Send a couple more in chat or give me a URL and I'll stitch them together."),
    ("I'll show you the tracks. Check the track list or two and it should show as complete.",
     "I'll show you the current tracks or two and it should show as complete."),
    ("照片已經全部排好了。排好後點右上角的「匯出」，再點「下載」喔 😊",
     "排好後我會直接把 MP4 文件發給你，再我會直接把 MP4 喔發給你"),
    ("Check your credits (Account > Credits) before exporting.",
     "I'll look up your credits balance (I'll look up your credits balance) before exporting."),
    ("长按作品卡片，选择“保存到相册”。", "长按作品卡片，我会直接把 MP4 文件发给你。"),
]  # fmt: skip


@pytest.mark.parametrize(("original", "splice"), SPLICED_BEFORE)
def test_known_splices_are_not_produced(original: str, splice: str, tables: GuiTables) -> None:
    out = translate(original, tables).text
    assert out != splice
    assert not foreign_sentences(out, original, tables), out


def _fixture_replies() -> list[str]:
    return [
        json.loads(line)["text"]
        for path in sorted(FIXTURES.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def test_every_fixture_reply_is_whole_sentences_and_template_lines(tables: GuiTables) -> None:
    spliced = {}
    for reply in _fixture_replies():
        out = translate(reply, tables).text
        foreign = foreign_sentences(out, reply, tables)
        if foreign:
            spliced[reply] = foreign
    assert spliced == {}


STEPS = [
    "Click Export", "Go to File → Export → MP4 (H.264)", "Refresh the page",
    "Open the timeline", "Check your balance under Account > Credits", "Tap the Upload button",
    "Pull down to refresh", "Open the Music tab", "Drag the photo onto the canvas",
    "Tap Download", "Long-press the clip", "Swipe up to see the tracks",
    "点击导出按钮", "打开时间线", "在素材库里", "下拉刷新", "前往 钱包 > 充值", "长按作品卡片",
    "點右上角的「匯出」", "撳「下載」",
]  # fmt: skip
JOINS = [
    " if ",
    " and ",
    " to ",
    ", then ",
    " so ",
    " once ",
    " or ",
    "，",
    "后",
    "即可",
    "，再",
    " ",
]
CONTENT = [
    "the preview doesn't update", "pick the Full HD preset", "the v2.1 draft looks right",
    "you want the 1.5x speed", "check beach_01.jpg", "under My Wallet", "see the updated draft",
    'the caption "Press Start" stays', "music at 35%", "see https://example.com/help",
    "能找到你上传过的 6 张照片", "可查看最新进度", "选择 H.264 格式", "视频会更清晰",
    "标题「点击下载」已加上",
]  # fmt: skip
CLOSERS = [".", "!", "?", "。", "！", "？", ";", "", " 😊", "…"]
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _zh(text: str) -> bool:
    return _CJK.search(text) is not None


def _sentence(step: str, join: str, content: str, step_first: bool, closer: str) -> str:
    parts = (step, content) if step_first else (content[:1].upper() + content[1:], step)
    return parts[0] + join + parts[1] + closer


@given(
    st.lists(
        st.tuples(
            st.sampled_from(STEPS),
            st.sampled_from(JOINS),
            st.sampled_from(CONTENT),
            st.booleans(),
            st.sampled_from(CLOSERS),
            st.sampled_from(["", "", "- ", "1. ", "2. ", "**"]),
            st.sampled_from([" ", "\n", "\n\n", ""]),
            st.booleans(),
        ),
        min_size=1,
        max_size=5,
    )
)
# a step closed by "。" with English straight after it: its line is closed by "." and a space
@example(pieces=[("Click Export", " ", CONTENT[0], True, "。", "", "", True),
                 ("Refresh the page", " if ", CONTENT[0], True, ".", "", "", False)])  # fmt: skip
# an English sentence closed by "。", kept for its URL: its action's line after it is spaced
@example(pieces=[("Click Export", " if ", "see https://example.com/help", True, "。", "", "\n",
                  False)])  # fmt: skip
# a URL closed by "…": the mark ends the sentence, it is not part of the address
@example(pieces=[("Click Export", " if ", "see https://example.com/help", True, "…", "", " ",
                  False)])  # fmt: skip
# a URL closed by "。" with a Chinese line straight after it: the address ends at the mark
@example(pieces=[("点击导出按钮", " if ", "see https://example.com/help", True, "。", "", "\n",
                  False)])  # fmt: skip
def test_generated_replies_are_whole_sentences_and_template_lines(
    pieces: list[tuple[str, str, str, bool, str, str, str, bool]],
) -> None:
    """Any reply built of steps, content, joins, closing marks, list markers and paragraphs
    comes out as sentences of its own and template lines, nothing in between; a quoted span,
    number, file name or URL of the reply outside a replaced step comes through."""
    tables = load_gui_tables()
    text = ""
    for step, join, content, step_first, closer, prefix, gap, alone in pieces:
        sentence = step + closer if alone else _sentence(step, join, content, step_first, closer)
        text += prefix + sentence + gap
    result = translate(text, tables)
    assert not foreign_sentences(result.text, text, tables), (text, result.text)
    for kept in sentences(text):
        if kept in result.text:
            continue  # kept whole: every token with it
        tokens = [t for t in protected_tokens(kept) if not t.isdigit()]
        assert all(t in STEPS_TOKENS for t in tokens), (kept, result.text)
    assert set(result.actions) <= {"export", "state", "credits", "sse", "upload"}


def test_a_dropped_step_never_turns_the_next_sentence_into_a_list_item(tables: GuiTables) -> None:
    text = "Click Export. Click Export.\nClick Export. - The preview doesn't update!"
    out = translate(text, tables).text
    assert out == "I'll export the MP4 for you.\nClick Export. - The preview doesn't update!"
    assert not foreign_sentences(out, text, tables), out


def test_a_line_for_a_step_closed_by_a_full_stop_mark_is_spaced_from_what_follows(
    tables: GuiTables,
) -> None:
    for text in (
        "Click Export。Go to File → Export → MP4 (H.264).",
        "Click Export。Pick the Full HD preset.",
    ):
        out = translate(text, tables).text
        assert out.startswith("I'll export the MP4 for you. "), out
        assert not foreign_sentences(out, text, tables), out


# tokens a step itself names (a menu's format, a button's label): they may go with their step
STEPS_TOKENS = {t for step in STEPS for t in protected_tokens(step)} | {"「匯出」", "「下載」"}


@given(
    st.lists(st.one_of(st.text(max_size=20), st.sampled_from(STEPS + CONTENT + JOINS)), max_size=8)
)
def test_any_text_is_whole_sentences_and_template_lines(pieces: list[str]) -> None:
    tables = load_gui_tables()
    text = "".join(pieces)
    result = translate(text, tables)
    assert not foreign_sentences(result.text, text, tables), (text, result.text)


OFFERS = [
    "Otherwise I can go ahead and export as is — just say the word.",
    "I can export it as is — just say the word.",
    "I can export it right away if you like — just say the word.",
    "If you prefer, I could export it now.",
    "Whenever you feel it's ready, I'd be happy to export it in any resolution you like.",
    "I can also export it as a separate MP3 if you need that.",
    "我可以直接导出，你说一声就行。",
    "需要的话我也可以帮你导出 1080p 版本。",
]  # fmt: skip
MENTIONS = [
    "The export took 30 seconds.", "Your last export finished at 10:02.",
    "We'll render after the client approves.", "导出 1080p 需要 10 积分。",
    "上次导出的文件已经保存在相册里。",
]  # fmt: skip


@given(
    st.sampled_from(OFFERS + MENTIONS),
    st.sampled_from(["", "The watermark stays. ", "标题已设好。", "Done!\n\n"]),
    st.sampled_from(["", " 😊", "\n\nAnything else?"]),
)
def test_an_offer_or_a_mention_of_export_never_plans_export(
    said: str, before: str, after: str
) -> None:
    text = before + said + after
    result = translate(text, load_gui_tables())
    assert "export" not in result.actions
    assert said in result.text


NEGATED = [
    "Don't click Export yet", "Please don't hit Download until the music is mixed",
    "No need to open the Billing page", "先别点击导出", "不要点击下载按钮", "唔好撳「匯出」住",
]  # fmt: skip


@given(st.sampled_from(NEGATED), st.sampled_from(["", "The title is set. ", "标题已设好。"]))
def test_a_negated_step_keeps_its_sentence_and_runs_nothing(step: str, before: str) -> None:
    tables = load_gui_tables()
    text = before + step + ("。" if _zh(step) else ".")
    result = translate(text, tables)
    assert result.text == text
    assert result.actions == ()


ANSWERS = [
    ("I've drafted the script. Reply 'continue' and I'll start generating.", ("sse",)),
    ("Which style do you want? Just type your answer below.", ("sse",)),
    ("如果没问题，请回复 “continue”，我就开始生成画面。", ("sse",)),
    ("请在聊天框回复 A 或 B，我会按你的选择继续。", ("sse",)),
    # round 28: the export after the upload it asks for waits for the file
    ("Upload a logo and click Export.", ("upload",)),
    ("上传一个 Logo，然后点击导出。", ("upload",)),
    ("Upload failed. Try again later.", ()),
]  # fmt: skip


@pytest.mark.parametrize(("text", "actions"), ANSWERS)
def test_an_answer_asked_for_in_chat_is_sse_and_an_upload_step_stays(
    text: str, actions: tuple[str, ...], tables: GuiTables
) -> None:
    assert translate(text, tables).actions == actions


# Round 5 stranger sets: a template line said twice, a GUI noun in a report, an offer, a list
# step of the user's own, and answers asked for in chat without the word "reply".
REPEATED = [
    "To buy more credits, visit https://nemovideo.ai/pricing and pick a pack.",
    "请上传一张图片，点击输入框旁边的📎图标即可。",
    "水印已去除。请在右上角点击“导出”，选择1080p后下载。",
    "照片已經全部排好了。排好後點右上角的「匯出」，再點「下載」喔 😊",
]  # fmt: skip


def _said_twice(text: str, tables: GuiTables) -> list[str]:
    lines = {k.bare for lang in tables.languages for k in lang.kinds.values() if k.bare}
    lines |= {"I'll look up your credits balance", "直接在对话中发送", "我会直接把"}
    return [line for line in lines if text.count(line) > 1]


@pytest.mark.parametrize("text", REPEATED)
def test_a_rewrite_never_says_one_template_line_twice(text: str, tables: GuiTables) -> None:
    out = translate(text, tables).text
    assert not _said_twice(out, tables), out


@given(
    st.lists(
        st.sampled_from(
            ["Go to Account > Billing.", "Pick a credit pack (100 credits for $4.99).",
             "Confirm the payment and come back here.", "Click Export.", "To top up:"]
        ),
        min_size=1,
        max_size=4,
    )
)  # fmt: skip
def test_a_numbered_list_says_each_line_once_and_keeps_the_users_own_steps(
    steps: list[str],
) -> None:
    tables = load_gui_tables()
    text = "\n".join(f"{i}. {step}" for i, step in enumerate(steps, 1))
    out = translate(text, tables).text
    assert not _said_twice(out, tables), out
    assert out.count("I'll look up your credits balance") <= 1, out
    if "Confirm the payment and come back here." in steps:
        assert "Confirm the payment and come back here." in out


REPORTED_NOUNS = ["素材库里目前只有 3 张图片", "媒体库里现在有 12 段视频", "素材库里一共 5 首歌"]
REPORT_TAILS = ["，做 15 秒的视频会有点单调。", "。", "，足够做一个短片。"]


@given(st.sampled_from(REPORTED_NOUNS), st.sampled_from(REPORT_TAILS))
def test_a_gui_noun_in_a_chinese_report_runs_nothing(noun: str, tail: str) -> None:
    text = noun + tail
    result = translate(text, load_gui_tables())
    assert result.text == text
    assert result.actions == ()


ASKED_IN_CHAT = [
    ('Which song do you prefer: "Sunny Day" or "Night Drive"? Just tell me in the chat.',
     ("sse",)),
    ("Type **continue** to start part 2, or **stop** to review part 1 first.", ("sse",)),
    ("Before I start: do you have a logo? If not, reply 'no logo' and I'll begin.", ("sse",)),
    ("After purchasing, reply 'continue' here and I'll pick up where we left off.", ("sse",)),
    ("另外，你想在片尾放一句什么话？告诉我文字内容，我来加上。", ("sse",)),
    # the reload is the retry's means, not a view to show (r9t): the export alone runs
    ("Please reload the page and try exporting again.", ("export",)),
    ("会员月费为 ¥25。可在“我的账户 > 订阅”中开通。", ("credits",)),
    ("Great choice! I'll use 'Sunset Drive' as the background track.", ()),
]  # fmt: skip


@pytest.mark.parametrize(("text", "actions"), ASKED_IN_CHAT)
def test_round5_safe_misses_take_their_action(
    text: str, actions: tuple[str, ...], tables: GuiTables
) -> None:
    assert translate(text, tables).actions == actions


def _round5_replies() -> list[str]:
    root = Path(__file__).parents[2] / "fixtures" / "translate"
    return [
        json.loads(line)["text"]
        for name in ("round5_everyday.jsonl", "round5_hard.jsonl")
        for line in (root / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


@pytest.mark.parametrize("reply", _round5_replies())
def test_a_reply_says_each_template_line_once(reply: str, tables: GuiTables) -> None:
    """Across sentences and list items too: a later step whose line was said keeps its words
    ("If you'd rather wait, just refresh the page…") or goes when it was only that step."""
    out = translate(reply, tables).text
    assert not _said_twice(out, tables), out


EMPHASISED = [
    "Next, tap **Preview** to watch it full screen, then swipe left to go back to the editor.",
    "Then click **Export** to download the MP4.",
    "Open the **Tracks** panel to check the voiceover.",
]  # fmt: skip


@pytest.mark.parametrize("text", EMPHASISED)
def test_an_emphasis_is_never_cut_in_half(text: str, tables: GuiTables) -> None:
    out = translate(text, tables).text
    spans = re.sub(r"\*\*[^*\n]+?\*\*", " ", out)
    assert "*" not in spans, out


def test_a_traditional_reply_joins_its_template_lines_in_traditional() -> None:
    # found by the property above: the joiner between two rendered lines was Simplified
    # ("…鏈接，然后我會…") in a Traditional reply
    result = translate("¹素材库點右上角「匯出」", load_gui_tables())
    assert "然后" not in result.text
    assert not foreign_sentences(result.text, "¹素材库點右上角「匯出」", load_gui_tables())
