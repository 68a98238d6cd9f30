"""Photo edits of the current project: insert, append, move, swap, replace, remove, keep only,
reverse, by file name ("pier.jpg", "the harbor one"), position ("the second photo", 第二张) or
"this photo" (the newest upload not yet in the video).

Pure: reads the folded (simplified, case-folded) message, the current visuals and the uploads;
returns the new order, or None when the message is not a photo edit. `photosteps` rebuilds the
video track (each photo keeps its own length); `photorefs` finds the photos a message names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.local.interpreter.photorefs import NOUN, ORDINALS, Subjects, photo_refs, stem_in
from agent.local.interpreter.plan import Asset
from agent.local.interpreter.quantity import parse_number

__all__ = ["PhotoEdit", "Subjects", "photo_edit", "photo_refs"]

_BETWEEN = re.compile(
    r"\bbetween\s+(?:the\s+)?(first|second|third|fourth|\d+)(?:\s+" + NOUN + r")?\s+and\b"
    r"|第\s*([一二两三四五\d])\s*张(?:和|与|同)第\s*[一二两三四五六\d]\s*张(?:之间|中间)"
)
_PHOTO_WORD = re.compile(
    r"\b(?:photos?|pictures?|images?|pics?|slides?|shots?|one)\b|张|照片|图片|相片|相\b|相$"
)
_REVERSE = re.compile(
    r"\breverse\b|\breversed\b|\bbackwards?\b|倒序|倒过来|反过来|顺序反|倒转|倒住"
)
_SECONDS_NEXT = (
    r"(?!\s*(?:for\s+|about\s+|like\s+)?(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|[一二两三四五六七八九十半]+)\s*(?:s\b|secs?\b|seconds?\b|秒|个?半秒))"
)
_ONLY = re.compile(
    rf"\bonly\b{_SECONDS_NEXT}|\bjust\s+(?:use\s+)?the\b|只用|只要{_SECONDS_NEXT}|只保留|只留"
    rf"|净系用|净系要{_SECONDS_NEXT}|淨係"
)
"""'Only the harbor photo', 只要第一张: keep those; 'give it only 2 seconds' is a length."""
_SWAP = re.compile(
    r"\bswap\b|\bswitch\b|\btrade\s+places\b|交换|调换|对调|调转|掉转|互换|对换"
    r"|(?:换|调|掉)(?:一下|下)?个?位置?"
)
_REPLACE = re.compile(
    r"\breplace\b|\binstead\s+of\b|\bswap\s+out\b|替换|换成|换做|换为|代替|取代|换走|换掉"
)
_REMOVE = re.compile(
    r"\b(?:remove|delete|drop|take\s+out|get\s+rid\s+of)\b|删|去掉|拿掉|移除|唔要|去除|撤掉|拎走|攞走"
)
_FRONT = re.compile(
    r"\bto\s+the\s+(?:front|beginning|start)\b|\bat\s+the\s+(?:front|beginning|start)\b"
    r"|\bfirst\s*$|\bfirst\b(?!\s+" + NOUN + r")|最前|开头|第一个位置"
    r"|(?:去|到|做|摆|放|排|挪|移)(?:返)?(?:在|喺|到|去)?(?:第一|头)(?![张二两三四五六七八九十\d])"
)
_END = re.compile(
    r"\bto\s+the\s+end\b|\bat\s+the\s+end\b|\blast\s*$|\bappend\b|最后(?!一张)|最尾|结尾"
)
_ANCHOR_FIRST = re.compile(
    r"^\s*(?:请|帮我|麻烦)?\s*在[^，,。]{1,16}?(?:后面|之后|后边|后头|前面|之前|前边|前头)"
    r"|^\s*(?:right\s+)?(?:after|before)\s+the\b"
)
_AFTER = re.compile(r"\bafter\b|后面|之后|后边|后头")
_BEFORE = re.compile(r"\bbefore\b|前面|之前|前边|前头")
_PHOTO_NOUN = re.compile(
    r"\b(?:photos?|pictures?|images?|pics?|slides?)\b|照片|图片|相片|那张|张相|张图"
)
_CHANGE = re.compile(
    r"\b(?:remove|delete|drop|replace|swap|switch|move|reorder|ditch|get\s+rid\s+of|take\s+out)\b"
    r"|删|去掉|换|移|搬|挪|调换|交换"
)
_ADD = re.compile(
    r"\b(?:add|insert|put|place|move|append|use|slot|stick|tuck|squeeze)\b|加|插|放|移|搬|挪|摆|将"
)


@dataclass(frozen=True, slots=True)
class PhotoEdit:
    """The new visuals in order, and what was done (`op`) for the reply."""

    visuals: tuple[Asset, ...]
    op: str
    """`insert`, `move`, `swap`, `replace`, `remove`, `only`, `reverse`, `missing` or
    `not_uploaded` (a file name that is neither in the video nor uploaded: `name`)."""
    name: str = ""


_FILE = re.compile(r"[\w\-]+\.(?:jpe?g|png|webp|heic|gif|bmp|tiff?|mp4|mov|m4v|webm)\b")
_ORDER = re.compile(r"\border\b|顺序|次序|排序")
_MIDDLE = re.compile(
    r"\b(the\s+middle\s+(?:one|photo|picture|image|pic|slide|shot))\b"
    r"|中间(?:那|嗰|的那|的)?张(?:照片|相|图)?"
)


_THEN = re.compile(
    r"[,;.]?\s*\b(?:and\s+)?(?:then|after\s+that|afterwards)\b|[，,；;。]?\s*(?:然后|接着|之后再|跟住|然後)"
)


def photo_edit(
    folded: str,
    current: tuple[Asset, ...],
    uploads: tuple[Asset, ...],
    *,
    others: bool = False,
    subjects: Subjects | None = None,
) -> PhotoEdit | None:
    """The photo edit `folded` asks for, or None when it is not one; "remove the lighthouse one,
    then add sunset.jpg at the end" takes each step in turn (all of them photo edits)."""
    if (whole := _full_order(folded, current, subjects or {})) is not None:
        return whole
    parts = [p for p in _THEN.split(folded) if p.strip()]
    if len(parts) > 1:
        visuals, ops = current, list[str]()
        for part in parts:
            step = _one_edit(part, visuals, uploads, others=others, subjects=subjects)
            if step is None or step.op in ("missing", "not_uploaded"):
                break
            visuals, ops = step.visuals, [*ops, step.op]
        else:
            return PhotoEdit(visuals, ops[0] if len(set(ops)) == 1 else "edit")
    return _one_edit(folded, current, uploads, others=others, subjects=subjects)


