"""The coverage guard: a plan that changes the draft must account for every clause of the request,
and change nothing that no clause asked for; otherwise the whole message is declined.

The request is split into clauses (commas, and/then/also, 然后/再/并/同埋, ；。). Each clause is
read for the kind of edit it names (a title, the music, the frame shape, the camera, one photo's
length, the video's length, the photos' order) and each number it states. The plan's draft is
then compared with the draft before it, kind by kind (`diffkinds`). The plan stands only when

- every clause naming a kind of edit sees that kind changed (a number-only clause such as
  "从第6秒到结尾" or "at 50%" belongs to the clause before it);
- every kind the plan changed was named by a clause (a length is a consequence of a photo's
  length or of adding or removing a photo, never of a volume or a title range);
- every number a clause states can be found in the new draft, as a value or as the change of a
  value (seconds, a title's start or end, a photo's share, a volume percent);
- every clause lands on what it names: the photos named (or "the rest") hold its length, a title
  window from the end ends at the end, a title moved is not added (`targets`).

Anything else is a wrong or partial edit in the making: the interpreter says which clause it could
not carry out and changes nothing. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from agent.local.edits import AUDIO, TEXT, VIDEO, segments
from agent.local.interpreter.asked import Clause, Number, clauses, unquoted
from agent.local.interpreter.diffkinds import Values, changed_kinds, values_of
from agent.local.interpreter.hanzi import to_simplified
from agent.local.interpreter.phrasebook import Phrasebook, find_key, has_any
from agent.local.interpreter.plan import InterpretContext, Plan, TextStep, ToolStep
from agent.local.interpreter.targets import on_target

__all__ = ["covered_or_declined", "uncovered"]

_SET_TO = re.compile(r"\b(?:set|put|turn|bring)\b[^,.;]{0,30}?\bto\b|调到|设为|设成|调成")
_FOLLOWS = {
    "remake": {"photos", "photo_lengths", "length", "motion", "aspect"},
    "speed": {"motion", "length"},
    "photo_lengths": {"length"},
    "photos": {"length", "photo_lengths"},
    "length": {"photo_lengths"},
}
"""Kinds a change of the key brings along (a photo's length changes the video's)."""


def uncovered(
    plan: Plan, before: dict[str, Any], message: str, book: Phrasebook
) -> tuple[str, str] | None:
    """(clause, topic) for the first clause the plan does not carry out as asked, or
    ("", topic) for a change no clause asked for; None when the plan covers the request."""
    tools = [s for s in plan.steps if isinstance(s, ToolStep)]
    if not tools or not before.get("t"):
        return None
    after = tools[-1].draft
    changed = changed_kinds(before, after)
    if not changed:
        return None  # nothing of the draft changed: the plan's words say what was not done
    asked = clauses(message, book)
    wanted = {k for c in asked if not c.keeps for k in c.wants}
    kept = {k for c in asked if c.keeps for k in c.wants} - {"length"}
    allowed = wanted | kept | {f for k in wanted for f in _FOLLOWS.get(k, set())}
    for kind in sorted(changed - allowed):
        if kind in _TOPIC:
            return "", _TOPIC[kind]
    changed = changed | ({"speed"} if changed & {"motion", "length"} else set()) | {"remake"}
    edit = _Edit(before, after, changed, len(segments(before, VIDEO)) <= 1)
    for i, clause in enumerate(asked):
        if not (clause.keeps or not clause.wants) and not _carried_out(
            clause, i, asked, edit, book
        ):
            return clause.text, _TOPIC[min(clause.wants)]
    if _swapped_music(before, after) and not any(
        "music" in c.wants and _asks_track(to_simplified(c.text).casefold(), book) for c in asked
    ):
        return "", "about_music"  # "turn the music up" is not a new track
    return None


@dataclass(frozen=True, slots=True)
class _Edit:
    before: dict[str, Any]
    after: dict[str, Any]
    changed: set[str]
    single: bool
    """One photo: its length is the video's."""


