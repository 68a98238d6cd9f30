"""Pure parts of issue 14's interpreter work: scripts, lengths, ranges, photo edits, history."""

from __future__ import annotations

import pytest

from agent.local.interpreter.hanzi import script_of, to_simplified, to_traditional
from agent.local.interpreter.history import HistoryRequest, Move, history_request, resolve
from agent.local.interpreter.lengths import LengthOp, take_length, take_text_hold
from agent.local.interpreter.photos import photo_edit
from agent.local.interpreter.plan import Asset, Revision
from agent.local.interpreter.timerange import TimeRange, take_range

PHOTOS = {n: Asset(f"as_{n}", f"{n}.jpg", "image", f"u/{n}") for n in ("a", "b", "c", "new")}
CURRENT = (PHOTOS["a"], PHOTOS["b"], PHOTOS["c"])


@pytest.mark.parametrize(
    ("text", "script"),
    [("加标题", "hans"), ("加標題", "hant"), ("add a title", None), ("加首歌", None)],
)
def test_script_of_tells_simplified_from_traditional(text: str, script: str | None) -> None:
    assert script_of(text) == script


def test_conversion_round_trips_reply_words_and_keeps_cantonese_characters() -> None:
    assert to_traditional("视频时长已改为8秒") == "視頻時長已改為8秒"
    assert to_simplified("視頻時長已改為8秒") == "视频时长已改为8秒"
    assert to_simplified("變返嗰個版本啲") == "变返嗰个版本啲"


@pytest.mark.parametrize(
    ("text", "op"),
    [
        ("add two seconds", LengthOp(delta_ms=2000)),
        ("shorten it by 1 second", LengthOp(delta_ms=-1000)),
        ("3 more seconds", LengthOp(delta_ms=3000)),
        ("twice as long", LengthOp(factor=2.0)),
        ("延长一倍", LengthOp(factor=2.0)),
        ("原来的三倍", LengthOp(factor=3.0)),
        ("50% shorter", LengthOp(factor=0.5)),
        ("3 seconds each", LengthOp(each_ms=3000)),
        ("每張相兩秒", None),  # traditional input is folded to simplified before
        ("每张相两秒", LengthOp(each_ms=2000)),
        ("a bit longer", LengthOp(delta_ms=2000, vague=True)),
        ("make it 8 seconds", None),
        ("延长到10秒", None),
    ],
)
def test_take_length_reads_relative_lengths(text: str, op: LengthOp | None) -> None:
    assert take_length(text)[0] == op


def test_length_op_resolves_against_the_current_video() -> None:
    assert LengthOp(delta_ms=2000).resolve(5000, 1) == 7000
    assert LengthOp(factor=0.5).resolve(9000, 3) == 4500
    assert LengthOp(each_ms=2000).resolve(9000, 3) == 6000


def test_text_hold_is_not_a_video_length() -> None:
    assert take_text_hold("show the title for 4 seconds")[0] == 4000
    assert take_text_hold("make it 4 seconds")[0] is None


@pytest.mark.parametrize(
    ("text", "resolved"),
    [
        ("from second 1 to 3", (1000, 3000)),
        ("from 0:02 to 0:04", (2000, 4000)),
        ("from 3 seconds to the end", (3000, 5000)),
        ("starting at second 2", (2000, 5000)),
        ("从第2秒开始", (2000, 5000)),
        ("在第2到4秒", (2000, 4000)),
        ("the second half", (2500, 5000)),
        ("最后两秒", (3000, 5000)),
    ],
)
def test_time_ranges_resolve_inside_the_video(text: str, resolved: tuple[int, int]) -> None:
    span, _ = take_range(text)
    assert isinstance(span, TimeRange)
    assert span.resolve(5000) == resolved


@pytest.mark.parametrize(
    ("text", "op", "order"),
    [
        ("add this photo after a.jpg", "insert", "a new b c"),
        ("remove the second photo", "remove", "a c"),
        ("swap the first two photos", "swap", "b a c"),
        ("replace b.jpg with new.jpg", "replace", "a new c"),
        ("用new.jpg替换第三张", "replace", "a b new"),
        ("只用第一张", "only", "a"),
        ("reverse the order of the photos", "reverse", "c b a"),
        ("remove the fifth photo", "missing", "a b c"),
    ],
)
def test_photo_edits_by_name_position_and_this(text: str, op: str, order: str) -> None:
    edit = photo_edit(text, CURRENT, (*CURRENT, PHOTOS["new"]))
    assert edit is not None
    assert (edit.op, " ".join(a.filename.removesuffix(".jpg") for a in edit.visuals)) == (op, order)


def test_messages_about_other_things_are_not_photo_edits() -> None:
    for text in ("make each photo 2 seconds", "remove the second caption", "add music"):
        assert photo_edit(text, CURRENT, CURRENT) is None


def _revisions(*lengths: int, undone: int = 0) -> tuple[Revision, ...]:
    revs = [Revision(i + 1, {"d": ms, "t": [{"tt": 0, "sg": []}]}) for i, ms in enumerate(lengths)]
    for i in range(len(revs) - undone, len(revs)):
        revs[i] = Revision(revs[i].seq, revs[i].draft, undone=True)
    return tuple(revs)


@pytest.mark.parametrize(
    ("text", "request_"),
    [
        ("undo", HistoryRequest("undo")),
        ("undo the last 2 changes", HistoryRequest("undo", 2)),
        ("撤銷", None),  # folded to simplified before
        ("撤销两步", HistoryRequest("undo", 2)),
        ("redo", HistoryRequest("redo")),
        ("恢复", HistoryRequest("redo")),
        ("go back to the 5-second version", HistoryRequest("restore", length_ms=5000)),
        ("回到最初的版本", HistoryRequest("restore")),
        ("show me the history", HistoryRequest("list")),
        ("make it longer", None),
    ],
)
def test_history_requests(text: str, request_: HistoryRequest | None) -> None:
    assert history_request(text) == request_


def test_undo_redo_and_restore_resolve_over_revisions() -> None:
    history = _revisions(5000, 8000, 10_000)
    assert resolve(HistoryRequest("undo", 2), history) == Move(history[0].draft, undo_seqs=(2, 3))
    assert resolve(HistoryRequest("undo", 5), history) == Move({}, undo_seqs=(1, 2, 3))
    assert resolve(HistoryRequest("redo"), history) is None
    undone = _revisions(5000, 8000, 10_000, undone=2)
    assert resolve(HistoryRequest("redo"), undone) == Move(undone[1].draft, redo_seqs=(2,))
    restore = resolve(HistoryRequest("restore", length_ms=8000), history)
    assert restore == Move(history[1].draft, restored=history[1])
    assert resolve(HistoryRequest("restore", length_ms=7000), history) is None
