"""Simplified and traditional Chinese: which script a message uses, and conversion between them.

Character tables only (`hanzi.txt`, generated once from OpenCC's single-character tables); no
word segmentation. Input is folded to simplified for keyword matching; replies are written in
simplified and converted to traditional when the request was traditional (or Cantonese).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

__all__ = [
    "CJK",
    "CJK_OR_KANA",
    "HAN",
    "HAN_BASIC",
    "Script",
    "Tables",
    "script_of",
    "spaced_latin",
    "tables",
    "to_simplified",
    "to_traditional",
]

Script = Literal["hans", "hant"]

HAN = "\u3400-\u9fff"
"""Chinese characters (CJK unified ideographs and extension A), as the body of a regex class."""
_COMPATIBILITY = "\uf900-\ufaff"
_KANA = "\u3040-\u30ff"
CJK = re.compile(f"[{HAN}{_COMPATIBILITY}]")
"""One Chinese character, compatibility ideographs included."""
CJK_OR_KANA = re.compile(f"[{_KANA}{HAN}{_COMPATIBILITY}]")
"""One Chinese character or Japanese kana: text written without spaces between words."""
HAN_BASIC = re.compile("[\u4e00-\u9fff]")
"""One character of the basic CJK block (extension A left out): a phrase a pattern matched is
in Chinese."""


@dataclass(frozen=True, slots=True)
class Tables:
    """`str.translate` tables both ways and the characters that belong to one script only."""

    to_hant: dict[int, str]
    to_hans: dict[int, str]
    hans_only: frozenset[str]
    hant_only: frozenset[str]


@cache
def tables() -> Tables:
    """The bundled tables (read once; immutable)."""
    text = (resources.files("agent.local.interpreter") / "hanzi.txt").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line and not line.startswith("#")]
    s_keys, t_values, t_keys, s_values = rows
    to_hant = {ord(s): t for s, t in zip(s_keys, t_values, strict=True)}
    to_hans = {ord(t): s for t, s in zip(t_keys, s_values, strict=True)}
    both = set(s_keys) & set(t_keys)
    return Tables(to_hant, to_hans, frozenset(s_keys) - both, frozenset(t_keys) - both)


def script_of(text: str) -> Script | None:
    """`hant` when traditional-only characters outnumber simplified-only ones, `hans` when the
    reverse, None when the text has neither (plain Latin, or characters common to both)."""
    t = tables()
    hans = sum(1 for ch in text if ch in t.hans_only)
    hant = sum(1 for ch in text if ch in t.hant_only)
    if hans == hant:
        return None
    return "hant" if hant > hans else "hans"


def to_simplified(text: str) -> str:
    """`text` with every traditional character that has a simplified form replaced by it."""
    return text.translate(tables().to_hans)


_LATIN_CJK = re.compile(f"(?<=[A-Za-z])(?=[{HAN}])|(?<=[{HAN}])(?=[A-Za-z])")


def spaced_latin(text: str) -> str:
    """`text` with a space where a Latin word meets a Chinese character ("duration加50%" ->
    "duration 加50%"), so word-bounded English patterns find English words written inside
    Chinese."""
    return _LATIN_CJK.sub(" ", text)


def to_traditional(text: str) -> str:
    """`text` with every simplified character that has a traditional form replaced by it."""
    return text.translate(tables().to_hant)
