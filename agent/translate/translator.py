"""Translate the backend's GUI prose ("click Export", "点击导出按钮") into chat text plus actions.

Pure and table-driven (`agent/tables/gui_*.toml`); no I/O beyond loading the bundled tables.
Policy, applied per clause (sentences split at `.!?;` / `。！？；`, clauses at commas, colons
and dashes, and at "or" / "然后" between two instructions):

- Text with no GUI instruction is returned unchanged, byte for byte. Quotes, code and URLs are
  masked first, so a title such as 'Click here to win' is content. Naming a feature ("the
  export takes 30 s") or reporting done work ("I put the title on the timeline") is not an
  instruction; imperative steps are (a bare "Export it" too: the seeds map it to export).
- A step the client performs itself (export, show state, credits) becomes one first-person
  line ("I'll export the MP4 for you", "I'll look up your credits balance") or is dropped when
  its own output speaks for it (the state summary). Content words around the step ("to review
  the edit", "查看所有轨道") stay in the rewrite, so nothing the user needs is lost.
- A step only the user can decide (drag, select-and-press, adjust in the editor, upload
  buttons) becomes what to say here ("Tell me, e.g. 'move the title to 0:03'", "Send the file
  in chat or give me a URL") and yields no action: the user decides.
- A question offers, it does not instruct: "…, or export?" stays, "preview it first?" becomes
  "check it first?". Two ways to one step ("click + or drop it here") are said once, a
  generic "just tell me" gives way to a real step, and the same line is never said twice.
- Rewrites are in the clause's own language; every rewritten phrase comes from the tables.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from agent.translate.fallback import reconcile
from agent.translate.intent import asks_answer
from agent.translate.mend import garbled, mended, negated, offers_step, stepless, whole, zh
from agent.translate.prose import (
    Masked,
    Sentence,
    clause_bounds,
    content_symbols,
    mask,
    paren_groups,
    split_lines,
    split_sentences,
)
from agent.translate.repeats import said_again
from agent.translate.rewrite import (
    EDGE,
    Cue,
    decapitalize,
    find_cues,
    is_real,
    language_of,
    rewrite_clause,
    shift_cues,
)
from agent.translate.tables import GuiTables, LanguageTable, load_gui_tables
from agent.translate.verbatim import button_labels, keeps_verbatim

if TYPE_CHECKING:
    from agent.llm import Completer
    from agent.templates import Templates

__all__ = ["Translation", "Translator", "translate"]

# A question that is a polite request for a step ("Could you attach the photo …?")
_REQUEST = re.compile(
    r"\s*(?:could|can|would|will)\s+you\s+(?:please\s+)?(?!like\b|want\b)|\s*would\s+you\s+mind\s+"
    r"|\s*(?:请|麻烦)?(?:你|您)?(?:能不能|能否|可不可以)",
    re.IGNORECASE,
)
STREAM_MODEL_TIMEOUT = 4.0
"""The model stage's bound while a reply streams: a slow model costs the user at most this."""
# A plain word opening a sentence, safe to capitalise (never a file name or a code token).
# the marks a line may end on ("To top up: [line]:" heading a list, "1. [line]." an item of it)
_CLOSING = ":：.。!！"
_PLAIN_OPENING = re.compile(r"[a-z]+(?:['’][a-z]+)?\s")


