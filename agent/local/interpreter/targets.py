"""The coverage guard's target check: a clause's edit lands on what the clause names.

The kinds and numbers of a plan can match a request while the change lands elsewhere: "lighthouse
5 seconds, others 2" read as the lighthouse alone (the 2 found as its change), a title asked for
"only the last 2 seconds" added beside the old one, a title window counted from the end placed
anywhere else. A clause is on target when

- it names photos (by name or position) with a length: each of them holds that length, or changed
  by it ("2 seconds longer");
- it names the others ("the rest", "others", 其他, 其余, 剩下): every photo no other clause names
  holds its length;
- it asks for a title in the last N seconds (最后/最尾 N 秒): a title runs from the end minus N to
  the end;
- it speaks of a title without asking for a new one: the draft has no more titles than before;
- it quotes words for a title: some title reads as quoted.

Pure.
"""

from __future__ import annotations

import re
from typing import Any

from agent.local.edits import TEXT, segments, total
from agent.local.interpreter.asked import Clause, Number, unquoted
from agent.local.interpreter.hanzi import to_simplified
from agent.local.interpreter.photos import photo_refs
from agent.local.interpreter.phrasebook import Phrasebook, has_any
from agent.local.interpreter.quantity import NUM, SEC, parse_number
from agent.local.interpreter.quoting import QUOTE_MARK
from agent.local.interpreter.snippet import quoted
from agent.local.interpreter.timerange import last_seconds
from agent.local.interpreter.videotrack import look_of

__all__ = ["on_target"]

_REST = re.compile(
    r"\b(?:the\s+)?(?:rest|others|remaining|other\s+(?:ones?|photos?|pics?|pictures?|images?"
    r"|slides?|shots?|two|three|four))\b|其他|其余|其它|剩下|剩余|剩低|另外(?:的|嘅)?(?:几|两|二|三)?张",
    re.IGNORECASE,
)
_NEW = re.compile(
    r"\b(?:add|another|new|second|extra|insert|include|also|too)\b|加|添|另|多一|多个|再放|新"
)
_MIDDLE = re.compile(
    r"\b(?:the\s+)?middle\s+(?:one|photo|pic|picture|image|slide|shot)\b|\bin\s+the\s+middle\b"
    r"|中间(?:那|嗰|的|个)?(?:一)?张|中间(?:的|嘅)?(?:照片|相|图)"
)
_ONLY = re.compile(r"\b(?:only|just)\b|只|仅|淨係|净系|净係|得返|剩返|留下|保留")
_SWAP = re.compile(r"\b(?:swap|replace|instead)\b|换|替|代替|取代")
_REORDER = re.compile(
    r"\b(?:swap|switch|trade|move|put|place|bring|reverse|order|reorder|shuffle|first|last|before"
    r"|backwards?|around"
    r"|after|start|end|beginning|front|back|then|followed)\b"
    r"|换|调|移|放|搬|挪|倒|顺序|次序|第一|最后|开头|结尾|前|后|头|尾|先"
)
_WHOLE_ORDER = re.compile(
    r"\b(?:reverse|order|reorder|shuffle|backwards?|around)\b|倒|顺序|次序|调转|掉转"
)
_NO_VERB = re.compile(
    r"\s*(?:the\b|photo|pic|picture|image|shot|slide|#|\d|first|second|third|last|第|那|这|嗰|呢)"
)
_SPOKEN = re.compile(rf"{NUM}\s*{SEC}", re.IGNORECASE)
_TOLERANCE_MS = 150


def on_target(
    clause: Clause,
    asked: list[Clause],
    before: dict[str, Any],
    after: dict[str, Any],
    book: Phrasebook,
) -> bool:
    """Whether the edit from `before` to `after` lands where `clause` (one of `asked`) says."""
    folded = unquoted(to_simplified(clause.text).casefold())
    if "photos" in clause.wants and not (
        _removals_named(asked, before, after, book) and _moves_named(asked, before, after, book)
    ):
        return False
    lengths = clause.wants & {"length", "photo_lengths"} and "text" not in clause.wants
    if lengths and _MIDDLE.search(folded) and not _middle_holds(clause, before, after):
        return False
    if "photo_lengths" in clause.wants and not _photos_on_target(
        folded, clause, asked, before, after, book
    ):
        return False
    if "text" in clause.wants:
        return _title_on_target(folded, clause.text, before, after, book)
    return True


def _removals_named(
    asked: list[Clause], before: dict[str, Any], after: dict[str, Any], book: Phrasebook
) -> bool:
    """Every photo the edit removed is named by a clause that asks to remove something."""
    gone = set(_lengths(before)) - set(_lengths(after))
    if not gone:
        return True
    named: set[str] = set()
    unnamed = False  # "delete this one": a removal of the photos that names none
    for c in asked:
        folded = unquoted(to_simplified(c.text).casefold())
        kw = book.keywords
        if "photos" in c.wants and _ONLY.search(folded):
            return True  # "only the first photo": the others go
        swap = has_any(folded, kw.replace) or _SWAP.search(folded)
        if "photos" in c.wants and (has_any(folded, kw.remove) or swap):
            found = _named(folded, before, book)
            named |= found
            unnamed = unnamed or not found
    return gone <= named or unnamed