def _carried_out(
    clause: Clause, at: int, asked: list[Clause], edit: _Edit, book: Phrasebook
) -> bool:
    """Whether the edit carries out `clause` (the `at`-th of `asked`): its kinds changed (or
    already as asked), its numbers found, its title where it names."""
    wants = clause.wants
    if edit.single and "photo_lengths" in wants:
        wants = (wants - {"photo_lengths"}) | {"length"}
    later = any(c.wants & clause.wants and not c.keeps for c in asked[at + 1 :])
    earlier = any(c.wants & clause.wants and not c.keeps for c in asked[:at])
    # "add 2 s, then double it": an earlier value is a step on the way; "两倍，再多加2秒": a later
    # change is counted from a value the draft never held
    numbers = [] if later else [n for n in clause.numbers if not (earlier and n.change)]
    values, was = values_of(edit.before, edit.after), values_of(edit.before, edit.before)
    if not wants <= edit.changed:
        # "make the whole video 5 seconds" when it already is
        return bool(numbers) and all(_already(n, was) for n in numbers)
    found = [
        _found(n, values, edit.after) or (clause.state and _found(n, was, edit.before))
        for n in numbers
    ]
    return (
        all(found)
        and _placed(clause, edit.after, book)
        and on_target(clause, asked, edit.before, edit.after, book)
    )


def _placed(clause: Clause, after: dict[str, Any], book: Phrasebook) -> bool:
    """A title clause naming a place on screen sees a title there."""
    if "text" not in clause.wants:
        return True
    where = find_key(unquoted(to_simplified(clause.text).casefold()), book.keywords.position)
    return where is None or any(s.get("pos") == where for s in segments(after, TEXT))


def _swapped_music(before: dict[str, Any], after: dict[str, Any]) -> bool:
    old, new = segments(before, AUDIO), segments(after, AUDIO)
    return bool(old and new) and (old[0].get("a"), old[0].get("syn")) != (
        new[0].get("a"),
        new[0].get("syn"),
    )


def _already(number: Number, was: Values) -> bool:
    """The draft already holds the value asked ("make it 5 seconds" when it is 5 s)."""
    pool = was.percents if number.percent else was.seconds
    return number.change is not True and any(abs(number.value - v) <= 0.06 for v in pool)


def _found(number: Number, values: Values, draft: dict[str, Any]) -> bool:
    now = values.percents if number.percent else values.seconds
    by = values.percents_by if number.percent else values.seconds_by
    if not number.percent:
        now, by = now + values.percents, by + values.percents_by  # "music to 60"
    pool = {False: now, True: by, None: now + by}[number.change]
    if any(abs(number.value - v) <= 0.5 for v in pool):
        return True
    end = draft.get("d", 0)  # a title asked past the end is held to the end
    ends = [s.get("s", 0) + s.get("d", 0) for t in (TEXT, AUDIO) for s in segments(draft, t)]
    return number.change is not True and number.value * 1000 >= end and end in ends


_TOPIC = {
    "aspect": "about_framing",
    "length": "about_length",
    "motion": "about_motion",
    "music": "about_music",
    "photo_lengths": "about_photos",
    "remake": "about_video",
    "speed": "about_motion",
    "photos": "about_photos",
    "text": "about_text",
}


def covered_or_declined(plan: Plan, ctx: InterpretContext, book: Phrasebook, *, hant: bool) -> Plan:
    """`plan` when it covers the request in `ctx`, else a plan declining the whole message."""
    before = ctx.draft if isinstance(ctx.draft, dict) else {}
    found = uncovered(plan, before, ctx.message, book)
    if found is None:
        return plan
    clause, topic = found
    what = book.topic(plan.language, topic, hant=hant)
    key = "unsure_clause" if clause else "unasked_change"
    said = book.say(plan.language, key, hant=hant, clause=clause, what=what)
    return Plan((TextStep(said),), plan.language)


def _asks_track(folded: str, book: Phrasebook) -> bool:
    kw = book.keywords
    level = _SET_TO.search(folded)  # "set the music to half": a level, not a new track
    return (
        (has_any(folded, kw.add) and not level)
        or has_any(folded, kw.replace)
        or bool(find_key(folded, kw.music_style))
    )