@dataclass(frozen=True, slots=True)
class Translation:
    """Backend text rewritten for chat, and the client actions it implies (ordered, unique)."""

    text: str
    actions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Translator:
    """`translate` bound to compiled tables: the engine's translator for a turn."""

    tables: GuiTables
    traditional: bool = False
    """Write every answer in Traditional characters (the user writes Traditional); quoted
    spans, code and URLs stay as they are."""
    completer: Completer | None = None
    """The model stage (`agent.translate.model`), when `ANTHROPIC_API_KEY` is set."""
    templates: Templates | None = None
    bound_s: float = STREAM_MODEL_TIMEOUT
    """How long a streaming reply waits for the model before the rule result stands."""

    def __call__(self, text: str) -> Translation:
        """Translate `text` with these tables."""
        return self._scripted(translate(text, self.tables))

    def _scripted(self, result: Translation) -> Translation:
        if not self.traditional:
            return result
        masked = mask(result.text)
        converted = masked.restore(self.tables.script.to_traditional(masked.text))
        return Translation(converted, result.actions)

    async def refine(self, text: str, ruled: Translation) -> Translation:
        """`ruled` (this translator's result for `text`), or the model's reading when the rules
        left a GUI-looking `text` whole; bounded by `bound_s`, and the rule result on any
        failure, timeout or unsafe answer."""
        if self.completer is None or ruled.actions:
            return ruled
        plain = translate(text, self.tables)
        if plain.actions or plain.text != text:
            return ruled
        from agent.translate.model import translate_with_model

        result = await translate_with_model(
            text, self.tables, self.completer, self.templates, bound_s=self.bound_s
        )
        return ruled if result.text == text else self._scripted(result)

    def holding(self, actions: Collection[str]) -> Translator:
        """This translator with the steps of `actions` left unsaid (see `GuiTables.holding`)."""
        return dataclasses.replace(self, tables=self.tables.holding(actions)) if actions else self

    def answering(self, text: str) -> Translator:
        """This translator answering in the script of the user's `text`."""
        traditional = self.tables.script.traditional(text)
        return dataclasses.replace(self, traditional=traditional) if traditional else self


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


def _coordinator(text: str, lang: LanguageTable) -> str:
    """The "then" / "or" / "然后" a clause starts with, if any."""
    match = lang.coordinator.match(text.lstrip())
    return match.group(0) if match else ""


def _joined(clause: str, new: str | None, lang: LanguageTable, position: str) -> str:
    """A clause's text in the rebuilt sentence; `new` is None when the clause is kept as is.

    `position` is "start" (nothing before it), "after-drop" (only dropped clauses before it),
    "after-content", or "after-gap" (content earlier, but the clause just before was
    dropped). An opening "then"/"或" survives only right after content.
    """
    coordinator = _coordinator(clause, lang)
    if new is None:
        if position in ("after-drop", "after-gap") and coordinator:
            return clause.lstrip()[len(coordinator) :].lstrip()
        return clause
    if position in ("start", "after-drop"):
        return new
    gap = " " if lang.lang == "en" else ""
    keep = coordinator and position == "after-content"
    return (coordinator + gap if keep else "") + decapitalize(new)


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


def _opens_lowercase(clause: str, lang: LanguageTable) -> bool:
    rest = clause.lstrip()[len(_coordinator(clause, lang)) :].lstrip()
    return lang.lang == "en" and rest[:1].islower()


def _hold(
    content: str, bounds: tuple[int, int], cues: list[Cue], tables: GuiTables, m: Masked
) -> tuple[str | None, list[str]]:
    """An instruction clause rewritten with a short line in place of nothing."""
    start, end = bounds
    return rewrite_clause(content[start:end], shift_cues(cues, start, end), tables, m, hold=True)


def _clause_results(
    content: str, bounds: list[tuple[int, int]], cues: list[Cue], tables: GuiTables, m: Masked
) -> list[tuple[str | None, list[str]]]:
    """Each clause's rewrite (`None` = kept as is) and actions."""
    lang = language_of(content, tables, m)
    results: list[tuple[str | None, list[str]]] = []
    for index, (start, end) in enumerate(bounds):
        clause_cues = shift_cues(cues, start, end)
        if any(is_real(c) for c in clause_cues):
            results.append(rewrite_clause(content[start:end], clause_cues, tables, m))
            continue
        results.append((None, []))
        dropped_before = index > 0 and all(r[0] == "" for r in results[:-1])
        if dropped_before and _opens_lowercase(content[start:end], lang):
            # kept content would open the sentence mid-clause ("and the music fades..."):
            # the instruction before it holds its place with a short line instead
            results[index - 1] = _hold(content, bounds[index - 1], cues, tables, m)
    kept = [i for i, r in enumerate(results) if r[0] != ""]
    last = kept[-1] if kept else -1
    if 0 <= last < len(bounds) - 1 and results[last][0] is None:
        start, end = bounds[last]
        label = content[end : bounds[last + 1][0]].strip().startswith((":", "："))
        if label or lang.dangling.match(content[start:end]):
            # "If you'd like a new song, [open the Music tab]." must not end at the "if",
            # nor "Step 1: [preview it]" at the label
            results[last + 1] = _hold(content, bounds[last + 1], cues, tables, m)
    return results


