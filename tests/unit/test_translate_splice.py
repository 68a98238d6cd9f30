"""Rule 5 of the language layer: a sentence is kept whole or replaced whole, never spliced.

Every piece of a rewrite that is not template text must be a contiguous, word-aligned span
of the original sentence that reads on its own (`agent.translate.verbatim.pieced`); a dotted
token such as "H.264" is never cut, a place ("under My Wallet") never dangles next to a
template line, and a verb never loses the place that was its subject ("素材库里能找到…").
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.translate import GuiTables, load_gui_tables, translate
from agent.translate.composed import composed
from agent.translate.prose import mask
from agent.translate.verbatim import pieced

ROBUST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return load_gui_tables()


SPLICED_BEFORE = [
    # (backend sentence, a rewrite an earlier translator produced from it)
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
]  # fmt: skip


@pytest.mark.parametrize(("original", "rewrite"), SPLICED_BEFORE)
def test_known_splices_are_caught(original: str, rewrite: str, tables: GuiTables) -> None:
    assert pieced(rewrite, original, tables)


@pytest.mark.parametrize(("original", "rewrite"), SPLICED_BEFORE)
def test_known_splices_are_not_produced(original: str, rewrite: str, tables: GuiTables) -> None:
    out = translate(original, tables).text
    assert out != rewrite
    assert not pieced(out, original, tables), out


CLEAN_REWRITES = [
    ("Open the timeline to review the new transitions.",
     "I'll show you the current tracks so you can review the new transitions."),
    ("Adjust the fade in the Audio settings if needed.",
     "Tell me how you'd like to adjust the fade if needed."),
    ("The clip is 8 s long. Click Export.", "The clip is 8 s long. I'll export the MP4 for you."),
    ("请打开音频面板查看音乐轨道。", "我会为你列出当前轨道，方便你查看音乐轨道。"),
    ("打开 账户 → 用量，可以看到每次导出消耗的积分。",
     "我会帮你查询积分余额，可以看到每次导出消耗的积分。"),
]  # fmt: skip


@pytest.mark.parametrize(("original", "rewrite"), CLEAN_REWRITES)
def test_whole_spans_and_template_lines_pass(
    original: str, rewrite: str, tables: GuiTables
) -> None:
    assert not pieced(rewrite, original, tables)


STEPS = [
    "Click Export", "Go to File → Export → MP4 (H.264)", "Refresh the page",
    "Open the timeline", "Check your balance under Account > Credits", "Tap the Upload button",
    "Pull down to refresh", "Open the Music tab", "Drag the photo onto the canvas",
    "点击导出按钮", "打开时间线", "在素材库里", "下拉刷新", "前往 钱包 > 充值",
]  # fmt: skip
JOINS = [" if ", " and ", " to ", ", then ", " so ", " once ", "，", "后", "即可", " "]
CONTENT = [
    "the preview doesn't update", "pick the Full HD preset", "the v2.1 draft looks right",
    "you want the 1.5x speed", "check beach_01.jpg", "under My Wallet", "see the updated draft",
    "能找到你上传过的 6 张照片", "可查看最新进度", "选择 H.264 格式", "视频会更清晰",
]  # fmt: skip
_CJK = re.compile(r"[\u4e00-\u9fff]")
_DOTTED = re.compile(r"[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)+")


def _zh(text: str) -> bool:
    return _CJK.search(text) is not None


@ROBUST
@given(st.sampled_from(STEPS), st.sampled_from(JOINS), st.sampled_from(CONTENT), st.booleans())
def test_generated_sentences_are_never_spliced(
    step: str, join: str, content: str, step_first: bool
) -> None:
    if _zh(step) != _zh(content) or (_zh(join) != _zh(step) and join != " "):
        return  # one language per sentence
    tables = load_gui_tables()
    parts = (step, content) if step_first else (content[:1].upper() + content[1:], step)
    sentence = parts[0] + join + parts[1] + "."
    out = translate(sentence, tables).text
    body = out.rstrip("。.")
    assert not pieced(body, sentence.rstrip("。."), tables), (sentence, out)
    rest = out
    for token in _DOTTED.findall(sentence):  # "H.264", "v2.1", "beach_01.jpg": whole or gone
        rest = rest.replace(token, " ")
    assert not re.search(r"(?<![\w])\.\w", rest), (sentence, out)


@ROBUST
@given(st.sampled_from(CONTENT), st.integers(min_value=1, max_value=6))
def test_a_span_with_a_hole_is_pieced(content: str, cut: int) -> None:
    """Dropping a word from inside a kept span (and keeping both sides) is a splice."""
    tables = load_gui_tables()
    words = content.split()
    if len(words) < 3 or not content.isascii():
        return
    cut = 1 + cut % (len(words) - 2)
    holed = " ".join(words[:cut] + words[cut + 1 :])
    original = "Click Export " + content
    assert pieced("I'll export the MP4 for you " + holed, original, tables) == (
        holed.casefold() not in original.casefold()
    )


# The structural guard (`agent.translate.composed`): the r5t and probe-5 garbles, each a class.
SPLICED_R5 = [
    # a catch-all line running on into the rest of a gesture
    ("Toggle them on in the Subtitles menu to preview",
     "I'll show you the current tracks toggle them on to check"),
    ("You can leave the page open or go do something else and check back in the Projects tab "
     "later", "I'll show you the current tracks leave the page open or go do something else"),
    ("Open the Audio tab 可以继续微调", "我会为你列出当前轨道，其中可以看到继续微调"),
    # the generic line took the first half of one gesture; "再…" kept the second
    ("在手机上，点按右下角的 Edit，再向上滑动即可查看全部字幕",
     "在手机上，直接告诉我你的想法，再向上滑动即可查看全部字幕"),
    # an emphasis cut in half with a second line for the same step
    ("**Export** – click **Export** and choose *High Quality*",
     "I'll export the MP4 for you – I'll export it for you, and choose *High Quality"),
    # a slot holding words from two places ("videos" … "straight")
    ("You can drag and drop videos from your desktop straight onto the media bin",
     "Send videos straight in chat or give me a URL"),
    # a line glued to kept words with nothing between them
    ("I can upload the file for you",
     "Send the file in chat or give me a URL I can upload the file for you"),
    # a slot that opens on a bracket: the plan's name went
    ("To change your plan, go to Settings › Account › Subscription and pick Creator ($12/month)",
     "To change your plan, I'll look up your credits balance ›, then just tell me if you'd like "
     "to ($12/month)"),
    # the emoji that closed what came before went with the step
    ("😍 drop a couple more here and I'll stitch them together",
     "Send a couple more in chat or give me a URL and I'll stitch them together"),
]  # fmt: skip


@pytest.mark.parametrize(("original", "rewrite"), SPLICED_R5)
def test_the_structure_guard_catches_each_r5_splice_class(
    original: str, rewrite: str, tables: GuiTables
) -> None:
    assert not composed(rewrite, original, tables)


@pytest.mark.parametrize(("original", "rewrite"), SPLICED_R5)
def test_the_r5_splices_are_not_produced(original: str, rewrite: str, tables: GuiTables) -> None:
    out = translate(original + ".", tables).text.rstrip("。.")
    assert out != rewrite
    assert composed(mask(out).text, mask(original).text, tables), out


@pytest.mark.parametrize(("original", "rewrite"), CLEAN_REWRITES)
def test_whole_spans_and_template_lines_read_as_whole_pieces(
    original: str, rewrite: str, tables: GuiTables
) -> None:
    assert composed(rewrite.rstrip("。."), original.rstrip("。."), tables)


_LINES = [
    "I'll show you the current tracks", "I'll export the MP4 for you",
    "I'll look up your credits balance", "Send the file in chat or give me a URL",
    "我会为你列出当前轨道", "我会直接把 MP4 文件发给你", "直接告诉我你的想法",
]  # fmt: skip
_WORDS = ["toggle", "them", "on", "leave", "the", "page", "try", "searching", "pinch", "zoom",
          "下拉", "停留", "微调", "度", "預覽", "一下"]  # fmt: skip


@ROBUST
@given(
    st.sampled_from(_LINES),
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4),
    st.sampled_from([" ", "", "，其中可以看到"]),
)
def test_a_line_running_on_into_leftover_words_is_never_whole(
    line: str, words: list[str], glue: str
) -> None:
    """A template line followed, with no mark, by words of the original that are no clause of
    their own is a splice, whatever the words."""
    tables = load_gui_tables()
    tail = " ".join(words) if line.isascii() else "".join(words)
    original = f"Open the panel, {tail} later" if line.isascii() else f"打开面板，{tail}吧"
    assert not composed(line + glue + tail, original, tables)


@ROBUST
@given(st.sampled_from(STEPS), st.sampled_from(CONTENT), st.sampled_from(["", "please ", "请"]))
def test_every_sentence_the_translator_writes_reads_as_whole_pieces(
    step: str, content: str, lead: str
) -> None:
    if _zh(step) != _zh(content) or (_zh(lead) != _zh(step) and lead):
        return
    tables = load_gui_tables()
    sentence = (
        f"{content[:1].upper() + content[1:]}, {lead}{step}."
        if step.isascii()
        else (f"{content}，{lead}{step}。")
    )
    out = translate(sentence, tables).text
    assert composed(mask(out.rstrip("。.")).text, mask(sentence.rstrip("。.")).text, tables), (
        sentence,
        out,
    )


NEGATED = [
    "Don't click Export yet", "Please don't hit Download until the music is mixed",
    "No need to open the Billing page", "先别点击导出", "不要点击下载按钮", "唔好撳「匯出」住",
]  # fmt: skip


@ROBUST
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
    ("Upload a logo and click Export.", ("upload", "export")),
    ("上传一个 Logo，然后点击导出。", ("upload", "export")),
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


@ROBUST
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


@ROBUST
@given(st.sampled_from(REPORTED_NOUNS), st.sampled_from(REPORT_TAILS))
def test_a_gui_noun_in_a_chinese_report_runs_nothing(noun: str, tail: str) -> None:
    text = noun + tail
    result = translate(text, load_gui_tables())
    assert result.text == text
    assert result.actions == ()


OFFERS = [
    "Otherwise I can go ahead and export as is — just say the word.",
    "I can export it right away if you like — just say the word.",
    "If you prefer, I could export it now.",
]  # fmt: skip


@ROBUST
@given(st.sampled_from(OFFERS), st.sampled_from(["", "The watermark stays. ", "标题已设好。"]))
def test_an_offer_to_export_is_answered_in_chat_and_never_runs(offer: str, before: str) -> None:
    text = before + offer
    result = translate(text, load_gui_tables())
    assert "export" not in result.actions
    assert "sse" in result.actions
    assert offer in result.text


ASKED_IN_CHAT = [
    ('Which song do you prefer: "Sunny Day" or "Night Drive"? Just tell me in the chat.',
     ("sse",)),
    ("Type **continue** to start part 2, or **stop** to review part 1 first.", ("sse",)),
    ("Before I start: do you have a logo? If not, reply 'no logo' and I'll begin.", ("sse",)),
    ("After purchasing, reply 'continue' here and I'll pick up where we left off.", ("sse",)),
    ("另外，你想在片尾放一句什么话？告诉我文字内容，我来加上。", ("sse",)),
    ("Please reload the page and try exporting again.", ("state", "export")),
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
