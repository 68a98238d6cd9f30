"""Round-24 classes (training sets `fixtures/translate/stranger_round{34,35}_*.jsonl`).

- A GUI step put as a suggestion, an invitation, a polite question or a hedge reads as the step
  (`agent.translate.suggest`): "Why not hit Export now?", "It might be worth peeking at the
  Layers panel", "Would you mind opening Render Queue …?", 不妨 tap 一下 Download, 建议先到
  Storyboard 看一遍，再按下 Download, 麻烦您移步至「作品管理」, 你可以喺 Workspace 睇下进度.
- A page or a look named indirectly ("give the Preview a spin", "follow it on the My Works
  page", "the project page", 项目页面) is the view.
- Safety: a hedged question ("Perhaps you'd like to click Export?", "How about …?", 要不要…？),
  a bare "feel free to" (a permission), an offer, a deferral, someone else's step, a negation,
  another program or a quoted title inside a frame never export; a question asking the user's
  preference ("Would you like me to export?") is no frame.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent.translate import GuiTables, load_gui_tables, translate
from agent.translate.suggest import plain_step
from tests.translate_support import foreign_sentences

_TABLES = load_gui_tables()


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return _TABLES


@pytest.mark.parametrize(
    ("text", "actions"),
    [
        ("Why not hit Export now?", ("export",)),
        ("Why don't you just click Download?", ("export",)),
        ("Would you mind clicking Export?", ("export",)),
        ("It might be worth clicking Export now.", ("export",)),
        ("Consider hitting Download now.", ("export",)),
        ("It'd be good to hit Export now.", ("export",)),
        ("Worth peeking at the Layers panel.", ("state",)),
        ("Might be worth a look at the Layers panel.", ("state",)),
        ("Kindly proceed to Download to receive your 4K master file.", ("export",)),
        ("Please feel free to proceed to Export whenever convenient.", ("export",)),
        ("It might be worth peeking at the Layers panel — the sticker is on top now.", ("state",)),
        ("Consider giving the Activity tab a glance; the upscale job is 3/5 done.", ("state",)),
        ("Perhaps you'd like to take a quick look at how things are coming along in Projects?",
         ("state",)),
        ("Feel free to give the Preview a spin.", ("state",)),
        ("Take a peek in the preview window!", ("state",)),
        ("Would you mind opening Render Queue to confirm it's listed as complete?", ("state",)),
        ("You can follow it on the **My Works** page.", ("state",)),
        ("How about giving the preview a watch?", ("state",)),
        ("Maybe give the preview one more watch?", ("state",)),
        ("Video's looking sharp! Open the project page to see all versions side by side.",
         ("state",)),
    ],
)  # fmt: skip
def test_an_english_step_put_politely_runs(
    text: str, actions: tuple[str, ...], tables: GuiTables
) -> None:
    assert translate(text, tables).actions == actions


@pytest.mark.parametrize(
    ("text", "actions"),
    [
        # Simplified
        ("不妨点一下「导出」。", ("export",)),
        ("可以考虑点一下「导出」。", ("export",)),
        ("建议先到 Storyboard 看一遍，再按下 Download。", ("state", "export")),
        ("麻烦您移步至「作品管理」查看生成进度，目前排队第 3 位。", ("state",)),
        ("要不要先打开预览看看？", ("state",)),
        ("打开项目页面就能看到全部 6 个片段。", ("state",)),
        ("剪辑完成。您要是方便的话，不妨 Download 一下成片。", ("export",)),
        # Traditional
        ("字幕已經對齊，請您不妨 tap 一下 Download 儲存到相簿。", ("export",)),
        ("建議先到 Storyboard 看一遍，再按下 Download。", ("state", "export")),
        ("歡迎到「作品管理」查看進度。", ("state",)),
        # Cantonese
        ("你可以喺 Workspace 睇下而家嘅進度，大概完成咗 55%。", ("state",)),
        ("不如你撳「匯出」啦。", ("export",)),
        ("建議先到 Storyboard 睇一遍，再撳 Download。", ("state", "export")),
    ],
)  # fmt: skip
def test_a_chinese_step_put_politely_runs(
    text: str, actions: tuple[str, ...], tables: GuiTables
) -> None:
    assert translate(text, tables).actions == actions


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Why not hit Export now? The grade is locked in at \"Teal & Orange\".", "Teal & Orange"),
        ("It might be worth peeking at the Layers panel — the sticker is on top now.",
         "the sticker is on top now"),
        ("麻烦您移步至「作品管理」查看生成进度，目前排队第 3 位。", "目前排队第 3 位"),
        ("你可以喺 Workspace 睇下而家嘅進度，大概完成咗 55%。", "大概完成咗 55%"),
    ],
)  # fmt: skip
def test_a_sentence_saying_more_than_the_step_stays_whole(
    text: str, kept: str, tables: GuiTables
) -> None:
    result = translate(text, tables)
    assert kept in result.text
    assert not foreign_sentences(result.text, text, tables)


@pytest.mark.parametrize(
    "text",
    [
        "Perhaps you'd like to click Export?",
        "It'd be best to hit Export once the render finishes.",
        "Worth noting: the Export button stays grey until the render is done.",
        "How about hitting Export now?",
        "Maybe hit Download?",
        "Feel free to hit Export whenever you're ready.",
        "Feel free to hit Export once you've had a look.",
        "You're welcome to hit Export now.",
        "Would you like me to export it?",
        "Would you like to export it now?",
        "Do you want me to export?",
        "Why didn't you click Export?",
        "Would you mind if I exported it now?",
        "要不要现在导出？",
        # the step set against the agent doing it or waiting: a choice answered in chat
        "Will you click Export, or should I?",
        "Could you click Export, or would you rather I wait for the music?",
        "Why not hit Export now, or I can add music first?",
        "不妨点一下导出，还是我来？",
        # a suggestion turned down
        "I wouldn't recommend clicking Export yet.",
        "I'd advise against hitting Download before the music is in.",
        "我不建议现在点导出。",
        "暂不建议点导出，音乐还没对好。",
        "我唔建議而家撳「匯出」。",
        "要唔要而家撳「匯出」？",
    ],
)
def test_a_preference_asked_or_a_permission_exports_nothing(text: str, tables: GuiTables) -> None:
    assert "export" not in translate(text, tables).actions


def test_a_suggestion_turned_down_still_shows_its_view(tables: GuiTables) -> None:
    assert translate("我不建议现在导出，先打开预览看看。", tables).actions == ("state",)


def test_a_frame_is_cut_and_a_gerund_after_it_made_a_verb() -> None:
    framed = plain_step("Would you mind opening the Timeline?")
    assert (framed.text, framed.frame) == ("open the Timeline.", "firm")
    assert plain_step("Why not hit Export now?").text == "hit Export now."
    assert plain_step("Perhaps you'd like to click Export?").soft
    assert plain_step("Feel free to click Export.").soft
    assert not plain_step("Why not click Export?").soft
    assert plain_step("Click Export.").frame == ""
    # a Chinese frame opens its sentence or clause: none after a negation or someone else
    assert plain_step("我建议你点一下导出。").text == "请点一下导出。"
    assert plain_step("他们建议点导出。").frame == ""


# the safety side: a frame around an offer, a deferral, someone else's step, a negation, another
# program or a quoted title never exports, in any frame, as a statement or a question
_FRAMES_VERB = [
    "Why not ", "Why don't you ", "Maybe ", "Perhaps you'd like to ", "Kindly ",
    "Please feel free to ", "Feel free to ", "You might want to ", "Looks great — why not ",
]  # fmt: skip
_FRAMES_GERUND = [
    "Would you mind ",
    "It might be worth ",
    "Consider ",
    "How about ",
    "I'd suggest ",
]
_UNSAFE = [
    ("let me export it for you", "letting me export it for you"),
    ("hit Download once the render finishes", "hitting Download once the render finishes"),
    ("click Export after your client approves it", "clicking Export after your client approves it"),
    ("click Export later", "clicking Export later"),
    ("hold off on clicking Export for now", "holding off on clicking Export for now"),
    ("ask your teammate to click Export", "asking your teammate to click Export"),
    ("have the admin hit Download", "having the admin hit Download"),
    ("click Export in Premiere", "clicking Export in Premiere"),
    ('watch the "Click Export Now" tutorial', 'watching the "Click Export Now" tutorial'),
    ("tell me if you want me to export it", "telling me if you want me to export it"),
    ("click Export, or should I do it", "clicking Export, or should I do it"),
    ("hit Download, or I can wait for the music", "hitting Download, or I can wait for the music"),
    ("click Export again in 10 minutes", "clicking Export again in 10 minutes"),
    ("not click Export yet", "not clicking Export yet"),
]
_BEFORE = ["", "Done! ", "The music is set. ", "The export failed. "]


@given(
    st.sampled_from(_FRAMES_VERB + _FRAMES_GERUND),
    st.sampled_from(_UNSAFE),
    st.sampled_from([".", "?"]),
    st.sampled_from(_BEFORE),
)
def test_an_english_frame_around_an_unsafe_step_never_exports(
    frame: str, step: tuple[str, str], end: str, before: str
) -> None:
    said = step[1] if frame in _FRAMES_GERUND else step[0]
    text = before + frame + said + end
    result = translate(text, _TABLES)
    assert "export" not in result.actions, text
    assert not foreign_sentences(result.text, text, _TABLES), (text, result.text)


_FRAMES_ZH = [
    "不妨",
    "建议",
    "建议您",
    "麻烦您",
    "要不要",
    "可以考虑",
    "不如",
    "請您不妨",
    "歡迎",
    "不如你",
]
_UNSAFE_ZH = [
    "先别点导出", "等客户确认后再点导出", "让同事点导出", "在剪映里点导出", "稍后再点导出",
    "等渲染完成后再点「导出」", "唔好住撳「匯出」", "叫同事撳「匯出」", "等客戶確認咗先撳「匯出」",
    "聽日再撳「匯出」", "我帮你导出", "让我来导出",
]  # fmt: skip


@given(
    st.sampled_from(_FRAMES_ZH),
    st.sampled_from(_UNSAFE_ZH),
    st.sampled_from(["。", "？"]),
    st.sampled_from(["", "字幕已对齐，", "搞掂！"]),
)
def test_a_chinese_frame_around_an_unsafe_step_never_exports(
    frame: str, step: str, end: str, before: str
) -> None:
    text = before + frame + step + end
    result = translate(text, _TABLES)
    assert "export" not in result.actions, text
    assert not foreign_sentences(result.text, text, _TABLES), (text, result.text)


@given(
    st.sampled_from(["Why not ", "Would you mind ", "Kindly ", "不妨", "建议"]),
    st.sampled_from(["Done! ", "字幕已对齐。", ""]),
)
def test_a_firm_frame_around_a_view_shows_it_and_keeps_the_rest(frame: str, before: str) -> None:
    step = {
        "Would you mind ": "opening the Timeline?",
        "不妨": "打开预览看看。",
        "建议": "先打开预览看看。",
    }.get(frame, "open the Timeline.")
    text = before + frame + step
    result = translate(text, _TABLES)
    assert result.actions == ("state",), text
    assert before.strip() in result.text
    assert not foreign_sentences(result.text, text, _TABLES), (text, result.text)
