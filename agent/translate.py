"""Translate the backend's GUI prose ("click Export", "点击导出按钮") into chat text plus actions.

Pure and table-driven (`agent/tables/gui_*.toml`); no I/O beyond loading the bundled tables.
Policy, applied per clause (sentences split at `.!?;` / `。！？；`, clauses at commas, colons
and dashes, and at "or"/"然后" between two instructions):

- Text with no GUI instruction is returned unchanged, byte for byte. Quoted spans, code and
  URLs are masked before matching, so a title such as 'Click here to win' is content.
- An instruction the client performs itself (export, show state, credits) is replaced by a
  short first-person line ("I'll export the MP4 for you", "I'll check your credit balance"),
  or dropped when its output speaks for itself (the state summary). Any content words around
  the instruction ("to review the edit", "查看所有轨道") are kept in the rewrite.
- An instruction the user must decide (drag, select-and-press, adjust in the editor, upload
  buttons) becomes what to say here ("Tell me, e.g. 'move the title to 0:03'", "Send the file
  in chat or give me a URL") and yields no action: the user decides.
- Rewrites are in the clause's own language; every rewritten phrase comes from the tables.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from agent.gui_tables import MASK_CLASS, GuiTables, Kind, LanguageTable, Rule, load_gui_tables
from agent.prose import Masked, clause_bounds, mask, split_lines, split_sentences

__all__ = ["Cue", "Translation", "find_cues", "translate"]

_CJK = re.compile(r"[\u3400-\u9fff]")
_MASK = re.compile(MASK_CLASS)
_LATIN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
_JUNK = re.compile(r"[\s,，、.。;；:：!！?？\-—–*()（）\"']+")
_EMPTY_EMPHASIS = re.compile(r"\*\*\s*\*\*|__\s*__")
_SPACES = re.compile(r"[ \t]{2,}")
_EDGE = " \t,，、:：;；-—–*_"
_I_WORD = re.compile(r"I\b")


@dataclass(frozen=True, slots=True)
class Translation:
    """Backend text rewritten for chat, and the client actions it implies (ordered, unique)."""

    text: str
    actions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Cue:
    """One GUI-instruction match inside a sentence (offsets into the masked sentence)."""

    start: int
    end: int
    rule: Rule
    table: LanguageTable
    groups: dict[str, str]


def find_cues(content: str, tables: GuiTables) -> list[Cue]:
    """All non-overlapping cue matches in one masked sentence, leftmost-longest first."""
    found: list[tuple[int, int, int, Cue]] = []
    order = 0
    for table in tables.languages:
        for rule in table.rules:
            order += 1
            for m in rule.pattern.finditer(content):
                if m.end() > m.start():
                    groups = {k: v for k, v in m.groupdict().items() if v is not None}
                    cue = Cue(m.start(), m.end(), rule, table, groups)
                    found.append((m.start(), -(m.end() - m.start()), order, cue))
    chosen: list[Cue] = []
    for _start, _neg, _order, cue in sorted(found, key=lambda item: item[:3]):
        if all(cue.start >= c.end or cue.end <= c.start for c in chosen):
            chosen.append(cue)
    return sorted(chosen, key=lambda c: c.start)


def _is_real(cue: Cue) -> bool:
    return cue.rule.kind != "noise"


def _infer(text: str, cue: Cue, table: LanguageTable) -> str | None:
    """The kind of the verb nearest to a location cue ("preview" in "在预览窗口里看")."""
    best: tuple[int, int, str] | None = None
    for order, (kind, verbs) in enumerate(table.infer):
        for verb in verbs.finditer(text):
            distance = max(cue.start - verb.end(), verb.start() - cue.end, 0)
            if best is None or (distance, order) < best[:2]:
                best = (distance, order, kind)
    return best[2] if best else None


def _label_kind(cue: Cue, tables: GuiTables, masked: Masked) -> str | None:
    label = cue.groups.get("label", "")
    if _MASK.fullmatch(label):
        label = masked.original(label)
    key = label.strip("\"'“”‘’「」『』*` ").casefold()
    words = key.split()
    prefixes = [key[:n] for n in range(len(key) - 1, 0, -1)] if _CJK.search(key) else []
    for candidate in [key, *reversed(words), *prefixes]:  # "big Export" / "导出即可" -> export
        for table in tables.languages:
            if candidate in table.labels:
                return table.labels[candidate]
    return None


def _resolve(cue: Cue, blanked: str, lang: LanguageTable, tables: GuiTables, m: Masked) -> str:
    """The kind a cue stands for here; "" when it is noise or an infer cue with no verb."""
    kind = cue.rule.kind
    if kind == "noise":
        return ""
    if kind == "label":
        kind = _label_kind(cue, tables, m) or "infer"
    if kind == "infer":  # "I put the title on the timeline" reports work, it asks nothing
        verb = None if lang.done.search(blanked) else _infer(blanked, cue, lang)
        return verb or cue.rule.default
    return kind


def _replacement(cue: Cue) -> str:
    if not cue.rule.replace:
        return ""
    groups = {k: v.strip() for k, v in cue.groups.items()}
    if "key" in groups:
        groups["key"] = cue.table.keys.get(groups["key"].casefold(), groups["key"])
    return cue.rule.replace.format(**groups)


def _body(text: str, cues: list[Cue], kinds: list[str], primary: str, lang: LanguageTable) -> str:
    lead = text[: cues[0].start].strip(_EDGE)
    while True:  # lead-ins ("you can", "请") only ever precede the instruction
        stripped = lang.leadin.sub("", lead).strip(_EDGE)
        if stripped == lead:
            break
        lead = stripped
    gap = " " if lang.lang == "en" else ""
    pieces, pos = [lead + gap], cues[0].start
    for cue, kind in zip(cues, kinds, strict=True):
        pieces.append(text[pos : cue.start])
        pieces.append(_replacement(cue) if kind == primary else gap)
        pos = cue.end
    pieces.append(text[pos:])
    body = _SPACES.sub(" ", _EMPTY_EMPHASIS.sub("", "".join(pieces))).strip(_EDGE)
    if lang.lang == "en" and body and not _I_WORD.match(body):
        body = body[0].lower() + body[1:]
    return body


def _is_filler(body: str, lang: LanguageTable, kind: Kind) -> bool:
    if _MASK.search(body):
        return False
    filler = lang.filler | kind.filler
    if lang.lang == "en":
        words = [w.replace("’", "'").casefold() for w in _LATIN_WORD.findall(body)]
        return all(w in filler for w in words) and not _JUNK.sub("", _LATIN_WORD.sub("", body))
    rest = body
    for word in sorted(filler, key=len, reverse=True):
        rest = rest.replace(word, "")
    return not _JUNK.sub("", rest)


def _phrase(kind: Kind, body: str, lang: LanguageTable) -> str:
    if not body or _is_filler(body, lang, kind):
        return kind.bare
    for rule in kind.body:
        match = rule.pattern.match(body)
        if match:
            text = rule.text.format(**{k: v or "" for k, v in match.groupdict().items()})
            return _SPACES.sub(" ", text).strip()
    return kind.bare  # pragma: no cover - the loader requires a catch-all last rule


def _rewrite_part(
    text: str, cues: list[Cue], lang: LanguageTable, tables: GuiTables, m: Masked
) -> tuple[str | None, list[str]]:
    """Rewrite one instruction; `None` means the part holds no instruction after all."""
    inside = {i for c in cues for i in range(c.start, c.end)}
    blanked = "".join(" " if i in inside else ch for i, ch in enumerate(text))
    kinds = [_resolve(c, blanked, lang, tables, m) for c in cues]
    real = [k for k in kinds if k]
    if not real:
        return None, []
    primary = max(real, key=lambda k: lang.kinds[k].priority)
    actions = [lang.kinds[k].action for k in real if lang.kinds[k].action]
    body = _body(text, cues, kinds, primary, lang)
    return _phrase(lang.kinds[primary], body, lang), actions


def _parts(text: str, cues: list[Cue], lang: LanguageTable) -> list[tuple[int, int]]:
    real = [c for c in cues if _is_real(c)]
    cuts = [0]
    for left, right in itertools.pairwise(real):
        coordinator = lang.coordinator.search(text, left.end, right.start)
        if coordinator:
            cuts.append(coordinator.start())
    cuts.append(len(text))
    return list(itertools.pairwise(cuts))


def _shift(cues: list[Cue], start: int, end: int) -> list[Cue]:
    return [
        Cue(c.start - start, c.end - start, c.rule, c.table, c.groups)
        for c in cues
        if start <= c.start < end
    ]


def _language(text: str, tables: GuiTables, m: Masked) -> LanguageTable:
    return tables.zh if _CJK.search(m.restore(text)) else tables.en


def _clause(
    text: str, cues: list[Cue], tables: GuiTables, m: Masked
) -> tuple[str | None, list[str]]:
    """Rewrite a clause part by part; `None` when no part held an instruction after all."""
    lang = _language(text, tables, m)
    out, actions, said, changed = "", [], set(), False
    for start, end in _parts(text, cues, lang):
        new, acts = _rewrite_part(text[start:end], _shift(cues, start, end), lang, tables, m)
        actions += acts
        if new is None:
            out += text[start:end]
            continue
        changed = True
        if new and new not in said:
            said.add(new)
            joiner = ("，然后" if lang.lang == "zh" else ", then ") if out.strip() else ""
            out = out.rstrip() + joiner + (_decapitalize(new) if joiner else new)
    return (out if changed else None), actions


def _decapitalize(text: str) -> str:
    if not text or _I_WORD.match(text):
        return text
    return text[0].lower() + text[1:]


def _coordinator(text: str, lang: LanguageTable) -> str:
    """The "then" / "or" / "然后" a clause starts with, if any."""
    match = lang.coordinator.match(text.lstrip())
    return match.group(0) if match else ""


def _joined(clause: str, new: str | None, lang: LanguageTable, position: str) -> str:
    """A clause's text in the rebuilt sentence; `new` is None when the clause is kept as is.

    `position` is "start" (nothing before it), "after-drop" (only dropped clauses before it)
    or "after-content". An opening "then"/"或" survives only after content.
    """
    coordinator = _coordinator(clause, lang)
    if new is None:
        if position == "after-drop" and coordinator:
            return clause.lstrip()[len(coordinator) :].lstrip()
        return clause
    if position != "after-content":
        return new
    gap = " " if lang.lang == "en" else ""
    return (coordinator + gap if coordinator else "") + _decapitalize(new)


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
            and content[start:end].strip(_EDGE) == content[covered[0].start : covered[-1].end]
        ):
            pending = start
            continue
        merged.append((start, end))
    if pending is not None:
        merged.append((pending, bounds[-1][1]))
    return merged


def _sentence(content: str, tables: GuiTables, m: Masked) -> tuple[str, list[str]]:
    cues = find_cues(content, tables)
    if not any(_is_real(c) for c in cues):
        return content, []
    lang = _language(content, tables, m)
    bounds = _merge_bare_locations(
        content, clause_bounds(content, [(c.start, c.end) for c in cues]), cues
    )
    out, actions, previous_end = "", [], 0
    for start, end in bounds:
        clause = content[start:end]
        clause_cues = _shift(cues, start, end)
        new: str | None = None
        if any(_is_real(c) for c in clause_cues):
            new, acts = _clause(clause, clause_cues, tables, m)
            actions += acts
        if new != "":
            position = "after-content" if out else ("start" if start == 0 else "after-drop")
            text = _joined(clause, new, lang, position)
            out += (content[previous_end:start] if out else "") + text
        previous_end = end
    if out and content[:1].isupper() and out[:1].islower():
        out = out[0].upper() + out[1:]
    return out, actions


def _line(body: str, tables: GuiTables, m: Masked) -> tuple[str, list[str]]:
    out, actions = "", []
    for sentence in split_sentences(body):
        new, acts = _sentence(sentence.content, tables, m)
        actions += acts
        if new or not sentence.content:
            out += new + sentence.term + sentence.ws
    return out, actions


def translate(text: str, tables: GuiTables | None = None) -> Translation:
    """Rewrite backend text for a chat user and extract the actions it implies.

    Args:
        text: Text from the backend agent, English or Chinese (mixed is fine).
        tables: Compiled GUI tables; the bundled ones are loaded when omitted (callers that
            translate often should load them once with `load_gui_tables` and pass them).

    Returns:
        The rewritten text (the input itself when it holds no GUI instruction) and the
        actions from `export`, `state`, `credits`, `sse`, `upload`, ordered and unique.

    Raises:
        ConfigError: the bundled tables are invalid (only when `tables` is omitted).
    """
    tables = tables if tables is not None else load_gui_tables()
    masked = mask(text)
    out, actions = [], []
    for prefix, body, newline in split_lines(masked.text):
        new, acts = _line(body, tables, masked)
        actions += acts
        if new.strip() or not body.strip():
            out.append(prefix + new + newline)
    joined = "".join(out)
    if joined == masked.text:
        return Translation(text, ())
    result = masked.restore(joined)
    trailing = text[len(text.rstrip()) :]
    return Translation(result.rstrip() + trailing, tuple(dict.fromkeys(actions)))
