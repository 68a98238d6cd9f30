"""Read one sentence of backend prose: which GUI steps it gives and what the client runs for them.

The reading is the rules' clause-by-clause rewrite of the sentence (`agent.translate.rewrite`),
used only as a PROBE: whether the sentence holds a GUI step at all, which actions and which kind
of line stand for it, and whether nothing but the step is left. Its text never reaches the user
(`agent.translate.translator` emits a sentence whole or one template line in its place), so a
clumsy probe can cost a rewrite, never garble one. Negated, offered and report-only steps
("Don't click Export yet", "I can export it as is", "素材库里只有 3 张图片") are read here too.
Pure; reads only the compiled tables.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from agent.translate.fallback import reconcile
from agent.translate.intent import IntentTables, asks_answer, negates, offered
from agent.translate.later import after_work
from agent.translate.leftover import fixed_lines, kind_of, quiet, steps_only
from agent.translate.prose import (
    Masked,
    Sentence,
    clause_bounds,
    paren_groups,
)
from agent.translate.rewrite import (
    EDGE,
    Cue,
    find_cues,
    is_real,
    language_of,
    rewrite_clause,
    shift_cues,
)
from agent.translate.tables import GuiTables
from agent.translate.verbatim import button_labels, keeps_verbatim, path_options

__all__ = ["Reading", "read"]

_CJK = re.compile(r"[\u3400-\u9fff]")
_MENU = re.compile(r"(?:menu|dropdown|drop-down)\W*$|(?:菜单|选单)[中里内]?$", re.IGNORECASE)
_ACTING = frozenset({"export", "state", "credits", "upload"})
# A question that is a polite request for a step ("Could you attach the photo …?")
_REQUEST = re.compile(
    r"\s*(?:could|can|would|will)\s+you\s+(?:please\s+)?(?!like\b|want\b)|\s*would\s+you\s+mind\s+"
    r"|\s*(?:请|麻烦)?(?:你|您)?(?:能不能|能否|可不可以|可否|可以)",
    re.IGNORECASE,
)
# a cue that holds a verb of sending a file to the chat (再发一张, 传张…俾我, 把原视频再传一次,
# 把配音文件发给我)
_SENDS = re.compile(
    r"^(?:再|重新)?(?:发|传|给)|(?:再|重新)(?:发|传)|(?:发|传)(?:给我|俾我|过来|上来)"
)
# a step that points back at a GUI element named before it ("… — click it")
_POINTS_BACK = re.compile(
    r"\b(?:click|tap|press|hit|use|select|choose|open)\s+(?:on\s+)?(?:it|them|that|this)\b"
    r"|(?:点击|点|按|撳|按下)(?:一下)?(?:它|佢|佢哋)",
    re.IGNORECASE,
)
_LAST_CLAUSE = re.compile(r"[,，;；:：—–]")  # where a sentence's last clause begins
_EXPORT_WORD = re.compile(r"export|render|download|导出|汇出|渲染|下载|输出", re.IGNORECASE)
# an emoji or symbol is said by the sentence (an arrow or a pointing hand only points at a step)
_SYMBOL = re.compile(
    r"(?![\u25b6\u25ba\u27a1\u2b05-\u2b07\u2b95\U0001f446-\U0001f449\U0001f53d])"
    r"[\u25a0-\u25ff\u2600-\u27bf\u2b00-\u2bff\U0001f300-\U0001faff]"
)
# words of a report or the user's own condition beside a step, not of the step ("All done,
# click Export", "满意的话，点击导出")
_REPORTS = frozenset(
    ("done", "ready", "all", "set", "good", "finished", "complete", "happy", "satisfied", "了",
     "吧", "满意的话", "如果满意", "满意后", "觉得满意")
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Reading:
    """What one sentence says to the client: the actions it gives (ordered, `sse` included),
    whether it is nothing but GUI steps (so one template line may stand for it whole), and the
    kind whose line stands for a step without an action ("" when unknown: keep it)."""

    actions: tuple[str, ...]
    steps_only: bool
    kind: str = ""
    silent: bool = False
    """The steps say nothing of their own ("you can close this panel", a view whose output
    speaks for it): the sentence may go."""
    line: str = ""
    """The one fixed line the rules read the sentence as, when it is more precise than the
    actions' line ("I'll retry the export for you")."""


