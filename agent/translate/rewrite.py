"""Rewrite one clause of backend prose: find GUI cues, decide what they mean, phrase the result.

Pure; driven by the compiled tables in `agent.translate.tables`. Sentence and line assembly, and the
policy as a whole, live in `agent.translate.translator`.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from agent.translate.prose import Masked, content_symbols
from agent.translate.tables import MASK_CLASS, GuiTables, Kind, LanguageTable, Rule

__all__ = [
    "EDGE",
    "Cue",
    "decapitalize",
    "find_cues",
    "is_real",
    "language_of",
    "rewrite_clause",
    "shift_cues",
]

_CJK = re.compile(r"[\u3400-\u9fff]")
_MASK = re.compile(MASK_CLASS)
_LATIN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
_JUNK = re.compile(r"[\s,，、.。;；:：!！?？\-—–*()（）\"']+")
_EMPTY_EMPHASIS = re.compile(r"\*\*\s*\*\*|__\s*__")
_SPACES = re.compile(r"[ \t]{2,}")
EDGE = " \t,，、:：;；-—–*_"
_I_WORD = re.compile(r"I\b")
_DANGLING = re.compile(r"\s+(?:by|via|using|through|with|and|or|then)$", re.IGNORECASE)
# "compare before and after by [toggling the icon] on the track": the means went with the cue
_STRANDED = re.compile(
    r"\b(?:by|via|using|through)\s+(?=(?:on|in|at|from|inside|within|along)\b)", re.IGNORECASE
)
_PATH_SEP = re.compile(r"\s*(?:>|→|»|->|/)\s*")
_WORDISH = re.compile(r"[\w\U000f0000-\U000ffffd]")


@dataclass(frozen=True, slots=True)
class Cue:
    """One GUI-instruction match inside a sentence (offsets into the masked sentence)."""

    start: int
    end: int
    rule: Rule
    table: LanguageTable
    groups: dict[str, str]


def find_cues(content: str, tables: GuiTables, question: bool = False) -> list[Cue]:
    """All non-overlapping cue matches in one masked sentence: leftmost-longest, weak last.

    In a `question` ("Want subtitles, or export?") bare-verb `statement` rules are skipped.
    """
    found: list[tuple[bool, int, int, int, Cue]] = []
    order = 0
    for table in tables.languages:
        for rule in table.rules:
            order += 1
            if question and rule.statement:
                continue
            for m in rule.pattern.finditer(content):
                if m.end() > m.start():
                    groups = {k: v for k, v in m.groupdict().items() if v is not None}
                    cue = Cue(m.start(), m.end(), rule, table, groups)
                    found.append((rule.weak, m.start(), -(m.end() - m.start()), order, cue))
    chosen: list[Cue] = []
    for *_rank, cue in sorted(found, key=lambda item: item[:4]):
        if all(cue.start >= c.end or cue.end <= c.start for c in chosen):
            chosen.append(cue)
    return sorted(chosen, key=lambda c: c.start)


def is_real(cue: Cue) -> bool:
    """Whether a cue can be an instruction (noise cues only ride along with real ones)."""
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


def _label_candidates(label: str) -> list[str]:
    """Lookup keys for a button label, most specific first: "File > Export" tries "export"."""
    steps = [s.strip("\"'“”‘’「」『』*` …").rstrip(".").casefold() for s in _PATH_SEP.split(label)]
    candidates = []
    for key in reversed([s for s in steps if s]):
        words = key.split()
        cjk = bool(_CJK.search(key))
        prefixes = [key[:n] for n in range(len(key) - 1, 0, -1)] if cjk else []
        # after a place ("从相册导入"), the verb that ends a Chinese label names its action
        placed = cjk and key.startswith(("从", "用", "在", "到"))
        suffixes = [key[n:] for n in range(1, len(key) - 1)] if placed else []
        candidates += [key, *reversed(words), *prefixes, *suffixes]  # "导出即可" -> export
    return candidates


def _label_kind(cue: Cue, tables: GuiTables, masked: Masked) -> str | None:
    label = _MASK.sub(lambda c: masked.original(c.group(0)), cue.groups.get("label", ""))
    for candidate in _label_candidates(label):
        for table in tables.languages:
            if candidate in table.labels:
                return table.labels[candidate]
    return None


def _resolve(
    cue: Cue, blanked: str, lang: LanguageTable, tables: GuiTables, m: Masked, fallback: bool
) -> str:
    """The kind a cue stands for here; "" when it is noise or an infer cue with no verb.

    A place's own `default` ("in the Effects panel" -> editor) applies only with `fallback`,
    i.e. when nothing else in the part is an instruction.
    """
    kind = cue.rule.kind
    if kind == "noise":
        return ""
    if kind == "label":
        kind = _label_kind(cue, tables, m) or "infer"
        if kind == "infer" and lang.done.search(blanked):
            return ""  # "I couldn't use that link button" reports, it does not instruct
    if kind == "infer":  # "I put the title on the timeline" reports work, it asks nothing
        if lang.done.search(blanked):
            return ""
        use_default = fallback or cue.rule.kind == "label"
        return _infer(blanked, cue, lang) or (cue.rule.default if use_default else "")
    return kind


def _replacement(cue: Cue) -> str:
    if not cue.rule.replace:
        return ""
    groups = dict.fromkeys(cue.rule.pattern.groupindex, "")  # unmatched optional groups
    groups.update({k: v.strip() for k, v in cue.groups.items()})
    if groups.get("key"):
        groups["key"] = cue.table.keys.get(groups["key"].casefold(), groups["key"])
    return cue.rule.replace.format(**groups)


def _lead(text: str, cues: list[Cue], lang: LanguageTable, quote: bool) -> tuple[str, str, str]:
    """The words before the first cue, as (words kept in front, their glue, lead for the body).

    Lead-ins ("you can", "请") go. Unless the rewrite `quote`s the user's words, a step before
    "and" ("Check the spelling and") stays in front as a step, and what precedes a trailing
    lead-in ("完成后" in "完成后请") or ends as a condition ("检查拼写后") stays as a condition.
    """
    lead = text[: cues[0].start].strip(EDGE)
    if not _WORDISH.search(lead):  # a lone "👉" or "→" before the instruction goes with it,
        symbols = content_symbols(lead).strip()  # "😍" stays: it closes what came before
        return (symbols, " ", "") if symbols else ("", "", "")
    while True:  # lead-ins ("you can", "请") only ever precede the instruction
        stripped = lang.leadin.sub("", lead).strip(EDGE)
        if stripped == lead:
            break
        lead = stripped
    gap = ", " if lang.lang == "en" else ""
    if quote:
        return "", "", lead
    for pattern, glue in ((lang.step_end, lang.joiner), (lang.trailing, gap)):
        found = pattern.search(lead)
        if found and found.start() > 0:
            kept = lead[: found.start()].strip(EDGE)
            if not glue and not lang.condition_end.search(kept):
                glue = "，"  # "剩余积分可[在个人中心查看]": a subject, not a condition
            return kept, glue, ""
    if lang.condition_end.search(lead):
        return lead, gap, ""
    return "", "", lead


def _body(
    text: str, cues: list[Cue], replaced: list[bool], kind: Kind, lang: LanguageTable
) -> tuple[str, str, str]:
    """The words kept before the instruction, their glue, and the words left around it.

    Cues flagged in `replaced` become their rule's replacement, the others a gap.
    """
    condition, glue, lead = _lead(text, cues, lang, kind.quote)
    gap = " " if lang.lang == "en" else ""
    pieces, pos = [lead + gap], cues[0].start
    for cue, replace in zip(cues, replaced, strict=True):
        pieces.append(text[pos : cue.start])
        pieces.append(_replacement(cue) if replace else gap)
        pos = cue.end
    pieces.append(text[pos:])
    body = _SPACES.sub(" ", _EMPTY_EMPHASIS.sub("", "".join(pieces))).strip(EDGE)
    body = _STRANDED.sub("", body)
    body = _DANGLING.sub("", body).strip(EDGE)  # "save your video by [clicking Export]"
    if lang.lang == "en" and body and not _I_WORD.match(body):
        body = body[0].lower() + body[1:]
    return condition, glue, body


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
    # a rule that names the user's own words ("your coin balance") says them, filler or not
    named = (r for r in kind.body if "named" in r.pattern.groupindex)
    rules = [*named] if body and _is_filler(body, lang, kind) else kind.body
    if not body or not rules:
        return kind.bare
    for rule in rules:
        match = rule.pattern.match(body)
        if match:
            text = rule.text.format(**{k: v or "" for k, v in match.groupdict().items()})
            return _SPACES.sub(" ", text).strip()
    return kind.bare  # filler with no named rule (the loader requires a catch-all last rule)


@dataclass(frozen=True, slots=True)
class _Step:
    """One rewritten instruction: its text ("" = dropped), actions, kind, and whether the
    text is only the kind's generic line."""

    text: str
    actions: tuple[str, ...]
    kind: str
    generic: bool


