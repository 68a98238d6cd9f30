"""Parse one user message (EN/ZH) into a `Request`: what to generate or edit, with its values.

Pure and table-driven (keywords come from the phrasebook); never raises on any input text.
It reads only the message: the interpreter decides what the request means for the current draft.
Titles and captions are read by `textintents`, music and fades by `musicintents`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Literal

from agent.local.interpreter import clauses, quantity
from agent.local.interpreter.hanzi import CJK, Script, script_of, to_simplified
from agent.local.interpreter.history import HistoryRequest, history_request
from agent.local.interpreter.lengths import (
    LengthOp,
    relative_after,
    take_length,
    take_text_hold,
)
from agent.local.interpreter.musicintents import (
    FadeOp,
    MusicOp,
    edge_length,
    fade_op,
    music_op,
    volume_only,
)
from agent.local.interpreter.oldvalues import settle_amounts
from agent.local.interpreter.phrasebook import Language, Phrasebook, find_key, has_any
from agent.local.interpreter.relativelevel import relative_level
from agent.local.interpreter.snippet import as_written, quoted, subject_of
from agent.local.interpreter.textintents import (
    StyleOp,
    TextOp,
    style_op,
    text_op,
    text_timing,
    with_timing,
)
from agent.local.interpreter.typos import fix_typos
from agent.local.interpreter.videoclauses import video_length_clauses

__all__ = ["FadeOp", "Look", "MusicOp", "Request", "StyleOp", "TextOp", "detect_language", "parse"]

MAX_MESSAGE = 2000
_CANTONESE = frozenset("啲咗嘅唔冇喺嚟佢嗰哋乜咁噉畀睇攞揾嘢")
"""Characters of written Cantonese: a message with them is answered in traditional characters."""
_REGIONAL = re.compile(r"影片|直式|橫式|改做|轉做|變做|相簿")
"""Taiwan and Hong Kong words written with characters common to both scripts (影片 for video,
直式 for vertical, Cantonese 改做): such a message is answered in traditional characters."""
_LATIN_WORD = re.compile(r"[a-z]{2,}", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Look:
    """Video parameters named in the message (None = not mentioned)."""

    duration_ms: int | None = None
    aspect: str | None = None
    motion: str | None = None
    intensity: float | None = None
    intensity_factor: float | None = None
    speed: float | None = None
    speed_factor: float | None = None
    fit: str | None = None


@dataclass(frozen=True, slots=True)
class Request:
    """Everything the message asks for; the interpreter turns it into a plan."""

    language: Language
    look: Look
    unsupported: str | None = None
    social: Literal["greeting", "help", "off_topic"] | None = None
    generate: bool = False
    regenerate: bool = False
    video_noun: bool = False
    single_image: bool = False
    all_images: bool = False
    text: TextOp | None = None
    music: MusicOp | None = None
    fade: FadeOp | None = None
    style: StyleOp | None = None
    subject: str = ""
    script: Script | None = None
    """`hant` when the message is in traditional characters (replies follow it)."""
    length: LengthOp | None = None
    length_after: bool = False
    """The relative length change follows an absolute one ("6 seconds, then 2 more")."""
    history: HistoryRequest | None = None
    project_name: str = ""
    limits: tuple[str, ...] = ()
    level_clash: tuple[int, int] | None = None
    """A relative level whose rule and stated result disagree (the rule's, the stated)."""
    """What the message asks that cannot be done as asked (`resolution`, `content_motion`)."""
    export: bool = False
    """The message asks to export (the app's Export button does that; the reply says so)."""
    folded: str = ""
    """The message folded for matching (NFKC, simplified, case-folded, negations dropped)."""

    @property
    def edits(self) -> bool:
        """Whether anything on the timeline should change."""
        changes = (self.text, self.music, self.fade, self.style, self.length, self.project_name)
        return any(changes) or self.look != Look()

    @property
    def hant(self) -> bool:
        """Whether replies are written in traditional characters."""
        return self.script == "hant"


def detect_language(text: str, default: Language) -> Language:
    """`zh` when CJK characters outnumber Latin words, `en` when the reverse, else `default`."""
    cjk, latin = len(CJK.findall(text)), len(_LATIN_WORD.findall(text))
    if cjk == latin:
        return default
    return "zh" if cjk > latin else "en"


def parse(message: str, session_language: Language, book: Phrasebook) -> Request:
    """Read `message` into a `Request` (the reply language follows the message when clear)."""
    original = " ".join(message[:MAX_MESSAGE].split())
    quotes, unquoted_raw = quoted(original)  # quoted text stays byte for byte
    name = clauses.project_name(original, quotes)
    if name:
        quotes = [q for q in quotes if q != name]
    unquoted = clauses.drop_negated(
        fix_typos(
            to_simplified(" ".join(unicodedata.normalize("NFKC", unquoted_raw).split())), book
        )
    )
    said = unquoted  # the language is read before unsupported phrases are blanked out
    rule, unquoted = relative_level(unquoted)  # "by a fifth (so 35 becomes 28)": one level
    limits, unquoted = clauses.limits(settle_amounts(quantity.with_halves(unquoted)))
    kw = book.keywords
    unquoted = _muted(unquoted, book)
    timed, video_lengths = video_length_clauses(unquoted, book)  # not the title's seconds
    shift, span, at, rest = text_timing(timed, book)
    hold, rest = take_text_hold(rest)
    rest = f"{rest}，{video_lengths}" if video_lengths else rest
    fade_ms, rest = quantity.take_fade(rest)
    speed_factor, rest = quantity.take_speed_factor(rest)
    before_length = rest
    length, rest = take_length(rest)
    length_after = length is not None and relative_after(before_length, rest)
    speed, rest = quantity.take_speed(rest)
    points, rest = quantity.take_points(rest)
    percent, rest = quantity.take_percent(rest)
    duration, rest = quantity.take_duration(rest)
    folded = unquoted.casefold()  # keywords are matched with the numbers still in place
    until = span is not None and span.keep_start and not span.open_end and duration is None
    if until and not any(has_any(folded, k) for k in (kw.title, kw.caption, kw.music)):
        duration, span = span.end_ms if span else None, None  # "run until 10 s": the video
    fade = fade_op(folded, book, fade_ms if fade_ms is not None else edge_length(span))
    if length is not None and length.factor != 1 and volume_only(folded, book):
        length = None  # "halve the music volume" is not "halve the video"
    text = (
        None if name and not quotes else text_op(folded, rest, quotes, span, fade is not None, book)
    )
    if text is not None and text.text and not quotes:
        text = replace(text, text=as_written(text.text, original))
    text = with_timing(text, folded, (hold, shift, at), limits)
    music = music_op(folded, book, percent, fade is not None, span, points)
    if music is not None and music.factor != 1 and not _PACE_WORD.search(folded):
        speed = None  # 音量提高到目前的两倍: a multiple of the level, not a speed
    if rule is not None and (music is None or music.action != "add" or music.style is None):
        # "drop the music to 80% of what it is": a level, never a removal
        music = MusicOp("volume", volume=rule.level, factor=rule.factor or 1.0)
    look = _look(folded, book, duration, speed)
    if speed_factor is not None:
        look = replace(look, speed=None, speed_factor=speed_factor)
    if text is not None and text.position and look.motion in ("pan_up", "pan_down"):
        look = replace(look, motion=None)  # "把标题往上移" moves the title, not the camera
    return Request(
        language=detect_language(said, session_language),
        look=look,
        unsupported=_unsupported(folded, book) or _named_song(folded, book, quotes),
        social="help" if has_any(folded, kw.help) else _greeting(folded, book),
        generate=has_any(_THE_SLIDESHOW.sub(" it ", folded), kw.generate),
        regenerate=has_any(folded, kw.regenerate),
        video_noun=has_any(folded, kw.video_noun),
        single_image=has_any(folded, kw.single_image),
        all_images=has_any(_THE_SLIDESHOW.sub(" it ", folded), kw.all_images),
        text=text,
        music=music,
        fade=fade,
        style=style_op(folded, book, bool(quotes)),
        subject=subject_of(rest, book),
        script="hant"
        if _CANTONESE & set(original) or _REGIONAL.search(original)
        else script_of(original),
        length=length,
        length_after=length_after,
        history=history_request(folded),
        project_name=name,
        limits=tuple(limits),
        level_clash=rule.clash if rule is not None else None,
        export=has_any(folded, kw.export),
        folded=folded,
    )


_PACE_WORD = re.compile(r"\b(?:speed|fast|faster|slow|slower|pace)\b|速|快|慢")
_MUTE = re.compile(r"\bmute\b|静音|消音")
_TOO_LOUD = re.compile(r"太大声|太吵|太响|好大声|大声过头|太嘈")
_TOO_QUIET = re.compile(r"太小声|太细声|好细声|听不到|听唔到|听不清|听唔清")


def _muted(text: str, book: Phrasebook) -> str:
    """ "Mute it", 静音: the only sound there is, the music (the photos are silent); 太大声 (too
    loud) asks for quieter, not for 大声."""
    text = _TOO_QUIET.sub(" 大声一点 ", _TOO_LOUD.sub(" 小声一点 ", text))
    if _MUTE.search(text.casefold()) and not has_any(text.casefold(), book.keywords.music):
        return text + (" 音乐" if CJK.search(text) else " the music")
    return text


def _greeting(folded: str, book: Phrasebook) -> Literal["greeting", "off_topic"] | None:
    if has_any(folded, book.keywords.off_topic):
        return "off_topic"  # "book me a table", 订机票: not a video edit
    return "greeting" if has_any(folded, book.keywords.greeting) else None


def _unsupported(folded: str, book: Phrasebook) -> str | None:
    if clauses.retouch(folded):
        return "photo_editing"
    topic = find_key(folded, book.keywords.unsupported)
    music = has_any(folded, book.keywords.music)
    if topic == "background_removal" and music:
        return None  # "remove the background music" is a music edit
    if topic == "music_link" and not (music or "http" in folded):
        return None  # "a YouTube video" names a format, not a music source
    return topic


def _named_song(folded: str, book: Phrasebook, quotes: list[str]) -> str | None:
    """ "Change the song to 'Shape of You'": a track by name (only built-in beds or an upload)."""
    kw = book.keywords
    music = has_any(folded, kw.music) and not has_any(folded, (*kw.title, *kw.caption))
    verb = (
        has_any(folded, kw.replace) or has_any(folded, kw.add) or re.search(r"\bplay\b|播", folded)
    )
    titles = [q for q in quotes if not re.search(r"\.[a-z0-9]{2,4}$", q, re.IGNORECASE)]
    return "named_song" if music and verb and titles else None  # not an uploaded file's name


def _look(folded: str, book: Phrasebook, duration: int | None, speed: float | None) -> Look:
    kw = book.keywords
    motion = find_key(folded, kw.motion) or clauses.camera_direction(folded, book)
    cinematic = has_any(folded, kw.cinematic) and not has_any(folded, kw.music)
    if cinematic and motion is None:
        motion = "ken_burns"
    factor = _factor(folded, kw.subtler, kw.stronger, 0.6, 1.5)
    relative = None if speed is not None else _factor(folded, kw.slower, kw.faster, 0.75, 1.33)
    return Look(
        duration_ms=duration,
        aspect=find_key(_PLATFORM.sub(" ", folded), kw.aspect) or find_key(folded, kw.aspect),
        motion=motion,
        intensity=None if factor else _absolute_intensity(folded, book),
        intensity_factor=factor,
        speed=speed if speed is not None else _absolute_speed(folded, book, cinematic),
        speed_factor=relative,
        fit=_fit(folded, book),
    )


_PLATFORM = re.compile(
    r"\b(?:tiktok|reels?|shorts|stories|instagram(?:\s+(?:story|feed|post))?|ig\s+(?:feed|post|story)"
    r"|feed\s+post|youtube(?:\s+video)?)\b|抖音|快手|ins帖子"
)
"""Where the video goes: a shape said in words ("square for an instagram post") wins over it."""


def _fit(folded: str, book: Phrasebook) -> str | None:
    if has_any(folded, book.keywords.contain):
        return "contain"
    return "cover" if has_any(folded, book.keywords.cover) else None


def _absolute_intensity(folded: str, book: Phrasebook) -> float | None:
    if has_any(folded, book.keywords.gentle):
        return 0.06
    return 0.25 if has_any(folded, book.keywords.strong) else None


def _factor(
    folded: str, down: tuple[str, ...], up: tuple[str, ...], low: float, high: float
) -> float | None:
    if has_any(folded, down):
        return low
    return high if has_any(folded, up) else None


def _absolute_speed(folded: str, book: Phrasebook, cinematic: bool) -> float | None:
    kw = book.keywords
    if has_any(folded, kw.slower) or has_any(folded, kw.faster):
        return None
    if has_any(folded, kw.slow) or cinematic:
        return 0.7
    return 1.5 if has_any(folded, kw.fast) else None


_THE_SLIDESHOW = re.compile(
    r"\b(?:the|this|my|our|that)\s+(?:whole\s+|entire\s+|current\s+)?slide\s*show\b"
    r"|(?:这个|整个|呢个|成个)幻灯片"
)
"""'Make the slideshow 12 seconds': the video there is, not a new slideshow of every upload."""