def read(sentence: Sentence, tables: GuiTables, m: Masked) -> Reading:
    """Read one masked sentence (see the module doc); a question never stands for steps unless
    it is a polite request ("Could you attach the photo?")."""
    question = "?" in sentence.term or "？" in sentence.term
    # the request may open the sentence or its last clause ("Hmm, that didn't work — could you
    # send a new one?", 张相太细，可不可以传张清啲嘅俾我？)
    last = _LAST_CLAUSE.split(sentence.content)[-1]
    request = question and any(_REQUEST.match(x) for x in (sentence.content, last))
    content = offers(sentence.content, tables) if question else sentence.content
    content, aside_acts = asides(content, tables, m, question)
    found = find_cues(content, tables, question)
    cues = _pointed(found, content, tables, m)
    # every step the rules found is a mention ("Export and Share both live under the ⋯ menu"):
    # the clause classifier does not read it again as a step, unless a step points back at it
    # ("… the Download button will turn blue — click it")
    mentioned = (
        any(is_real(c) for c in found)
        and not any(is_real(c) for c in cues)
        and _POINTS_BACK.search(content) is None
    )
    new, acts, plain = probe(content, tables, m, cues)
    held = _held(content, cues, acts, tables, m, question and not request)
    if held is not None:
        return held
    if aside_acts:  # an aside's actions go where the aside stood relative to the main cues
        first = next((c.start for c in cues if is_real(c)), len(content))
        before = [a for p, a in aside_acts if p <= first]
        acts = before + acts + [a for p, a in aside_acts if p > first]
    labels = button_labels(content, cues)
    if not keeps_verbatim(content, new, m, [*labels, *path_options(content, cues)]):
        new, acts = sentence.content, []  # the rules read a quote or number as a step: unsure
    if (not question or request) and not mentioned:
        new, acts = reconcile(sentence.content, new, acts, tables, m)
    said = m.restore(sentence.content)
    if (
        tables.intent
        and asks_answer(said, tables.intent, zh(content))
        and not _offers(said, tables)
        and not _waits_on_others(said, tables)
    ):
        acts = [*acts, "sse"]  # "Reply 'continue'": the user's answer goes to the agent
    step = new != sentence.content and (not question or request)
    if not step or _SYMBOL.search(m.restore(sentence.content)):
        return Reading(tuple(acts), False)  # an emoji says more than the step
    lang = language_of(sentence.content, tables, m)
    if not quiet(plain, lang, _REPORTS) or not steps_only(new, sentence.content, labels, tables, m):
        return Reading(tuple(acts), False)
    said = new.strip(" .。!！").casefold()
    line = next((x for x in fixed_lines(lang) if x.casefold() == said), "")
    return Reading(tuple(acts), True, kind_of(new, lang), not new.strip(), line)


def _held(
    content: str, cues: list[Cue], acts: list[str], tables: GuiTables, m: Masked, asking: bool
) -> Reading | None:
    """What runs of a sentence whose steps its structure holds back, or None when it holds
    none back: an offer, a negated or reported step, an export put off."""
    if asking and _asks_offer(content, tables, m):
        return Reading((), False)  # "Want to see the timeline, or export straight away?"
    if _said_before_a_step(offered, content, cues, tables, m):
        return Reading((), False)  # "I can go ahead and export as is": the user answers here
    if _said_before_a_step(negates, content, cues, tables, m) or stepless(content, cues, tables, m):
        return Reading((), False)  # "Don't click Export yet", "素材库里只有 3 张图片"
    if "export" in acts and _deferred(content, cues, tables, m):
        # "when they do, you can come back and export the 4K version": said, not run now
        return Reading(tuple(a for a in acts if a != "export"), False)
    return None