_SEQUENCE = re.compile(
    r"\border\b|\bthen\b|\bfirst\b|\bnext\b|\bfollowed\s+by\b|->|→|>|顺序|次序|排序|然后|接着|再|先|跟住"
)
_NOT_ORDER = re.compile(
    r"\b(?:remove|delete|drop|replace|swap|only|instead|reverse|seconds?|secs?)\b"
    r"|删|去掉|换|只|倒|秒|\d\s*s\b"
)


def _full_order(folded: str, current: tuple[Asset, ...], subjects: Subjects) -> PhotoEdit | None:
    """ "The lighthouse one first, then the harbour, then the beach", 顺序：海滩、灯塔、港口:
    every photo of the video named once, in the new order."""
    if len(current) < 2 or not _SEQUENCE.search(folded) or _NOT_ORDER.search(folded):
        return None
    places = [stem_in(a, folded, subjects) for a in current]
    if any(at is None for at in places) or len(set(places)) != len(places):
        return None
    order = tuple(a for _, a in sorted(zip(places, current, strict=True), key=lambda p: p[0] or 0))
    return PhotoEdit(order, "move")


def _one_edit(
    folded: str,
    current: tuple[Asset, ...],
    uploads: tuple[Asset, ...],
    *,
    others: bool = False,
    subjects: Subjects | None = None,
) -> PhotoEdit | None:
    """The photo edit `folded` asks for, or None when it is not one.

    `missing` (with the current visuals) means a photo edit named a photo that is not there
    (or one it cannot tell, like "the lighthouse one" in another language); `others` says the
    message also edits titles or music, so a vague photo word is not taken as a photo edit.
    """
    if not current:
        return None
    if len(current) % 2 and (middle := _MIDDLE.search(folded)):  # "the middle one", 中间那张
        at = len(current) // 2
        ref = f"the {ORDINALS[at]} photo" if middle.group(1) else f"第{at + 1}张"
        folded = folded[: middle.start()] + ref + folded[middle.end() :]
    fresh = [
        a for a in uploads if a.kind != "audio" and a.asset_id not in {c.asset_id for c in current}
    ]
    known = {a.filename.casefold() for a in (*current, *fresh)}
    # "在最后加上sunset.jpg": the match runs into the Chinese before the name; a known name ends it
    files = [f for f in _FILE.findall(folded) if not any(f.endswith(k) for k in known)]
    if (unknown := next(iter(files), None)) is not None:
        name = re.sub(r"^[^\x00-\x7f]+(?=[\w\-]*[a-z0-9][\w\-]*\.)", "", unknown, flags=re.ASCII)
        return PhotoEdit(current, "not_uploaded", name)
    subjects = subjects or {}
    named = any(a.filename.casefold() in folded for a in (*current, *fresh)) or (
        not others
        and bool(_CHANGE.search(folded) or _ADD.search(folded))
        and any(stem_in(a, folded, subjects) is not None for a in current)
    )
    if (
        _REVERSE.search(folded)
        and len(current) > 1
        and (named or _ORDER.search(folded) or _PHOTO_WORD.search(folded))
    ):
        return PhotoEdit(tuple(reversed(current)), "reverse")
    if not (named or _PHOTO_WORD.search(folded)):
        return None
    refs = photo_refs(folded, current, fresh, subjects)
    if not refs:
        vague = not others and _PHOTO_NOUN.search(folded) and _CHANGE.search(folded)
        return PhotoEdit(current, "missing") if vague else None
    items = [r for _, r in refs if r is not None]
    if len(items) < len(refs):
        return PhotoEdit(current, "missing")
    return _dispatch(folded, refs, items, list(current))


