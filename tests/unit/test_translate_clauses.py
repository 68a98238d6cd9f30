"""The clause classifier (second stage) over generated replies: a GUI step's TARGET decides its
action whatever the gesture or path syntax, and a reply is never corrupted: quoted titles full
of trigger words, numbers and file names come through byte for byte, and every sentence is
either kept whole or replaced whole by a rendered line."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.translate import GuiTables, Translation, load_gui_tables, translate
from agent.translate.prose import protected_tokens

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


@ROBUST
@given(st.data())
def test_a_report_of_a_title_full_of_trigger_words_runs_nothing(
    tables: GuiTables, data: st.DataObject
) -> None:
    zh = data.draw(st.booleans())
    title = data.draw(_title(zh))
    text = data.draw(st.sampled_from(_REPORTS_ZH if zh else _REPORTS_EN)).format(t=title)
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


@ROBUST
@given(st.data())
def test_a_reply_with_gui_steps_keeps_every_protected_span_and_splices_nothing(
    tables: GuiTables, data: st.DataObject
) -> None:
    zh = data.draw(st.booleans())
    steps = _ZH_STEPS if zh else _EN_STEPS
    end = "。" if zh else "."
    sentences, titles = [], []
    for _ in range(data.draw(st.integers(1, 4))):
        kind = data.draw(st.sampled_from(["title", "number", "step", "step+number"]))
        if kind == "title":
            template = data.draw(st.sampled_from(_REPORTS_ZH if zh else _REPORTS_EN))
            titles.append(data.draw(_title(zh)))
            sentences.append(template.format(t=titles[-1]))
            continue
        step = data.draw(st.sampled_from([s for v in steps.values() for s in v]))
        step = step[0].upper() + step[1:]
        if kind == "number":
            sentences.append(
                ("进度 {}" if zh else "It is at {}").format(data.draw(st.sampled_from(_NUMBERS)))
                + end
            )
        elif kind == "step":
            sentences.append(step + end)
        else:
            number = data.draw(st.sampled_from(_NUMBERS))
            sentences.append(step + ("，大约 " if zh else ", about ") + number + end)
    text = ("" if zh else " ").join(sentences)
    result = translate(text, tables)
    assert all(t in result.text for t in protected_tokens(text)), (text, result.text)
    assert all(title in result.text for title in titles), (text, result.text)
    # every output sentence is an input sentence's words or holds a rendered line
    for piece in re.split(r"(?<=[.。])\s*", result.text):
        if piece.strip():
            assert (
                piece in text or piece[0].lower() + piece[1:] in text or _RENDERED.search(piece)
            ), (text, result.text, piece)