def offers(content: str, tables: GuiTables) -> str:
    """A question's bare verbs in their offer wording ("preview it first?" -> "check it first?")."""
    for table in tables.languages:
        for rule in table.rules:
            if rule.statement and rule.offer:
                content = rule.pattern.sub(_filler(rule.offer), content)
    return content


def _filler(template: str) -> Callable[[re.Match[str]], str]:
    def fill(match: re.Match[str]) -> str:
        return template.format(**{k: v or "" for k, v in match.groupdict().items()})

    return fill


def _merge_bare_locations(
    content: str, bounds: list[tuple[int, int]], cues: list[Cue]
) -> list[tuple[int, int]]:
    """Join a clause that is only a location ("In the Audio tab,") to the clause after it."""
    merged: list[tuple[int, int]] = []
    pending: int | None = None
    for start, end in bounds:
        start = pending if pending is not None else start
        pending = None
        covered = [c for c in cues if start <= c.start and c.end <= end and c.rule.kind == "infer"]
        if (
            covered
            and content[start:end].strip(EDGE) == content[covered[0].start : covered[-1].end]
        ):
            pending = start
            continue
        merged.append((start, end))
    if pending is not None:
        merged.append((pending, bounds[-1][1]))
    return merged


def probe(
    content: str, tables: GuiTables, m: Masked, cues: list[Cue]
) -> tuple[str, list[str], str]:
    """The rules' reading of a masked sentence: each clause with a step as its rewrite, the
    others as they are (joined by spaces: the probe is read, never shown), the actions in
    order, and the clauses with no step; the sentence itself when no clause holds a step."""
    if not any(is_real(c) for c in cues):
        return content, [], content
    bounds = _merge_bare_locations(
        content, clause_bounds(content, [(c.start, c.end) for c in cues]), cues
    )
    parts: list[str] = []
    actions: list[str] = []
    plain: list[str] = []
    changed = False
    menu_at: int | None = None  # where "Open the Share menu," read a view: a way to a step
    for start, end in bounds:
        clause_cues = shift_cues(cues, start, end)
        new: str | None = None
        acts: list[str] = []
        if any(is_real(c) for c in clause_cues):
            new, acts = rewrite_clause(content[start:end], clause_cues, tables, m)
        if menu_at is not None and acts:
            if "state" not in acts:
                del actions[menu_at]  # the menu was opened on the way to this step
            menu_at = None
        if acts == ["state"] and any(
            _MENU.search(content[c.start : c.end]) for c in cues if start <= c.start < end
        ):
            menu_at = len(actions)
        actions += acts
        changed = changed or new is not None
        parts.append(content[start:end] if new is None else new)
        plain += [content[start:end]] if new is None else []
    return (" ".join(p for p in parts if p) if changed else content), actions, " ".join(plain)


def asides(
    content: str, tables: GuiTables, m: Masked, question: bool
) -> tuple[str, list[tuple[int, str]]]:
    """Translate parenthesised asides on their own; an aside left empty goes, with its parens.

    Returns the new content and the asides' actions, each with its offset in that content.
    """
    out, actions, pos = "", [], 0
    for group in paren_groups(content):
        inner = group.group("inner")
        new, acts, _plain = probe(inner, tables, m, find_cues(inner, tables, question))
        out += content[pos : group.start()]
        actions += [(len(out), action) for action in acts]
        if new == inner:
            out += group.group(0)
        elif new:
            whole, offset = group.group(0), group.start()
            out += (
                whole[: group.start("inner") - offset] + new + whole[group.end("inner") - offset :]
            )
        pos = group.end()
    return out + content[pos:], actions


def _said_before_a_step(
    reads: Callable[[str, IntentTables, bool], bool],
    content: str,
    cues: list[Cue],
    tables: GuiTables,
    m: Masked,
) -> bool:
    """Whether `reads` holds for the words before any real step cue of the sentence: a step
    negated or deferred ("Don't click Export yet", "先别导出"), or the agent's offer ("I can go
    ahead and export as is — just say the word", "我可以直接导出")."""
    if tables.intent is None:
        return False
    chinese = zh(content)
    return any(
        reads(m.restore(content[: cue.start]), tables.intent, chinese)
        for cue in cues
        if is_real(cue)
    )


