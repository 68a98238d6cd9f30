"""What the user says must stay as it is freezes that target (agent/local/interpreter/frozen.py),
and an English target word inside Chinese is read as that target."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.local.interpreter.frozen import frozen_clauses, without_frozen
from agent.local.interpreter.hanzi import spaced_latin
from agent.local.interpreter.plan import TextStep, ToolStep
from tests.unit.test_interpreter_support import interpreted, read_jsonl, track
from tests.unit.test_stranger_round3 import _starts

BEGIN = _starts()


def _facts(draft: dict[str, Any]) -> dict[str, Any]:
    return {
        "length": draft["d"],
        "aspect": draft["m"]["aspect"],
        "volume": [s.get("v") for s in track(draft, 1)],
        "title": [(s["n"], s.get("pos"), s["s"]) for s in track(draft, 7)],
        "order": [s["n"] for s in track(draft, 0)],
    }


def test_freezing_clauses_are_found_with_their_targets() -> None:
    assert frozen_clauses("duration加50%，music音量不变") == [("music音量不变", "volume")]
    assert frozen_clauses("make it twice as long, keep the music as is") == [
        ("keep the music as is", "music")
    ]
    assert frozen_clauses("別郁個標題，將段片改做9:16") == [("別郁個標題", "title")]
    assert frozen_clauses("the length stays, just drop the music volume to 15%") == [
        ("the length stays", "length")
    ]
    assert frozen_clauses("把duration缩短到3秒，不要碰music") == [("不要碰music", "music")]


def test_clauses_that_set_or_keep_only_part_freeze_nothing() -> None:
    assert frozen_clauses("音乐音量保持50%") == []
    assert frozen_clauses("把第三张照片挪到最前面，另外两张顺序不变") == []
    assert frozen_clauses("keep everything else the same") == []


def test_freezing_clauses_are_taken_out_of_what_the_readers_see() -> None:
    assert without_frozen("duration加50%，music音量不变") == "duration加50%"
    assert without_frozen("leave the music alone and make it 3 seconds shorter") == (
        "make it 3 seconds shorter"
    )
    assert without_frozen("keep the music as is") == "keep the music as is"


def test_a_latin_word_inside_chinese_gets_word_boundaries() -> None:
    assert spaced_latin("duration加50%，music音量不变") == "duration 加50%，music 音量不变"


def test_a_percent_on_the_duration_in_chinese_with_the_volume_kept() -> None:
    _, draft = interpreted(BEGIN, "music", "duration加50%，music音量不变", "zh")
    assert (draft["d"], _facts(draft)["volume"]) == (7500, [35])


@pytest.mark.parametrize(
    ("message", "length"), [("长度加50%", 7500), ("把时长缩短20%", 4000), ("音量加50%", 5000)]
)
def test_a_chinese_percent_changes_the_length_only_when_it_names_the_length(
    message: str, length: int
) -> None:
    _, draft = interpreted(BEGIN, "music", message, "zh")
    assert draft["d"] == length


def test_do_not_touch_the_music_keeps_it_while_the_length_changes() -> None:
    _, draft = interpreted(BEGIN, "music", "把duration缩短到3秒，不要碰music", "zh")
    assert (draft["d"], _facts(draft)["volume"]) == (3000, [35])


def test_keep_the_title_as_is_is_not_read_as_a_new_title() -> None:
    _, draft = interpreted(
        BEGIN, "titled", "keep the title as is and make the video 8 seconds", "en"
    )
    assert (draft["d"], _facts(draft)["title"]) == (8000, [("Harbor Lights", "center", 0)])


@pytest.mark.parametrize(
    ("start", "message", "language"),
    [
        ("music", "make the music louder but keep the volume as is", "en"),
        ("music", "music调大声，但音量保持不变", "zh"),
        ("titled", "move the title to the top but leave the title alone", "en"),
    ],
)
def test_a_change_to_a_frozen_target_is_declined_naming_the_clause(
    start: str, message: str, language: str
) -> None:
    plan, draft = interpreted(BEGIN, start, message, language)
    assert not [s for s in plan.steps if isinstance(s, ToolStep)]
    assert draft == BEGIN[start][0]
    said = " ".join(s.text for s in plan.steps if isinstance(s, TextStep))
    assert any(c in said for c, _ in frozen_clauses(message))


_KEEP = {
    "length": ("keep the length as is", "duration不变"),
    "aspect": ("keep the aspect ratio as is", "比例不变"),
    "volume": ("keep the music volume as is", "音量不变"),
    "title": ("keep the title as is", "标题不变"),
    "order": ("keep the order as is", "顺序不变"),
}
_REQUESTS = sorted(
    {(c["start"], c["message"], c["language"]) for c in read_jsonl("stranger_round21.jsonl")}
    | {(c["start"], c["message"], c["language"]) for c in read_jsonl("probes_round20.jsonl")}
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_REQUESTS), st.sampled_from(sorted(_KEEP)))
def test_saying_a_target_stays_never_changes_it(request: tuple[str, str, str], target: str) -> None:
    start, message, language = request
    en, zh = _KEEP[target]
    said = f"{message}, {en}" if language == "en" else f"{message}，{zh}"
    _, draft = interpreted(BEGIN, start, said, language)
    before, after = _facts(BEGIN[start][0])[target], _facts(draft)[target]
    if target == "title":  # the titles there are stay as they are; a new one may join them
        assert all(title in after for title in before)
    else:
        assert after == before
