"""Round-9 classes of the local interpreter (the r6/r7 stranger sets and probe_local8): two edits
in one message, each read in its own clause (a level beside a shape or a camera move, a title
moved beside new music, a removal beside the user's own later plans); an edit taken back within
the message ("… no wait, keep it widescreen", 算了，还是横屏吧); and requests declined whole
(4K said in pixels, a made-up clip with a length, animating what a photo shows).
Table-driven, EN / simplified / traditional / Cantonese; every case asserts on the draft."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.test_interpreter_support import language_of, run_plan
from tests.unit.test_stranger_round3 import _checks, _starts

BEGIN = _starts()

_KEEP = {"duration_unchanged": True}


@pytest.mark.parametrize(
    ("start", "message", "expect"),
    [
        (
            "music",
            "song to 45 and make it 4:5",
            {"music": {"present": True, "volume_pct": 45}, "aspect": "4:5", **_KEEP},
        ),
        (
            "music",
            "bring the audio down to 15 and keep the camera still",
            {"music": {"present": True, "volume_pct": 15}, "motion": "none", **_KEEP},
        ),
        (
            "music",
            "drop the lofi track by about 5 points and pan left",
            {"music": {"present": True, "volume_pct": 30}, "motion": "pan_left", **_KEEP},
        ),
        (
            "music",
            "音樂調到六成，畫面唔使郁",
            {"music": {"present": True, "volume_pct": 60}, "motion": "none", **_KEEP},
        ),
        (
            "music",
            "音乐调到百分之二十，镜头不用动",
            {"music": {"present": True, "volume_pct": 20}, "motion": "none", **_KEEP},
        ),
        (
            "fresh5",
            "square for my instagram post please, pan right instead of zooming",
            {"aspect": "1:1", "motion": "pan_right", **_KEEP},
        ),
        (
            "fresh5",
            "vertical for tiktok and zoom out instead",
            {"aspect": "9:16", "motion": "zoom_out", **_KEEP},
        ),
        (
            "titled",
            "put on some piano music at 25% and then move the title to the top",
            {
                "music": {"present": True, "volume_pct": 25},
                "titles": [{"text": "Harbor Lights", "position": "top"}],
                **_KEEP,
            },
        ),
        (
            "titled",
            "加點輕音樂，音量兩成，另外把標題移到上面",
            {
                "music": {"present": True, "volume_pct": 20},
                "titles": [{"text": "Harbor Lights", "position": "top"}],
                **_KEEP,
            },
        ),
        (
            "music",
            "could you get rid of the song? I'm planning to put my own music on it later",
            {"music": {"present": False}, **_KEEP},
        ),
        ("music", "把音乐删掉，我晚点会自己另外配", {"music": {"present": False}, **_KEEP}),
        (
            "fresh5",
            "make it vertical, wait, no, square please, and 2 seconds longer",
            {"aspect": "1:1", "duration_s": 7},
        ),
        ("fresh5", "改成横屏……算了，改成正方形吧", {"aspect": "1:1", **_KEEP}),
        ("fresh5", "加長三秒，唔啱，加長兩秒", {"duration_s": 7}),
        ("fresh5", "make it 12 seconds, scratch that, make it 9", {"duration_s": 9}),
        (
            "music",
            "music to 90 - on second thought, make it 40",
            {"music": {"present": True, "volume_pct": 40}, **_KEEP},
        ),
        (
            "slideshow3",
            "move the lighthouse to the front, never mind, move the beach to the front",
            {"photo_order": ["beach.jpg", "harbor.jpg", "lighthouse.jpg"], **_KEEP},
        ),
    ],
)
def test_each_edit_of_the_message_lands_on_the_draft(
    start: str, message: str, expect: dict[str, Any]
) -> None:
    draft, _, _ = run_plan(BEGIN, start, message, language_of(message))
    assert all(_checks(expect, _starts()[start][0], draft)), draft


@pytest.mark.parametrize(
    ("start", "message"),
    [
        ("fresh5", "render at 4096x2160 for the cinema"),
        ("fresh5", "output 2560 x 1440 please"),
        ("fresh5", "我要4K解析度，3840*2160"),
        ("slideshow3", "create a 4-second clip of dolphins jumping and put it after the harbor"),
        ("slideshow3", "make a short clip of a ferry sailing past and add it at the end"),
        ("slideshow3", "做一段海鸥飞过的3秒片段，放喺最后"),
        ("slideshow3", "animate the beach picture so the waves roll in"),
        ("slideshow3", "animate that lighthouse one and make the light flash"),
    ],
)
def test_requests_declined_whole_change_nothing(start: str, message: str) -> None:
    draft, _plan, said = run_plan(BEGIN, start, message, language_of(message))
    assert draft == _starts()[start][0]
    assert said