def stepless(content: str, found: list[Cue], tables: GuiTables, m: Masked) -> bool:
    """Whether the sentence's cues are only GUI nouns in a report, no step standing in their
    clauses ("素材库里目前只有 3 张图片": the library is what the sentence is about, not where
    to go): no gesture and no verb the tables read a step from in their clauses. Chinese
    only: an English clause's place reads as a step by its sentence ("Billing > Plan shows…")."""
    if tables.intent is None or not zh(content):
        return False
    lang = tables.intent.zh
    cues = [cue for cue in found if is_real(cue)]
    if not cues or lang.imperative.search(m.restore(content)):
        return False
    if any(cue.rule.kind not in _ACTING for cue in cues):  # "试试样式菜单中的…": told, not run
        return False
    if any(_sends(content[cue.start : cue.end]) for cue in cues):  # 再发一张清晰些的: a verb
        return False
    for start, end in clause_bounds(content, []):
        clause = content[start:end]
        if not any(cue.start < end and start < cue.end for cue in cues):
            continue
        table = cues[0].table
        if lang.gesture.search(clause) or any(v.search(clause) for _, v in table.infer):
            return False
    return True


def _pointed(cues: list[Cue], content: str, tables: GuiTables, m: Masked) -> list[Cue]:
    """The cues that point at a GUI element; a mention of one as the subject of a report of its
    state ("The Export button is disabled until the render hits 100%") is no step."""
    if tables.structure is None:
        return cues
    chinese = zh(content)
    kept = [
        cue
        for cue in cues
        if not tables.structure.mention(
            m.restore(content[cue.start : cue.end]),
            m.restore(content[: cue.start]),
            m.restore(content[cue.end :]),
            chinese,
        )
    ]
    if len(kept) < len(cues) and all(c.rule.kind == "infer" for c in kept if is_real(c)):
        # "Export lives in the top bar": the place takes its kind from the word mentioned
        return [c for c in kept if not is_real(c)]
    return kept


def _waits_on_others(sentence: str, tables: GuiTables) -> bool:
    """The sentence waits for someone else's answer (等客戶回覆先, "once your client replies"):
    the reply it names is theirs, not one asked of the user."""
    return tables.structure is not None and tables.structure.deferred(sentence)


def _asks_offer(content: str, tables: GuiTables, m: Masked) -> bool:
    return tables.structure is not None and tables.structure.asks_offer(m.restore(content))


def _offers(sentence: str, tables: GuiTables) -> bool:
    """The sentence is the agent's offer ("I can also add captions if you want — just say the
    word"): the user answers it in chat like any message, no reply token is asked for."""
    return tables.structure is not None and tables.structure.offers(sentence)


def _deferred(content: str, cues: list[Cue], tables: GuiTables, m: Masked) -> bool:
    """Whether the words before the sentence's export step put it off or hang it on someone
    else ("come back and export", 等客户确认后再导出)."""
    if tables.structure is None:
        return False
    exports = [c for c in cues if is_real(c) and _exporting(c, content, m)]
    if not exports:
        return False
    first = exports[0]
    before, after = m.restore(content[: first.start]), m.restore(content[first.end :])
    return tables.structure.deferred(before, after) or after_work(before)


def _exporting(cue: Cue, content: str, m: Masked) -> bool:
    """Whether the cue names an export, in its words or in a label it masks (撳「匯出」)."""
    named = m.restore(content[cue.start : cue.end])
    return cue.rule.kind == "export" or _EXPORT_WORD.search(named) is not None


def zh(content: str) -> bool:
    return _CJK.search(content) is not None


def _sends(cue: str) -> bool:
    """Whether a cue holds a verb of sending a file to the chat (再发一张, 把原视频再传一次)."""
    return _SENDS.search(cue) is not None