def _moves_named(
    asked: list[Clause], before: dict[str, Any], after: dict[str, Any], book: Phrasebook
) -> bool:
    """The photos no reordering clause names keep their order ("swap photo 1 and 2 and brighten
    the beach one" moves neither the beach by its brightening nor a photo nobody named)."""
    kept = [a for a in _lengths(after) if a in _lengths(before)]
    was = [a for a in _lengths(before) if a in kept]
    if kept == was:
        return True
    groups: list[str] = []  # "swap the harbor and the beach": a verbless clause joins the last
    for c in asked:
        folded = unquoted(to_simplified(c.text).casefold())
        bare = bool(_NO_VERB.match(folded)) or len(folded.split()) <= 2
        if groups and bare:
            groups[-1] += " and " + folded
        else:
            groups.append(folded)
    named: set[str] = set()
    for folded in groups:
        if not _REORDER.search(folded):
            continue
        found = _named(folded, before, book)
        if not found or _WHOLE_ORDER.search(folded):
            return True  # "reverse the order", "shuffle them": the whole order is asked
        named |= found
    return [a for a in kept if a not in named] == [a for a in was if a not in named]


def _lengths(draft: dict[str, Any]) -> dict[str, int]:
    look = look_of(draft)
    if look is None:
        return {}
    return {a.asset_id: ms for a, ms in zip(look.visuals, look.lengths, strict=False)}


def _named(folded: str, draft: dict[str, Any], book: Phrasebook) -> set[str]:
    look = look_of(draft)
    if look is None:
        return set()
    refs = photo_refs(folded, look.visuals, [], book.keywords.photo_subject)
    return {a.asset_id for _, a in refs if a is not None}


def _photos_on_target(
    folded: str,
    clause: Clause,
    asked: list[Clause],
    before: dict[str, Any],
    after: dict[str, Any],
    book: Phrasebook,
) -> bool:
    seconds = [n for n in clause.numbers if not n.percent] or _spoken(folded)
    if len(seconds) != 1:
        return True  # no single length to hold the photos to: the number check decides
    number = seconds[0]
    was, now = _lengths(before), _lengths(after)
    want = round(number.value * 1000)
    own = _named(folded, before, book)
    if _REST.search(folded):
        if own:  # "the lighthouse 2 s longer than the others": held to the others
            return _compared(own, now, want)
        named = set().union(
            *(
                _named(to_simplified(c.text).casefold(), before, book)
                for c in asked
                if c is not clause
            )
        )
        if not named:
            return True  # "the rest" with nothing named beside it: not this check's to judge
        targets = [a for a in now if a not in named]
    else:
        targets = sorted(own) or list(now)
    if not targets:
        return True

    def holds(asset: str) -> bool:
        if asset not in now:
            return False
        value, change = now[asset], now[asset] - was.get(asset, now[asset])
        pool = {False: [value], True: [abs(change)], None: [value, abs(change)]}[number.change]
        return any(abs(v - want) <= _TOLERANCE_MS for v in pool)

    if not own and not _REST.search(folded):
        return any(holds(a) for a in targets)  # "the one in the middle 5 s": some photo is 5 s
    return all(holds(a) for a in targets)


def _spoken(folded: str) -> list[Number]:
    """A length in words (两秒, "two seconds"), which the clause reader leaves out."""
    match = _SPOKEN.search(folded)
    value = parse_number(next(g for g in match.groups() if g)) if match else None
    return [Number(value, False, None)] if value else []


def _middle_holds(clause: Clause, before: dict[str, Any], after: dict[str, Any]) -> bool:
    """ "the one in the middle 5 s": of an odd number of photos, the middle one holds it."""
    look = look_of(before)
    seconds = [n for n in clause.numbers if not n.percent] or _spoken(clause.text)
    if look is None or len(look.visuals) % 2 == 0 or len(seconds) != 1:
        return False
    middle = look.visuals[len(look.visuals) // 2].asset_id
    now = _lengths(after)
    want = round(seconds[0].value * 1000)
    return middle in now and abs(now[middle] - want) <= _TOLERANCE_MS


def _compared(own: set[str], now: dict[str, int], want: int) -> bool:
    """The photos named differ from the others by `want` ms."""
    others = [ms for a, ms in now.items() if a not in own]
    if not others or any(a not in now for a in own):
        return False
    mean = sum(others) / len(others)
    return all(abs(abs(now[a] - mean) - want) <= _TOLERANCE_MS for a in own)


def _title_on_target(
    folded: str,
    clause_text: str,
    before: dict[str, Any],
    after: dict[str, Any],
    book: Phrasebook,
) -> bool:
    old, new = segments(before, TEXT), segments(after, TEXT)
    words, _ = quoted(clause_text)
    shown = {to_simplified(str(s.get("n", ""))).casefold() for s in new}
    if (
        words
        and new != old
        and not has_any(folded, book.keywords.remove)  # "remove the title 'Harbor Lights'"
        and not any(to_simplified(w).casefold() in shown for w in words)
    ):
        return False  # "a title 'Summer '24'": some title reads as quoted
    if old and len(new) > len(old) and not (_NEW.search(folded) or QUOTE_MARK.search(clause_text)):
        return False  # "show the title only in the last 2 s": the title moves, none is added
    window = last_seconds(folded)
    if window is None or not new:
        return True
    end = total(after)
    return any(
        abs(s.get("s", 0) - (end - window)) <= _TOLERANCE_MS
        and abs(s.get("s", 0) + s.get("d", 0) - end) <= _TOLERANCE_MS
        for s in new
    )
