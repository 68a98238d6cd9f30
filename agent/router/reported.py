"""Reported speech: a line that starts with someone else's name or role and a colon.

"Boss: 把视频导出来发我" quotes the boss, it is not the user's own export; "Client: make the logo
bigger" neither. Such lines are mentions, like a quote (`agent.router.adopted`), until the
user's own words adopt them ("do what she says", "go ahead"). The user's own label (我：, Me:)
marks their own words, and a label that names no speaker ("Note:", "PS:", "Title:") is not one.

Pure string work; the router routes the user's own words instead of the turn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Reported", "reported"]

# a role, or a capitalised name, then an optional "says" and a colon, at the start of a line
_LABEL = re.compile(
    r"^[ \t]*(?P<who>(?i:(?:my\s+|our\s+|the\s+)?(?:boss|client|customer|manager|editor|producer"
    r"|director|agency|coworker|co-worker|colleague|teammate|team|friend|mom|mum|dad|wife|husband|partner|brand"
    r"|marketing|legal|he|she|they))|[A-Z][a-z]{1,15}"
    r"|老板|老闆|客户|客戶|经理|經理|领导|領導|同事|老师|老師|甲方|朋友|老妈|老爸|妈|媽|爸|他|她|他们|她们"
    r"|[\u3400-\u9fff]{1,3}(?=说|說|講|讲))"
    r"[ \t]*(?i:says?|said|wrote|writes|asked|asks|说|說|講|讲|话|話)?[ \t]*[:：](?![/\\d])",
    re.MULTILINE,
)
# labels that name no speaker: the user's own note, or a field they fill in
_NOT_SPEAKER = frozenset(
    {
        "note", "ps", "pps", "edit", "update", "todo", "task", "title", "caption", "text", "music",
        "format", "output", "step", "re", "fyi", "btw", "q", "a", "me", "i", "also", "p.s",
        "subject", "request", "goal", "ratio", "length", "duration", "song", "audio", "intro",
        "outro", "ending", "font", "color", "colour", "scene", "clip", "slide", "part", "tip",
        "important", "urgent", "context", "background", "question", "answer", "summary", "idea",
        "hey", "hi", "hello", "ok", "okay", "please", "export", "render", "download", "now",
        # rt27: a voice in the video, its lines are content ("旁白说：你的余额不足")
        "narrator", "voiceover", "character", "旁白", "画外音", "畫外音", "配音", "角色", "主角",
        "字幕", "台词", "臺詞", "对白", "對白",
    }
)  # fmt: skip
# the user taking the reported line on ("do what he says", "so yeah go ahead", 照做)
_ADOPTS = re.compile(
    r"\b(?:do\s+(?:what|as)\s+(?:he|she|they|it|the\s+\w+|\w+)\s+(?:says?|said|asks?|asked|wants?)"
    r"|do\s+(?:exactly\s+)?(?:that|this|it)|go\s+ahead|go\s+for\s+it|make\s+it\s+so)\b"
    r"|照做|照着做|就这么办|就咁做|照住做|按(?:他|她|老板|客户)说的"
)


@dataclass(frozen=True, slots=True)
class Reported:
    """A turn with someone else's lines in it: what they said, and the user's own words."""

    said: str
    own: str
    adopts: bool


def reported(text: str) -> Reported | None:
    """The reported lines of `text` and the user's own words around them; None when none."""
    said: list[str] = []
    own: list[str] = []
    for line in text.splitlines():
        match = _LABEL.match(line)
        quoted = match is not None and _QUOTE.search(line, match.end()) is not None
        if match is None or quoted or match.group("who").casefold() in _NOT_SPEAKER:
            own.append(line)
        else:
            said.append(line[match.end() :].strip())
    if not said:
        return None
    mine = "\n".join(_OWN_LABEL.sub("", line) for line in own).strip()
    return Reported(" ".join(said), mine, _ADOPTS.search(mine.casefold()) is not None)


# a quote after the label is read by `agent.router.adopted`, with the user's words beside it
_QUOTE = re.compile(r"[\"“”「」]")
_OWN_LABEL = re.compile(r"^[ \t]*(?:我|me|i|本人)[ \t]*[:：]", re.IGNORECASE)
