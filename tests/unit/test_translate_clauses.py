"""The clause classifier (second stage) over generated replies: a GUI step's TARGET decides its
action whatever the gesture or path syntax, and a reply is never corrupted: quoted titles full
of trigger words, numbers and file names come through byte for byte, and every sentence is
either kept whole or replaced whole by a rendered line."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from agent.translate import GuiTables, Translation, load_gui_tables, translate
from agent.translate.prose import protected_tokens
from tests.conftest import FIXTURES

ROBUST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return load_gui_tables()


_TITLE_WORDS = [
    "Click",
    "Export",
    "Tap",
    "Share",
    "Download",
    "Upload",
    "Open",
    "Billing",
    "Now",
    "Win",
    "Here",
    "Timeline",
    "Credits",
    "Swipe",
    "Up",
    "Save",
    "Free",
]
_ZH_TITLE_WORDS = [
    "点击",
    "导出",
    "分享",
    "下载",
    "上传",
    "打开",
    "积分",
    "立即",
    "赢大奖",
    "时间线",
]
_NUMBERS = [
    "1080p",
    "45%",
    "0:03",
    "12 credits",
    "3 秒",
    "harbor_final.mp4",
    "IMG_2201.png",
    "9:16",
    "about 4 min",
]
_RENDERED = re.compile(
    r"I'll export|I'll look up|I'll show you|Send (?:the file|.+) in chat|我会直接把|我会帮你查询"
    r"|我会为你列出|直接在对话中发送|我會直接把|我會幫你查詢|我會為你列出|直接在對話中發送"
)


def _title(zh: bool) -> st.SearchStrategy[str]:
    words = _ZH_TITLE_WORDS if zh else _TITLE_WORDS
    quotes = ["“{}”", "「{}」"] if zh else ['"{}"', "'{}'", "“{}”"]
    body = st.lists(st.sampled_from(words), min_size=2, max_size=4).map(
        lambda ws: ("" if zh else " ").join(ws)
    )
    return st.builds(lambda q, b: q.format(b), st.sampled_from(quotes), body)


_REPORTS_EN = [
    "I added the title {t}.",
    "The caption now reads {t}.",
    "I renamed the project to {t} as you asked.",
    "Your draft {t} is saved.",
]
_REPORTS_ZH = ["标题已改为{t}。", "我在开头加了字幕{t}。", "我幫你加咗個標題{t}。"]


def _title_report(zh: bool) -> st.SearchStrategy[str]:
    reports = st.sampled_from(_REPORTS_ZH if zh else _REPORTS_EN)
    return st.builds(lambda report, title: report.format(t=title), reports, _title(zh))


# One strategy, not interactive draws: a CI run under load once raised hypothesis's
# FlakyStrategyDefinition on the `st.data()` form of this test.
@ROBUST
@given(st.booleans().flatmap(_title_report))
@example("标题已改为「点击时间线积分」。")  # 「」 quotes a title too: no credits from its words
@example("我幫你加咗個標題『上传点击导出积分』。")
def test_a_report_of_a_title_full_of_trigger_words_runs_nothing(
    tables: GuiTables, text: str
) -> None:
    assert translate(text, tables) == Translation(text, ())


# gesture / path syntaxes x targets: every combination must reach the target's action
_EN_STEPS = {
    "export": [
        "click Download",
        "tap Share",
        "long-press the clip and choose Save to device",
        "go to File > Export > Video",
        "open Project → Output → Video file",
        "hit the Export button",
    ],
    "credits": [
        "open your wallet",
        "go to Account > Billing",
        "check your balance on the plan page",
        "tap Wallet → Top Up",
        "visit the billing page",
    ],
    "state": [
        "open the media library",
        "reload the page to see the progress",
        "leave this screen and check My Work later",
        "open the timeline",
    ],
    "upload": [
        "tap the + button to add photos",
        "upload your photo via the upload panel",
        "drag your photos into the upload area",
        "tap Upload",
    ],
}
_ZH_STEPS = {
    "export": [
        "点击 Share 分享视频",
        "长按片段，然后选择“保存到相册”",
        "点击右上角的导出按钮",
        "进入 项目 > 输出 > 视频文件",
        "點擊「匯出」下載",
    ],
    "credits": ["前往 钱包 > 充值", "打开钱包查看余额", "去 帳戶 → 儲值"],
    "state": ["打开素材库", "刷新页面查看进度", "稍后在“我的作品”里查看", "在时间线上预览"],
    "upload": ["点击“上传”按钮", "把照片拖到上传区域", "从相册导入照片"],
}
_LEADS_EN = ["", "Please ", "You can ", "Next, ", "Tip: ", "Just "]
_LEADS_ZH = ["", "请", "你可以", "接着", "提示："]


_CASES = [
    (action, step, zh)
    for zh, steps in ((False, _EN_STEPS), (True, _ZH_STEPS))
    for action, options in steps.items()
    for step in options
]


def _sentence(lead: str, step: str, zh: bool) -> str:
    if zh:
        return f"{lead}{step}。"
    if not lead or lead.endswith(": "):
        step = step[0].upper() + step[1:]
    return f"{lead}{step}."


@ROBUST
@given(case=st.sampled_from(_CASES), lead=st.integers(0, 5))
def test_a_gui_step_reaches_its_targets_action(
    tables: GuiTables, case: tuple[str, str, bool], lead: int
) -> None:
    action, step, zh = case
    leads = _LEADS_ZH if zh else _LEADS_EN
    sentence = _sentence(leads[lead % len(leads)], step, zh)
    result = translate(sentence, tables)
    assert result.actions == (action,), (sentence, result)


_PARTS = st.tuples(
    st.sampled_from(["title", "number", "step", "step+number"]),
    st.integers(0, 3),  # report template
    st.lists(st.integers(0, 99), min_size=2, max_size=4),  # title words
    st.integers(0, 99),  # step
    st.sampled_from(_NUMBERS),
)


def _reply(
    zh: bool, parts: list[tuple[str, int, list[int], int, str]]
) -> tuple[list[str], list[str]]:
    """Sentences of a generated reply, and the titles in them."""
    steps = [s for v in (_ZH_STEPS if zh else _EN_STEPS).values() for s in v]
    reports = _REPORTS_ZH if zh else _REPORTS_EN
    words = _ZH_TITLE_WORDS if zh else _TITLE_WORDS
    end = "。" if zh else "."
    sentences, titles = [], []
    for kind, report, title_words, step_at, number in parts:
        if kind == "title":
            quote = "“{}”" if zh else '"{}"'
            titles.append(
                quote.format(("" if zh else " ").join(words[i % len(words)] for i in title_words))
            )
            sentences.append(reports[report % len(reports)].format(t=titles[-1]))
            continue
        step = steps[step_at % len(steps)]
        step = step[0].upper() + step[1:]
        if kind == "number":
            sentences.append(("进度 {}" if zh else "It is at {}").format(number) + end)
        elif kind == "step":
            sentences.append(step + end)
        else:
            sentences.append(step + ("，大约 " if zh else ", about ") + number + end)
    return sentences, titles


@ROBUST
@given(zh=st.booleans(), parts=st.lists(_PARTS, min_size=1, max_size=4))
def test_a_reply_with_gui_steps_keeps_every_protected_span_and_splices_nothing(
    tables: GuiTables, zh: bool, parts: list[tuple[str, int, list[int], int, str]]
) -> None:
    sentences, titles = _reply(zh, parts)
    text = ("" if zh else " ").join(sentences)
    result = translate(text, tables)
    assert all(t in result.text for t in protected_tokens(text)), (text, result.text)
    assert all(title in result.text for title in titles), (text, result.text)
    # every output sentence is an input sentence's words (its script aside) or a rendered line
    fold = tables.script.simplified
    for piece in re.split(r"(?<=[.。])\s*", result.text):
        if piece.strip() and not _RENDERED.search(piece):
            assert fold(piece[0].lower() + piece[1:]) in fold(text) or fold(piece) in fold(text), (
                text,
                result.text,
                piece,
            )


PROBES = {
    # the translate engineer's own probe replies of round 4, four batches per register, each
    # batch written before the tuning that followed it; first-sight scores per batch
    # (everyday / hard): 36/40 & 21/30 (before the clause stage), 29/30 & 21/30, 27/30 & 28/30,
    # 25/25 & 17/20; held here at what the finished stage scores, as a ratchet. Whole-sentence
    # output (issue 10): 124/125, "Tap Download and it'll land in your camera roll" is kept
    # whole and its camera roll reads as an upload place too (the splice guard used to drop the
    # sentence's actions with its rewrite); an upload only asks for a file, it runs nothing
    "probes4_everyday": (0.99, 0),
    "probes4_hard": (0.97, 0),
    # round 5: 40 replies in registers r5t lacks (negated steps, past clicks, titles holding GUI
    # words in 《》 and quotes, slang, typos, stiff politeness, Cantonese, keyboard shortcuts,
    # answer-in-chat asks, emoji-led steps), written before tuning: first sight 35/40 with 2
    # lost-keep garbles ("😍", "做好啦～"); after: 39/40. Open: 想試聽就撳播放 (Cantonese play)
    "probes5": (0.97, 0),
}


@pytest.mark.parametrize("name", sorted(PROBES))
def test_the_probes_keep_their_score(tables: GuiTables, name: str) -> None:
    floor, garbled_at_most = PROBES[name]
    path = FIXTURES / "translate" / f"{name}.jsonl"
    lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    results = [(line, translate(line["text"], tables)) for line in lines]
    kept = [all(k in r.text for k in line["keep"]) for line, r in results]
    right = sum(
        ok and list(r.actions) in line["actions"]
        for ok, (line, r) in zip(kept, results, strict=True)
    )
    assert right / len(lines) >= floor
    assert kept.count(False) <= garbled_at_most