def _position(out: str, start: int, previous_dropped: bool) -> str:
    if not out:
        return "start" if start == 0 else "after-drop"
    return "after-gap" if previous_dropped else "after-content"


def _sentence(
    content: str, tables: GuiTables, m: Masked, question: bool = False
) -> tuple[str, list[str]]:
    cues = find_cues(content, tables, question)
    if not any(is_real(c) for c in cues):
        return content, []
    lang = language_of(content, tables, m)
    bounds = _merge_bare_locations(
        content, clause_bounds(content, [(c.start, c.end) for c in cues]), cues
    )
    results = _clause_results(content, bounds, cues, tables, m)
    out, actions, previous_end, dropped = "", [], 0, False
    said = _generic_lines(results, lang)
    for (start, end), (new, acts) in zip(bounds, results, strict=True):
        actions += acts
        if new:  # the same rewrite twice in one sentence ("click Save, then Export") once
            new = "" if new in said else new
            said.add(new)
        if new != "":
            position = _position(out, start, dropped)
            text = _joined(content[start:end], new, lang, position)
            # "😍 [drop a couple more here]": a symbol opening the sentence stays in front
            opening = content_symbols(content[:start]) if not out and start else ""
            out += (content[previous_end:start] if out else opening) + text
        elif out and not dropped:  # "done 🎉 [Preview it]": the emoji closes the content
            out += content_symbols(content[previous_end:start])
        dropped = new == ""
        previous_end = end
    return out, actions


def _generic_lines(results: list[tuple[str | None, list[str]]], lang: LanguageTable) -> set[str]:
    """The generic "tell me what you'd like" line, when a sentence says something better.

    "Tap Done, then Export" is one step the client performs; the unknown "Done" goes.
    """
    generic = min(lang.kinds.values(), key=lambda kind: kind.priority)
    lines = {new for new, _ in results if new}
    return {generic.bare} if lines - {generic.bare} else set()


def _asides(
    content: str, tables: GuiTables, m: Masked, question: bool
) -> tuple[str, list[tuple[int, str]]]:
    """Translate parenthesised asides on their own; an aside left empty goes, with its parens.

    Returns the new content and the asides' actions, each with its offset in that content.
    """
    out, actions, pos = "", [], 0
    for group in paren_groups(content):
        inner = group.group("inner")
        new, acts = _sentence(inner, tables, m, question)
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


def _checked(
    sentence: Sentence,
    content: str,
    new: str,
    acts: list[str],
    tables: GuiTables,
    m: Masked,
    question: bool,
) -> tuple[str, list[str], str]:
    """The rules' rewrite of a sentence through the guards, mended or reconciled with the
    clause stage; returns the text, its actions and the sentence's closing mark."""
    bad = garbled(new, content, sentence.content, tables)
    labels = button_labels(content, tables, question)
    spliced_acts = acts if bad else []
    if bad or not keeps_verbatim(content, new, m, labels):
        new, acts = sentence.content, []  # unsure: the sentence stays whole, nothing runs
    request = question and _REQUEST.match(sentence.content) is not None
    term = sentence.term
    if spliced_acts and (not question or request):
        new, acts = mended(sentence.content, spliced_acts, tables, m, labels)
    elif not question or request:  # "Could you attach the photo …?" asks for a step
        new, acts = reconcile(sentence.content, new, acts, tables, m)
        new, acts = whole(sentence.content, new, acts, tables, m, labels)
        if request and new != sentence.content:
            term = "。" if "？" in term else "."
    return new, acts, term


