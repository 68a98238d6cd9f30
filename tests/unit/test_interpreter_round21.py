"""Round-21 classes: a relative length said twice is one request (applied once), a length
relative to "now" in Chinese (比现在长3秒), "half of its current length", a level lowered by points
from the current one, a title's end moved with its start kept, and "everything else as it is"."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.test_interpreter_support import draft_after
from tests.unit.test_stranger_round3 import _starts

BEGIN = _starts()


_REQUESTS = {
    (2, "en"): ("make it twice as long", "can you double the length?"),
    (2, "zh"): ("时长变成原来的2倍", "把时长加长到两倍"),
    (3, "en"): ("triple the length it is now", "make it three times as long"),
}
_RESTATED = {
    (2, "en"): ("yeah, twice as long", "I mean twice as long", "so 2 times as long"),
    (2, "zh"): ("即系时长两倍", "就是时长变成原来的两倍"),
    (3, "en"): ("yeah, three times as long", "I mean triple the length", "i.e. 3 times as long"),
}


def test_a_restated_triple_is_applied_once() -> None:
    message = (
        "uh so like, um, can you make the video, uh, triple the length it is now? yeah, three "
        "times as long"
    )
    assert draft_after(BEGIN, "fresh5", message)["d"] == 15000


@pytest.mark.parametrize(
    "message",
    [
        "triple it, I mean twice as long",
        "make it three times as long, sorry, twice as long",
        "make it 3x longer, actually make that twice as long",
    ],
)
def test_a_corrected_change_replaces_the_first(message: str) -> None:
    """A second, different change after a correction is the one asked for: 10 s, never 30 s."""
    assert draft_after(BEGIN, "fresh5", message)["d"] == 10000


def test_a_change_repeated_after_then_is_applied_twice() -> None:
    assert draft_after(BEGIN, "fresh5", "double it, then double it again")["d"] == 20000


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(sorted(_REQUESTS)), st.data())
def test_appending_a_restatement_gives_the_same_draft(
    key: tuple[int, str], data: st.DataObject
) -> None:
    request = data.draw(st.sampled_from(_REQUESTS[key]))
    restated = data.draw(st.sampled_from(_RESTATED[key]))
    alone = draft_after(BEGIN, "fresh5", request)
    assert alone["d"] == 5000 * key[0]
    assert draft_after(BEGIN, "fresh5", f"{request}. {restated}") == alone


@pytest.mark.parametrize(
    ("message", "length_ms"),
    [
        ("比现在长3秒", 12000),
        ("比而家长两秒", 11000),
        ("較現在長3秒", 12000),
        ("比原来短两秒", 7000),
    ],
)
def test_a_length_than_now_is_relative(message: str, length_ms: int) -> None:
    assert draft_after(BEGIN, "slideshow3", message)["d"] == length_ms


def test_half_of_its_current_length_halves_the_slideshow() -> None:
    message = "Could you please make the whole slideshow half of its current length? Thank you"
    draft = draft_after(BEGIN, "slideshow3", message)
    before = [s["d"] for t in BEGIN["slideshow3"][0]["t"] if t["tt"] == 0 for s in t["sg"]]
    lengths = [s["d"] for t in draft["t"] if t["tt"] == 0 for s in t["sg"]]
    assert draft["d"] == 4500
    assert [abs(2 * new - old) <= 2 for new, old in zip(lengths, before, strict=True)] == [True] * 3
