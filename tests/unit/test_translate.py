"""The GUI translator against the shared dev set, our own extra set, and content invariants."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from agent.translate import Translation, translate
from agent.translate.prose import mask
from agent.translate.tables import GuiTables, load_gui_tables
from tests.conftest import FIXTURES, REPO
from tests.translate_support import foreign_sentences, kept_whole, sentences

DEV_SET = REPO.parent / "shared" / "eval" / "translate_dev.jsonl"
EXTRA_SET = FIXTURES / "translate" / "extra.jsonl"  # written before any tuning
REGRESS_SET = FIXTURES / "translate" / "regress.jsonl"  # harder phrasings found while tuning
BLIND_SET = FIXTURES / "translate" / "blind.jsonl"  # held-out style, written before reading code
BLIND3_SET = FIXTURES / "translate" / "blind3.jsonl"  # a third blind round (94.0% on first run)
# stranger-written round 1 (first sight 61.7% and 36.7%); hard: a floor, and never a garble
ROUND1_EVERYDAY = FIXTURES / "translate" / "round1_everyday.jsonl"
ROUND1_HARD = FIXTURES / "translate" / "round1_hard.jsonl"
# stranger-written round 2 (first sight 85.0% and 70.0%, 3 garbled; then 98.3% and 98.3%):
# floors, and never a garble
ROUND2_EVERYDAY = FIXTURES / "translate" / "round2_everyday.jsonl"
ROUND2_HARD = FIXTURES / "translate" / "round2_hard.jsonl"

FLOOR_R2_EVERYDAY = 0.95
FLOOR_R2_HARD = 0.95

# Independent of the tables: words that must never reach the user outside quotes.
_GUI_WORDS = re.compile(
    r"(?i)\b(?:click|tap|drag|button|panel|canvas|icon|timeline|preview|editor|menu|toolbar|slider)\b"
    r"|点击|拖拽|拖动|按钮|面板|画布|图标|时间线|时间轴|预览|编辑器|菜单"
)


def _lines(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _param(path: Path) -> Any:
    lines = _lines(path)
    if not lines:
        absent = pytest.param(None, marks=pytest.mark.skip(reason=f"{path} is absent"))
        return pytest.mark.parametrize("line", [absent])
    return pytest.mark.parametrize("line", lines, ids=[line["text"][:50] for line in lines])


@pytest.fixture(scope="module")
def tables() -> GuiTables:
    return load_gui_tables()


def is_clean(result: Translation, line: dict[str, Any], tables: GuiTables) -> bool:
    """Clean = actions as labelled, every kept phrase verbatim, every sentence of the output a
    sentence of the input or a template line, and no GUI instruction left in a sentence kept
    whole unless it holds a kept phrase (a report, a quote or a number beside its step: kept
    whole by design, its action still runs)."""
    if list(result.actions) not in line["actions"]:
        return False
    if not all(phrase in result.text for phrase in line["keep"]):
        return False
    if foreign_sentences(result.text, line["text"], tables):
        return False
    written = set(sentences(line["text"]))
    for sentence in sentences(result.text):
        if sentence not in written or any(phrase in sentence for phrase in line["keep"]):
            continue
        masked = mask(sentence).text
        again = translate(masked, tables)
        if again.text != masked or again.actions or _GUI_WORDS.search(masked):
            return False
    return True


@_param(DEV_SET)
def test_dev_line_translates_clean(line: dict[str, Any], tables: GuiTables) -> None:
    result = translate(line["text"], tables)
    assert _clean_or_kept_whole(result, line, tables), result


@_param(EXTRA_SET)
def test_extra_line_translates_clean(line: dict[str, Any], tables: GuiTables) -> None:
    result = translate(line["text"], tables)
    assert _clean_or_kept_whole(result, line, tables), result


def safe(result: Translation, line: dict[str, Any], tables: GuiTables) -> bool:
    """Safe = actions as labelled (or nothing, when a sentence holding its step is kept whole
    and unsure), every kept phrase verbatim, and whole sentences and template lines only: a
    sentence kept whole with its GUI step in it is a safe miss, never a garble."""
    if list(result.actions) not in [*line["actions"], []]:
        return False
    return all(p in result.text for p in line["keep"]) and not foreign_sentences(
        result.text, line["text"], tables
    )


def _clean_or_kept_whole(result: Translation, line: dict[str, Any], tables: GuiTables) -> bool:
    return is_clean(result, line, tables) or (
        safe(result, line, tables) and list(result.actions) in line["actions"]
    )


@_param(REGRESS_SET)
def test_regression_line_translates_clean(line: dict[str, Any], tables: GuiTables) -> None:
    result = translate(line["text"], tables)
    assert _clean_or_kept_whole(result, line, tables), result


@_param(BLIND_SET)
def test_blind_line_translates_clean(line: dict[str, Any], tables: GuiTables) -> None:
    result = translate(line["text"], tables)
    assert _clean_or_kept_whole(result, line, tables), result


@_param(BLIND3_SET)
def test_third_blind_round_line_translates_clean(line: dict[str, Any], tables: GuiTables) -> None:
    result = translate(line["text"], tables)
    assert _clean_or_kept_whole(result, line, tables), result


@pytest.mark.parametrize(
    ("path", "size"),
    [(EXTRA_SET, 80), (BLIND_SET, 120), (BLIND3_SET, 150), (ROUND1_EVERYDAY, 60)],
)
def test_each_own_set_is_at_least_95_percent_clean(
    path: Path, size: int, tables: GuiTables
) -> None:
    lines = _lines(path)
    clean = sum(
        _clean_or_kept_whole(translate(line["text"], tables), line, tables) for line in lines
    )
    assert len(lines) >= size
    assert clean / len(lines) >= 0.95


# How many lines of each set come out with no GUI step left outside a sentence holding a kept
# phrase. Before issue 10's whole-sentence output every line did, by rewriting clauses inside
# sentences (the slot lines "Tell me how you'd like to fine-tune it", "I'll show you the current
# tracks so you can check the pacing", which is where splices came from). Now a sentence whose
# step carries its own words (a purpose, an object, a condition, a number) is kept whole and its
# action runs: a safe miss, counted here as a ratchet. A permission ("You can export your video
# anytime from the top toolbar") is no step since round 13: kept whole with its GUI words, so
# the regress set counts one line fewer. Since round 18 a markdown list item or heading is kept
# byte for byte (its action's line said once after the reply, never inside the list), so the
# GUI steps of a numbered procedure stay in their items: one line fewer in extra, four in regress.
# Since round 30 a step that names more of what it fetches than the line says ("save the clip",
# "check your credit balance") keeps its sentence: one line fewer in extra, regress and blind.
STEPS_SAID_BY_LINES = {EXTRA_SET: 85, REGRESS_SET: 603, BLIND_SET: 101, BLIND3_SET: 138}


@pytest.mark.parametrize(("path", "floor"), list(STEPS_SAID_BY_LINES.items()))
def test_steps_said_by_their_lines_keep_their_count(
    path: Path, floor: int, tables: GuiTables
) -> None:
    lines = _lines(path)
    assert sum(is_clean(translate(line["text"], tables), line, tables) for line in lines) >= floor


def test_plain_content_lines_pass_through_byte_for_byte(tables: GuiTables) -> None:
    plain = [
        line
        for path in (EXTRA_SET, REGRESS_SET, BLIND_SET, BLIND3_SET, DEV_SET)
        for line in _lines(path)
        if line["actions"] == [[]] and line["keep"] == [line["text"]]
    ]
    assert len(plain) >= 40
    for line in plain:
        assert translate(line["text"], tables) == Translation(line["text"], ())


def test_is_clean_rejects_a_leftover_instruction(tables: GuiTables) -> None:
    line = {"text": "Done. Click Export.", "actions": [["export"]], "keep": ["Done."]}
    assert not is_clean(Translation("Done. Click Export.", ("export",)), line, tables)
    assert not is_clean(Translation("Done.", ()), line, tables)
    assert is_clean(Translation("Done.", ("export",)), line, tables)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Your clip is finished. Click Export to get the MP4.",
            Translation("Your clip is finished. I'll export the MP4 for you.", ("export",)),
        ),
        (
            "Background music added. Preview in timeline to hear it.",
            Translation("Background music added.", ("state",)),
        ),
        (
            "Drag the music track to start at 0:02.",
            Translation("Drag the music track to start at 0:02.", ()),
        ),
        (
            "Preview it in the timeline, or click Export to save the MP4.",
            Translation("I'll export the MP4 for you.", ("state", "export")),
        ),
        (
            "积分不足，请前往账户充值。",
            Translation("积分不足，请前往账户充值。我会帮你查询积分余额。", ("credits",)),
        ),
        (
            "Select the clip and press Delete.",
            Translation("Select the clip and press Delete.", ()),
        ),
    ],
)
def test_known_instructions_become_whole_translations(
    text: str, expected: Translation, tables: GuiTables
) -> None:
    assert translate(text, tables) == expected


@pytest.mark.parametrize(
    "text",
    [
        'The subtitle reads "Tap to shop" in white.',
        "Added the title 'Click here to win' at 0:01.",
        "标题“点击下载”已添加。",
        "Run `click export` in a terminal? No: I named the layer `drag-me`.",
        "Assets are at https://example.com/click/export/drag.mp4 for a day.",
    ],
)
def test_gui_words_inside_quotes_code_or_urls_are_content(text: str, tables: GuiTables) -> None:
    assert translate(text, tables) == Translation(text, ())


def test_markdown_list_items_stay_whole_and_the_line_follows_the_reply(
    tables: GuiTables,
) -> None:
    text = "**Done!** Music at 35%.\n\n- Preview it in the timeline\n- Click Export to download\n"
    result = translate(text, tables)
    assert result == Translation(
        text.rstrip("\n") + "\n\nI'll export the MP4 for you.\n", ("state", "export")
    )


def test_removing_an_instruction_keeps_neighbouring_content(tables: GuiTables) -> None:
    text = (
        "Title added (0-3s). Click the Export button when you're happy with it. Music: 0:02-0:10."
    )
    result = translate(text, tables)
    assert result.text.startswith("Title added (0-3s). ")
    assert result.text.endswith(" Music: 0:02-0:10.")
    assert result.actions == ("export",)


def test_content_beside_an_instruction_keeps_the_sentence_whole(tables: GuiTables) -> None:
    text = "Preview it in the timeline, and the music fades at 0:09."
    assert translate(text, tables) == Translation(text, ("state",))


def test_reported_work_is_not_an_instruction(tables: GuiTables) -> None:
    for text in ["I put the title on the timeline at 0:02.", "我已在时间线上调整了顺序。"]:
        assert translate(text, tables) == Translation(text, ())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Your video is ready (click Export to download).",
            Translation(
                "Your video is ready (click Export to download). I'll export the MP4 for you.",
                ("export",),
            ),
        ),
        (
            "音乐已添加（在时间线中预览）。",
            Translation("音乐已添加（在时间线中预览）。", ("state",)),
        ),
        (
            "Step 1: done. Step 2: Click Export.",
            Translation(
                "Step 1: done. Step 2: Click Export. I'll export the MP4 for you.", ("export",)
            ),
        ),
    ],
)
def test_asides_and_numbered_steps_are_translated_in_place(
    text: str, expected: Translation, tables: GuiTables
) -> None:
    assert translate(text, tables) == expected


def test_chinese_text_is_rewritten_in_chinese(tables: GuiTables) -> None:
    result = translate("视频制作完成，点击导出按钮下载。", tables)
    assert result.text.startswith("视频制作完成，")
    assert not re.search(r"[A-Za-z]{3,}", result.text.replace("MP4", ""))


def test_default_tables_are_loaded_when_none_are_given() -> None:
    assert translate("Click Export.") == translate("Click Export.", load_gui_tables())


_SAFE_WORDS = [
    "the", "harbor", "clip", "is", "ready", "music", "at", "35%", "zoom", "slow", "title",
    "golden", "hour", "added", "0:02", "0-3s", "video", "seconds", "lighthouse", "fade",
    "我", "已", "生成", "视频", "音乐", "标题", "秒", "字幕", "海港", "缓慢", "推近",
]  # fmt: skip
_SAFE_PUNCT = [" ", " ", ". ", ", ", "! ", "? ", "。", "，", "\n", "- ", "**", "(", ")", "; "]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_SAFE_WORDS + _SAFE_PUNCT), max_size=40))
def test_text_without_gui_words_passes_through_unchanged(
    tables: GuiTables, tokens: list[str]
) -> None:
    text = "".join(tokens)
    assert translate(text, tables) == Translation(text, ())


_CONTENT = [
    "Your clip is ready.",
    "Music added at 35% (0:00-0:10).",
    'The caption reads "Tap to shop".',
    "I put the title on the timeline at 0:02.",
    "标题已改为“春日限定”。",
    "背景音乐已添加。",
    "Want me to add subtitles?",
]
_INSTRUCTIONS = [
    ("Click Export to download it.", "export"),
    ("Preview it in the timeline.", "state"),
    ("Open the Tracks panel.", "state"),
    ("Visit your account billing page.", "credits"),
    ("Drag the title to 0:03.", None),
    ("Click the Upload button to add photos.", "upload"),
    ("点击导出按钮下载。", "export"),
    ("请打开时间线查看效果。", "state"),
    ("积分不足时请前往账户充值。", "credits"),
    ("拖拽图片到画布上。", "upload"),
]


@settings(max_examples=120, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(_CONTENT), st.sampled_from(_INSTRUCTIONS)),
        min_size=1,
        max_size=6,
    )
)
# a reply of silent steps whose second says what it is for: once said, its output is stable
@example(pieces=[_INSTRUCTIONS[1], _INSTRUCTIONS[7]])
def test_mixed_messages_keep_content_and_collect_actions_in_order(
    tables: GuiTables, pieces: list[str | tuple[str, str | None]]
) -> None:
    text = " ".join(p if isinstance(p, str) else p[0] for p in pieces)
    expected = [p[1] for p in pieces if isinstance(p, tuple) and p[1]]
    if "upload" in expected:  # an export after an upload asked for waits for the file
        first = expected.index("upload")
        expected = [*expected[:first], *(a for a in expected[first:] if a != "export")]
    result = translate(text, tables)
    assert result.actions == tuple(dict.fromkeys(expected))
    for piece in pieces:
        if isinstance(piece, str):
            assert piece in result.text
    again = translate(result.text, tables)  # a second pass changes nothing more
    assert again.text == result.text
    assert set(again.actions) <= set(result.actions)


def test_a_kept_purpose_sentence_is_said_alone_and_stays_so(tables: GuiTables) -> None:
    """Silent steps, one kept whole for what it is for: the kept one speaks, no view's line
    beside it (a second reading would take that line for content and drop the sentence)."""
    text = "Preview it in the timeline. 请打开时间线查看效果。"
    result = translate(text, tables)
    assert result == Translation("请打开时间线查看效果。", ("state",))
    assert translate(result.text, tables) == result


_GUI_BITS = [
    "Click Export",
    "点击导出",
    "drag",
    "拖拽",
    " the timeline",
    "在时间线中预览",
    '"',
    "“",
    "`",
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.one_of(st.text(max_size=12), st.sampled_from(_GUI_BITS + _SAFE_PUNCT)), max_size=12)
)
def test_any_text_translates_without_errors_or_leaked_placeholders(
    tables: GuiTables, pieces: list[str]
) -> None:
    text = "".join(pieces)
    result = translate(text, tables)
    assert set(result.actions) <= {"export", "state", "credits", "sse", "upload"}
    assert not any(0xF0000 <= ord(ch) <= 0xFFFFD for ch in result.text if ch not in text)


@pytest.mark.parametrize(
    ("path", "floor"),
    [(ROUND1_HARD, 0.6), (ROUND2_EVERYDAY, FLOOR_R2_EVERYDAY), (ROUND2_HARD, FLOOR_R2_HARD)],
)
def test_a_stranger_set_keeps_a_floor_and_never_loses_a_kept_span(
    tables: GuiTables, path: Path, floor: float
) -> None:
    lines = _lines(path)
    results = [(line, translate(line["text"], tables)) for line in lines]
    garbled = [r.text for line, r in results if not all(k in r.text for k in line["keep"])]
    right = sum(
        list(r.actions) in line["actions"] and all(k in r.text for k in line["keep"])
        for line, r in results
    )
    assert garbled == []
    assert right / len(lines) >= floor


@pytest.mark.parametrize(
    ("text", "expected", "actions"),
    [
        # Cantonese characters are read as Mandarin and never written back in the answer
        (
            "你嘅片已經整好，撳「下載」就得。",
            "你嘅片已經整好，撳「下載」就得。",
            ("export",),
        ),
        ("點數不足，請到儲值頁面加值。", "點數不足，請到儲值頁面加值。", ("credits",)),
        # an English place name in a Chinese sentence is decided by its label
        (
            "在 Tracks 面板里可以看到三条轨道：图片、音乐、字幕。",
            "在 Tracks 面板里可以看到三条轨道：图片、音乐、字幕。",
            ("state",),
        ),
        (
            "点这里上传新的背景音乐文件。",
            "点这里上传新的背景音乐文件。",
            ("upload",),
        ),
        # progress surfaces are the state; what was mid-sentence opens with a capital
        (
            "Check the progress bar at the top of the page; it's 35% done.",
            "Check the progress bar at the top of the page; it's 35% done.",
            ("state",),
        ),
        # the user's own word for the balance is said back
        (
            "Go to Settings > Billing > Wallet to see your coin balance.",
            "Go to Settings > Billing > Wallet to see your coin balance.",
            ("credits",),
        ),
        (
            "Swipe up on the preview to see the full track list.",
            "Swipe up on the preview to see the full track list.",
            ("state",),
        ),
        # a rewrite that would stop on a word needing more is a splice: the sentence stays
        # whole; the clause classifier is sure of its target, so the export still runs
        (
            "Finished! Click Export, then choose MP4 (H.264).",
            "Finished! Click Export, then choose MP4 (H.264).",
            ("export",),
        ),
    ],
)
def test_round_two_classes(
    tables: GuiTables, text: str, expected: str, actions: tuple[str, ...]
) -> None:
    result = translate(text, tables)
    assert result.actions == actions
    # a sentence kept whole is followed by the line of what it runs, nothing else
    assert result.text == expected or (expected == text and kept_whole(result.text, text, tables))


def test_a_gesture_on_the_way_and_a_placed_chinese_label_keep_the_sentence_whole(
    tables: GuiTables,
) -> None:
    text = "请在手机上上滑打开素材面板，选择“从相册导入”添加照片。"
    result = translate(text, tables)
    assert kept_whole(result.text, text, tables)
    assert "upload" in result.actions
    text = "素材库中已有 beach_01.jpg 和 beach_02.jpg，点击“素材”标签即可查看。"
    assert kept_whole(translate(text, tables).text, text, tables)