def _dispatch(
    folded: str, refs: list[tuple[int, Asset | None]], items: list[Asset], order: list[Asset]
) -> PhotoEdit | None:
    if _ONLY.search(folded):
        return PhotoEdit(tuple(items), "only")
    if _SWAP.search(folded) and len(items) >= 2 and items[0] in order and items[1] in order:
        i, j = order.index(items[0]), order.index(items[1])
        order[i], order[j] = order[j], order[i]
        return PhotoEdit(tuple(order), "swap")
    if _REPLACE.search(folded) and len(items) >= 2:
        old, new = _replace_pair(folded, items)
        if old in order:
            order[order.index(old)] = new
            return PhotoEdit(tuple(order), "replace")
    if _REMOVE.search(folded):
        doomed = {r.asset_id for r in items}
        kept = tuple(a for a in order if a.asset_id not in doomed)
        return PhotoEdit(kept, "remove") if kept else PhotoEdit(tuple(order), "missing")
    fresh = [r for r in refs if r[1] is not None and r[1] not in order]
    if len(fresh) > 1:
        return _place_several(folded, refs, fresh, order)
    return _place(folded, refs, order)


def _place(
    folded: str, refs: list[tuple[int, Asset | None]], order: list[Asset]
) -> PhotoEdit | None:
    if not _ADD.search(folded):
        return None
    if (named := _between_names(folded, refs, order)) is not None:
        return named
    between = _BETWEEN.search(folded)
    if between is not None:  # "between the first and second, insert X": X is the subject
        refs = [r for r in refs if not between.start() <= r[0] < between.end()] or refs
    if len(refs) > 1 and _ANCHOR_FIRST.search(folded):
        refs = [refs[1], refs[0], *refs[2:]]  # "在第二张后面插入 X": X is the subject
    subject = refs[0][1]
    assert subject is not None  # noqa: S101 - missing refs were handled by the caller
    op = "move" if subject in order else "insert"
    rest = [a for a in order if a.asset_id != subject.asset_id]
    anchor = refs[1][1] if len(refs) > 1 else None
    slot = _slot(folded)
    if between is not None:
        word = next(g for g in between.groups() if g)
        slot = (ORDINALS.index(word) if word in ORDINALS else int(parse_number(word) or 1) - 1) + 1
        anchor = None
    if slot is not None and (between or not (_AFTER.search(folded) or _BEFORE.search(folded))):
        rest.insert(min(slot, len(rest)), subject)
    elif anchor is not None and anchor in rest:
        at = rest.index(anchor)
        tail = folded[refs[1][0] :] if refs[1][0] > refs[0][0] else folded
        after = _AFTER.search(tail) or (_AFTER.search(folded) and not _BEFORE.search(folded))
        rest.insert(at + 1 if after else at, subject)
    elif _FRONT.search(folded):
        rest.insert(0, subject)
    elif _END.search(folded) or op == "insert":
        rest.append(subject)
    else:
        return None
    return PhotoEdit(tuple(rest), op)


