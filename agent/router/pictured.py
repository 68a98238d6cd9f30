"""An edit drawn in pictographs before the inbox tray: "🎵➕🎉➡️📥", "✂️🎵➡️📥" (issue #10).

The tray asks for the file ("perfect!! 📥 pls", `agent.router.text`), but a chain of pictographs
that names a change (music added, a cut, text) and leads to it is a sequence: the change, then the
file. Dropping the change would render the video unedited, the harmful route; an extra `sse`
costs one agent turn. Praise before the tray ("👍👍 📥", "love it 😍 📥") names no change: the
export alone.

Pure regexes over the raw turn (the keyword stage blanks pictographs out).
"""

from __future__ import annotations

import re

__all__ = ["pictured_edit"]

# a change named: add, cut, and the parts a change works on (music, sound, text, image, film)
_CHANGE = (
    "\u2795\u2702\u270f\U0001f3b5\U0001f3b6\U0001f3bc\U0001f3a4\U0001f3a7\U0001f50a\U0001f509"
    "\U0001f508\U0001f507\U0001f4dd\U0001f524\U0001f521\U0001f5bc\U0001f39e\U0001f3ac"
    "\U0001f4f7\U0001f3a8\U0001f308"
)
_PICTOGRAPH = (
    "\U0001f000-\U0001faff\u2190-\u21ff\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d"
)
_TRAY = "\U0001f4e5"
# the chain: a change, then only pictographs, arrows, pluses and sequence words up to the tray
_CHAIN = re.compile(rf"[{_CHANGE}](?:[{_PICTOGRAPH}\s+>=,\-]|(?i:\bthen\b|\band\b))*?{_TRAY}")


def pictured_edit(text: str) -> bool:
    """Whether a pictograph chain naming a change leads to the inbox tray (module docstring)."""
    return _CHAIN.search(text) is not None
