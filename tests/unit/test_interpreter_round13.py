"""Round-13 interpreter classes: a title edit beside a whole-video length edit (EN/简/繁/粤).

Each clause's edit applies to what that clause names: a position edit of the title never changes
its times, and a length edit of the whole video never moves the title. Start `titled`: a 5 s
video with the title "Harbor Lights" centred at 0-3 s. The property keeps new lengths at or above
the title's end (3 s): a video cut shorter than its title clips the title to the new length in
the timeline, which is not what these cases are about.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent.local.interpreter.phrasebook import load_phrasebook
from tests.unit.test_stranger_round3 import _starts, _verdict

_BOOK, _BEGIN = load_phrasebook(), _starts()


def _title(position: str) -> list[dict[str, Any]]:
    return [{"text": "Harbor Lights", "start_s": 0, "end_s": 3, "position": position}]


def _case(message: str, duration_s: int, position: str) -> dict[str, Any]:
    return {
        "id": "round13",
        "start": "titled",
        "message": message,
        "language": "en" if message.isascii() else "zh",
        "expect": {"verdict": "apply", "duration_s": duration_s, "titles": _title(position)},
    }


CASES = [
    ("trim the last 2 seconds off and move the title down to the bottom", 3, "bottom"),
    ("move the title to the top, then make the whole video 8 seconds", 8, "top"),
    ("put the title at the bottom and make the video 4 seconds long", 4, "bottom"),
    ("标题移到顶部，整个视频加长到8秒", 8, "top"),
    ("把标题放到底部，视频缩短2秒", 3, "bottom"),
    ("標題移到頂部，整個影片延長到8秒", 8, "top"),
    ("標題改喺頂部，成條片加長到8秒", 8, "top"),
    ("個標題搬去底部，條片剪短2秒", 3, "bottom"),
]


@pytest.mark.parametrize(("message", "duration_s", "position"), CASES)
def test_title_position_and_video_length_each_apply_to_what_they_name(
    message: str, duration_s: int, position: str
) -> None:
    case = _case(message, duration_s, position)
    assert _verdict(case, _BOOK, _BEGIN) == "correct", message


_POSITIONS = [
    ("move the title to the top", "top"),
    ("put the title at the bottom", "bottom"),
    ("标题移到顶部", "top"),
    ("標題改喺底部", "bottom"),
]
_LENGTHS = [
    ("make the whole video {n} seconds", "{n}"),
    ("整个视频改成{n}秒", "{n}"),
    ("成條片加長到{n}秒", "{n}"),
]


@settings(max_examples=20, deadline=None, derandomize=True)
@given(
    st.sampled_from(_POSITIONS),
    st.sampled_from(_LENGTHS),
    st.integers(min_value=3, max_value=12),
    st.booleans(),
)
def test_title_position_with_whole_video_length_gives_both(
    position: tuple[str, str], length: tuple[str, str], seconds: int, length_first: bool
) -> None:
    where, place = position
    said = length[0].format(n=seconds)
    joiner = "，" if not (where.isascii() and said.isascii()) else ", "
    message = joiner.join([said, where] if length_first else [where, said])
    case = _case(message, seconds, place)
    assert _verdict(case, _BOOK, _BEGIN) == "correct", message


def test_a_text_shown_for_part_of_the_video_keeps_its_range_and_the_video_its_length() -> None:
    case = {
        "id": "round13",
        "start": "titled",
        "message": "add the caption 'Hi', make it show for the first 2 seconds of the video",
        "language": "en",
        "expect": {
            "verdict": "apply",
            "duration_unchanged": True,
            "titles": [
                *_title("center"),
                {"text": "Hi", "start_s": 0, "end_s": 2},
            ],
        },
    }
    assert _verdict(case, _BOOK, _BEGIN) != "wrong"
