"""Translator round tr30 (the round-29 integration's next round, not the stranger round 30).

- Another format or version offered after one is refused ("GIF export isn't supported; you can
  export as MP4 instead", 暂不支持 WebM 输出，可以导出为 MP4, 唔支援 GIF，可以匯出做 MP4): an
  alternative answered in chat, no export.
- 待…完成後再 (Taiwanese 算繪) as a wait on work not done, and "wait until the export finishes":
  no export.
- Another file asked after the user's file failed ("no video stream — do you have another
  version?", 分辨率太低，建议换一张更清晰的照片): the upload runs.
- A look at the result asked ("Take a look at how the cut lands at 0:12", 你可以看看现在的节奏):
  the state runs.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent.translate import GuiTables, load_gui_tables, translate
from agent.translate.retake import another_file, look_asked
from tests.translate_support import foreign_sentences

_TABLES = load_gui_tables()


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return _TABLES


_ALTERNATIVES = [
    "抱歉，暂不支持 WebM 输出，可以导出为 MP4。",
    "抱歉，暫不支援 WebM 輸出，可以匯出為 MP4。",
    "唔好意思，暫時唔支援 WebM，可以匯出做 MP4。",
    "唔好意思，唔支援 GIF 匯出。你可以匯出做 MP4。",
    "目前无法导出 ProRes，你可以改为导出 MP4。",
    "Sorry, GIF export isn't supported; you can export as MP4 instead.",
    "Sorry, MOV isn't supported. You can export as MP4 instead.",
    "We can't export to MOV right now — you could export an MP4 instead.",
    "Unfortunately ProRes isn't available, but you can download it as an MP4.",
    "AVI output is not supported yet. Click Export and choose MP4 instead.",
    "WebM isn't something we can output yet, but MP4 works — just hit Export.",
    "很遗憾，目前不能输出 GIF 动图，建议导出 MP4 格式。",
    "GIF 唔得住，不如匯出 MP4 啦。",
    "抱歉，暂时不提供 4K 导出，你可以先导出 1080p 版本。",
    "目前仲未支援直出 GIF，可以撳「匯出」揀 MP4。",
]


@pytest.mark.parametrize("text", _ALTERNATIVES)
def test_an_alternative_after_a_refusal_runs_no_export(text: str, tables: GuiTables) -> None:
    result = translate(text, tables)
    assert "export" not in result.actions
    assert not foreign_sentences(result.text, text, tables)


_WAITS = [
    "請稍候，待影片算繪完成後再點選「下載」。目前進度 40%。",
    "请稍候，待视频算图完成后再点击「下载」。",
    "待渲染完成後再撳「匯出」。",
    "請稍等，等影片算繪完成之後再點「匯出」。",
    "Please wait until the export finishes, then click Download.",
    "Hang on until the render is done, then hit Export.",
    "請稍候，影片正在算繪中，待完成後再點選「匯出」。",
    "等佢算繪完先至撳「下載」。",
]


@pytest.mark.parametrize("text", _WAITS)
def test_a_step_after_a_wait_runs_no_export(text: str, tables: GuiTables) -> None:
    result = translate(text, tables)
    assert "export" not in result.actions
    assert not foreign_sentences(result.text, text, tables)


_STILL_EXPORTS = [
    "Click Export to download the MP4.",
    "点击「导出」下载视频。",
    "撳「匯出」就可以下載條片。",
    "期待你的作品！点击「导出」即可下载。",
    "I couldn't find a logo, so I used text. Click Export to download it.",
]


@pytest.mark.parametrize("text", _STILL_EXPORTS)
def test_a_plain_step_still_exports(text: str, tables: GuiTables) -> None:
    assert "export" in translate(text, tables).actions


_ANOTHER = [
    "The clip you sent has no video stream — do you have another version?",
    "Clip 2 (a.mov) couldn't be decoded. Try re-sending it, or send a different take.",
    "This file is corrupted. Could you send another copy?",
    "素材「x.jpg」解析度太低，建議換一張更清晰的照片。",
    "素材「x.jpg」分辨率太低，建议换一张更清晰的照片。",
    "你發嘅片冇畫面，有冇其他版本？",
    "这段视频无法解码，有没有别的版本？",
    "The audio file you uploaded seems to be empty — could you share a different recording?",
    "I couldn't open interview.mp4; it may be corrupted. Do you have a backup copy?",
    "你上傳嘅相太矇，可唔可以換過一張清啲嘅？",
    "這段影片無法播放，麻煩換一個檔案再上傳。",
    "这张图片太模糊了，能换一张吗？",
]


@pytest.mark.parametrize("text", _ANOTHER)
def test_another_file_after_a_failure_asks_an_upload(text: str, tables: GuiTables) -> None:
    result = translate(text, tables)
    assert "upload" in result.actions
    assert "export" not in result.actions
    assert not foreign_sentences(result.text, text, tables)


_NO_ANOTHER = [
    "导出失败：素材 clip_07.mp4 已损坏。请稍后重试，或者换一段素材。",
    "渲染中断：第 2 个视频片段 “beach_drone.mov” 解码失败，已自动替换为相邻帧。",
    "The clip you sent had no audio track, so I used a different take from your first upload.",
    "If you have another version, I can swap it in.",
    "The photo is a bit too dark, but no need to send another one — I brightened it.",
    "I'll try a different version of the transition.",
    "换一个风格试试？",
]


@pytest.mark.parametrize("text", _NO_ANOTHER)
def test_no_failure_or_no_ask_runs_no_upload(text: str, tables: GuiTables) -> None:
    assert "upload" not in translate(text, tables).actions


_LOOKS = [
    "Take a look at how the cut lands at 0:12 — right on the beat.",
    "Have a look at the transition at 0:30, it's smoother now.",
    "你可以看看现在的节奏，第二段更紧凑了。",
    "你可以睇下而家嘅節奏，第二段緊湊咗。",
    "你可以看一下第二段的转场，衔接更自然了。",
    "Check out how the new intro flows into the first scene.",
    "Give it a watch — the music now swells right as the logo appears.",
    "去睇下第三段，我將節奏加快咗。",
    "你可以听听现在的配乐，副歌部分提前了。",
]


@pytest.mark.parametrize("text", _LOOKS)
def test_a_look_at_the_result_shows_the_state(text: str, tables: GuiTables) -> None:
    result = translate(text, tables)
    assert "state" in result.actions
    assert "export" not in result.actions
    assert result.text == text


_NO_LOOKS = [
    "Let me take a look at the cut at 0:12.",
    "Once it renders, take a look at the new intro.",
    "Take a look at our pricing page for the plans.",
    "You can see how much of your monthly quota is left under Account > Usage.",
    "字幕「拖动查看更多」已添加在画面底部。",
    "我看看现在的节奏。",
    "完成后你可以看看新的结尾。",
    "Check how many coins you have left in the Wallet tab.",
]


@pytest.mark.parametrize("text", _NO_LOOKS)
def test_no_look_asked_runs_no_state(text: str, tables: GuiTables) -> None:
    assert "state" not in translate(text, tables).actions


def test_the_readers_alone() -> None:
    assert another_file("Try re-sending it, or send a different take.", "Clip 2 failed to decode.")
    assert another_file("Could you send a different take?", "") is None  # no failure said
    assert look_asked("Take a look at how the cut lands.") == 0
    assert look_asked("I'll take a look at it.") is None


# an alternative after a refusal, in the words of each language: never an export
_REFUSALS = st.sampled_from(
    [
        "Sorry, {f} export isn't supported",
        "{f} isn't available right now",
        "We can't export to {f} yet",
        "{f} output is not supported",
        "抱歉，暂不支持 {f} 输出",
        "目前無法匯出 {f}",
        "唔好意思，暫時唔支援 {f}",
    ]
)
_OFFERS = st.sampled_from(
    [
        "you can export as {g} instead",
        "you could download it as an {g}",
        "click Export and pick {g} instead",
        "可以导出为 {g}",
        "可以改为导出 {g}",
        "你可以匯出做 {g}",
        "可以點「匯出」改成 {g}",
    ]
)
_FORMATS = st.sampled_from(["WebM", "GIF", "MOV", "ProRes", "AVI", "MP4", "4K"])


@settings(max_examples=60, deadline=None)
@given(refusal=_REFUSALS, offer=_OFFERS, f=_FORMATS, g=_FORMATS, split=st.booleans())
def test_an_alternative_after_a_refusal_never_exports(
    refusal: str, offer: str, f: str, g: str, split: bool
) -> None:
    cjk = any("\u4e00" <= c <= "\u9fff" for c in refusal + offer)
    sep = ("。" if cjk else ". ") if split else ("，" if cjk else "; ")
    text = refusal.format(f=f) + sep + offer.format(g=g) + ("。" if cjk else ".")
    result = translate(text, _TABLES)
    assert "export" not in result.actions
    assert not foreign_sentences(result.text, text, _TABLES)


# a step after 待 (or 等) the work's end, in Simplified, Traditional and Cantonese: never an export
@settings(max_examples=60, deadline=None)
@given(
    wait=st.sampled_from(["待", "等", "請稍候，待", "请稍等，等"]),
    work=st.sampled_from(["影片算繪", "视频算图", "渲染", "匯出", "导出", "佢算繪", "合成"]),
    done=st.sampled_from(["完成後再", "完成之后再", "完先至", "好咗先", "完成后才"]),
    step=st.sampled_from(["點選「下載」", "点击「导出」", "撳「匯出」", "按下载"]),
    tail=st.sampled_from(["。", "。目前進度 40%。", "。"]),
)
def test_a_step_after_a_wait_never_exports(
    wait: str, work: str, done: str, step: str, tail: str
) -> None:
    text = f"{wait}{work}{done}{step}{tail}"
    result = translate(text, _TABLES)
    assert "export" not in result.actions
    assert not foreign_sentences(result.text, text, _TABLES)
