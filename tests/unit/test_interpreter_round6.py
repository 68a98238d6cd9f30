"""Round-6 classes of the local interpreter (the r5t stranger set and probe_local5): volume by
points and in 成, a level that is not a removal, multiples of speed, a title moved in time,
every photo named in a new order, camera directions said with other verbs, complaints about the
motion, and what is declined in part with a reason (the photo's colours, new footage, writing
text, text at the side) or answered as no edit at all (never the generic list).

Table-driven, EN / simplified / traditional / Cantonese; every case asserts on the draft."""

from __future__ import annotations

from typing import Any

import pytest

from agent.local.interpreter.phrasebook import load_phrasebook
from tests.unit.test_interpreter_support import language_of, run_plan, track
from tests.unit.test_stranger_round3 import _starts

BOOK = load_phrasebook()
BEGIN = _starts()


def _generic(plan: Any, said: str) -> bool:
    return any(BOOK.say(plan.language, "capabilities", hant=h) in said for h in (False, True))


def _said_key(plan: Any, said: str, key: str) -> bool:
    return any(BOOK.say(plan.language, key, hant=h) in said for h in (False, True))


@pytest.mark.parametrize(
    ("start", "message", "volume"),
    [
        ("music", "bump the music up by ten percentage points", 45),
        ("music", "lower the volume by 10 points", 25),
        ("music", "音乐音量降低十个百分点", 25),
        ("music", "音樂音量調高十個百分點", 45),
        ("music", "音樂大聲啲，開到七成", 70),
        ("music", "音量调到五成", 50),
        ("music", "音樂細聲少少，三成就得", 30),
        ("music", "the music's kinda loud, drop it to 20%", 20),
        ("music", "cut the music down to 15%", 15),
        ("music", "音樂音量加倍", 70),
        ("music", "音乐音量加大一倍", 70),
        ("music", "music at seventy-five percent", 75),
        ("music", "volume down by 5", 30),
        ("music", "音量减少5%", 30),
        ("music", "音量加到60%", 60),
        ("music", "music twice as loud", 70),
        ("music", "make the music half as loud", 18),
    ],
)
def test_a_new_music_level_keeps_the_music_and_sets_the_level(
    start: str, message: str, volume: int
) -> None:
    begin = _starts()[start][0]
    draft, _, _ = run_plan(BEGIN, start, message, language_of(message))
    music = track(draft, 1)
    assert [sg["v"] for sg in music] == [volume]
    assert [sg["n"] for sg in music] == [sg["n"] for sg in track(begin, 1)]
    assert draft["d"] == begin["d"]


@pytest.mark.parametrize(
    ("message", "volume"),
    [("add bg music at fourty percent volume", 40), ("加一段背景音乐，音量三成", 30)],
)
def test_new_music_takes_the_level_in_words_or_tenths(message: str, volume: int) -> None:
    draft, _, _ = run_plan(BEGIN, "fresh5", message, language_of(message))
    assert [sg["v"] for sg in track(draft, 1)] == [volume]


@pytest.mark.parametrize(
    ("start", "message", "key"),
    [
        ("fresh5", "whats the weather like in lisbon tomorrow", "no_edit_found"),
        ("fresh5", "今天天氣如何", "no_edit_found"),
        ("fresh5", "你識唔識煮飯㗎", "no_edit_found"),
        ("fresh5", "好无聊啊", "no_edit_found"),
        ("slideshow3", "这张照片好看吗", "unclear_edit"),
        ("slideshow3", "the photo order feels off somehow", "unclear_edit"),
    ],
)
def test_a_message_with_no_understood_edit_gets_a_specific_reply(
    start: str, message: str, key: str
) -> None:
    begin = _starts()[start][0]
    draft, plan, said = run_plan(BEGIN, start, message, language_of(message))
    assert draft == begin
    assert not _generic(plan, said)
    heads = {
        BOOK.say(plan.language, key, hant=h, topics="\x00").split("\x00")[0][:8]
        for h in (False, True)
    }
    assert any(said.startswith(head) for head in heads)