def _line(body: str, tables: GuiTables, m: Masked) -> tuple[str, list[str]]:
    out, actions = "", []
    for sentence in split_sentences(body):
        question = "?" in sentence.term or "？" in sentence.term
        content = offers(sentence.content, tables) if question else sentence.content
        content, asides = _asides(content, tables, m, question)
        new, acts = _sentence(content, tables, m, question)
        if offers_step(content, tables, m, question):
            actions.append("sse")  # "I can go ahead and export as is": the user answers here
            out += sentence.content + sentence.term + sentence.ws
            continue
        if negated(content, tables, m, question) or stepless(content, tables, m, question):
            # "Don't click Export yet", "素材库里只有 3 张图片": kept whole, nothing runs
            new, acts = sentence.content, []
            out += new + sentence.term + sentence.ws
            continue
        if asides:  # an aside's actions go where the aside stood relative to the main cues
            cues = find_cues(content, tables, question)
            first = next((c.start for c in cues if is_real(c)), len(content))
            acts = [a for p, a in asides if p <= first] + acts + [a for p, a in asides if p > first]
        new, acts, term = _checked(sentence, content, new, acts, tables, m, question)
        if new != sentence.content and said_again(new, out, tables):
            # the line was said: a sentence that was only the step goes, else its words stay
            gone = new.strip() in out or said_again(new, new, tables, whole=True)
            new, term = ("", term) if gone else (sentence.content, sentence.term)
        if tables.intent and asks_answer(m.restore(sentence.content), tables.intent, zh(content)):
            acts = [*acts, "sse"]  # "Reply 'continue'": the user's answer goes to the agent
        actions += acts
        opening = sentence.content if out else body
        if _PLAIN_OPENING.match(new) and opening.lstrip()[:1].isupper():
            new = new[0].upper() + new[1:]  # what was mid-sentence now opens one
        if new or not sentence.content:
            out += new + term + sentence.ws
    return out, actions


def _traditional(text: str, tables: GuiTables) -> Translation:
    """Traditional or Cantonese text is matched folded to Simplified Mandarin; the answer keeps
    every untouched character as written and says its own words in Traditional when the text
    is Traditional."""
    script = tables.script
    folded = script.simplified(text)
    result = translate(folded, tables)
    if result.text == folded:  # a step kept whole may still run (see `fallback`)
        return Translation(text, result.actions)
    out = []
    write = script.to_traditional if script.traditional(text) else str
    matcher = SequenceMatcher(None, folded, result.text, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(text[i1:i2])
        elif op in ("replace", "insert"):
            out.append(write(result.text[j1:j2]))
    return Translation("".join(out), result.actions)


def _lines(masked: Masked, tables: GuiTables) -> tuple[str, list[str]]:
    out: list[str] = []
    actions: list[str] = []
    rewritten: set[str] = set()
    for prefix, body, newline in split_lines(masked.text):
        new, acts = _line(body, tables, masked)
        actions += acts
        if new != body:  # a list of steps that all become "I'll export…" says it once
            said = new.strip().rstrip(_CLOSING)
            if any(said in line for line in rewritten):
                new = ""
            elif said_again(new, "".join(out), tables):
                new = body  # "3. 点 Download，等进度条走完": the line was said, the words stay
            rewritten.add(said)
        if new.strip() or not body.strip():
            out.append(prefix + new + newline)
    return "".join(out), actions


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
    if tables.script.folds(text):
        return _traditional(text, tables)
    masked = mask(text)
    joined, actions = _lines(masked, tables)
    if not joined.strip() and masked.text.strip():
        # nothing but steps: what they are for ("to watch the result") is all there is to say
        joined, actions = _lines(masked, tables.spelled_out())
    if joined == masked.text:  # a step kept whole may still run (see `fallback`)
        return Translation(text, tuple(dict.fromkeys(actions)))
    result = masked.restore(joined)
    trailing = text[len(text.rstrip()) :]
    return Translation(result.rstrip() + trailing, tuple(dict.fromkeys(actions)))
