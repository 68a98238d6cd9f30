"""Applying photo edits to the video track: a new order, each photo's own length, one photo's
new length ("make the second photo last 5 seconds", 第三张照片延长到六秒).

Each photo keeps its own length (`videotrack.photo_lengths`) when others are removed, inserted,
replaced or moved, so the video's length follows from the photos: removing a 3-second photo from
three makes it 6 seconds. An inserted photo gets the length the message names for it, else the
average of the others; a replacing photo takes the replaced one's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from agent.local.edits import total
from agent.local.interpreter.editsteps import MAX_MS, MIN_MS
from agent.local.interpreter.photos import PhotoEdit, Subjects, photo_refs
from agent.local.interpreter.plan import Asset
from agent.local.interpreter.quantity import NUM, SEC, parse_number, seconds
from agent.local.interpreter.videotrack import generate, look_of

if TYPE_CHECKING:
    from agent.local.interpreter.editsteps import EditSteps

__all__ = [
    "OneLength",
    "apply_lengths",
    "apply_photos",
    "delta_lengths",
    "length_reading",
    "named_lengths",
    "one_length",
    "wants_total",
]

_TOTAL = re.compile(
    r"\b(?:total|in\s+all|overall|altogether|whole\s+(?:video|thing|clip))\b"
    r"|总|全长|整条|整个视频|整段|一共|总共"
)
_EACH = re.compile(r"\b(?:each|every|all|apiece)\b|每|各|所有|全部")
_OTHER_OPS = re.compile(
    r"\b(?:remove|delete|drop|insert|swap|switch|replace|reverse|move)\b|删|去掉|插|换|交换|倒|移|搬|挪"
)
_EXTRA = r"(?:(?:more|extra|additional)\s+)?"  # "two more seconds to the first photo"
_AFTER_REF = re.compile(rf"^[^.;!?。；！？]{{0,48}}?{NUM}\s*{_EXTRA}{SEC}")
_BEFORE_REF = re.compile(rf"{NUM}\s*{_EXTRA}{SEC}[^.;!?。；！？]{{0,30}}$")
_SHOWN = r"(?:放|显示|停留|停|播|展示|留)?"  # 多放1秒: shown a second longer
_BY = rf"(?:\bby\s+|(?:多|加){_SHOWN}|延长|拉长|长)"
_MORE = re.compile(
    rf"{_BY}\s*{NUM}|{NUM}\s*(?:more|extra)\b|{NUM}\s*{SEC}\s*(?:longer|more|extra)\b"
)
_LESS = re.compile(
    rf"(?:(?:少|减){_SHOWN}|缩短|剪短|短)\s*{NUM}|{NUM}\s*{SEC}\s*(?:shorter|less)\b"
)


_BY_LESS = re.compile(r"\b(?:shorten|trim|cut)\b[^.;!?]*\bby\b")
_TO = re.compile(r"\bto\b|到|成")


_PIECE = re.compile(
    r"[^,;!?，。；！？]+?(?=$|[,;!?，。；！？]|\.(?!\d)|\s[-—–]+\s|然后|跟住|另外|同埋)"
)
_KEPT = re.compile(
    r"\b(?:as\s+(?:they|it)\s+(?:are|is|were|was)|as\s+is|alone|unchanged|untouched|the\s+same"
    r"|don'?t\s+(?:change|touch))\b|不变|不动|唔变|唔郁|唔使郁|唔好郁|保持|照旧|维持|原样|不用改"
    r"|唔使改|别改|不要改|唔好改|别动|不要动"
)
_STATED = re.compile(rf"\d|{NUM}\s*{SEC}")


def length_reading(folded: str, moves: tuple[str, ...] = ()) -> str:
    """`folded` with the clauses that state no length and only keep something ("leave everything
    else alone", 前两张不变) or name a camera move (全部 pan up) blanked out, for the readers of
    photos' own lengths (the kept photos are not photos whose length is set)."""
    out = folded
    for match in _PIECE.finditer(folded):
        piece = match.group(0)
        if _STATED.search(piece):
            continue
        if _KEPT.search(piece) or any(m in piece for m in moves):
            out = out[: match.start()] + " " * len(piece) + out[match.end() :]
    return out


def wants_total(folded: str) -> bool:
    """Whether the message speaks of the whole video's length ("10 seconds in total", 总长)."""
    return _TOTAL.search(folded) is not None


@dataclass(frozen=True, slots=True)
class OneLength:
    """One photo's new length: `index` in the video, absolute `ms` or a `delta_ms`."""

    index: int
    ms: int = 0
    delta_ms: int = 0


def one_length(folded: str, current: tuple[Asset, ...], subjects: Subjects) -> OneLength | None:
    """The one photo whose length the message sets, or None (not such a request)."""
    if len(current) < 2 or _EACH.search(folded) or wants_total(folded):
        return None
    if _OTHER_OPS.search(folded):
        return None
    refs = [(at, a) for at, a in photo_refs(folded, current, [], subjects) if a is not None]
    if len({a.asset_id for _, a in refs}) != 1:
        return None
    at, asset = refs[0]
    if match := _AFTER_REF.search(folded[at:]):
        around = folded[at : at + match.end() + 12]
    elif match := _BEFORE_REF.search(folded[:at]):
        around = folded[max(0, match.start() - 12) : at]  # "add 2 more seconds to the first"
    else:
        return None
    value = parse_number(next(g for g in match.groups() if g))
    if not value:
        return None
    ms = round(value * 1000)
    index = [a.asset_id for a in current].index(asset.asset_id)
    if _LESS.search(around) or (_BY_LESS.search(folded) and not _TO.search(around)):
        return OneLength(index, delta_ms=-ms)
    if _MORE.search(around):
        return OneLength(index, delta_ms=ms)
    return OneLength(index, ms=ms)


_UNIT = re.compile(rf"{NUM}\s*{SEC}")
_BARE = re.compile(rf"{NUM}\s*(?=$|[,.;!?，。；！？]|\s+(?:and|then|also|please|pls)\b)")


def named_lengths(
    folded: str,
    current: tuple[Asset, ...],
    subjects: Subjects,
    current_ms: tuple[int, ...] = (),
) -> list[int | None] | None:
    """Each photo's new length (ms, None: kept) when the message names two or more photos, each
    followed by its own length ("make the harbor pic 2 seconds and the beach one 4", 海港那张2秒，
    沙滩那张4秒), else None. A later photo's bare number takes the unit said before it; a length
    by ("2 seconds longer", 第二张加多2秒) counts from `current_ms` (each photo's length now;
    without it such a message is not this kind); a total or "each" is not this kind."""
    if len(current) < 2 or _EACH.search(folded) or wants_total(folded):
        return None
    if _OTHER_OPS.search(folded) or _BY_LESS.search(folded):
        return None
    refs = [(at, a) for at, a in photo_refs(folded, current, [], subjects) if a is not None]
    ids = [a.asset_id for _, a in refs]
    if len(set(ids)) < 2 or len(set(ids)) != len(ids) or not _UNIT.search(folded[refs[0][0] :]):
        return None
    if _UNIT.search(folded[: refs[0][0]]):
        return None  # "2 seconds for the harbor and 4 for the beach": not read here
    order = [a.asset_id for a in current]
    lengths: list[int | None] = [None] * len(current)
    ends = [at for at, _ in refs[1:]] + [len(folded)]
    for (at, asset), end in zip(refs, ends, strict=True):
        part = folded[at:end]
        more, less = _MORE.search(part), _LESS.search(part)
        if (more or less) and len(current_ms) != len(current):
            return None
        match = _UNIT.search(part) or (_BARE.search(part) if at > refs[0][0] else None)
        value = parse_number(next(g for g in match.groups() if g)) if match else None
        if not value:
            return None
        index, ms = order.index(asset.asset_id), round(value * 1000)
        if less or more:
            ms = current_ms[index] + (-ms if less else ms)
        lengths[index] = ms
    return lengths


_WORD_NUM = r"(\d+(?:\.\d+)?|one|two|three|four|five|a|an)"
_GIVE_BEFORE = re.compile(
    rf"\b(?:add|give|put|tack\s+on|stick)\s+(?:another\s+|an?\s+extra\s+)?{_WORD_NUM}\s*"
    rf"(?:more\s+|extra\s+)?(?:{SEC}\s*)?(?:more\s+|extra\s+)?(?:to|onto|on|for)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_TAKE_BEFORE = re.compile(
    rf"\b(?:take|cut|trim|shave|knock|chop|lop|remove)\s+{_WORD_NUM}\s*(?:{SEC}\s*)?"
    rf"(?:off|from)\s+(?:of\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)


def delta_lengths(folded: str, current: tuple[Asset, ...], subjects: Subjects) -> list[int] | None:
    """Each photo's change of length (ms) when every photo the message names comes right after
    a change said before it ("add a second to the beach photo and take one off the harbor"),
    with a unit said at least once; else None."""
    if len(current) < 2 or not _UNIT.search(folded) or _EACH.search(folded):
        return None
    refs = [(at, a) for at, a in photo_refs(folded, current, [], subjects) if a is not None]
    if not refs or len({a.asset_id for _, a in refs}) != len(refs):
        return None
    order, deltas = [a.asset_id for a in current], [0] * len(current)
    start = 0
    for at, asset in refs:
        before = folded[start:at]
        give, take = _GIVE_BEFORE.search(before), _TAKE_BEFORE.search(before)
        match = give or take
        if match is None:
            return None
        token = match.group(1).casefold()
        value = 1.0 if token in ("a", "an") else parse_number(token)
        if not value:
            return None
        ms = round(value * 1000)
        deltas[order.index(asset.asset_id)] = ms if give else -ms
        start = at
    return deltas


def apply_lengths(steps: EditSteps, lengths: list[int], op: str) -> None:
    """Rebuild the video track with each photo's own length (ms); the video's length follows."""
    base = look_of(steps.draft)
    if base is None:
        return
    lengths = [max(500, n) for n in lengths]
    new_ms = max(MIN_MS, min(MAX_MS, sum(lengths)))
    if tuple(lengths) == base.lengths:
        listing = _listing(base.visuals, lengths)
        steps.note(steps.say("photo_lengths", lengths=listing, duration=seconds(new_ms)), loud=True)
        return
    spec = replace(base, duration_ms=new_ms, lengths=tuple(lengths))
    draft = generate(steps.draft, spec, steps.ids)
    steps.step({"op": op, "lengths": [seconds(n) for n in lengths]}, draft, loud=True)
    listing = _listing(base.visuals, lengths)
    steps.note(
        steps.say("photo_lengths", lengths=listing, duration=seconds(total(draft))),
        loud=True,
        claim="photo_lengths",
    )


def _listing(visuals: tuple[Asset, ...], lengths: list[int]) -> str:
    return ", ".join(f"{a.filename} {seconds(n)}s" for a, n in zip(visuals, lengths, strict=False))


def apply_photos(steps: EditSteps, edit: PhotoEdit, new_ms: int | None = None) -> None:
    """Rebuild the video track with `edit.visuals`, keeping motion, framing and each photo's
    own length; `new_ms` is the length the message gives an inserted photo."""
    base = look_of(steps.draft)
    if base is None:
        return
    names = ", ".join(a.filename for a in base.visuals)
    count = len(base.visuals)
    if edit.op == "not_uploaded":
        steps.note(
            steps.say("photos_not_uploaded", name=edit.name, count=count, names=names), loud=True
        )
        return
    if edit.op == "missing":
        steps.note(steps.say("photos_missing", count=count, names=names), loud=True)
        return
    if [a.asset_id for a in edit.visuals] == [a.asset_id for a in base.visuals]:
        steps.note(steps.say("photos_same", names=names), loud=True)
        return
    own = {a.asset_id: n for a, n in zip(base.visuals, base.lengths, strict=False)}
    average = round(sum(base.lengths) / max(1, len(base.lengths)))
    lengths = []
    for i, asset in enumerate(edit.visuals):
        if asset.asset_id in own:
            lengths.append(own[asset.asset_id])
        elif edit.op == "replace" and i < len(base.lengths):
            lengths.append(base.lengths[i])
        else:
            lengths.append(new_ms or average)
    duration = max(MIN_MS, min(MAX_MS, sum(lengths)))
    spec = replace(base, visuals=edit.visuals, duration_ms=duration, lengths=tuple(lengths))
    draft = generate(steps.draft, spec, steps.ids)
    new_names = [a.filename for a in edit.visuals]
    steps.step({"op": f"{edit.op}_photos", "photos": new_names}, draft, loud=True)
    steps.note(
        steps.say(
            "photos_changed",
            names=", ".join(new_names),
            count=len(new_names),
            duration=seconds(total(draft)),
        ),
        loud=True,
        claim=("photos", "length") if total(draft) != base.duration_ms else "photos",
    )
