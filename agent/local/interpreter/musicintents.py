"""Music, volume and fade requests of one message (EN/ZH): add, remove, move or re-level the
background music, and fades on music and text. Pure; keywords come from the phrasebook."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from agent.local.interpreter.phrasebook import Phrasebook, find_key, has_any
from agent.local.interpreter.timerange import TimeRange

__all__ = ["FadeOp", "MusicOp", "edge_length", "fade_op", "music_op", "volume_only"]

_FADE_TARGET = r"(?:\s+(?:the|music|song|title|titles|text|caption|captions|it)){1,2}"
_FADE_IN = re.compile(rf"\bfades?{_FADE_TARGET}\s+in\b")
_FADE_OUT = re.compile(rf"\bfades?{_FADE_TARGET}\s+out\b")


@dataclass(frozen=True, slots=True)
class MusicOp:
    """Add (a style or the uploaded audio), remove, or re-level the background music."""

    action: Literal["add", "remove", "volume", "move"]
    style: str | None = None
    volume: int | None = None
    delta: int = 0
    span: TimeRange | None = None
    factor: float = 1.0
    """"Double the music volume" (x2), "halve it" (x0.5)."""
    vague: bool = False
    """Music named with no word of adding ("kill the music" misread): no new music over old."""


@dataclass(frozen=True, slots=True)
class FadeOp:
    """Set fades on music and/or text; `length_ms` 0 removes them."""

    target: Literal["music", "text", "all"]
    fade_in: bool
    fade_out: bool
    length_ms: int | None = None


def music_op(
    folded: str,
    book: Phrasebook,
    percent: int | None,
    fading: bool,
    span: TimeRange | None,
    points: tuple[int, int] | None = None,
) -> MusicOp | None:
    """The music or volume change `folded` asks for; `percent` is a level ("to 40%"), `points`
    a change of level ("up by ten percentage points", 减少5%): size and sign (0: from the words)."""
    kw = book.keywords
    kept = _KEPT_MUSIC.search(folded) and percent is None and points is None
    if kept and not has_any(_KEPT_MUSIC.sub(" ", folded), (*kw.music, *kw.volume)):
        return None  # "加长到20秒，音乐保持原样", "keep the music as is": only kept
    music, level = has_any(folded, kw.music), has_any(folded, kw.volume)
    level = level or bool(music and _volume_factor(folded) and _LOUDNESS.search(folded))
    style = find_key(folded, kw.music_style) if music else None
    levelling = points is not None or bool(percent is not None and _TO_LEVEL.search(folded))
    adding = music and (
        (style is not None and not levelling)  # "lower the lofi track by 10": the one there is
        or (has_any(_LEVEL_ADD.sub(" ", folded), kw.add) and not _SET_LEVEL.search(folded))
    )
    if not (music or level) or (fading and not adding and percent is None):
        return None  # "fade the music out" only sets fades
    relevel = points is not None or (percent is not None and _TO_LEVEL.search(folded))
    if music and has_any(folded, kw.remove) and not relevel:
        return MusicOp("remove")  # "drop it to 20%" is a level, not a removal
    if points is not None and not adding:
        size, sign = points
        if not sign:
            sign = -1 if has_any(folded, kw.quieter) else 1 if has_any(folded, kw.louder) else 0
            sign = sign or (-1 if _DOWN.search(folded) else 1 if _UP.search(folded) else 0)
        return MusicOp("volume", delta=sign * size) if sign else None
    if music and span is not None and not adding and not fading and percent is None:
        return MusicOp("move", span=span)  # "at the end" of a fade or a volume is not a move
    if not adding and (percent is not None or level or has_any(folded, kw.quieter)):
        if percent is None and (factor := _volume_factor(folded)):
            return MusicOp("volume", factor=factor)
        delta = -15 if has_any(folded, kw.quieter) else 15 if has_any(folded, kw.louder) else 0
        return MusicOp("volume", volume=percent, delta=delta) if percent or delta else None
    if not music:
        return None
    return MusicOp("add", style, percent, span=span, vague=not adding)


_KEPT_MUSIC = re.compile(
    r"\b(?:keep|leave|don'?t\s+touch|do\s+not\s+touch)\s+(?:the\s+)?(?:music|song|track|bgm)\b"
    r"|(?:音乐|配乐|背景音乐|歌)(?:就|都)?(?:保持|不变|唔变|照旧|维持|不用改|唔使改|别动|不要动|唔好郁|唔使郁)"
)
_DOWN = re.compile(r"\b(?:drop|cut|reduce|lower|decrease|dial\s+down)\w*\b")
_UP = re.compile(r"\b(?:raise|bump|boost|increase|push)\w*\b")
"""The way a change in points goes when only its verb says it ("drop the track by 5 points")."""


def edge_length(span: TimeRange | None) -> int | None:
    """ "Fade the music out over the last 2 seconds": the fade is as long as the edge span."""
    if span is None or span.open_end or span.half or span.keep_start:
        return None
    if span.from_end and span.end_ms == 0:
        return span.start_ms
    return span.end_ms if span.start_ms == 0 and not span.from_end else None


_SET_LEVEL = re.compile(
    r"\bset\s+(?:the\s+)?(?:music\s+|song\s+)?(?:volume|level)\b|\bvolume\s+(?:of\s+the\s+\w+\s+)?to\b"
)
""""Set the volume of the music to 45": a new level, not new music."""
_LOUDNESS = re.compile(r"\bas\s+(?:loud|quiet|soft)\b|\bloudness\b")
""""Twice as loud", "half as loud": a multiple of the level."""
_LEVEL_ADD = re.compile(
    r"加倍|加大|加强|增加|加高|加响|加到|加至|加多?\s*[\d一二两三四五六七八九十]+\s*个?\s*(?:百分点|点|%)"
    r"|加长|加快|加多?\s*[\d一二两三四五六七八九十半.]+\s*(?:秒|s\b)"
)
"""加 inside a word of raising a level (音量加倍) or a length (再加长3秒): not adding music."""
_TO_LEVEL = re.compile(
    r"\b(?:drop|cut|lower|bring|take|turn|knock|pull|reduce|put)\w*\s+(?:(?:it|that|this|the\s+"
    r"\w+|them)\s+)?(?:down\s+|up\s+|back\s+)?(?:to|by)\s+[\w.]+"
    r"|(?:降|减|调|开|关|放|降低|减少|降到|调低|调到)[^，,。；]{0,4}?(?:到|至|成|为|\d)"
)
"""A word of removing followed by a level ("drop it to 20%", 减到两成): a new level."""
_BY_A = r"\w*\b[^,.;，。；]{0,24}?\bby\s+(?:a|one)\s+"
_DOWN_BY = rf"\b(?:down|lower|reduce|cut|decrease|drop|quieter|softer){_BY_A}"
_UP_BY = rf"\b(?:up|raise|increase|boost|bump|louder){_BY_A}"
"""'Turn the volume down by a third': a fraction of the level."""
_VOLUME_FACTOR = (
    (
        re.compile(
            rf"{_DOWN_BY}third\b|\b(?:a|one)\s+third\s+(?:quieter|softer|lower)\b"
            r"|(?:减少|降低|调低|减|降|细声|小声|小)(?:了)?三分之一"
        ),
        2 / 3,
    ),
    (
        re.compile(
            rf"{_UP_BY}third\b|\b(?:a|one)\s+third\s+louder\b"
            r"|(?:增加|提高|调高|加|提|大声|大)(?:了)?三分之一"
        ),
        4 / 3,
    ),
    (
        re.compile(
            rf"{_DOWN_BY}quarter\b|\b(?:a|one)\s+quarter\s+(?:quieter|softer|lower)\b"
            r"|(?:减少|降低|调低|减|降|小)(?:了)?四分之一"
        ),
        0.75,
    ),
    (
        re.compile(
            rf"{_UP_BY}quarter\b|\b(?:a|one)\s+quarter\s+louder\b"
            r"|(?:增加|提高|调高|加|提|大)(?:了)?四分之一"
        ),
        1.25,
    ),
    (re.compile(r"\b(?:double|twice)\b|翻倍|加倍|(?:大|高|提升|加大|增大|增加)一倍"), 2.0),
    (re.compile(r"(?<![0-9.])(?:两|二|2)\s*倍"), 2.0),  # 音量调到原来的两倍
    (re.compile(r"(?<![0-9.])(?:三|3)\s*倍"), 3.0),
    (re.compile(r"\b(?:halve|half)\b|减半|一半|小一半"), 0.5),
)


def volume_only(folded: str, book: Phrasebook) -> bool:
    kw = book.keywords
    volume = has_any(folded, kw.volume) and not has_any(folded, kw.duration)
    return volume and _volume_factor(folded) is not None


def _volume_factor(folded: str) -> float | None:
    """The factor of the music's level, read in the clauses about the sound (音乐小声一半，影片长度
    变两倍: the 两倍 is the video's)."""
    parts = [p for p in re.split(r"[，,。；;]", folded) if _SOUND.search(p) or not _LONG.search(p)]
    sound = " ， ".join(parts)
    return next((f for pattern, f in _VOLUME_FACTOR if pattern.search(sound)), None)


_SOUND = re.compile(r"\b(?:music|volume|loud\w*|quiet\w*|song|track|audio)\b|音乐|音量|声|歌")
_LONG = re.compile(r"\b(?:long|longer|length|duration|video|clip)\b|长度|时长|片长|长|视频|影片|片")


def fade_op(folded: str, book: Phrasebook, length_ms: int | None) -> FadeOp | None:
    kw = book.keywords
    if not has_any(folded, kw.fade):
        return None
    fade_in = has_any(folded, kw.fade_in) or bool(_FADE_IN.search(folded))
    fade_out = has_any(folded, kw.fade_out) or bool(_FADE_OUT.search(folded))
    if not (fade_in or fade_out):
        fade_in = fade_out = True
    music = has_any(folded, kw.music)
    text = has_any(folded, kw.title) or has_any(folded, kw.caption)
    target: Literal["music", "text", "all"] = (
        "all" if music == text else "music" if music else "text"
    )
    if has_any(folded, kw.remove):
        length_ms = 0
    return FadeOp(target, fade_in, fade_out, length_ms)
