"""Each photo's own length in a slideshow (issue 14, second round): timing with shares, reading
the shares back from a draft, halves in lengths ("three and a half", 两秒半), and the undo or
redo that follows an edit in the same message (and an edit after a leading undo, which is named
as not applied)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent.local.edits import IdSource
from agent.local.interpreter.hanzi import script_of
from agent.local.interpreter.history import edit_after_step, steps_after_edit
from agent.local.interpreter.interpret import interpret
from agent.local.interpreter.plan import Asset, InterpretContext, Revision
from agent.local.interpreter.quantity import with_halves
from agent.local.interpreter.videotrack import VideoSpec, generate, photo_lengths, slideshow_timing
from tests.unit.test_interpreter_support import assets, final_draft, starts, texts


def _photos(count: int) -> tuple[Asset, ...]:
    return tuple(
        Asset(f"as_{i}", f"p{i}.jpg", "image", f"http://127.0.0.1/media/as_{i}/p{i}.jpg")
        for i in range(count)
    )


@pytest.mark.parametrize(("total_ms", "count"), [(9000, 3), (12000, 4), (5000, 2), (20000, 7)])
def test_equal_lengths_time_the_slideshow_as_before(total_ms: int, count: int) -> None:
    even = slideshow_timing(total_ms, count)
    assert slideshow_timing(total_ms, count, (total_ms // count,) * count) == even
    assert even[-1][0] + even[-1][1] == total_ms


@given(
    st.lists(st.sampled_from([1500, 3000, 4500, 6000, 9000]), min_size=2, max_size=6).filter(
        lambda xs: max(xs) > 1.2 * min(xs)
    )
)
def test_the_lengths_a_slideshow_was_made_with_are_read_back(lengths: list[int]) -> None:
    spec = VideoSpec(_photos(len(lengths)), sum(lengths), lengths=tuple(lengths))
    draft = generate({}, spec, IdSource(3))
    back = photo_lengths(draft)
    assert sum(back) == sum(lengths)
    assert all(abs(b - w) <= 5 for b, w in zip(back, lengths, strict=True))


def test_nearly_equal_shares_read_back_as_equal() -> None:
    draft = generate({}, VideoSpec(_photos(3), 9000), IdSource(3))
    assert photo_lengths(draft) == (3000, 3000, 3000)


def test_a_longer_photo_holds_a_longer_segment() -> None:
    draft = generate({}, VideoSpec(_photos(3), 12000, lengths=(3000, 6000, 3000)), IdSource(3))
    video = draft["t"][0]["sg"]
    assert video[1]["d"] > 1.5 * video[0]["d"]
    assert draft["d"] == 12000


@pytest.mark.parametrize(
    ("text", "halved"),
    [("cut it to three and a half seconds", "cut it to 3.5 seconds"), ("每张两秒半", "每张2.5秒"),
     ("两个半秒", "2.5秒"), ("4秒半", "4.5秒"), ("a half-hearted title", "a half-hearted title")],
)  # fmt: skip
def test_halves_become_decimals(text: str, halved: str) -> None:
    assert with_halves(text) == halved


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Make it 10 seconds. Actually, undo that.", ("Make it 10 seconds", ("undo",))),
        ("先把時長改成八秒，然後復原，再重做", ("先把時長改成八秒", ("undo", "redo"))),
        ("改成正方形。不对，撤销一下。", ("改成正方形", ("undo",))),
        ("undo", None),
        ("撤销两步", None),
    ],
)
def test_an_edit_and_the_undo_or_redo_after_it(
    message: str, expected: tuple[str, tuple[str, ...]] | None
) -> None:
    assert steps_after_edit(message) == expected


@pytest.mark.parametrize(
    ("message", "rest"),
    [
        ("undo that and make it 8 seconds", "make it 8 seconds"),
        ("撤销，然后把时长改成八秒", "把时长改成八秒"),
        ("Undo the last change, then add a title 'Hi'", "add a title 'Hi'"),
        ("redo it please", ""),
        ("make it 8 seconds", ""),
    ],
)
def test_the_edit_after_a_leading_undo_is_found(message: str, rest: str) -> None:
    assert edit_after_step(message) == rest


def test_an_edit_after_an_undo_is_named_as_not_applied() -> None:
    drafts = starts()
    history = (Revision(1, drafts["video"], "video"), Revision(2, drafts["long8"], "long8"))
    ctx = InterpretContext(
        message="撤銷，然後加上標題「晚安」",
        language="zh",
        assets=(assets()["harbor"],),
        draft=drafts["long8"],
        seed=3,
        history=history,
    )
    plan = interpret(ctx)
    assert final_draft(plan, ctx.draft)["d"] == 5000  # the undo happened
    said = texts(plan)
    assert "加上標題「晚安」" in said
    assert script_of(said) == "hant"
