"""An export the user orders before the edit, said plainly (issue #10, round 29): "render first,
then add the subtitles, I want both cuts", "export a version now, then add the music",
先导出一版，然后再加音乐, 出片先，跟住加字幕.

The plan's invariant puts an export after the turn's edit (`agent.router.invariants.edits_first`):
an export run before the edit renders the video unedited. Here that is what the user wants (a
version without the change), so the export keeps its place first. Only the plain order counts:
the export word with "first"/"now"/"as is" closing its own clause (or "first" before it, 先 right
before it, Cantonese 先 after it) and a "then" after. "export it, but first fix the audio",
导出之前先把错字改了, 先加字幕再导出 keep the edit first. Nothing is added or dropped, only the
order of an export and an edit the plan already has changes.

Pure regexes over the prepared text (lower case, apostrophes dropped, Chinese script as typed).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from agent.router.another import another_after_export
from agent.router.rethought import edit_before_just_asked
from agent.router.route import Action, Route

__all__ = [
    "edit_after_export_first",
    "edit_before_said_export",
    "export_before_edit",
    "export_first",
    "in_said_order",
]

_EXPORT_EN = r"(?:export|render|download|bounce)(?:\s+(?:it|this|that|the\s+\w+|a\s+\w+|one))?"
_HELD = r"(?!\b(?:but|after|once|when|until|till|before|if)\b)"
_THEN_EN = r"\s*(?:[,.;:]|\s[-—–]+)?\s*(?:and\s+)?(?:then|after\s+that|afterwards|next)\b"
# rt30: a particle or a reason between "first" and the "then" ("export the current cut first so I
# have a backup, then add the subtitles", "render one copy first lah, then add the logo")
_ASIDE_EN = (
    r"(?:\s+(?:lah|la|leh|lor|ah|ok|okay|pls|please|ya|yeah))?"
    r"(?:\s+(?:so|so\s+that|as|because|cos|coz|cuz|since|in\s+case)\b[^,.;!?]{0,40}?)?"
)
_FIRST_EN = re.compile(
    rf"(?:^|[,.;!?]\s*|\b(?:ok|okay|so|pls|please|just|can\s+you|could\s+you)\s+)"
    rf"(?:{_EXPORT_EN}(?:(?:{_HELD}[^,.;!?])){{0,30}}?\b(?:first|now|right\s+now|as\s+is"
    rf"|as\s+it\s+is){_ASIDE_EN}(?=\s*(?:[,.;:]|\s[-—–]|and\b|then\b))"
    rf"|first\s+{_EXPORT_EN}\b(?:{_HELD}[^,.;!?]){{0,30}}?)"
    rf"{_THEN_EN}(?=\s*\w)"
)
# a wait on work before the export anywhere ahead of it ("once you add music, export first
# then"): the edit comes first after all
_WAITS_BEFORE = re.compile(
    r"\b(?:once|after|when|whenever|as\s+soon\s+as|before|until|till)\b|之前|以前|之后|之後|完再|好再"
)
_EXPORT_ZH = (
    r"(?:导出|導出|汇出|匯出|输出|輸出|渲染|出片|出(?:返|番)?(?:一|多一)?[条條个個版]"
    r"|出(?:返|番)(?:片|视频|視頻))"
)
_THEN_ZH = r"[,，.。;；!！\s]*(?:然后|然後|之后|之後|跟住|接着|接著|再)"
_FIRST_ZH = re.compile(
    rf"^[^,，.。;；!！?？]{{0,6}}?先\s*(?:帮我|幫我|给我|俾我|把它|将佢|將佢)?\s*{_EXPORT_ZH}"
    # rt31: the version named between ("先把现在这版导出来留个底，然后再试试换个配乐")
    rf"[^,，.。;；!！?？先]{{0,10}}{_THEN_ZH}"
    rf"|^[^,，.。;；!！?？]{{0,6}}?先\s*(?:帮我|幫我|给我|俾我)?\s*(?:把|将|將)"
    rf"[^,，.。;；!！?？先]{{1,8}}?{_EXPORT_ZH}"
    rf"[^,，.。;；!！?？先]{{0,10}}{_THEN_ZH}"
    rf"|^[^,，.。;；!！?？]{{0,6}}?{_EXPORT_ZH}[^,，.。;；!！?？]{{0,8}}?先{_THEN_ZH}"
)


def _first(said: str) -> str | None:
    """What follows the "then" of a turn plainly ordering its export first, or None."""
    said = said.strip()
    found = _FIRST_EN.search(said) or _FIRST_ZH.search(said)
    if found is None or _WAITS_BEFORE.search(said, 0, found.start() + 1) is not None:
        return None
    return said[found.end() :]


def export_first(said: str) -> bool:
    """Whether the prepared turn `said` plainly orders its export before what follows."""
    return _first(said) is not None


# rt29: the edit after an export ordered first ("先幫我匯出一版，之後再加配樂", "export one now and
# after that add music"): 之后再 reads as a wait on its own, but after 先 + export it is the
# sequence; the edit is never dropped. Only `sse` is added, after the export the plan has.
_AGAIN = re.compile(r"^\W*(?:再|又|也|才)")


def edit_after_export_first(routed: Route, said: str, firm: Callable[[str], bool]) -> Route:
    """The plan with `sse` after its export when the turn orders the export first and `firm`
    reads what follows the "then" as an edit; else the plan as it is."""
    actions = routed.actions
    if "export" not in actions or "sse" in actions:
        return routed
    if another_after_export(said):  # rt32: 出片之后帮我整多个15秒嘅版本: the new cut is work
        at = actions.index("export") + 1
        return dataclasses.replace(routed, actions=(*actions[:at], "sse", *actions[at:]))
    rest = _first(said)
    if rest is None or not firm(_AGAIN.sub("", rest)):
        return routed
    at = actions.index("export") + 1
    return dataclasses.replace(routed, actions=(*actions[:at], "sse", *actions[at:]))


def export_before_edit(routed: Route, said: str) -> Route:
    """The plan with its export moved before its edit when the user orders it so."""
    actions = routed.actions
    if not {"export", "sse"} <= set(actions) or actions.index("export") < actions.index("sse"):
        return routed
    if not export_first(said) and not another_after_export(said):
        return routed  # rt32: "render it, and after that cut me a 10-second teaser"
    rest: list[Action] = [a for a in actions if a != "export"]
    rest.insert(rest.index("sse"), "export")
    return dataclasses.replace(routed, actions=tuple(rest))


# rt29: the edit asked before an export said first ("导出之前先把标题的错字改了", "before exporting,
# fix the typo in the title", "before you render, swap the music"): the export follows the edit.
# Never with the user as the one exporting ("before I export, …", "before we render, …").
_BEFORE_EXPORT = re.compile(
    r"^\W*(?:(?:请|麻烦|唔该|唔該)\W*)?(?:(?:你|帮我|幫我)\s*)?"
    r"(?:导出|導出|汇出|匯出|渲染|出片|输出|輸出)\s*(?:之前|以前|前)\s*[,，]?\s*(?P<zh>.+)$"
    r"|^\W*(?:(?:ok|okay|so|hey|and)\W+)*before\s+(?:(?:you|u)\s+)?"
    r"(?:export|render|download)(?:ing|s)?(?:\s+(?:it|this|the\s+\w+))?\s*[,:—–-]\s*(?P<en>.+)$"
)
_NOT_NOW = re.compile(
    r"\b(?:dont|do\s+not|never|no|not|wait|hold|later|tomorrow)\b|不要|别|別|唔好|不用|先不|未|等"
)

_LEAD = re.compile(r"^[^,，.。;；!！?？]{1,40}[,，.。;；!！]\s*")
_IF = re.compile(r"\b(?:if|once|when|after|unless|until)\b|如果|要是|假如|只要|之后|之後|以后|以後")


def edit_before_said_export(said: str) -> str | None:
    """The edit a turn asks before an export it names first (`_BEFORE_EXPORT`), or None. The
    rest names no export of its own and no hold; the caller checks it firmly asks an edit."""
    said = said.strip()
    found = _BEFORE_EXPORT.match(said)
    if found is None:
        # rt32: a fault named first ("标题有点歪，导出前帮我扶正一下", "the title is crooked,
        # before you render, straighten it"): the clause before holds no wait or condition
        lead = _LEAD.match(said)
        if lead is None or _NOT_NOW.search(lead.group()) or _IF.search(lead.group()):
            return None
        found = _BEFORE_EXPORT.match(said[lead.end() :])
        if found is None:
            return None
    rest = found["zh"] or found["en"] or ""
    if _NOT_NOW.search(rest) or re.search(r"export|render|导出|導出|渲染|出片|[?？]", rest):
        return None
    return rest


def in_said_order(routed: Route, said: str, firm: Callable[[str], bool]) -> Route:
    """The plan in the order the user said: the edit asked before an export named first
    ("导出之前先把标题的错字改了": sse, export, when `firm` reads the rest as an edit), and an
    export ordered before the edit ("render first, then add the subtitles": export, sse; the
    edit kept when a wait word hid it, 先导出一版，之后再加配乐)."""
    rest = edit_before_said_export(said) if routed.actions == ("sse",) else None
    if routed.actions in (("sse",), ("export",), ("sse", "export"), ("export", "sse")):
        # rt32: "render it. wait, before that, swap the font": the edit, then the export
        rest = rest or edit_before_just_asked(said)
    if rest is not None and firm(rest):
        return dataclasses.replace(routed, actions=("sse", "export"), declined=())
    return export_before_edit(edit_after_export_first(routed, said, firm), said)
