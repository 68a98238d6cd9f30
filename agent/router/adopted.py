"""Words the user makes their own: a quoted or forwarded request they adopt, a checklist they
tell us to finish.

A quote is a mention, never a command (`agent.router.text` masks it), until the user adopts it
in their own words outside it: 'Client says: "make the logo bigger and send us the final file."
Let's do exactly that.' Then the quote is what is asked. A checklist's unchecked boxes are
asked the same way when the user says to go on ("- [ ] export … go for it").

Pure string work; the router routes the text returned here instead of the turn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from agent.router.route import Action, Route

__all__ = ["Adopted", "adopted", "joined"]

_EXPORT_ITEM = re.compile(r"export|render|download|deliver|mp4|final|导出|匯出|汇出|渲染|出片|下载")


@dataclass(frozen=True, slots=True)
class Adopted:
    """What the user made their own: the text to route, and whether some of it is work on the
    video that no export word names (an open box "captions" before the box "export")."""

    text: str
    outside: str
    """The user's own words around it: a "not yet" there holds the export back."""
    work: bool = False
    own: str = ""
    """The user's own clauses beside the adoption ("add the logo first, then"): read too."""


_QUOTED = re.compile(r"\"([^\"]{6,})\"|“([^”]{6,})”|「([^」]{4,})」|'([^']{12,})'")
# the user taking the quote on outside it ("let's do exactly that", "so just do it for me")
_ADOPTS = re.compile(
    r"\b(?:do|doing)\s+(?:exactly\s+|just\s+)?(?:that|this|it\s+for\s+me|what\s+(?:it|they|he|she"
    r"|the\s+\w+)\s+(?:says?|said|asks?|asked|wants?))\b|\bdo\s+as\s+(?:it|they|he|she|the\s+\w+)"
    r"\s+(?:says?|said|asks?|asked)\b|\bmake\s+it\s+so\b|照做|照着做|就这么办|就咁做|照住做"
)
# the bare verb after the user's own step takes a quoted export on ("你先把logo换了再导")
_ADOPTS_EXPORT = re.compile(r"(?:再|然后|然後|就)(?:[导導]|出片|出)(?:吧|啦|喇)?\W*$")
# the turn closing on a bare go-ahead ("…you can export whenever.” so yeah go ahead"): it takes
# on a quoted statement, not a quoted question ("re: 'export in 4k?' — no, 1080p is fine")
_GO_AHEAD = re.compile(r"\bgo\s+ahead\W*$")
# a forwarded or quoted line ("> Looks good. Please export …"): a mention until adopted
_FORWARDED = re.compile(r"^[ \t]*>[ \t]?(.+?)[ \t]*$", re.MULTILINE)
_BOX = re.compile(r"^\s*(?:[-*]\s*)?\[([ xX✓✔]?)\]\s*(.+?)\s*$", re.MULTILINE)
# the user telling us to finish what is left ("go for it", "do the rest", "finish it")
_GO_ON = re.compile(
    r"\b(?:go\s+for\s+it|go\s+ahead|do\s+it|do\s+the\s+rest|finish\s+(?:it|up|the\s+rest)"
    r"|knock\s+it\s+out|tick\s+it\s+off|check\s+it\s+off|send\s+it)\b|做吧|搞掂佢|弄吧|剩下的"
)


def adopted(text: str) -> Adopted | None:
    """The text the user makes their own, to route instead of the turn; None when none is."""
    boxes = list(_BOX.finditer(text))
    if boxes:
        rest = _BOX.sub(" ", text)
        open_items = [m.group(2) for m in boxes if not m.group(1).strip()]
        if open_items and _GO_ON.search(rest.casefold()):
            work = any(not _EXPORT_ITEM.search(item.casefold()) for item in open_items)
            return Adopted(", then ".join(open_items), rest, work)
        return None
    forwarded = _FORWARDED.findall(text)
    if forwarded:
        outside = _FORWARDED.sub(" ", text).casefold()
        # the user's own line adopts it ("ok do it"), unless it names the export itself ("go
        # ahead and render"): then it speaks for itself
        if (_ADOPTS.search(outside) or _GO_ON.search(outside)) and not _EXPORT_ITEM.search(outside):
            return Adopted(" ".join(forwarded), outside)
        return None
    quotes = list(_QUOTED.finditer(text))
    if not quotes:
        return None
    outside = _QUOTED.sub(" ", text).casefold()
    quoted = " ".join(next(g for g in m.groups() if g) for m in quotes)
    adopts = (
        _ADOPTS.search(outside)
        or (_EXPORT_ITEM.search(quoted.casefold()) and _ADOPTS_EXPORT.search(outside))
        or (None if quoted.rstrip().endswith(("?", "？")) else _GO_AHEAD.search(outside))
    )
    if not adopts:
        return None
    own = f"{outside[: adopts.start()]} {outside[adopts.end() :]}"
    return Adopted(quoted, outside, own=own)


def joined(mine: Route, quoted: Route) -> Route:
    """The adopted quote's plan with the edit and the files of the user's own clauses added:
    each action once, the upload first and an export last, after the edit ("add the logo
    first, then do what she asked"). Only work is taken from the user's words beside a quote;
    their read-only asks there are too often chatter about it ("there is no top right")."""
    work = (a for a in mine.actions if a in ("upload", "sse"))
    actions: list[Action] = list(dict.fromkeys((*work, *quoted.actions)))
    actions.sort(key=lambda a: (a != "upload", a == "export"))
    return replace(quoted, actions=tuple(actions))
