"""Round-16 interpreter classes: what sits beside an edit is read for what it is (EN/简/繁/粤).

- A bracketed aside after an unquoted title ("rename the title to Harbour Nights (british
  spelling pls)", 标题改成海港之夜（繁体字）) is a note to the editor, not part of the wording.
- A window said in brackets ("at the very end (last 2 seconds)") is a window from the end, for the
  reader and for the target guard alike (both read `timerange.last_seconds`).
- "Move the title to the (very) end" puts it at the end, its length kept; "keep the title to the
  end" still stretches it (tests below).
- 标题改成只在最后三秒显示 / 標題改成只喺最尾三秒出現 is when the title shows, not its wording.
- A sparkle after a colour (金色✨, "gold ✨") asks for a sparkly look the renderer cannot make:
  the whole message is declined and the title keeps its colour; a plain colour stays a title edit.
Draft: `titled` (5 s, title "Harbor Lights" centred 0-3 s, white).
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from agent.local.interpreter.interpret import interpret
from agent.local.interpreter.phrasebook import load_phrasebook
from agent.local.interpreter.plan import InterpretContext
from tests.unit.test_interpreter_support import final_draft, texts
from tests.unit.test_stranger_round3 import _starts, _verdict

_BOOK, _BEGIN = load_phrasebook(), _starts()


def _case(message: str, expect: dict[str, Any]) -> str:
    lang = "en" if message.isascii() else "zh"
    case = {"start": "titled", "message": message, "language": lang, "expect": expect}
    return _verdict(case, _BOOK, _BEGIN)


def _titles(message: str) -> tuple[list[dict[str, Any]], str]:
    draft, uploads = _BEGIN["titled"]
    lang = "en" if message.isascii() else "zh"
    ctx = InterpretContext(message, lang, uploads, copy.deepcopy(draft), seed=11)
    plan = interpret(ctx)
    after = final_draft(plan, ctx.draft)
    return next(t["sg"] for t in after["t"] if t["tt"] == 7), texts(plan)


def _one(text: str, start_s: float, end_s: float) -> dict[str, Any]:
    return {
        "verdict": "apply",
        "duration_unchanged": True,
        "titles": [{"text": text, "start_s": start_s, "end_s": end_s, "position": "center"}],
    }


RENAMED = [
    ("rename the title to Harbour Nights (british spelling pls)", "Harbour Nights"),
    ("change the title to Harbour Nights (no caps change)", "Harbour Nights"),
    ("标题改成海港之夜（繁体字）", "海港之夜"),
    ("標題改成海港之夜（用繁體）", "海港之夜"),
]


@pytest.mark.parametrize(("message", "text"), RENAMED)
def test_a_bracketed_aside_is_not_part_of_the_title(message: str, text: str) -> None:
    assert _case(message, _one(text, 0, 3)) == "correct", message
    (title,), _ = _titles(message)
    assert title["n"] == text


TIMED = [
    ("标题改成只在最后三秒显示", 2),
    ("標題改成只喺最尾三秒出現", 2),
    ("標題改成只在最後三秒顯示", 2),
    ("move the title (last 2 seconds)", 3),
    ("move the title to the very end (last 2 seconds)", 3),
    ("move the title to the very end", 2),
    ("把标题移到最后", 2),
    ("標題放到最尾", 2),
    ("title in the final 3 seconds (not the start)", 2),
]


@pytest.mark.parametrize(("message", "start_s"), TIMED)
def test_only_in_the_last_seconds_is_a_time_not_the_wording(message: str, start_s: int) -> None:
    assert _case(message, _one("Harbor Lights", start_s, 5)) == "correct", message


def test_a_second_title_in_bracketed_last_seconds_ends_at_the_end() -> None:
    message = (
        "add a 2nd title 'See you soon' at the very end (last 2 seconds), bottom. "
        "keep the first one as is"
    )
    first = {"text": "Harbor Lights", "start_s": 0, "end_s": 3, "position": "center"}
    second = {"text": "See you soon", "start_s": 3, "end_s": 5, "position": "bottom"}
    expect = {"verdict": "apply", "duration_unchanged": True, "titles": [first, second]}
    assert _case(message, expect) == "correct"
    titles, _ = _titles(message)
    assert [(t["n"], t["s"], t["d"]) for t in titles] == [
        ("Harbor Lights", 0, 3000),
        ("See you soon", 3000, 2000),
    ]


SPARKLY = [
    "帮我把标题颜色改成金色✨",
    "標題顏色改做金色✨",
    "標題改成金色 ✨",
    "make the title gold ✨",
    "title colour to silver💫 please",
]


@pytest.mark.parametrize("message", SPARKLY)
def test_a_sparkle_after_a_colour_is_declined_whole(message: str) -> None:
    assert _case(message, {"verdict": "decline"}) == "declined", message
    (title,), said = _titles(message)
    assert title["c"] == "#ffffff"
    assert said


PLAIN = [
    ("帮我把标题颜色改成金色", "#ffd400"),
    ("make the title gold", "#ffd400"),
    ("標題改成紅色", "#ff3b30"),
]


@pytest.mark.parametrize(("message", "colour"), PLAIN)
def test_a_plain_colour_stays_a_title_edit(message: str, colour: str) -> None:
    (title,), _ = _titles(message)
    assert title["c"] == colour
    assert title["n"] == "Harbor Lights"


def test_a_sparkle_inside_a_quoted_title_is_its_wording() -> None:
    expect = {
        "verdict": "apply",
        "titles": [
            {"text": "Harbor Lights"},
            {"text": "golden hour ✨", "position": "bottom"},
        ],
    }
    assert _case("add a second title 'golden hour ✨' at the bottom", expect) == "correct"


@pytest.mark.parametrize(
    "message",
    ["keep the title to the end", "move the title so it stays to the end", "标题一直放到最后"],
)
def test_kept_to_the_end_stretches_the_title(message: str) -> None:
    assert _case(message, _one("Harbor Lights", 0, 5)) == "correct", message
