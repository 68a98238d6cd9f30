"""Draft history for the interpreter: undo, redo, "go back to the 5-second version", list.

Pure. Revisions come from the store (oldest first; the newest one not undone is the current
draft). `history_request` reads the folded (simplified, case-folded) message; `resolve` says
which revision a request moves to. Moving never deletes a revision: an undo marks revisions
undone (a redo brings them back), a "go back to" saves the old draft again as a new revision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from agent.local.interpreter.hanzi import to_simplified
from agent.local.interpreter.plan import Revision
from agent.local.interpreter.quantity import NUM, SEC, parse_number

__all__ = [
    "HistoryRequest",
    "Move",
    "edit_after_step",
    "history_request",
    "resolve",
    "steps_after_edit",
]

Kind = Literal["undo", "redo", "restore", "list"]

_UNDO = re.compile(
    r"^\s*(?:please\s+)?(?:undo|revert)\b|^\s*(?:please\s+)?go\s+back\s*[.!]?\s*$|\bundo\s+(?:that|this|it|the\s+last|my\s+last|twice|two|three)"
    r"|\brevert\s+(?:that|this|it|the\s+last)|\bgo\s+back\s+(?:a|one)\s+step\b"
    r"|[,.;!?]\s*(?:please\s+)?undo\s*[.!]*\s*$|\b(?:no|wait|actually|oops|nah)\W+undo\b"
    r"|\bput\s+it\s+back\b|\b(?:back|return|revert|go)\s+to\s+(?:the\s+)?(?:previous|last|earlier)"
    r"\s+(?:version|one|state)|\bprevious\s+version\b|上一个版本|上个版本|之前的版本|撤销|撤回|撤消|返回上一步|回到上一步|退回上一步|上一步|复原|还原|返转头|返转"
)
_REDO = re.compile(
    r"\bbring\s+(?:it|that|them)\s+back\b|\bbring\s+back\s+what\b|\bwhat\s+i\s+undid\b"
    r"|\bundo\s+the\s+undo\b"
    r"|^\s*(?:please\s+)?redo\b|\bredo\s+(?:that|it|the\s+last)|恢复(?!到)|重做上一步|重做"
)
_RESTORE = re.compile(
    rf"(?:go\s+back|revert|return|restore|roll\s+back|switch\s+back)\s+(?:to\s+)?(?:the\s+)?"
    rf"{NUM}\s*-?\s*{SEC}\s+(?:one|version|draft|cut)"
    rf"|(?:回到|恢复到|还原到|退回到|变返|返回|回去|改回|变回)\s*{NUM}\s*秒\s*(?:钟)?\s*(?:的|嗰个|嘅|那个|那一个|这个|个)?\s*版本"
    rf"|(?:go\s+back|revert|return|restore)\s+(?:to\s+)?(?:the\s+)?(?:first|original)\s+version"
    rf"|(?:回到|恢复到|还原到)(?:最初|原来|第一个)的?版本",
    re.IGNORECASE,
)
_LIST = re.compile(
    r"\b(?:show|list|what(?:'s|\s+is|\s+are)?)\b[^.?!]{0,20}\b(?:history|versions|revisions|changes)\b"
    r"|\bhistory\b|\bwhat\s+(?:did\s+you|have\s+you)\s+(?:change|changed|do|done)\b"
    r"|改了什么|改了哪些|做了什么修改|做了哪些修改|改咗乜|历史版本|历史记录|修改记录|改动记录|版本记录|查看历史|有哪些版本"
)
_TIMES = re.compile(
    r"\b(twice|two\s+times|three\s+times|(\d+)\s+times"
    r"|(?:last|previous)\s+(?:(\d+)|two|three)\s+(?:changes|edits|steps))\b"
    r"|两次|三次|两步|三步|(\d+)\s*[次步]"
)


@dataclass(frozen=True, slots=True)
class HistoryRequest:
    """What the message asks of the history: `count` steps, or the length of a version (ms)."""

    kind: Kind
    count: int = 1
    length_ms: int | None = None


@dataclass(frozen=True, slots=True)
class Move:
    """Where a history request lands: the revision's draft and whether the history moves."""

    draft: dict[str, Any]
    undo_seqs: tuple[int, ...] = ()
    """Revisions that become undone (an undo)."""
    redo_seqs: tuple[int, ...] = ()
    """Revisions that stop being undone (a redo)."""
    restored: Revision | None = None
    """The older revision a "go back to" restored (saved again as a new revision)."""


def history_request(folded: str) -> HistoryRequest | None:
    """The history request in a folded message, or None."""
    if match := _RESTORE.search(folded):
        value = next((g for g in match.groups() if g), None)
        number = parse_number(value) if value else None
        return HistoryRequest("restore", length_ms=round(number * 1000) if number else None)
    if _REDO.search(folded):
        return HistoryRequest("redo", _count(folded))
    if _UNDO.search(folded):
        return HistoryRequest("undo", _count(folded))
    if _LIST.search(folded):
        return HistoryRequest("list")
    return None


