"""Which photos of the project a message names: by file name or stem ("pier.jpg", "the harbor
one", a stem word's Chinese name), by position ("the second photo", 第二张, "the last two") or
"this photo" (the newest upload not yet in the video). Pure; `photos` decides what to do with them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import PurePosixPath

from agent.local.interpreter.plan import Asset
from agent.local.interpreter.quantity import parse_number

__all__ = ["NOUN", "ORDINALS", "Subjects", "photo_refs", "stem_in"]

NOUN = r"(?:one|photo|picture|image|pic|slide|shot|clip)s?"
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_EN_ORDINAL = re.compile(
    rf"\b(?:the\s+)?({'|'.join(ORDINALS)}|last|\d+(?:st|nd|rd|th))\s+(?:two\s+)?{NOUN}\b"
)
_ZH_ORDINAL = re.compile(
    r"第\s*([一二两三四五六七八九十\d]+)\s*(?:张|个|幅|段)|(最后|最尾)(?:一|嗰|那)张"
)
_EN_NUMBERED = re.compile(
    r"\b(?:photo|picture|image|pic|slide|shot)\s+(?:number\s+|no\.?\s*|#)?(\d{1,2})\b"
    r"(?!\s*(?:(?:more|extra|additional)\s+)?(?:s\b|secs?\b|seconds?\b|\.\d|x\b|%))"
)
_THIS = re.compile(
    r"\b(?:this|the\s+new|new|my\s+new|uploaded)\s+(?:one|photo|picture|image|pic|shot)\b"
    r"|\b(?:insert|add|put|place|append)\s+(?:this|it)\b|\bthis\s+one\b|这张|呢张|新的那张|刚上传|新上传|新的照片|新照片|新加的"
)
_FIRST_TWO = re.compile(r"\bfirst\s+two\s+" + NOUN + r"|前两张")
_LAST_TWO = re.compile(r"\blast\s+two\s+" + NOUN + r"|最后两张|后两张")


Subjects = Mapping[str, tuple[str, ...]]
"""Words of file names and what they are called in Chinese ("beach": 海滩, 沙滩)."""


def photo_refs(
    folded: str, current: tuple[Asset, ...], fresh: list[Asset], subjects: Subjects
) -> list[tuple[int, Asset | None]]:
    """The photos `folded` names, by position in the message (None: a position not there)."""
    found: list[tuple[int, Asset | None]] = []
    found += _pair_refs(folded, current)
    for match in _EN_ORDINAL.finditer(folded):
        tail = folded[match.start() :]
        if _FIRST_TWO.search(tail) or _LAST_TWO.search(tail) or _EN_PAIR.search(folded):
            continue
        found.append((match.start(), _nth(current, _en_index(match.group(1)))))
    for match in _EN_NUMBERED.finditer(folded):
        found.append((match.start(), _nth(current, int(match.group(1)) - 1)))
    for match in _ZH_ORDINAL.finditer(folded):
        index = -1 if match.group(2) else int(parse_number(match.group(1)) or 0) - 1
        found.append((match.start(), _nth(current, index)))
    for match in _THIS.finditer(folded):
        if fresh:
            found.append((match.start(), fresh[-1]))
    for asset in (*current, *fresh):
        at = stem_in(asset, folded, subjects)
        if at is not None and all(a is None or a.asset_id != asset.asset_id for _, a in found):
            found.append((at, asset))
    return sorted(found, key=lambda item: item[0])


def stem_in(asset: Asset, folded: str, subjects: Subjects) -> int | None:
    """Where `folded` names `asset`: its file name, its stem, or a stem word's Chinese name."""
    stem = PurePosixPath(asset.filename).stem.casefold()
    for name in (asset.filename.casefold(), stem):
        if hit := re.search(rf"(?<![a-z0-9]){re.escape(name)}(?![a-z0-9])", folded):
            return hit.start()
    for word in re.split(r"[\s_\-.]+", stem):
        for alias in subjects.get(word, ()):
            if (at := folded.find(alias)) >= 0:
                return at
    return None


_PAIR_WORD = rf"{'|'.join(ORDINALS)}|last|\d+(?:st|nd|rd|th)"
_EN_PAIR = re.compile(
    rf"\b({_PAIR_WORD})\s+(?:one\s+|{NOUN}\s+)?(?:and|&|with)\s+(?:the\s+)?({_PAIR_WORD})"
    rf"\s+{NOUN}"
)


def _pair_refs(folded: str, current: tuple[Asset, ...]) -> list[tuple[int, Asset | None]]:
    """ "the first two photos", "the last two photos" (前两张, 最后两张), "the first and last
    photos"."""
    if match := _EN_PAIR.search(folded):
        return [
            (match.start(1), _nth(current, _en_index(match.group(1)))),
            (match.start(2), _nth(current, _en_index(match.group(2)))),
        ]
    if match := _FIRST_TWO.search(folded):
        second = current[1] if len(current) > 1 else None
        return [(match.start(), current[0]), (match.start() + 1, second)]
    if (match := _LAST_TWO.search(folded)) and len(current) > 1:
        return [(match.start(), current[-2]), (match.start() + 1, current[-1])]
    return []


def _en_index(word: str) -> int:
    if word == "last":
        return -1
    if word in ORDINALS:
        return ORDINALS.index(word)
    return int(re.sub(r"\D", "", word)) - 1


def _nth(items: tuple[Asset, ...], index: int) -> Asset | None:
    if index == -1:
        return items[-1]
    return items[index] if 0 <= index < len(items) else None