@pytest.mark.parametrize(
    ("start", "message", "key"),
    [
        ("slideshow3", "Can you make the sunset in beach.jpg more orange and dramatic?", "colour"),
        ("titled", "把照片裡的燈塔改成紅色", "colour"),
        ("fresh5", "make it black and white", "colour"),
        ("fresh5", "给照片加个复古滤镜", "colour"),
        ("slideshow3", "幫我生成一段海豚跳出水面的影片加進去", "footage"),
        ("fresh5", "add a video of fireworks at the end", "footage"),
        ("fresh5", "generate a clip of dolphins jumping and add it", "footage"),
        ("music", "Write me a wedding toast for my sister, she loves the harbor", "compose"),
        ("fresh5", "帮我写一段朋友圈文案", "compose"),
        ("fresh5", "write a short poem about the harbor", "compose"),
        ("titled", "move the title to the left", "text_side"),
        ("titled", "標題放左邊", "text_side"),
        ("fresh5", "字幕放右下角", "text_side"),
        ("titled", "make the title font bold", "font"),
        ("titled", "change the title to bold italic", "font"),
        ("titled", "標題用宋體", "font"),
        ("music", "slow down the music", "music_tempo"),
        ("music", "音乐放慢一点", "music_tempo"),
        ("music", "音樂快啲", "music_tempo"),
    ],
)
def test_what_the_renderer_cannot_do_is_declined_with_its_reason(
    start: str, message: str, key: str
) -> None:
    begin = _starts()[start][0]
    draft, plan, said = run_plan(BEGIN, start, message, language_of(message))
    assert draft == begin
    assert _said_key(plan, said, "limit_" + key)


@pytest.mark.parametrize(
    ("start", "message", "duration", "aspect"),
    [
        ("slideshow3", "colour grade everything warmer and make it 12 seconds", 12000, "16:9"),
        ("fresh5", "make it 8 seconds, more vivid colors", 8000, "16:9"),
        ("fresh5", "调色调暖一点，改成竖屏", 5000, "9:16"),
        ("titled", "move the title to the top right corner and make it 8 seconds", 8000, "16:9"),
    ],
)
def test_the_other_edits_of_a_partly_declined_message_still_apply(
    start: str, message: str, duration: int, aspect: str
) -> None:
    begin = _starts()[start][0]
    draft, _, said = run_plan(BEGIN, start, message, language_of(message))
    assert (draft["d"], draft["m"]["aspect"]) == (duration, aspect)
    assert [sg["mo"]["type"] for sg in track(draft, 0)] == [
        sg["mo"]["type"] for sg in track(begin, 0)
    ]
    assert said


@pytest.mark.parametrize(
    ("start", "message", "text", "position"),
    [
        ("titled", "make the title red", "Harbor Lights", "center"),
        ("fresh5", 'write "Hello" at the bottom', "Hello", "bottom"),
        ("fresh5", "write a caption saying hello", "hello", "bottom"),
    ],
)
def test_text_edits_near_those_classes_still_apply(
    start: str, message: str, text: str, position: str
) -> None:
    draft, _, _ = run_plan(BEGIN, start, message, language_of(message))
    assert [(sg["n"], sg["pos"]) for sg in track(draft, 7)] == [(text, position)]


@pytest.mark.parametrize(
    ("message", "start_ms", "end_ms", "position"),
    [
        ("标题往后挪一秒", 1000, 4000, "center"),
        ("標題往後移一秒", 1000, 4000, "center"),
        ("move the title 1 second later", 1000, 4000, "center"),
        ("title 2 seconds later please", 2000, 5000, "center"),
        ("把标题推迟2秒出现", 2000, 5000, "center"),
        ("delay the title by 1.5 seconds", 1500, 4500, "center"),
        ("標題改到畫面下方，並延長至四秒", 0, 4000, "bottom"),
        ("标题延长到4秒", 0, 4000, "center"),
        ("把标题提前1秒", 0, 3000, "center"),
        ("put the title at 2 seconds", 2000, 5000, "center"),
        ("标题在第2秒出现", 2000, 5000, "center"),
        ("title from second 2", 2000, 5000, "center"),
    ],
)
def test_a_time_said_of_a_title_moves_or_holds_the_title_not_the_video(
    message: str, start_ms: int, end_ms: int, position: str
) -> None:
    draft, _, _ = run_plan(BEGIN, "titled", message, language_of(message))
    assert draft["d"] == 5000
    title = track(draft, 7)
    assert [(sg["s"], sg["s"] + sg["d"], sg["pos"]) for sg in title] == [
        (start_ms, end_ms, position)
    ]


@pytest.mark.parametrize(
    "message", ["时长砍掉两秒", "chop 2 seconds off", "trim two sec off", "影片剪掉兩秒"]
)
def test_words_of_cutting_seconds_shorten_the_video(message: str) -> None:
    draft, _, _ = run_plan(BEGIN, "fresh5", message, language_of(message))
    assert draft["d"] == 3000