def _count(folded: str) -> int:
    match = _TIMES.search(folded)
    if not match:
        return max(1, min(folded.count("undo"), folded.count("撤销") + folded.count("undo")))
    word = match.group(1) or ""
    digits = match.group(2) or match.group(3) or match.group(4)
    if digits:
        return max(1, min(20, int(digits)))
    return 3 if "three" in word or "三" in match.group(0) else 2


def resolve(req: HistoryRequest, history: tuple[Revision, ...]) -> Move | None:
    """The move `req` makes over `history`, or None when there is nothing to move to."""
    active = [r for r in history if not r.undone]
    if req.kind == "undo":
        if not active:
            return None
        doomed = active[-req.count :]
        kept = active[: -req.count] if req.count < len(active) else []
        draft = kept[-1].draft if kept else {}
        return Move(draft, undo_seqs=tuple(r.seq for r in doomed))
    if req.kind == "redo":
        undone = [r for r in history if r.undone][: req.count]
        if not undone:
            return None
        return Move(undone[-1].draft, redo_seqs=tuple(r.seq for r in undone))
    current = active[-1].draft if active else {}
    if req.length_ms is None:
        candidates = list(history[:1])
    else:
        candidates = [r for r in reversed(history) if r.draft.get("d") == req.length_ms]
    for rev in candidates:
        if rev.draft != current:
            return Move(rev.draft, restored=rev)
    return None


_STEP = re.compile(
    r"\b(undo|revert)\b|(撤销|撤銷|撤回|撤消|复原|復原|还原|還原|返转头|返轉頭)|\b(redo)\b|(重做|恢复|恢復)",
    re.IGNORECASE,
)


_FILLER = re.compile(
    r"(?:[\s,.;!?，。；！？]*(?:\b(?:actually|never\s*mind|wait|no|oops|hmm|then|and)\b"
    r"|然后|然後|再|不对|不對|算了|其实|其實|等等|唔系|唔係|跟住)[\s,.;!?，。；！？]*)+$",
    re.IGNORECASE,
)


def steps_after_edit(message: str) -> tuple[str, tuple[Kind, ...]] | None:
    """ "Make it 10 seconds. Actually, undo that": the edit before the first undo or redo word,
    and the undo/redo steps that follow it in order; None when the message starts with one."""
    found = list(_STEP.finditer(message))
    head = _FILLER.sub("", message[: found[0].start()]).strip(" \t,.;!?，。；！？") if found else ""
    if not head:
        return None
    kinds: list[Kind] = ["undo" if m.group(1) or m.group(2) else "redo" for m in found]
    return head, tuple(kinds)


_LEAD = re.compile(
    r"^(?:[\s,.;!?，。；！？]*(?:\b(?:that|it|this|the\s+last\s+(?:change|edit|step)|and|then"
    r"|please)\b|一下|一步|上一步|然后|然後|再|跟住|并且|並且))*[\s,.;!?，。；！？]*",
    re.IGNORECASE,
)


def edit_after_step(message: str) -> str:
    """ "Undo that and make it 8 seconds": the words after a leading undo or redo ("" if none)."""
    found = _STEP.search(message)
    if found is None or message[: found.start()].strip(" \t,.;!?，。；！？"):
        return ""
    return _LEAD.sub("", message[found.end() :], count=1).strip(" \t,.;!?，。；！？")


_TAKE_BACK = re.compile(
    r"\b(?:undo|revert)\b|撤销|撤回|撤消|\b(?:no|nah|actually|wait|hmm)\W+go\s+back\b",
    re.IGNORECASE,
)
_TAIL_LEAD = re.compile(
    r"^(?:[\s,.;:!?，。；：！？…—–-]*(?:\b(?:that|it|this|the\s+last\s+(?:change|edit|step)|and"
    r"|then|but|instead|please|version)\b|吧|啦|喇|啊|然后|然後|再|跟住|不过|不過|但是))*"
    r"[\s,.;:!?，。；：！？…—–-]*",
    re.IGNORECASE,
)


def taken_back_then(message: str) -> tuple[str, str, int | None] | None:
    """ "Make it 12 seconds. No, go back to the 5 second version, but make it 9:16" and
    "先改成8秒……算了，撤销吧。镜头改成拉远": the edit taken back, the words after the
    take-back and the length of the version it names (None for a plain undo); None when the
    message has no edit before a take-back or nothing after it."""
    folded = to_simplified(message).casefold()
    if len(folded) != len(message):
        return None
    marks = [m for m in (_RESTORE.search(folded), _TAKE_BACK.search(folded)) if m is not None]
    if not marks:
        return None
    mark = min(marks, key=lambda m: m.start())
    head = _FILLER.sub("", message[: mark.start()]).strip(" \t,.;!?，。；！？…—–-")
    tail = _TAIL_LEAD.sub("", message[mark.end() :], count=1).strip(" \t,.;!?，。；！？…")
    if not head or not tail:
        return None
    length = None
    if mark.re is _RESTORE:
        value = next((g for g in mark.groups() if g), None)
        number = parse_number(value) if value else None
        length = round(number * 1000) if number else None
    return head, tail, length