def _with_condition(condition: str, glue: str, phrase: str, kind: Kind, lang: LanguageTable) -> str:
    if not condition or not phrase or _is_filler(condition, lang, kind):
        return phrase
    return condition + glue + decapitalize(phrase)


def _rewrite_part(
    text: str, cues: list[Cue], lang: LanguageTable, tables: GuiTables, m: Masked
) -> _Step | None:
    """Rewrite one instruction; `None` means the part holds no instruction after all."""
    inside = {i for c in cues for i in range(c.start, c.end)}
    blanked = "".join(" " if i in inside else ch for i, ch in enumerate(text))
    kinds = [_resolve(c, blanked, lang, tables, m, False) for c in cues]
    if not any(kinds):
        kinds = [_resolve(c, blanked, lang, tables, m, True) for c in cues]
    for i in range(1, len(cues)):  # "tap the coin icon in the top bar": the label's place
        before, cue = cues[i - 1], cues[i]
        if (
            cue.rule.kind == "infer"
            and before.rule.kind == "label"
            and kinds[i - 1]
            and _label_kind(before, tables, m)
            and not text[before.end : cue.start].strip()
        ):
            kinds[i] = ""
    real = [k for k in kinds if k]
    if not real:
        return None
    primary = max(real, key=lambda k: lang.kinds[k].priority)
    actions = tuple(lang.kinds[k].action for k in real if lang.kinds[k].action)
    # a known label ("choose 'Export'") is said by the kind's own line, not repeated
    replaced = [
        k == primary and not (c.rule.kind == "label" and _label_kind(c, tables, m))
        for c, k in zip(cues, kinds, strict=True)
    ]
    kind = lang.kinds[primary]
    condition, glue, body = _body(text, cues, replaced, kind, lang)
    phrase = _phrase(kind, body, lang)
    text = _with_condition(condition, glue, phrase, kind, lang)
    return _Step(text, actions, primary, phrase in (kind.bare, kind.short))


