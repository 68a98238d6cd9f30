"""Round-18 interpreter classes (EN, simplified, traditional, Cantonese), asserted on the draft.

- A playback speed ("at 2x", 1.5倍速, 快进, 加速播放, 播快啲, "slow the clip down", 0.5x) is
  something the renderer cannot do: the camera is left as it was, the reply names the playback
  speed, and the message's other edits still apply (playback.py). The line: a clause naming the
  camera ("zoom in faster", "a slower zoom", "pan slowly", 镜头加速) or a bare manner (慢啲,
  "faster") is about the camera's pace, a motion request.
- A level relative to the current one ("lower it by a fifth", 目前的60%, 降低两成, 原来的五分之四)
  is a factor of the level now; with the result stated too ("so 35 becomes 28", 从现在的35降到25,
  35的六成) the stated number is set when the two agree, and nothing changes when they do not
  (relativelevel.py).
- Someone else's suggestion the user turns down ("my friend said to drop the music, but I like
  it", 朋友叫我删音乐，不过我钟意) is a mention: the music stays, the real request applies
  (retract.py).
- A misspelt direction beside a manner word ("pan rihgt slowly", "pan letf gently") is the
  direction (typos.py).
Drafts: `fresh5` (one photo, 5 s, 16:9, zoom in at speed 1), `music` (fresh5 and "Lo-fi pulse" at
35%), `slideshow3` (harbor, lighthouse, beach, about 3 s each).
"""

from __future__ import annotations

from typing import Any

import pytest

from agent.local.interpreter.phrasebook import load_phrasebook
from agent.local.interpreter.playback import names_playback_speed, playback_speed
from agent.local.interpreter.relativelevel import LevelRule, relative_level
from tests.unit.test_interpreter_support import run_request, track
from tests.unit.test_stranger_round3 import _starts

_BOOK, _BEGIN = load_phrasebook(), _starts()


def _motions(draft: dict[str, Any]) -> list[dict[str, Any]]:
    return [seg["mo"] for seg in track(draft, 0)]


PLAYBACK = [
    ("fresh5", "can you play the whole thing at 2x? it drags"),
    ("fresh5", "1.5x speed pls"),
    ("fresh5", "bump it to double speed"),
    ("fresh5", "slow the clip down to half speed"),
    ("fresh5", "speed up the video a little"),
    ("fresh5", "the playback speed should be 0.5x"),
    ("slideshow3", "play it back a bit slower"),
    ("music", "make the video 50% faster"),
    ("fresh5", "用1.25倍速播放"),
    ("fresh5", "整体加速播放一下"),
    ("fresh5", "视频慢放"),
    ("fresh5", "帮我开倍速"),
    ("fresh5", "影片用0.5倍速播"),
    ("fresh5", "把影片快轉一點"),
    ("fresh5", "播放速度調快些"),
    ("slideshow3", "條片播快啲啦"),
    ("fresh5", "開返兩倍速得唔得"),
    ("fresh5", "成條片減速少少"),
]


@pytest.mark.parametrize(("start", "message"), PLAYBACK)
def test_a_playback_speed_leaves_the_camera_and_says_why(start: str, message: str) -> None:
    before, after, said = run_request(_BEGIN, start, message)
    assert after == before
    assert any(
        _BOOK.say(lang, "limit_playback_speed", hant=h) in said
        or _BOOK.topic(lang, "cannot_speed", hant=h) in said
        for lang in ("en", "zh")
        for h in (False, True)
    ), said


@pytest.mark.parametrize(
    ("message", "length"),
    [
        ("play it at 2x and make it 7 seconds", 7000),
        ("改成8秒，然后用2倍速播放", 8000),
        ("make it 6 seconds, and speed up the playback if you can", 6000),
    ],
)
def test_a_playback_speed_beside_a_length_applies_the_length_only(
    message: str, length: int
) -> None:
    before, after, said = run_request(_BEGIN, "fresh5", message)
    assert after["d"] == length
    assert _motions(after) == [{**m, "sp": m["sp"]} for m in _motions(before)]
    assert said


