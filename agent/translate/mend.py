"""A sentence's rewrite checked whole, and mended when it is not (rule 5).

The rules' rewrite of a sentence passes every guard (`agent.translate.verbatim`, the structure
check of `agent.translate.composed`) or it is rejected; a rejected rewrite is mended by the
clause stage when the two stages agree, else by the template line of its actions in place of the
clauses that held the steps, else the sentence stays whole and nothing runs. A negated or
deferred step ("Don't click Export yet", "先别导出") keeps its sentence whole. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from agent.translate.composed import composed
from agent.translate.fallback import made_by_hand, reconcile, rendered_line
from agent.translate.intent import IntentTables, negates, offered
from agent.translate.prose import Masked, clause_bounds
from agent.translate.repeats import repeated
from agent.translate.rewrite import decapitalize, find_cues, is_real, language_of
from agent.translate.tables import GuiTables
from agent.translate.verbatim import dangles, keeps_verbatim, pieced, spliced, verbless

__all__ = ["garbled", "mended", "negated", "offers_step", "stepless", "whole", "zh"]

_CJK = re.compile(r"[\u3400-\u9fff]")
_ACTING = frozenset({"export", "state", "credits", "upload"})


def garbled(new: str, content: str, original: str, tables: GuiTables) -> bool:
    """Whether the rules' rewrite `new` of a masked sentence `content` (as written:
    `original`) is a splice by any guard."""
    if spliced(new, tables) and not spliced(original, tables):
        return True
    if dangles(new, original) or verbless(new, original) or repeated(new, original, tables):
        return True
    return pieced(new, content, tables) or not composed(new, content, tables)


def whole(
    content: str, new: str, acts: list[str], tables: GuiTables, m: Masked, labels: list[str]
) -> tuple[str, list[str]]:
    """A rewrite still holding fragments ("…balance, under My Wallet") becomes its template
    line alone when that keeps every protected span, else the sentence stays whole."""
    if not pieced(new, content, tables):
        return new, acts
    return _whole_line(content, acts, tables, m, labels)


def _whole_line(
    content: str, acts: list[str], tables: GuiTables, m: Masked, labels: list[str]
) -> tuple[str, list[str]]:
    """The clauses that hold the steps replaced whole by the actions' template line, the
    others kept ("已添加淡入效果，[打开特效标签页可微调]"), when that keeps every protected span
    and reads as whole pieces; else the sentence kept whole, nothing run."""
    line = rendered_line(tuple(dict.fromkeys(acts)), language_of(content, tables, m))
    if not line:
        return content, []
    bounds = clause_bounds(content, [])
    cued = [any(is_real(c) for c in find_cues(content[a:b], tables)) for a, b in bounds]
    if True in cued:
        first, last = cued.index(True), len(cued) - 1 - cued[::-1].index(True)
        head, tail = content[: bounds[first][0]], content[bounds[last][1] :]
        new = head + (decapitalize(line) if head.strip() else line) + tail
        whole = keeps_verbatim(content, new, m, labels) and composed(new, content, tables)
        if whole and not pieced(new, content, tables):
            return new, acts
    if keeps_verbatim(content, line, m, labels) and composed(line, content, tables):
        return line, acts  # "[Under My Wallet,] then click Export": a place alone says nothing
    return content, []


def mended(
    content: str, acts: list[str], tables: GuiTables, m: Masked, labels: list[str]
) -> tuple[str, list[str]]:
    """A sentence whose rewrite the guards rejected as a splice: the clause stage's rewrite
    (it replaces whole clauses), or its reading when it agrees with the rules, else the
    template line of the rules' actions alone, else the sentence whole, nothing run (rule 5)."""
    acts = list(dict.fromkeys(acts))
    second, second_acts = reconcile(content, content, [], tables, m)
    if acts == ["state"] and made_by_hand(content, tables, m):
        return content, []  # "长按…，向上拖动即可删除": an edit by hand, not a view to show
    if second_acts and pieced(second, content, tables):
        second, second_acts = content, []
    if second_acts and set(second_acts) <= set(acts):
        return second, second_acts
    # a view or a library the rules named near the step, read otherwise by the clause stage:
    # "find what you've uploaded in the media library" shows a view
    weak = acts in (["state"], ["upload"]) and not set(second_acts) & set(acts)
    if second_acts and weak:
        return second, second_acts
    if second_acts and not set(second_acts) & set(acts):
        return content, []  # the two stages disagree: unsure, kept whole, nothing runs
    return _whole_line(content, acts, tables, m, labels)


def negated(content: str, tables: GuiTables, m: Masked, question: bool) -> bool:
    """Whether a step of the sentence is negated or deferred by the words right before it."""
    return _said_before_a_step(negates, content, tables, m, question)


def offers_step(content: str, tables: GuiTables, m: Masked, question: bool) -> bool:
    """Whether a step of the sentence is the agent's offer ("Otherwise I can go ahead and
    export as is — just say the word", "我可以直接导出"): the user answers in chat."""
    return _said_before_a_step(offered, content, tables, m, question)


def _said_before_a_step(
    reads: Callable[[str, IntentTables, bool], bool],
    content: str,
    tables: GuiTables,
    m: Masked,
    question: bool,
) -> bool:
    """Whether `reads` holds for the words before any real step cue of the sentence."""
    if tables.intent is None:
        return False
    chinese = zh(content)
    return any(
        reads(m.restore(content[: cue.start]), tables.intent, chinese)
        for cue in find_cues(content, tables, question)
        if is_real(cue)
    )


def stepless(content: str, tables: GuiTables, m: Masked, question: bool) -> bool:
    """Whether the sentence's cues are only GUI nouns in a report, no step standing in their
    clauses ("素材库里目前只有 3 张图片": the library is what the sentence is about, not where
    to go): no gesture and no verb the tables read a step from in their clauses. Chinese
    only: an English clause's place reads as a step by its sentence ("Billing > Plan shows…")."""
    if tables.intent is None or not zh(content):
        return False
    lang = tables.intent.zh
    cues = [cue for cue in find_cues(content, tables, question) if is_real(cue)]
    if not cues or lang.imperative.search(m.restore(content)):
        return False
    if any(cue.rule.kind not in _ACTING for cue in cues):  # "试试样式菜单中的…": told, not run
        return False
    for start, end in clause_bounds(content, []):
        clause = content[start:end]
        if not any(cue.start < end and start < cue.end for cue in cues):
            continue
        table = cues[0].table
        if lang.gesture.search(clause) or any(v.search(clause) for _, v in table.infer):
            return False
    return True


def zh(content: str) -> bool:
    return _CJK.search(content) is not None
