"""Round-20 classes beside the freeze: Chinese decimals (一点五倍 in dictation filler), a change
in points said after the number ("15 percentage points more than it is now"), and a replacement
followed by what stays the same ("same spot, same 3 seconds")."""

from __future__ import annotations

from typing import Any

import pytest

from agent.local.interpreter.quantity import parse_number
from tests.unit.test_interpreter_support import draft_after
from tests.unit.test_stranger_round3 import _starts

BEGIN = _starts()


def _names(draft: dict[str, Any], tt: int, key: str) -> list[Any]:
    return [s.get(key) for t in draft["t"] if t["tt"] == tt for s in t["sg"]]


@pytest.mark.parametrize(("token", "value"), [("一点五", 1.5), ("两点五", 2.5), ("三点零五", 3.05)])
def test_a_chinese_decimal_is_read_whole(token: str, value: float) -> None:
    assert parse_number(token) == value


def test_dictation_filler_around_a_swap_and_a_decimal_multiple() -> None:
    draft = draft_after(
        BEGIN,
        "slideshow3",
        "嗯那个就是说呃把第一张和第三张对调一下然后呃每张照片都改成现在的一点五倍长吧就这样",
        "zh",
    )
    order = ["beach.jpg", "lighthouse.jpg", "harbor.jpg"]
    assert (_names(draft, 0, "n"), draft["d"]) == (order, 13500)


@pytest.mark.parametrize(
    ("message", "level"),
    [
        ("music louder pls, 15 percentage points more than it is now", 50),
        ("music 10 points lower", 25),
        ("turn the music up by 10 points", 45),
    ],
)
def test_points_said_after_the_number_move_the_level_from_where_it_is(
    message: str, level: int
) -> None:
    assert _names(draft_after(BEGIN, "music", message, "en"), 1, "v") == [level]


def test_a_replacement_followed_by_what_stays_the_same() -> None:
    draft = draft_after(
        BEGIN,
        "slideshow3",
        "replace beach.jpg with the pier photo (pier.jpg), same spot, same 3 seconds",
        "en",
    )
    order = ["harbor.jpg", "lighthouse.jpg", "pier.jpg"]
    assert (_names(draft, 0, "n"), draft["d"]) == (order, 9000)