@pytest.mark.parametrize(
    ("start", "message", "motion"),
    [
        ("slideshow3", "ken burns is too much, just zoom out on all of them", "zoom_out"),
        ("fresh5", "运镜太晃了，改成静止", "none"),
        ("fresh5", "could the camera drift slowly to the right instead", "pan_right"),
        ("fresh5", "slide to the right slowly", "pan_right"),
        ("fresh5", "镜头往左边慢慢移", "pan_left"),
        ("fresh5", "鏡頭向上慢慢移", "pan_up"),
        ("fresh5", "let it glide upwards", "pan_up"),
    ],
)
def test_the_motion_asked_for_is_the_one_applied(start: str, message: str, motion: str) -> None:
    begin = _starts()[start][0]
    draft, _, _ = run_plan(BEGIN, start, message, language_of(message))
    assert {sg["mo"]["type"] for sg in track(draft, 0)} == {motion}
    assert draft["d"] == begin["d"]


def test_a_complaint_alone_makes_the_motion_gentler() -> None:
    begin = _starts()["fresh5"][0]
    draft, _, _ = run_plan(BEGIN, "fresh5", "the zoom is a bit too much")
    moved = track(draft, 0)[0]["mo"]
    assert moved["type"] == "zoom_in"
    assert moved["i"] < track(begin, 0)[0]["mo"]["i"]


@pytest.mark.parametrize(
    ("message", "speed"),
    [
        ("把速度调快一倍", 2.0),
        ("运镜速度加倍", 2.0),
        ("double the speed of the zoom", 2.0),
        ("half the zoom speed", 0.5),
        ("镜头速度减半", 0.5),
        ("鏡頭慢一倍", 0.5),
        ("make the zoom twice as slow", 0.5),
        ("make the zoom 50% faster", 1.5),  # "the video 50% faster" is a playback speed (round 18)
    ],
)
def test_a_multiple_of_speed_changes_the_camera_speed_not_the_length(
    message: str, speed: float
) -> None:
    draft, _, _ = run_plan(BEGIN, "fresh5", message, language_of(message))
    assert draft["d"] == 5000
    assert track(draft, 0)[0]["mo"]["sp"] == speed


@pytest.mark.parametrize(
    ("message", "order"),
    [
        (
            "the lighthouse one should come first, then the harbour, then the beach",
            ["lighthouse.jpg", "harbor.jpg", "beach.jpg"],
        ),
        ("先放灯塔，再放海滩，最后港口", ["lighthouse.jpg", "beach.jpg", "harbor.jpg"]),
        ("順序改成：海灘、燈塔、港口", ["beach.jpg", "lighthouse.jpg", "harbor.jpg"]),
        ("revrese the photo order", ["beach.jpg", "lighthouse.jpg", "harbor.jpg"]),
    ],
)
def test_every_photo_named_in_a_new_order_reorders_the_slideshow(
    message: str, order: list[str]
) -> None:
    draft, _, _ = run_plan(BEGIN, "slideshow3", message, language_of(message))
    assert [sg["n"] for sg in track(draft, 0)] == order
    assert abs(draft["d"] - 9000) <= 600


def test_moving_a_photo_to_the_right_is_not_a_camera_pan() -> None:
    draft, _, _ = run_plan(BEGIN, "slideshow3", "move beach.jpg to the right")
    assert {sg["mo"]["type"] for sg in track(draft, 0)} == {"ken_burns"}


@pytest.mark.parametrize(
    ("message", "aspect"),
    [("煩請將畫面改為直式", "9:16"), ("给我整个方的呗", "1:1"), ("改成橫式", "16:9")],
)
def test_regional_words_for_framings(message: str, aspect: str) -> None:
    start = "titled" if aspect == "16:9" else "fresh5"
    draft, _, _ = run_plan(BEGIN, start, message, "zh")
    assert draft["m"]["aspect"] == aspect
    assert draft["d"] == 5000


@pytest.mark.parametrize(
    ("message", "start_ms", "end_ms"),
    [("add a title 'Hi' at 2 seconds", 2000, 5000), ("加个标题“你好”，在第2秒出现", 2000, 5000)],
)
def test_a_new_title_at_a_time_starts_there(message: str, start_ms: int, end_ms: int) -> None:
    draft, _, _ = run_plan(BEGIN, "fresh5", message, language_of(message))
    assert draft["d"] == 5000
    assert [(sg["s"], sg["s"] + sg["d"]) for sg in track(draft, 7)] == [(start_ms, end_ms)]