def _place_several(
    folded: str,
    refs: list[tuple[int, Asset | None]],
    new: list[tuple[int, Asset | None]],
    order: list[Asset],
) -> PhotoEdit | None:
    """ "Add pier.jpg and sunset.jpg at the end": all of them, in that order, where the first
    one goes."""
    first = _place(folded, [new[0], *(r for r in refs if r not in new)], order)
    if first is None:
        return None
    placed = list(first.visuals)
    at = next(i for i, a in enumerate(placed) if a is new[0][1])
    more = [a for _, a in new[1:] if a is not None]
    return PhotoEdit((*placed[: at + 1], *more, *placed[at + 1 :]), "insert")


_SLOT = re.compile(
    r"\b(?:position|slot|place|spot|number)\s+(\d+|one|two|three|four|five)\b"
    r"|\bto\s+(?:be\s+)?(?:the\s+)?(second|third|fourth|fifth)\b(?!\s+" + NOUN + r")"
    r"|(?:放到|移到|插到|放在|挪到|搬去|搬到|变成)第\s*([一二两三四五六七八九十\d]+)\s*(?:个位置|位|个|张)"
    r"|(?:到|在|做|排)第\s*([一二两三四五六七八九十\d]+)\s*(?:个位置|位)"
)
_WORD_SLOTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


_NAMED_BETWEEN = re.compile(r"\bbetween\b|之间|中间|当中")


def _between_names(
    folded: str, refs: list[tuple[int, Asset | None]], order: list[Asset]
) -> PhotoEdit | None:
    """ "Put X between the harbor and beach ones", 把X放在港口和海滩那两张之间."""
    match = _NAMED_BETWEEN.search(folded)
    if match is None or len(refs) < 3 or _BETWEEN.search(folded):
        return None
    if match.group(0) == "between":
        pair = [r for r in refs if r[0] > match.start()][:2]
    else:
        pair = [r for r in refs if r[0] < match.start()][-2:]
    subject = next((r[1] for r in refs if r not in pair), None)
    anchors = [a for _, a in pair if a is not None]
    if subject is None or len(anchors) != 2:
        return None
    rest = [a for a in order if a.asset_id != subject.asset_id]
    if not all(a in rest for a in anchors):
        return None
    rest.insert(max(rest.index(a) for a in anchors), subject)
    return PhotoEdit(tuple(rest), "move" if subject in order else "insert")


def _slot(folded: str) -> int | None:
    """A 0-based position the message moves a photo to ("to position 2", 放到第二个位置)."""
    match = _SLOT.search(folded)
    if not match:
        return None
    word = next(g for g in match.groups() if g)
    if word in ORDINALS:
        return ORDINALS.index(word)
    number = _WORD_SLOTS.get(word) or parse_number(word) or 1
    return max(0, int(number) - 1)


def _replace_pair(folded: str, items: list[Asset]) -> tuple[Asset, Asset]:
    first, second = items[0], items[1]
    # "用 Y 替换 X" names the new photo first; "replace X with Y" / "把 X 换成 Y" the old one.
    if re.search(r"用[^替换]*(?:替换|代替|取代|换走|换掉)|\binstead\s+of\b", folded):
        return second, first
    return first, second
