"""Frame shapes the renderer cannot make: 4:3, 21比9, "4 by 3", 2.35:1, "cinemascope".

The canvases are 16:9, 9:16, 1:1 and 4:5. A message asking for another shape is declined whole
(its other edits were meant for that frame). Pure text work on NFKC text folded to simplified
Chinese; a clock time ("from 0:01 to 0:03") is not a shape.
"""

from __future__ import annotations

import re
import unicodedata

from agent.local.interpreter.hanzi import to_simplified

__all__ = ["shape_of", "unsupported_aspect", "without_shape"]

_SHAPES = ("4:3", "3:4", "3:2", "2:3", "21:9", "9:21", "5:4", "16:10", "10:16", "2:1", "1:2",
           "2.35:1", "2.39:1", "2.4:1", "1.85:1")  # fmt: skip
_SEP = r"\s*(?::|比|\sby\s)\s*"
_ASPECT = re.compile(
    r"(?<![\d.:])(?P<ratio>"
    + "|".join(re.escape(a) + _SEP + re.escape(b) for a, b in (x.split(":") for x in _SHAPES))
    + r")(?![\d.:])(?!\s*(?:seconds?|secs?|s\b|秒|分|min))",
    re.IGNORECASE,
)
_ASPECT_WORDS = re.compile(
    r"\b(?:cinemascope|anamorphic|ultra[\s-]?wide(?:screen)?)\b|宽银幕|超宽屏|超宽画幅",
    re.IGNORECASE,
)


def unsupported_aspect(text: str) -> str | None:
    """A frame shape the renderer cannot make ("4:3", 21比9, "cinemascope"), or None (16:9,
    9:16, 1:1 and 4:5 are the canvases; "from 1 to 3" is a time, not a shape)."""
    if match := _ASPECT.search(text):
        return re.sub(_SEP, ":", match.group("ratio"), flags=re.IGNORECASE)
    words = _ASPECT_WORDS.search(text)
    return words.group(0) if words else None


def without_shape(text: str) -> str:
    """`text` with the shapes `unsupported_aspect` finds blanked out."""
    return _ASPECT_WORDS.sub(" ", _ASPECT.sub(" ", text))


def shape_of(message: str) -> str:
    """The shape a raw message asks for that cannot be made, as a reply names it ("4:3")."""
    return unsupported_aspect(unicodedata.normalize("NFKC", to_simplified(message))) or ""
