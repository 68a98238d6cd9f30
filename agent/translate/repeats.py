"""A template line said twice is a splice (rule 5), within a sentence or across a reply.

"I'll look up your credits balance, I'll look up your credits balance so you can pick a pack",
"send the file in chat or give me a URL, then send more photos in chat or give me a URL": every
fixed piece of a line long enough to be said once counts. Pure; reads only the tables.
"""

from __future__ import annotations

import re

from agent.translate.tables import GuiTables

__all__ = ["repeated", "said_again"]

_FIELD = re.compile(r"\{([a-z_]+)\}")


def repeated(new: str, original: str, tables: GuiTables) -> bool:
    """Whether `new` says a piece of a template line twice where `original` did not ("I'll look
    up your credits balance, I'll look up your credits balance so you can…", "send the file in
    chat or give me a URL, then send more photos in chat or give me a URL"): a splice."""
    folded, before = new.casefold(), original.casefold()
    return any(folded.count(p) > max(1, before.count(p)) for p in _line_pieces(tables))


def _line_pieces(tables: GuiTables) -> frozenset[str]:
    """The fixed words of every template line, long enough to be said once ("I'll export …,
    or I'll export …" are two ways to one step, not a repeat)."""
    found: set[str] = set()
    for table in tables.languages:
        for kind in table.kinds.values():
            for text in (kind.bare, kind.short, *(rule.text for rule in kind.body)):
                found.update(p.strip(" ,，").casefold() for p in _FIELD.split(text)[::2])
    return frozenset(p for p in found if len(p) >= (16 if p.isascii() else 5))


def said_again(new: str, said: str, tables: GuiTables, whole: bool = False) -> bool:
    """Whether `new` repeats a whole template line already `said` earlier in the reply (with
    `whole`: whether `new` is nothing but such a line)."""
    folded, earlier = new.casefold(), said.casefold()
    if whole:
        folded = folded.strip(" .。!！")
    lines = {
        line.casefold()
        for table in tables.languages
        for kind in table.kinds.values()
        for line in (kind.bare, kind.short)
        if len(line) >= (16 if line.isascii() else 5)
    }
    if whole:
        return folded in lines
    return any(line in folded and line in earlier for line in lines)
