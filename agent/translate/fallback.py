"""Rewrite a sentence the rule tables left untouched, clause by clause, from its classified intent.

Each run of instruction clauses (with the gesture-only steps around it) is replaced WHOLE by the
rendered line of its actions in the sentence's language (`kinds.*.bare` of the GUI tables);
every other clause comes through byte for byte with its separators. A run that holds a
protected token (a quoted title, a number, a file name) other than the button label its
gesture consumes is kept whole: its action still runs, nothing is spliced. Pure.
"""

from __future__ import annotations

import re

from agent.translate.intent import ClauseIntent, IntentTables, decide, edits, leftover
from agent.translate.prose import Masked, clause_bounds, protected_tokens
from agent.translate.rewrite import decapitalize, language_of
from agent.translate.tables import GuiTables, LanguageTable
from agent.translate.verbatim import keeps_verbatim

__all__ = ["made_by_hand", "reconcile", "rendered_line", "rewrite_sentence"]

_CJK = re.compile(r"[\u3400-\u9fff]")
_CONTENT = re.compile(r"\d|[(（]")
_FIELD = re.compile(r"\{[a-z_]+\}")
_PATH = re.compile(r"[>→›»]")


def rendered_line(actions: tuple[str, ...], lang: LanguageTable) -> str:
    """The rendered line of `actions` in one language ("I'll export the MP4 for you")."""
    lines = []
    for action in actions:
        kind = next(k for k in lang.kinds.values() if k.action == action)
        line = kind.bare or kind.short
        if line and line not in lines:
            lines.append(line)
    if not lines:
        return ""
    return lines[0] + "".join(lang.joiner + decapitalize(line) for line in lines[1:])


def _runs(intents: list[ClauseIntent]) -> list[tuple[int, int]]:
    """Index ranges of consecutive non-content clauses that hold an instruction."""
    runs, start = [], None
    for i, intent in enumerate([*intents, ClauseIntent("content", (), ())]):
        if intent.role != "content" and start is None:
            start = i
        elif intent.role == "content" and start is not None:
            if any(x.role == "instruction" for x in intents[start:i]):
                runs.append((start, i))
            start = None
    return runs


def _keeps(text: str, labels: tuple[str, ...], lost: int, zh: bool) -> bool:
    """Whether replacing `text` loses nothing protected beyond the consumed button `labels`:
    no other protected token, no digit, no aside in parentheses ("choose MP4 (H.264)"), and
    at most one word (Chinese: two characters) of `lost` content."""
    if any(token not in labels for token in protected_tokens(text)):
        return False
    return not _CONTENT.search(text) and lost <= (2 if zh else 1)


def _own_step(text: str, intents: IntentTables, zh: bool, filler: frozenset[str]) -> bool:
    """Whether a run opens on a step of the user's own before its first gesture ("Confirm the
    payment and come back here"): not a GUI step, so it stays whole and runs nothing."""
    if zh:
        return False  # a Chinese place opens a step as its topic (媒体库里按「＋」)
    gesture = intents.en.gesture.search(text)
    if gesture is None:
        return False
    head = text[: gesture.start()]
    if intents.en.edit.search(head) or _PATH.search(head):
        return False  # "Trim it and upload it again", "Menu > My Projects > Export": one errand
    return leftover(head, intents, zh, filler) > 0


def _rendered(content: str, gui: GuiTables) -> bool:
    """Whether `content` already holds a line the tables render ("I'll export the MP4 for
    you"): what the rules wrote is never read again as an instruction."""
    for lang in gui.languages:
        least = 8 if lang.lang == "en" else 5
        for kind in lang.kinds.values():
            templates = [kind.bare, kind.short, *(rule.text for rule in kind.body)]
            for template in templates:
                pieces = _FIELD.split(template)
                if any(len(p.strip()) >= least and p in content for p in pieces):
                    return True
    return False


def rewrite_sentence(
    content: str, gui: GuiTables, intents: IntentTables, m: Masked
) -> tuple[str, list[str], list[str]] | None:
    """A masked sentence's rewrite, its actions and the button labels it consumed, or None when
    it holds no instruction."""
    if _rendered(content, gui):
        return None
    zh = bool(_CJK.search(m.restore(content)))
    bounds = clause_bounds(content, [])
    clauses = [content[a:b] for a, b in bounds]
    decided = decide(clauses, intents, m, zh)
    if decided is None:
        return None
    lang = gui.zh if zh else gui.en
    runs = dict(_runs(decided))
    out, i = "", 0
    actions: list[str] = []
    consumed: list[str] = []
    while i < len(clauses):
        start = bounds[i][0]
        sep = content[bounds[i - 1][1] : start] if out else ""
        if i not in runs:
            out += sep + clauses[i]
            i += 1
            continue
        end = runs[i]
        run = decided[i:end]
        acts = tuple(dict.fromkeys(a for x in run for a in x.actions))
        text = content[start : bounds[end - 1][1]]
        if _own_step(text, intents, zh, lang.filler):
            out += sep + text  # "Confirm the payment and come back here": the user's step
            i = end
            continue
        actions += acts
        labels = tuple(ch for x in run for ch in x.labels)
        line = rendered_line(acts, lang)
        lost = leftover(text, intents, zh, lang.filler)
        if not line or not _keeps(text, labels, lost, zh):
            out += sep + text  # sure of the action, not of a rewrite: the words stay whole
        else:
            out += sep + (decapitalize(line) if out else line)
            consumed += labels
        i = end
    return out, actions, consumed


def reconcile(
    content: str, new: str, acts: list[str], tables: GuiTables, m: Masked
) -> tuple[str, list[str]]:
    """The rules' reading of a sentence, or the clause classifier's where the rules found no
    action, or only the weakest one (a view named near the step) and the classifier's target
    knows better."""
    if acts not in ([], ["state"], ["upload"]):
        return new, acts
    second, second_acts = _second_stage(content, tables, m)
    if not acts and second_acts == ["state"] and made_by_hand(content, tables, m):
        second, second_acts = content, []  # "find it in the library, drag it to the front"
    if not acts and (second_acts or new == content):
        return second, second_acts
    if acts == ["state"] and second_acts and "state" not in second_acts:
        return second, second_acts  # "check your coins in the Wallet tab"
    if acts == ["upload"] and second_acts == ["state"]:
        return second, second_acts  # "素材库里能找到你上传过的照片": a library shown
    if acts == ["state"] and not second_acts and made_by_hand(content, tables, m):
        return content, []  # an edit made by hand in the timeline: unsure, kept whole
    return new, acts


def _second_stage(content: str, tables: GuiTables, m: Masked) -> tuple[str, list[str]]:
    """The clause classifier's rewrite of a sentence the rules left whole (kept when unsure)."""
    if tables.intent is None:
        return content, []
    decided = rewrite_sentence(content, tables, tables.intent, m)
    if decided is None or not keeps_verbatim(content, decided[0], m, decided[2]):
        return content, []
    return decided[0], decided[1]


def made_by_hand(content: str, tables: GuiTables, m: Masked) -> bool:
    """Whether the classifier reads a clause of `content` as an edit made in a view."""
    if tables.intent is None:
        return False
    clauses = [content[a:b] for a, b in clause_bounds(content, [])]
    zh = language_of(content, tables, m).lang == "zh"
    return edits(clauses, tables.intent, zh)
