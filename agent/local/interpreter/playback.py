"""A playback speed: playing the video faster or slower than real time, which the renderer cannot
do (it shows still photos with a camera moving over them; there is no footage to speed up).

Where the line is, per clause (a comma, "and", 然后 or 再 ends one):

- Playback, declined: a player's rate ("2x speed", "at 1.5x", "double speed", 2倍速, 倍速),
  "playback", "play it faster", "speed up / slow down the video", "the clip slower", 播放速度,
  播快啲, 快放, 慢放, 快进, 快转, 加速, 减速 (as verbs of the video, not of the camera).
- The camera, a motion request: any clause that names the camera ("zoom in faster", "a slower
  zoom", "pan slowly", "double the speed of the zoom", 镜头加速, 推近速度加快, zoom快啲), and a
  bare manner that names neither ("faster", 慢啲, 把速度放慢一点): the camera is all that moves.

Text is simplified Chinese (any case); the patterns ignore case. Pure.
"""

from __future__ import annotations

import re

__all__ = ["names_playback_speed", "playback_speed"]

_RATE = r"\d+(?:\.\d+)?\s*[x×]"
_VIDEO = r"(?:video|clip|footage|film|movie|playback|whole\s+thing)"
_PLAYBACK_SPEED = re.compile(
    rf"{_RATE}\s*(?:the\s+)?(?:speed|playback|rate|faster|slower)\b"
    rf"|\b(?:at|to|in)\s+{_RATE}(?!\s*(?:longer|shorter|long|as\b|the\s+length))"
    rf"|^\s*{_RATE}\s*$"
    r"|\b(?:double|half|quarter|triple|normal)[\s-]speed\b"
    r"|\bplay(?:ing)?\s+speed\b"
    r"|\b(?:play|run)\w*\s+(?:it\s+|this\s+|the\s+\w+\s+|(?:the\s+)?whole\s+thing\s+)?(?:back\s+)?"
    r"(?:a\s+(?:bit|little)\s+|much\s+|way\s+)?(?:faster|slower|quicker|fast|slow|quickly|slowly"
    r"|at\s+(?:double|half|twice))\b"
    rf"|\b(?:speed|slow)\w*\s+(?:up|down)\s+(?:the\s+)?{_VIDEO}\b"
    rf"|\b(?:speed|slow)\w*\s+(?:the\s+)?{_VIDEO}\s+(?:\w+\s+)?(?:up|down)\b"
    rf"|\b{_VIDEO}\s+(?:[\w%]+\s+){{0,2}}(?:faster|slower|quicker|sped\s+up|slowed\s+down)\b"
    rf"|\bspeed\s+of\s+(?:the\s+)?{_VIDEO}\b|\b{_VIDEO}(?:'s)?\s+speed\b"
    r"|倍速|快放|慢放|快进|快转|快轉|播放速度|播放速率|(?:加速|减速|加快|放慢|调快|调慢)播"
    r"|播(?:得|放)?(?:快|慢|快啲|慢啲)|加速|减速",
    re.IGNORECASE,
)
"""Playing the video at another rate (see the module doc)."""
_CAMERA = re.compile(
    r"\b(?:zoom\w*|pan|pans|panning|panned|camera|ken\s*burns)\b|zoom|镜头|运镜|推近|拉远|推拉"
    r"|拉近|放大|缩小|缩放|平移|摇镜|郁",
    re.IGNORECASE,
)
"""A clause naming the camera asks about the camera's pace ("zoom in faster", 镜头加速)."""
_CLAUSE = re.compile(
    r"(?<=[,;!?，。；！？])|(?<=\.)\s|\s[-—–]+\s|\band\b|然后|并且|再(?=把|将|加|调|改)"
)


_SOUND = re.compile(
    r"\b(?:music|song|audio|bgm|soundtrack|track|tempo|volume|titles?|captions?|subtitles?|text"
    r"|font|size|bigger|larger|smaller)\b|音乐|配乐|歌|背景乐|音量|标题|字幕|文字|字体|大小"
)
"""A clause about the music asks for its tempo (outside.py), and one about a title or the volume
("the title to 2x", 音量加倍) for a size or a level, not the video's rate."""


def _playback_clause(clause: str) -> bool:
    return bool(_PLAYBACK_SPEED.search(clause)) and not (
        _CAMERA.search(clause) or _SOUND.search(clause.casefold())
    )


def names_playback_speed(text: str) -> bool:
    """Whether a clause of `text` asks to play the video faster or slower."""
    return any(_playback_clause(clause) for clause in _CLAUSE.split(text))


def playback_speed(text: str) -> tuple[bool, str]:
    """Whether `text` asks for a playback speed, and `text` with each such clause blanked out
    (so "2x speed" is not read as the camera's speed, and the other clauses still apply)."""
    parts = _CLAUSE.split(text)
    hits = [_playback_clause(part) for part in parts]
    if not any(hits):
        return False, text
    return True, " ， ".join(" " if hit else part for part, hit in zip(parts, hits, strict=True))
