"""Negation for the keyword stage: a negator before a command ("don't export", 先别导出) or a
deferral after it ("export later", 导出先缓缓) declines the command.

Compiled once from the tables' grammar lists (`negators`, `negation_exceptions`, `deferrals`
and their foreign twins); pure regex work over the keyword stage's normalised clauses.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from agent.router.rules import Intent, alternation
from agent.router.text import by_script

__all__ = ["DEFERRABLE", "Negation"]

DEFERRABLE = frozenset({"export", "upload"})
"""The commands a deferral after them puts off; a question ("is it done yet?") is never one."""
_ORDER_ONLY = re.compile(r"(?:before|until|till)\b")


class Negation:
    """Negators before a command and deferrals after it."""

    def __init__(self, g: Mapping[str, Sequence[str]]) -> None:
        """Compile the grammar's negator, exception and deferral lists."""
        neg_latin, neg_cjk = by_script([*g["negators"], *g["foreign_negators"]])
        self._negated_before = re.compile(
            rf"(?:{alternation(neg_latin)})(?:\s+\S+){{0,3}}\s*$"
            rf"|(?:{alternation(neg_cjk)}).{{0,4}}$|不[\u4e00-\u9fff]?\s*$"
            # "导出，不是再改一遍": the thing not asked for ("是不是要改" still asks)
            r"|(?<!是)不是.{0,3}$"
        )
        self._negation_exception = re.compile(alternation(g["negation_exceptions"]))
        late_latin, late_cjk = by_script([*g["deferrals"], *g["foreign_deferrals"]])
        self._deferred_after = re.compile(
            rf"^[\s:=]*(?:\s*[a-z0-9]+){{0,3}}?\s*(?:{alternation(late_latin)})"
            rf"|^.{{0,3}}?(?:{alternation(late_cjk)})"
        )

    def negated(self, intent: Intent, before: str, after: str) -> bool:
        """Whether the command `intent`, with `before` and `after` its clause's words on either
        side, is declined."""
        if intent in DEFERRABLE and self._deferred_after.search(after):
            return True
        window = before[-40:]
        negation = self._negated_before.search(window)
        if negation is None or self._negation_exception.search(window):
            return False
        # "before I have to pay" orders a question, it does not take it back
        return intent in DEFERRABLE or not _ORDER_ONLY.match(negation.group(0))