def _better(first: _Step, second: _Step) -> _Step | None:
    """Of two alternative ways to one step ("click + or drop it here"), the one to say.

    `None` when they are different steps that both stay.
    """
    if bool(first.actions) != bool(second.actions):
        return first if first.actions else second
    if first.kind == second.kind:  # the specific line wins over the generic one
        return (
            second
            if (first.generic, len(second.text)) > (second.generic, len(first.text))
            else first
        )
    return None


def _parts(text: str, cues: list[Cue], lang: LanguageTable) -> list[tuple[int, int]]:
    real = [c for c in cues if is_real(c)]
    cuts = [0]
    for left, right in itertools.pairwise(real):
        coordinator = lang.coordinator.search(text, left.end, right.start)
        if coordinator:
            cuts.append(coordinator.start())
    cuts.append(len(text))
    return list(itertools.pairwise(cuts))


def shift_cues(cues: list[Cue], start: int, end: int) -> list[Cue]:
    """The cues that start inside `[start, end)`, with offsets relative to `start`."""
    return [
        Cue(c.start - start, c.end - start, c.rule, c.table, c.groups)
        for c in cues
        if start <= c.start < end
    ]


def language_of(text: str, tables: GuiTables, m: Masked) -> LanguageTable:
    """The table of the language a masked text is written in: any CJK means Chinese."""
    return tables.zh if _CJK.search(m.restore(text)) else tables.en


def _without_generic(
    steps: list[tuple[str, _Step | None]], lang: LanguageTable
) -> list[tuple[str, _Step | None]]:
    """Drop the generic "just tell me" line when another step says something better.

    "Scroll down to the Export section and click Download" is one export step.
    """
    generic = min(lang.kinds.values(), key=lambda kind: kind.priority).bare
    if not any(s and s.text not in ("", generic) for _, s in steps):
        return steps
    return [
        (p, _Step("", s.actions, s.kind, True) if s and s.text == generic else s) for p, s in steps
    ]


def rewrite_clause(
    text: str, cues: list[Cue], tables: GuiTables, m: Masked
) -> tuple[str | None, list[str]]:
    """Rewrite one clause that holds GUI cues, part by part.

    Returns:
        The new clause ("" when it is dropped, `None` when no cue turned out to be an
        instruction) and the actions it implies, in order.
    """
    lang = language_of(text, tables, m)
    steps = [
        (
            text[start:end],
            _rewrite_part(text[start:end], shift_cues(cues, start, end), lang, tables, m),
        )
        for start, end in _parts(text, cues, lang)
    ]
    steps = _without_generic(steps, lang)
    out, changed = "", False
    actions: list[str] = []
    said: list[str] = []
    last: tuple[str, str, _Step] | None = None  # output before the last step, its joiner, it
    for piece, step in steps:
        if step is None:
            out, last = out + piece, None
            continue
        actions += step.actions
        changed = True
        joiner = _joiner(out, piece, lang)
        if last and lang.alternative.match(piece.lstrip()):
            chosen = _better(last[2], step)
            if chosen is not None:  # one way to do one step: say it once
                out, joiner, step = last[0], last[1], chosen
                said.remove(last[2].text)
        if step.text and step.text not in said:
            said.append(step.text)
            last = (out, joiner, step)
            out = out.rstrip() + joiner + (decapitalize(step.text) if joiner else step.text)
    return (out if changed else None), actions


def _joiner(out: str, piece: str, lang: LanguageTable) -> str:
    if not out.strip():
        return ""
    return lang.alt_joiner if lang.alternative.match(piece.lstrip()) else lang.joiner


def decapitalize(text: str) -> str:
    """Lower-case the first letter, except for "I" and its contractions."""
    if not text or _I_WORD.match(text):
        return text
    return text[0].lower() + text[1:]
