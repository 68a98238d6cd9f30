"""Round-19 interpreter classes: every change anchored in the words that name its target.

- A manner word used as a thing after a determiner ("turn off the light", "my film") names no
  camera motion: nothing changes and the reply says why (asked.py).
- A percent said against the current level ("20% quieter", "20% from where it is",
  在现在的基础上降低20%, 比原来低20%) is a share of that level, not points (relativelevel.py).
- A question the user says asks for nothing ("what if it was square? just asking", 只是问问)
  is answered from the draft and changes nothing (questions.py).
Drafts: `fresh5` (one photo, 5 s, 16:9, zoom in), `music` (fresh5 and "Lo-fi pulse" at 35%).
"""

from __future__ import annotations

from typing import Any

import pytest

from agent.local.interpreter.asked import clauses
from agent.local.interpreter.phrasebook import load_phrasebook
from agent.local.interpreter.relativelevel import LevelRule, relative_level
from tests.unit.test_interpreter_support import run_request
from tests.unit.test_stranger_round3 import _starts

_BOOK, _BEGIN = load_phrasebook(), _starts()


def _volume(draft: dict[str, Any]) -> int:
    return int(next(t["sg"] for t in draft["t"] if t["tt"] == 1)[0]["v"])


@pytest.mark.parametrize(
    "message", ["turn off the light", "switch off the light please", "make it like my film"]
)
def test_a_manner_word_used_as_a_thing_names_no_camera_motion(message: str) -> None:
    assert all("motion" not in c.wants for c in clauses(message, _BOOK))
    before, after, said = run_request(_BEGIN, "fresh5", message)
    assert after == before
    assert said


@pytest.mark.parametrize(
    ("message", "wants"),
    [("a light zoom please", {"motion"}), ("make it more cinematic", {"motion"})],
)
def test_a_manner_word_that_modifies_still_names_the_camera(message: str, wants: set[str]) -> None:
    assert {k for c in clauses(message, _BOOK) for k in c.wants} == wants


@pytest.mark.parametrize(
    ("message", "factor"),
    [
        ("make the music 20% quieter", 0.8),
        ("lower the music 20% from where it is", 0.8),
        ("music 10% louder than now", 1.1),
        ("音乐在现在的基础上再降低20%", 0.8),
        ("音乐比原来高50%", 1.5),
    ],
)
def test_a_percent_against_the_current_level_is_a_share_of_it(message: str, factor: float) -> None:
    rule, _ = relative_level(message)
    assert rule == LevelRule(factor=pytest.approx(factor))


@pytest.mark.parametrize(
    ("message", "level"),
    [
        ("lower the music 20% from where it is", 28),
        ("make the music 20% quieter", 28),
        ("音乐在现在的基础上再降低20%", 28),
        ("lower the music by 20 points", 15),
    ],
)
def test_the_music_level_lands_where_the_user_counted_it(message: str, level: int) -> None:
    _, after, _ = run_request(_BEGIN, "music", message)
    assert _volume(after) == level


@pytest.mark.parametrize(
    "message",
    [
        "what if it was square? just asking",
        "would it look better vertical? just curious",
        "改成竖屏会不会好看点？只是问问",
    ],
)
def test_a_question_that_asks_for_nothing_changes_nothing(message: str) -> None:
    before, after, said = run_request(_BEGIN, "fresh5", message)
    assert after == before
    assert said


def _order(draft: dict[str, Any]) -> list[str]:
    return [seg["n"] for seg in next(t["sg"] for t in draft["t"] if t["tt"] == 0)]


def test_a_photo_named_only_by_another_clause_is_not_moved() -> None:
    before, after, said = run_request(
        _BEGIN, "slideshow3", "swap photo 1 and 2 and brighten the beach one"
    )
    assert _order(after) == _order(before)
    assert said


@pytest.mark.parametrize(
    ("message", "order"),
    [
        ("put the beach first", ["beach.jpg", "harbor.jpg", "lighthouse.jpg"]),
        ("swap the harbor and the beach", ["beach.jpg", "lighthouse.jpg", "harbor.jpg"]),
        ("reverse the order", ["beach.jpg", "lighthouse.jpg", "harbor.jpg"]),
    ],
)
def test_a_reorder_clause_still_moves_the_photos_it_names(message: str, order: list[str]) -> None:
    _, after, _ = run_request(_BEGIN, "slideshow3", message)
    assert _order(after) == order


@pytest.mark.parametrize(
    "message", ["幫我整成直版啦", "convert it pls", "turn this into something cool"]
)
def test_a_make_into_verb_with_nothing_new_does_not_remake_the_same_video(message: str) -> None:
    before, after, said = run_request(_BEGIN, "fresh5", message)
    assert after["m"]["aspect"] == ("9:16" if "直版" in message else before["m"]["aspect"])
    assert said


@pytest.mark.parametrize(
    ("start", "message"),
    [
        ("music", "make the singer's voice louder"),
        ("music", "turn the bass up"),
        ("music", "把低音调重一点"),
        ("fresh5", "add 3 seconds of black at the start"),
        ("fresh5", "加两秒黑屏在开头"),
    ],
)
def test_a_part_of_a_song_or_blank_frames_is_declined(start: str, message: str) -> None:
    before, after, said = run_request(_BEGIN, start, message)
    assert after == before
    assert said


@pytest.mark.parametrize(("message", "level"), [("降低音量", 20), ("把音乐调低音量", 20)])
def test_the_whole_track_volume_is_not_a_part_of_the_song(message: str, level: int) -> None:
    _, after, _ = run_request(_BEGIN, "music", message)
    assert _volume(after) == level


@pytest.mark.parametrize(
    ("message", "level"),
    [
        ("Set the music to half of what it is now, please.", 18),
        ("music to half its current level", 18),
    ],
)
def test_set_the_music_to_a_share_of_its_level_keeps_the_track(message: str, level: int) -> None:
    before, after, _ = run_request(_BEGIN, "music", message)
    old = next(t["sg"] for t in before["t"] if t["tt"] == 1)[0]["n"]
    assert next(t["sg"] for t in after["t"] if t["tt"] == 1)[0]["n"] == old
    assert _volume(after) == level
