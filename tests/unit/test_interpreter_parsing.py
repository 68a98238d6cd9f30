"""Message parsing for the interpreter: numbers, ranges, quoted text, language, phrase table."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent.errors import ConfigError
from agent.local.interpreter.intents import detect_language, parse
from agent.local.interpreter.phrasebook import find_key, has_any, load_phrasebook
from agent.local.interpreter.quantity import (
    parse_number,
    take_duration,
    take_fade,
    take_percent,
    take_speed,
)
from agent.local.interpreter.snippet import extract_text, quoted
from agent.local.interpreter.timerange import TimeRange, take_range

BOOK = load_phrasebook()


@pytest.mark.parametrize(
    ("token", "value"),
    [("5", 5.0), ("2.5", 2.5), ("ten", 10.0), ("十", 10.0), ("十五", 15.0), ("二十", 20.0),
     ("两", 2.0), ("一百零五", 105.0), ("三十", 30.0), ("seven", 7.0), ("abc", None)],
)  # fmt: skip
def test_numbers_in_digits_english_words_and_chinese_numerals(token: str, value: float) -> None:
    assert parse_number(token) == value


@pytest.mark.parametrize(
    ("text", "ms"),
    [("a 5-second video", 5000), ("5s", 5000), ("10 seconds", 10_000), ("10秒", 10_000),
     ("十秒", 10_000), ("二十五秒钟", 25_000), ("ten-second clip", 10_000), ("1 minute", 60_000),
     ("半分钟", 30_000), ("half a minute", 30_000), ("1.5 sec", 1500), ("no length", None)],
)  # fmt: skip
def test_durations(text: str, ms: int | None) -> None:
    assert take_duration(text)[0] == ms


@pytest.mark.parametrize(
    ("text", "span"),
    [("from 2s to 5s", TimeRange(2000, 5000)), ("0-3s", TimeRange(0, 3000)),
     ("between 1 and 4 seconds", TimeRange(1000, 4000)), ("2 to 5 seconds", TimeRange(2000, 5000)),
     ("for the first 3 seconds", TimeRange(0, 3000)), ("前3秒", TimeRange(0, 3000)),
     ("从2秒到5秒", TimeRange(2000, 5000)), ("the last 2 seconds", TimeRange(2000, 0, True)),
     ("最后两秒", TimeRange(2000, 0, True)), ("at the beginning", TimeRange(0, 3000)),
     ("at the end", TimeRange(3000, 0, True)), ("片尾", TimeRange(3000, 0, True)),
     ("a 5-second clip", None)],
)  # fmt: skip
def test_time_ranges(text: str, span: TimeRange | None) -> None:
    found, rest = take_range(text)
    assert found == span
    assert (rest == text) == (span is None)


def test_ranges_resolve_against_the_video_length() -> None:
    assert TimeRange(2000, 0, True).resolve(5000) == (3000, 5000)
    assert TimeRange(4000, 9000).resolve(5000) == (4000, 5000)
    assert TimeRange(7000, 9000).resolve(5000) == (4900, 5000)


@given(st.integers(0, 90_000), st.integers(0, 90_000), st.booleans(), st.integers(1000, 60_000))
def test_any_range_resolves_inside_the_video(a: int, b: int, from_end: bool, total: int) -> None:
    start, end = TimeRange(a, b, from_end).resolve(total)
    assert 0 <= start < end <= total
    assert end - start >= 100


def test_percent_speed_and_fade_lengths() -> None:
    assert take_percent("lower the music to 30%")[0] == 30
    assert take_percent("音量调到50")[0] == 50
    assert take_percent("百分之二十")[0] == 20
    assert take_percent("volume to 40")[0] == 40
    assert take_percent("make it 2x")[0] is None
    assert take_speed("slow the zoom to 0.5x")[0] == 0.5
    assert take_speed("1.5倍速")[0] == 1.5
    assert take_speed("half speed")[0] == 0.5
    assert take_fade("add a 2-second fade in")[0] == 2000
    assert take_fade("fade the music out over 1.5 seconds")[0] == 1500
    assert take_fade("淡入2秒")[0] == 2000
    assert take_fade("add a fade")[0] is None


def test_quoted_text_in_every_quote_style() -> None:
    found, rest = quoted("add 'A' and \"B\" and “C” and 「D」 and 《E》, don't drop it's")
    assert found == ["A", "B", "C", "D", "E"]
    assert "don't" in rest


@pytest.mark.parametrize(
    ("text", "title"),
    [("title: Golden Hour  ", "Golden Hour"),
     ("add a title that says Grand Opening", "Grand Opening"),
     ("write Download the app at the bottom", "Download the app"),
     ("change the title to Summer Sale, then export", "Summer Sale"),
     ("标题改为夏日特惠", "夏日特惠"), ("把标题改成新品上市然后导出", "新品上市"),
     ("add a title", ""), ("add a title at the top", ""), ("add a title and music", "")],
)  # fmt: skip
def test_unquoted_title_text(text: str, title: str) -> None:
    assert extract_text(text) == title


@pytest.mark.parametrize(
    ("text", "session", "language"),
    [("add music", "zh", "en"), ("加音乐", "en", "zh"), ("帮我download一下", "en", "zh"),
     ("5s", "zh", "zh"), ("", "en", "en"), ("add jazz 音乐", "zh", "zh")],
)  # fmt: skip
def test_reply_language_follows_a_clearly_worded_message(
    text: str, session: str, language: str
) -> None:
    assert detect_language(text, session) == language  # type: ignore[arg-type]


def test_keywords_match_latin_words_whole_and_cjk_as_substrings() -> None:
    assert has_any("zoom in slowly", ["zoom in"])
    assert not has_any("zoomingin", ["zoom in"])
    assert not has_any("breakfast", ["fast"])
    assert has_any("镜头推近一点", ["推近"])
    assert find_key("zoom out please", BOOK.keywords.motion) == "zoom_out"
    assert find_key("pan from left to right", BOOK.keywords.motion) == "pan_right"


def test_music_words_do_not_trigger_background_removal_or_link_refusals() -> None:
    assert parse("remove the background music", "en", BOOK).unsupported is None
    assert parse("make a YouTube video", "en", BOOK).unsupported is None
    assert parse("use a song from Spotify", "en", BOOK).unsupported == "music_link"


def test_quoted_title_text_does_not_count_as_instructions() -> None:
    request = parse("add a title 'Zoom out and translate'", "en", BOOK)
    assert (request.unsupported, request.look.motion) == (None, None)
    assert request.text is not None
    assert request.text.text == "Zoom out and translate"


def _table() -> str:
    from importlib import resources

    return (
        resources.files("agent.local.interpreter")
        .joinpath("phrases.toml")
        .read_text(encoding="utf-8")
    )


def test_the_bundled_phrase_table_is_valid_and_complete() -> None:
    assert set(BOOK.replies["en"]) == set(BOOK.replies["zh"])
    assert set(BOOK.styles) == {"ambient_pad", "soft_piano", "lofi_pulse", "upbeat_pluck"}
    assert BOOK.style_name("lofi_pulse") == "Lo-fi pulse"


@pytest.mark.parametrize(
    ("old", "new"),
    [('greeting = "你好！', 'hello = "你好！'),
     ('unknown = "我不太确定要修改什么。{capabilities}"',
      'unknown = "我不太确定要修改什么。{what}"'),
     ('zoom_out = ["zoom out",', 'zoom_out = ["zoom in", "zoom out",'),
     ("[keywords]", "[keywords"), ("greeting = [", "greetings = [")],
)  # fmt: skip
def test_a_broken_phrase_table_is_a_config_error(old: str, new: str) -> None:
    table = _table()
    assert old in table
    with pytest.raises(ConfigError):
        load_phrasebook(table.replace(old, new, 1))


@pytest.mark.parametrize(
    ("message", "limits", "unsupported"),
    [
        ("make the kites drift across the sky", ("content_motion",), None),
        ("let the flags flutter and the lights twinkle", ("content_motion",), None),
        ("让窗户里的灯一闪一闪", ("content_motion",), None),
        ("令啲树叶郁吓", ("content_motion",), None),
        ("make the photos turn into a slideshow", (), None),
        ("让镜头转一下", (), None),
        ("have the title fly in", (), None),
        ("get rid of the strangers behind us", (), "photo_editing"),
        ("把相片中的路人抹掉", (), "photo_editing"),
        ("remove the caption from the photo", (), None),
        ("remove the dog photo", (), None),
    ],
)
def test_still_photo_content_and_retouching_are_told_apart_from_edits(
    message: str, limits: tuple[str, ...], unsupported: str | None
) -> None:
    request = parse(message, "en", BOOK)
    assert (request.limits, request.unsupported) == (limits, unsupported)


@pytest.mark.parametrize(
    ("message", "hant"),
    [("改做十秒啦", True), ("把影片改成直式", True), ("改成竖屏", False), ("改成十秒", False)],
)
def test_taiwan_and_hong_kong_words_get_traditional_replies(message: str, hant: bool) -> None:
    assert parse(message, "zh", BOOK).hant is hant