@pytest.mark.parametrize(
    ("message", "motion", "faster"),
    [
        ("zoom in faster", "zoom_in", True),
        ("a slower zoom please", "zoom_in", False),
        ("pan slowly to the right", "pan_right", False),
        ("double the speed of the zoom", "zoom_in", True),
        ("镜头加速", "zoom_in", True),
        ("推近的速度加快一点", "zoom_in", True),
        ("鏡頭慢啲", "zoom_in", False),
        ("zoom快啲", "zoom_in", True),
        ("慢啲", "zoom_in", False),
    ],
)
def test_the_camera_s_pace_is_still_a_motion_request(
    message: str, motion: str, faster: bool
) -> None:
    _, after, _ = run_request(_BEGIN, "fresh5", message)
    (moved,) = _motions(after)
    assert moved["type"] == motion
    assert (moved["sp"] > 1) == faster
    assert after["d"] == 5000


def test_playback_reading_keeps_camera_clauses_and_the_other_clauses() -> None:
    hit, rest = playback_speed("zoom in faster and play it at 2x")
    assert hit
    assert "zoom in faster" in rest
    assert "2x" not in rest
    assert not names_playback_speed("make it 2x longer")
    assert not names_playback_speed("slow down the music")
    assert names_playback_speed("快进一下")


@pytest.mark.parametrize(
    ("message", "level"),
    [
        ("turn the music down by a fifth", 28),
        ("lower the music by a fifth of its current level, so 35 becomes 28", 28),
        ("drop the music to 80% of its current level", 28),
        ("music at half its current level (35 -> 18)", 18),
        ("make the music louder by a third", 47),
        ("音乐音量降到目前的60%", 21),
        ("背景音乐降低两成", 28),
        ("音量调到原来的五分之四", 28),
        ("音樂調低到現在的 60%（即係 35 的六成）", 21),
        ("音乐小声点，由现在的35降到30", 30),
        ("背景音樂從35調低到20", 20),
        ("音樂細聲兩成", 28),
        ("take the music from its current 35 down to 25", 25),
    ],
)
def test_a_level_relative_to_the_current_one(message: str, level: int) -> None:
    before, after, _ = run_request(_BEGIN, "music", message)
    assert [seg["v"] for seg in track(after, 1)] == [level]
    assert after["d"] == before["d"]


@pytest.mark.parametrize(
    ("message", "numbers"),
    [
        ("lower the music by a quarter (so 35 becomes 20)", ("26", "20")),
        ("音量降到目前的一半，也就是35变成25", ("18", "25")),
        ("音樂調降為目前的 60%，即係 35 變成 28", ("21", "28")),
    ],
)
def test_a_rule_and_a_result_that_disagree_change_nothing_and_name_both(
    message: str, numbers: tuple[str, str]
) -> None:
    before, after, said = run_request(_BEGIN, "music", message)
    assert after == before
    assert all(n in said for n in numbers), said


def test_relative_level_reads_only_the_sound() -> None:
    assert relative_level("make it a fifth longer")[0] is None
    assert relative_level("title from 1 to 3 seconds")[0] is None
    rule, rest = relative_level("lower the volume by a fifth")
    assert rule == LevelRule(factor=0.8)
    assert "fifth" not in rest


@pytest.mark.parametrize(
    ("message", "aspect"),
    [
        ("my sister said i should remove the music, but i kinda like it. make it square", "1:1"),
        ("the client thinks we should kill the music, however i'm keeping it. go 4:5", "4:5"),
        ("我朋友话要删咗啲音乐，不过我钟意，帮我转做9:16", "9:16"),
        ("老板说把音乐去掉，但是我觉得挺好，先改成方形", "1:1"),
        ("朋友建議刪除音樂，不過我想保留，改成直向", "9:16"),
    ],
)
def test_a_suggestion_turned_down_keeps_the_music(message: str, aspect: str) -> None:
    _, after, _ = run_request(_BEGIN, "music", message)
    assert after["m"]["aspect"] == aspect
    assert [seg["v"] for seg in track(after, 1)] == [35]


def test_a_suggestion_taken_up_is_still_a_request() -> None:
    _, after, _ = run_request(
        _BEGIN, "music", "my friend said to remove the music and she's right, do it"
    )
    assert track(after, 1) == []


@pytest.mark.parametrize(
    ("message", "motion", "length"),
    [
        ("pan rihgt slowly and make it 6 secs", "pan_right", 6000),
        ("pan letf gently, 7 seconds", "pan_left", 7000),
        ("slowly pan rigth", "pan_right", 5000),
    ],
)
def test_a_misspelt_direction_beside_a_manner_word(message: str, motion: str, length: int) -> None:
    _, after, _ = run_request(_BEGIN, "fresh5", message)
    assert [m["type"] for m in _motions(after)] == [motion]
    assert after["d"] == length
