"""Title and caption requests of one message (EN/ZH): add, replace, remove or ask for text,
its timing (hold, shift, start) and restyling (size, colour). Pure; keywords come from the
phrasebook; `intents` reads the whole message and calls these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from agent.local.interpreter import clauses, quantity
from agent.local.interpreter.lengths import take_text_shift
from agent.local.interpreter.phrasebook import Phrasebook, find_key, has_any
from agent.local.interpreter.snippet import extract_text
from agent.local.interpreter.timerange import TimeRange, take_range

__all__ = ["StyleOp", "TextKind", "TextOp", "style_op", "text_op", "text_timing", "with_timing"]

TextKind = Literal["title", "caption"]
_EVERY_TEXT = re.compile(
    r"\ball\s+(?:the\s+|of\s+the\s+)?(?:text|words|titles\s+and\s+captions)\b"
    r"|\ball\s+(?:the\s+)?text\b|(?:所有|全部)的?(?:文字|字)|文字全部|字全部"
)


@dataclass(frozen=True, slots=True)
class TextOp:
    """Add, replace or remove a title/caption; `ask` when the text to show is missing."""

    action: Literal["add", "replace", "remove", "ask"]
    kind: TextKind
    text: str = ""
    span: TimeRange | None = None
    position: str | None = None
    ordinal: int | None = None
    """Which one of its kind (0-based, -1 the last); None for all or the first."""
    hold_ms: int | None = None
    """How long it should stay on screen ("show the title for 4 seconds")."""
    shift_ms: int | None = None
    """How far to move it in time ("move the title a second later", 提前两秒)."""
    at_ms: int | None = None
    """When it starts, keeping its length ("put the title at 2 seconds", 在第2秒出现)."""
    fresh: bool = True
    """The message asks for a new one ("add a title") rather than changing one."""
    every: bool = False
    """All text, titles and captions alike ("remove all the text")."""


@dataclass(frozen=True, slots=True)
class StyleOp:
    """Resize or recolour the text on the timeline."""

    size_factor: float = 1.0
    colour: str | None = None
    kind: TextKind | None = None
    ordinal: int | None = None


def text_timing(
    unquoted: str, book: Phrasebook
) -> tuple[int | None, TimeRange | None, int | None, str]:
    """(shift, span, start) of a title or caption, and the text without them: "往后挪一秒" or
    "put the title at 2 seconds" of a title is not a video length."""
    kw = book.keywords
    text_noun = has_any(unquoted.casefold(), (*kw.title, *kw.caption))
    shift, rest = take_text_shift(unquoted) if text_noun else (None, unquoted)
    span, rest = take_range(rest)
    at = None
    if span is None and text_noun:
        at, rest = quantity.take_text_at(rest)
    return shift, span, at, rest


def with_timing(
    text: TextOp | None,
    folded: str,
    times: tuple[int | None, int | None, int | None],
    limits: list[str],
) -> TextOp | None:
    """`text` with its hold, shift and start; None when a limit answered a text question."""
    if text is None:
        return None
    hold, shift, at = times
    if hold or shift or at is not None or text.action == "ask":
        fresh = clauses.wants_new_text(clauses.text_clauses(folded))
        text = replace(text, hold_ms=hold, shift_ms=shift, at_ms=at, fresh=fresh)
    if text.action == "ask" and {"text_side", "font"} & set(limits) and not text.position:
        return None  # "move the title to the left" is answered by the limit, not a question
    return text


def text_op(
    folded: str,
    rest: str,
    quotes: list[str],
    span: TimeRange | None,
    fading: bool,
    book: Phrasebook,
) -> TextOp | None:
    kw = book.keywords
    title, caption = has_any(folded, kw.title), has_any(folded, kw.caption)
    position = find_key(folded, kw.position)
    if not (title or caption):
        if not (quotes and (position or span) and _PLACE.search(folded)):
            return None  # 'put "Summer" at the top': quoted words placed on the video are text
        caption = position == "bottom"
    kind: TextKind = "title" if not caption or title else "caption"
    ordinal = clauses.text_ordinal(folded)
    if _is_style_request(folded, book, bool(quotes)):
        # "make the title smaller and move it to the top": the style op resizes, this moves
        return TextOp("ask", kind, position=position, ordinal=ordinal) if position else None
    text = quotes[0] if quotes else extract_text(rest)
    if quotes and _removes_named(folded, book):  # "remove the title 'Old'": that one goes
        return TextOp("remove", kind, text, ordinal=ordinal, fresh=False)
    if fading and not text:
        return None  # "fade the title in", "remove the fades from the titles"
    if has_any(folded, kw.remove) and not text:
        return TextOp("remove", kind, ordinal=ordinal, every=bool(_EVERY_TEXT.search(folded)))
    action: Literal["add", "replace"] = "replace" if has_any(folded, kw.replace) else "add"
    if not text:
        if span is None and position is None and action == "replace":
            return None  # "change the title" with nothing to change it to
        return TextOp("ask", kind, span=span, position=position, ordinal=ordinal)
    return TextOp(action, kind, text[:80], span, position, ordinal)


def _removes_named(folded: str, book: Phrasebook) -> bool:
    """Whether the clauses naming a title or caption remove it (and add or change nothing)."""
    kw, said = book.keywords, clauses.text_clauses(folded)
    return has_any(said, kw.remove) and not (has_any(said, kw.add) or has_any(said, kw.replace))


_PLACE = re.compile(r"\b(?:put|add|show|place|display|stick|overlay)\b|加|放|显示|摆")


def _is_style_request(folded: str, book: Phrasebook, quoted_text: bool) -> bool:
    kw = book.keywords
    resize = has_any(folded, kw.bigger) or has_any(folded, kw.smaller)
    recolour = find_key(folded, kw.colour) is not None
    return not quoted_text and (resize or recolour) and has_any(folded, kw.text_style)


def style_op(folded: str, book: Phrasebook, quoted_text: bool) -> StyleOp | None:
    if not _is_style_request(folded, book, quoted_text):
        return None
    kw = book.keywords
    size = 1.25 if has_any(folded, kw.bigger) else 0.8 if has_any(folded, kw.smaller) else 1.0
    kind: TextKind | None = (
        "caption" if has_any(folded, kw.caption) and not has_any(folded, ("title", "标题"))
        else "title" if has_any(folded, kw.title) else None
    )  # fmt: skip
    return StyleOp(size, find_key(folded, kw.colour), kind, clauses.text_ordinal(folded))