@pytest.mark.parametrize(
    "message", ["put the title in the middle of the video at 2 seconds", "make the font bigger"]
)
def test_leftover_words_never_become_a_title(message: str) -> None:
    draft, _, _ = run_plan(BEGIN, "fresh5", message)
    assert draft == _starts()["fresh5"][0]


@pytest.mark.parametrize(
    ("message", "texts"),
    [
        ("remove the title and add a caption 'bye' at the bottom", [("bye", "bottom")]),
        ("删掉标题，再加一个字幕“再见”", [("再见", "bottom")]),
        ("刪掉標題，再加一個字幕「再見」", [("再見", "bottom")]),
        (
            "change the title to 'Hello' and add a caption 'bye' at the bottom",
            [("Hello", "center"), ("bye", "bottom")],
        ),
    ],
)
def test_two_text_changes_in_one_message_are_both_made(
    message: str, texts: list[tuple[str, str]]
) -> None:
    draft, _, _ = run_plan(BEGIN, "titled", message, language_of(message))
    assert sorted((sg["n"], sg["pos"]) for sg in track(draft, 7)) == sorted(texts)
    assert draft["d"] == 5000


@pytest.mark.parametrize(
    ("message", "text", "position"),
    [
        ('put "Summer 2024" at the top for the first 3 seconds', "Summer 2024", "top"),
        ("put 'hello' at the bottom", "hello", "bottom"),
        ("放“你好”在底部", "你好", "bottom"),
    ],
)
def test_quoted_words_placed_on_the_video_are_text(message: str, text: str, position: str) -> None:
    draft, _, _ = run_plan(BEGIN, "fresh5", message, language_of(message))
    assert [(sg["n"], sg["pos"]) for sg in track(draft, 7)] == [(text, position)]
    assert draft["d"] == 5000


@pytest.mark.parametrize(
    ("start", "message", "check"),
    [
        ("fresh5", "no zoom pls", lambda d: track(d, 0)[0]["mo"]["type"] == "none"),
        ("fresh5", "唔好郁，定格就得", lambda d: track(d, 0)[0]["mo"]["type"] == "none"),
        ("music", "no music", lambda d: track(d, 1) == []),
        ("fresh5", "make it portrait please", lambda d: d["m"]["aspect"] == "9:16"),
        ("fresh5", "make it a tad longer", lambda d: d["d"] > 5000),
        ("fresh5", "make it 9 by 16", lambda d: d["m"]["aspect"] == "9:16"),
        (
            "slideshow3",
            "get rid of the lighthouse",
            lambda d: [sg["n"] for sg in track(d, 0)] == ["harbor.jpg", "beach.jpg"],
        ),
        (
            "slideshow3",
            "加入pier.jpg到第二位",
            lambda d: [sg["n"] for sg in track(d, 0)][:2] == ["harbor.jpg", "pier.jpg"],
        ),
        (
            "slideshow3",
            "用sunset.jpg換走燈塔嗰張",
            lambda d: [sg["n"] for sg in track(d, 0)] == ["harbor.jpg", "sunset.jpg", "beach.jpg"],
        ),
    ],
)
def test_everyday_phrasings_of_known_edits(start: str, message: str, check: Any) -> None:
    draft, _, _ = run_plan(BEGIN, start, message, language_of(message))
    assert check(draft)


@pytest.mark.parametrize(
    ("message", "length"),
    [
        ("make the slideshow 12 seconds total", 12000),
        ("Make the whole slideshow 50% longer.", 13500),
        ("把整个幻灯片延长到12秒", 12000),
    ],
)
def test_the_slideshow_named_is_the_one_there_not_a_new_one_of_every_upload(
    message: str, length: int
) -> None:
    draft, _, _ = run_plan(BEGIN, "slideshow3", message, language_of(message))
    assert [sg["n"] for sg in track(draft, 0)] == ["harbor.jpg", "lighthouse.jpg", "beach.jpg"]
    assert draft["d"] == length


def test_a_tempo_request_beside_a_length_declines_the_whole_message() -> None:
    # round 14: a clause that cannot be done (the song's tempo) declines the whole message
    draft, _, said = run_plan(BEGIN, "music", "speed up the song and make it 8 seconds")
    assert draft["d"] == 5000
    assert track(draft, 0)[0]["mo"]["sp"] == 1.0
    assert "speed up the song" in said
