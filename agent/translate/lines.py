"""The translator's units: a reply's lines, their whole sentences, and the template line of a
set of actions (`agent.translate.translator` decides).

Pure; the lines come from the tables' kinds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

from agent.translate.reading import Reading
from agent.translate.rewrite import decapitalize
from agent.translate.tables import LanguageTable

__all__ = ["Line", "Unit", "acting", "joined", "singles", "template_line"]

_LIST_ITEM = re.compile(r"\s*(?:[-*+•]|\d+[.)])\s")


@dataclass(slots=True)
class Unit:
    """One sentence as written (`raw`, with the whitespace after it in `ws`), how it reads, and
    what stands in the reply for it: None = itself, "" = nothing, else one template line."""

    raw: str
    ws: str
    term: str
    reading: Reading
    lang: LanguageTable
    line: str | None = None
    acting: tuple[str, ...] = ()
    """The actions `line` says, when it is their template line (said once each per reply)."""


@dataclass(slots=True)
class Line:
    prefix: str
    units: list[Unit]
    newline: str

    @property
    def item(self) -> bool:
        return _LIST_ITEM.match(self.prefix + " ") is not None and bool(self.prefix.strip())

    @property
    def steps(self) -> bool:
        """Every sentence of the line is replaced (or dropped): a step and nothing else."""
        return bool(self.units) and all(u.line is not None for u in self.units)


def acting(actions: Collection[str], lang: LanguageTable) -> tuple[str, ...]:
    known = {kind.action for kind in lang.kinds.values() if kind.action}
    return tuple(dict.fromkeys(a for a in actions if a in known))


def template_line(actions: Collection[str], lang: LanguageTable, short: bool = False) -> str:
    """The one line of `actions` ("I'll export the MP4 for you and I'll look up …"), from the
    kinds' `bare` lines (`short` ones too when the reply would say nothing else)."""
    return joined(singles(actions, lang, short), lang)


def singles(actions: Collection[str], lang: LanguageTable, short: bool) -> list[str]:
    lines: list[str] = []
    for action in acting(actions, lang):
        kind = next(k for k in lang.kinds.values() if k.action == action)
        line = kind.bare or (kind.short if short else "")
        if line and line not in lines:
            lines.append(line)
    return lines


def joined(lines: list[str], lang: LanguageTable, script: Callable[[str], str] = str) -> str:
    """`lines` as one sentence, joined by the language's joiner in the reply's `script` (a
    Traditional reply gets "，然後", never a Simplified joiner between Traditional lines)."""
    joiner = script(lang.joiner)
    return (lines[0] + "".join(joiner + decapitalize(x) for x in lines[1:])) if lines else ""
