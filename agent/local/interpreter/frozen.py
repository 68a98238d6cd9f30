"""What the user says must stay as it is ("音量不变", "keep the music as is", "別郁個標題", "leave
the title alone", "don't change the length"): such a clause asks for no edit, and it freezes its
target for the whole message.

`frozen_clauses` finds those clauses, `without_frozen` takes them out of the text the readers see
(they name a target and would otherwise be read as an edit of it: "duration加50%，music音量不变"
raised the volume by 50), and `frozen_checked` is the one guard run after planning: a plan whose
draft changes a frozen target is declined whole, naming the clause. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from agent.local.interpreter.hanzi import to_simplified
from agent.local.interpreter.phrasebook import Phrasebook
from agent.local.interpreter.plan import Plan, TextStep, ToolStep
from agent.local.interpreter.quoting import ANY_MARK_QUOTED

__all__ = ["Frozen", "frozen_checked", "frozen_clauses", "without_frozen"]

Frozen = tuple[str, str]
"""(the clause as the user wrote it, the target it freezes)."""

_L, _R = r"(?<![a-z])", r"(?![a-z])"  # "碰music", "duration加": CJK beside a Latin word
_MUSIC = (
    rf"(?:{_L}(?:background\s+)?(?:music|song|track|soundtrack|bgm|audio){_R}"
    r"|背景音乐|音乐|配乐|首歌)"
)
_TITLE = rf"(?:{_L}(?:title|caption|text)s?{_R}|标题|字幕|文字)"
_TARGETS: tuple[tuple[str, str], ...] = (  # the more specific first
    (
        "volume",
        rf"(?:{_MUSIC}\s*(?:的)?\s*)?(?:{_L}(?:volume|loudness){_R}|音量|声量|大细声|大小声)",
    ),
    ("title_text", rf"{_TITLE}\s*(?:的)?\s*(?:{_L}(?:wording|words?){_R}|字|内容)"),
    ("title_position", rf"(?:{_TITLE}\s*(?:的)?\s*)?(?:{_L}position{_R}|{_L}place{_R}|位置)"),
    ("music", _MUSIC),
    ("title", _TITLE),
    ("length", rf"{_L}(?:length|duration|runtime|run\s+time){_R}|长度|时长|片长|长短|总长"),
    ("aspect", rf"{_L}(?:aspect(?:\s+ratio)?|ratio|format|framing){_R}|比例|画幅|尺寸"),
    ("order", rf"{_L}order{_R}|顺序|次序"),
    ("motion", rf"{_L}(?:motion|camera\s+move(?:ment)?s?|movement){_R}|运镜|动效"),
)
_ANY_TARGET = "|".join(f"(?:{p})" for _, p in _TARGETS)
_OBJ = rf"(?:the\s+|its\s+|my\s+|that\s+|this\s+)?(?:{_ANY_TARGET})"
_STRONG_EN = re.compile(
    rf"\b(?:keep|leave|maintain|preserve|retain)\s+{_OBJ}.*\b(?:as\s+(?:it\s+)?is|the\s+same"
    rf"|unchanged|untouched|alone|where\s+it\s+is|intact|as\s+before|be)\b"
    rf"|\b(?:don'?t|do\s+not|dont|no\s+need\s+to|never)\s+(?:touch|change|alter|move|mess\s+with"
    rf"|adjust|modify)\s+{_OBJ}"
    rf"|{_OBJ}\s+(?:stays?|remains?|is\s+fine|unchanged|untouched|as\s+is)\b",
)
_BARE_EN = re.compile(rf"^\W*(?:and\s+|but\s+|just\s+)?(?:keep|leave)\s+{_OBJ}\W*$")
_ZH = re.compile(
    rf"(?:{_ANY_TARGET})\s*(?:要|就|都|请|也)?\s*(?:保持|维持)?\s*(?:不变|原样|原状|现状|不动)"
    rf"|(?:{_ANY_TARGET})\s*(?:要|就|都|也)?\s*(?:不要|别|不用|唔好|咪|勿|无需|不需要|唔使)\s*(?:动|改|变|碰|郁|调)"
    rf"|(?:不要|别|不用|唔好|咪|勿)\s*(?:动|改|碰|郁|变)\s*(?:下|到)?\s*(?:个|那个|这个|呢个|嗰个)?\s*(?:{_ANY_TARGET})"
    rf"|(?:保持|维持)\s*(?:{_ANY_TARGET})\s*(?:不变|原样|一样)"
)
_SEP = re.compile(
    r"([,;!?，。；！？、]|\.(?=\s|$)|\s(?:and|but|then|also|plus)\s|但是|但|然后|并且|而且|同埋|跟住)",
    re.IGNORECASE,
)
_PART_OF = re.compile(
    r"\b(?:other|others|rest|remaining|else)\b|另外|其他|其它|其余|剩下|剩余|余下|第.{1,3}(?:张|个)"
)
"""A clause about some of the photos or "everything else": not one whole target."""
_EDIT_WORDS = re.compile(r"\d|%|百分|倍|\b(?:to|more|less|louder|quieter|longer|shorter)\b")
_SAME = re.compile(
    r"^\W*(?:and\s+|but\s+)?(?:at\s+|in\s+)?(?:the\s+)?same\s+(?:(length|duration|timing"
    r"|\d+(?:\.\d+)?\s*(?:s|secs?|seconds?))|spot|place|position|slot|size|one)\W*$"
)
"""A clause that only says something stays: "same spot, same 3 seconds" after a replacement."""
_PRESENCE = {"music": "music_present", "title": "title_present"}


def _target(clause: str) -> str | None:
    return next((name for name, p in _TARGETS if re.search(p, clause, re.IGNORECASE)), None)


def _frozen_target(part: str) -> str | None:
    """The target `part` freezes, "" for a clause that only says something stays ("same spot")."""
    folded = ANY_MARK_QUOTED.sub(" ", to_simplified(part).casefold())
    if same := _SAME.match(folded):
        return "length" if same.group(1) else ""
    if _EDIT_WORDS.search(folded) or _PART_OF.search(folded):
        return None  # "音量保持50%" sets a level; it does not keep one
    for form in (_STRONG_EN, _ZH):
        if (hit := form.search(folded)) is not None:
            return _target(hit.group(0))
    if (bare := _BARE_EN.search(folded)) is not None:
        target = _target(bare.group(0))  # "keep the music" keeps it there, at any level
        return _PRESENCE.get(target, target) if target else None
    return None


def _parts(message: str) -> list[str]:
    return _SEP.split(message)


def frozen_clauses(message: str) -> list[Frozen]:
    """Each clause of `message` that asks for its target to stay as it is, with that target."""
    parts = _parts(message)
    return [(p.strip(), t) for p in parts[::2] if (t := _frozen_target(p))]


def without_frozen(message: str) -> str:
    """`message` without its freezing clauses (and their joining words); `message` itself when
    nothing else is left."""
    parts = _parts(message)
    keep = [True] * len(parts)
    for i in range(0, len(parts), 2):
        if _frozen_target(parts[i]) is not None:
            keep[i] = False
            joiner = i - 1 if i > 0 else i + 1
            if joiner < len(parts):
                keep[joiner] = False
    rest = "".join(p for p, k in zip(parts, keep, strict=True) if k).strip()
    return rest if re.search(r"\w", rest) else message


def _track(draft: dict[str, Any], tt: int) -> list[dict[str, Any]]:
    tracks = draft.get("t", [])
    return next((t.get("sg", []) for t in tracks if isinstance(t, dict) and t.get("tt") == tt), [])


def _titles(draft: dict[str, Any], end: int) -> list[tuple[Any, ...]]:
    return [
        (s.get("n"), s.get("pos"), s.get("s"), min(s.get("s", 0) + s.get("d", 0), end))
        for s in _track(draft, 7)
    ]


_FACETS: dict[str, Callable[[dict[str, Any], int], Any]] = {
    "length": lambda d, _: d.get("d"),
    "aspect": lambda d, _: d.get("m", {}).get("aspect"),
    "volume": lambda d, _: [s.get("v") for s in _track(d, 1)],
    "music": lambda d, _: [(s.get("n"), s.get("v")) for s in _track(d, 1)],
    "music_present": lambda d, _: bool(_track(d, 1)),
    "title": _titles,
    "title_text": lambda d, _: [s.get("n") for s in _track(d, 7)],
    "title_position": lambda d, _: [s.get("pos") for s in _track(d, 7)],
    "title_present": lambda d, _: bool(_track(d, 7)),
    "order": lambda d, _: [s.get("n") for s in _track(d, 0)],
    "motion": lambda d, _: [(s.get("mo") or {}).get("type") for s in _track(d, 0)],
}
_TOPICS = {
    "length": "about_length",
    "aspect": "about_framing",
    "volume": "about_volume",
    "music": "about_music",
    "music_present": "about_music",
    "title": "about_text",
    "title_text": "about_text",
    "title_position": "about_text",
    "title_present": "about_text",
    "order": "about_order",
    "motion": "about_motion",
}


def _kept(target: str, before: Any, after: Any) -> bool:
    if target in ("title", "title_text", "title_position"):
        # "原本的標題不要動" beside a new title: every title there before is still there as it was
        return isinstance(after, list) and all(after.count(x) >= before.count(x) for x in before)
    return bool(before == after)


def frozen_checked(
    plan: Plan, before: dict[str, Any], frozen: list[Frozen], book: Phrasebook, *, hant: bool
) -> Plan:
    """`plan`, or a plan declining the whole message when its draft changes a target the user
    said to keep as it is."""
    tools = [s for s in plan.steps if isinstance(s, ToolStep)]
    if not tools or not frozen:
        return plan
    after = tools[-1].draft
    end = min(int(before.get("d") or 0), int(after.get("d") or 0))
    for clause, target in frozen:
        facet = _FACETS[target]
        if not _kept(target, facet(before, end), facet(after, end)):
            what = book.topic(plan.language, _TOPICS[target], hant=hant)
            said = book.say(plan.language, "kept_frozen", hant=hant, clause=clause, what=what)
            return Plan((TextStep(said),), plan.language)
    return plan
