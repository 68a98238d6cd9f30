"""Translate the backend's GUI prose ("click Export", "点击导出按钮") into chat text plus actions.

Pure and table-driven (`agent/tables/gui_*.toml`); no I/O beyond loading the bundled tables.
The unit of output is a WHOLE sentence (rule 5 of issue 10): each sentence of the reply, or
each item of a list, is either emitted byte for byte or replaced whole by ONE template line of
the tables in the sentence's language (Simplified, or Traditional when the reply is), saying
what the client does ("I'll export the MP4 for you", "我会帮你查询积分余额"). Never a line
inside a sentence, never fragments of a sentence around a line, so nothing can be spliced:

- A sentence is replaced only when it is nothing but GUI steps (`leftover.steps_only`): once
  its cues are cut out, no quoted span, number or content word is left. A sentence that mixes
  a report, a quote or a number with a step is kept whole; its actions still run (the rules
  read them) and the line of each is said once at the end of its line ("I trimmed it to 0:45 —
  click Export to download. I'll export the MP4 for you."), unless the step is negated or
  offered ("I can export it as is — just say the word": the user answers in chat), which runs
  nothing but the answer.
- A view whose own output speaks for it (the state summary) and a step with nothing to say
  ("close this panel") drop their sentence; a reply that would vanish says the view's line.
- Consecutive sentences with the same line say it once, and so does the reply; the items of
  a list that are all steps (a numbered GUI procedure) become one line for the procedure,
  while items that report facts are kept. Markdown prefixes and paragraphs stay.
- Questions offer, they do not instruct: they are kept whole (a polite request for a step,
  "Could you attach the photo?", reads as the step).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from agent.translate import gates
from agent.translate.answer import rides_with_upload
from agent.translate.asked import counterfactual
from agent.translate.assembly import assemble, decide, said_by_kept
from agent.translate.balance import manage_if_needed, top_up_asked
from agent.translate.choices import choice_lines
from agent.translate.evidence import also_asked, asks_export_now, third_party
from agent.translate.leftover import fixed_lines
from agent.translate.lines import Line, Unit, template_line
from agent.translate.missed import settle
from agent.translate.modality import chooses
from agent.translate.named import named_line
from agent.translate.pending import held
from agent.translate.pointed import handed, later_view, pointed_view
from agent.translate.prose import Sentence, mask, split_lines, split_sentences
from agent.translate.reading import Reading, read
from agent.translate.retake import another_file, look_asked
from agent.translate.rewrite import language_of
from agent.translate.sequence import in_sequence
from agent.translate.suggest import plain_step
from agent.translate.tables import GuiTables, LanguageTable, load_gui_tables
from agent.translate.terse import pointed_export
from agent.translate.wanted import (
    asked_again,
    declined,
    shares_own_file,
    waits_for_file,
    wanted,
)
from agent.translate.whole import left_whole

if TYPE_CHECKING:
    from agent.llm import Completer
    from agent.templates import Templates

__all__ = ["Translation", "Translator", "template_line", "template_lines", "translate"]

STREAM_MODEL_TIMEOUT = 4.0
"""The model stage's bound while a reply streams: a slow model costs the user at most this."""
# the menu-path marks read as ">" (one character each, so offsets hold): "avatar ▸ Plan & Billing"
_PATH_MARKS = str.maketrans("▸▹❯", ">>>")
_CJK = re.compile(r"[\u3400-\u9fff]")
# a bold span inside a line ("**Timeline**", "__Export__"): its markers are no words
_BOLD = re.compile(r"(?<![*_])(?:\*\*|__)(?=\S)([^*_\n]{1,60}?)(?<=\S)(?:\*\*|__)(?![*_])")
_SPACED_BOLD = re.compile(r"(?<=\s)(?:\*\*|__)([\u3400-\u9fff]{1,20})(?:\*\*|__)(?=\s)")
_EXPORT_WORD = re.compile(r"export|download|导出|匯出|汇出|下载|下載", re.IGNORECASE)
_ACTING = frozenset({"export", "state", "credits", "upload"})

# a view taken before the export ("take a look first", 先看看)
_FIRST = re.compile(
    r"\b(?:look|check|review|preview|see)\w*\s+(?:\w+\s+){0,3}?(?:first|beforehand)\b"
    r"|\bfirst\s+(?:take\s+a\s+)?(?:look|check|review|preview)"
    r"|先(?:看|检查|预览|确认|播放|试听)",
    re.IGNORECASE,
)


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


def template_lines(tables: GuiTables) -> frozenset[str]:
    """Every line a replaced sentence may become (without its closing mark), in both scripts:
    what the property tests hold the output to."""
    lines: set[str] = set()
    for lang in tables.languages:
        acting = [k.action for k in lang.kinds.values() if k.action]
        for mask_bits in range(1, 1 << len(acting)):
            chosen = [a for i, a in enumerate(acting) if mask_bits >> i & 1]
            for order in _orders(chosen):
                lines.update(template_line(order, lang, short) for short in (False, True))
        lines.update(fixed_lines(lang))
    lines.discard("")
    return frozenset(lines | {tables.script.to_traditional(x) for x in lines})


def _orders(items: list[str]) -> list[list[str]]:
    if len(items) <= 1:
        return [items]
    return [[x, *rest] for i, x in enumerate(items) for rest in _orders(items[:i] + items[i + 1 :])]


def _read_lines(text: str, folded: str, tables: GuiTables) -> list[Line]:
    """The reply split into lines and sentences as written, each sentence read on its folded,
    masked form (folding keeps offsets; a mask stands for its span)."""
    masked = mask(folded)
    lines: list[Line] = []
    pos = 0

    def take(piece: str) -> str:
        nonlocal pos
        size = len(masked.restore(piece))
        pos += size
        return text[pos - size : pos]

    for prefix, body, newline in split_lines(masked.text):
        line = Line(take(prefix), [], "")
        for sentence in split_sentences(body):
            raw = take(sentence.content + sentence.term)
            reading = read(_suggested(_plain(sentence)), tables, masked)
            lang = language_of(sentence.content, tables, masked)
            line.units.append(Unit(raw, take(sentence.ws), sentence.term, reading, lang))
        line.newline = take(newline)
        line.units = _whole_sentences(line.units)
        lines.append(line)
    return lines


def _whole_sentences(units: list[Unit]) -> list[Unit]:
    """Sentences that are halves of one ("Check the Progress panel; it usually takes a
    minute", "…the page. then reload it") joined: each half alone is no whole sentence."""
    out: list[Unit] = []
    for unit in units:
        last = out[-1] if out else None
        if last and (last.term in (";", "；") or unit.raw[:1].islower()):
            a, b = last.reading, unit.reading
            reading = Reading(
                (*a.actions, *b.actions),
                a.steps_only and b.steps_only,
                a.kind or b.kind,
                a.silent and b.silent,
            )
            out[-1] = Unit(last.raw + last.ws + unit.raw, unit.ws, unit.term, reading, last.lang)
        else:
            out.append(unit)
    return out


def _as_read(text: str, tables: GuiTables) -> str:
    """`text` as the rules read it: Traditional and Cantonese folded, path marks as ">" (the
    same length, so offsets into it are offsets into `text`)."""
    folded = tables.script.simplified(text) if tables.script.folds(text) else text
    return folded.translate(_PATH_MARKS)


def _plain(sentence: Sentence) -> Sentence:
    """A sentence as its steps are read: the markers of a bold span as spaces ("Open the
    **Timeline** panel" reads as the panel named plainly). In a Chinese sentence only a bold
    Chinese name set apart by spaces is read so ("请打开 **时间线** 检查"): the Chinese rules read
    点击**导出** with its markers. Only the reading sees it: the sentence is cut, kept and
    replaced as written."""
    content = sentence.content
    if "**" not in content and "__" not in content:
        return sentence
    if _CJK.search(content):
        content = _SPACED_BOLD.sub(_unmarked, content)
    else:
        content = _BOLD.sub(_unmarked, content)
    return dataclasses.replace(sentence, content=content)


def _suggested(sentence: Sentence) -> Sentence:
    """A sentence as its steps are read when it puts them politely (`agent.translate.suggest`:
    "Why not hit Export now?" reads as "hit Export now."); only the reading sees it."""
    framed = plain_step(sentence.content + sentence.term)
    if framed.text == sentence.content + sentence.term:
        return sentence
    term = "." if framed.frame and sentence.term.strip() in ("?", "？") else sentence.term
    content = framed.text[: len(framed.text) - len(sentence.term)] if sentence.term else framed.text
    return dataclasses.replace(sentence, content=content, term=term)


def _unmarked(match: re.Match[str]) -> str:
    return f"  {match.group(1)}  "


def _gated(lines: list[Line], folded: str, tables: GuiTables) -> list[Line]:
    """The readings with what the reply forbids taken away (`agent.translate.gates`): a short
    balance forbids every export and looks the balance up instead, a finished export forbids
    its link, and the agent's work promised on a file still to upload forbids a later export;
    a sentence's own upload request, another program's steps and a retry are read
    sentence by sentence."""
    short = gates.short_balance(folded)
    # a finished export whose URL the reply gives: the user has the file, nothing runs
    done = gates.export_done(folded) and gates.has_link(folded)
    # an upload asked for, then the agent's own work on it ("Step 2: I'll animate each one"):
    # an export given as a later step ("Step 3: click Export") waits for that work (and so for
    # the upload), it does not run now; "For now, click Export" still runs
    asked = waiting = False
    before = ""  # the sentence before: a failure it reports makes an export step a retry
    earlier = ""  # the reply before the sentence
    units = [unit for line in lines for unit in line.units]
    for at, unit in enumerate(units):
        # a step put politely is read as the step ("Why not hit Export now?"); a frame that
        # asks the user's preference runs its cheap steps only (`agent.translate.suggest`)
        unframed = _as_read(unit.raw, tables)
        if named_line(unframed):  # the line of a reply translated before: said, not asked
            unit.reading = Reading((), False)
            continue
        framed = plain_step(unframed)
        raw = framed.text
        if not unit.reading.actions and pointed_export(raw):  # "↓ Download": the button
            unit.reading = dataclasses.replace(unit.reading, actions=("export",))
        unit.reading = gates.gate(unit.reading, raw, before, unit.lang, tables, short, done)
        if "upload" not in unit.reading.actions and (
            asked_again(raw, before) or another_file(raw, before) is not None
        ):
            # a file sent again after the sentence before says its upload failed
            unit.reading = dataclasses.replace(
                unit.reading, actions=(*unit.reading.actions, "upload"), steps_only=False, line=""
            )
        if "export" in unit.reading.actions and _a_choice(units, at, raw, tables):
            unit.reading = gates.without(unit.reading, {"export"}, unit.lang)
        if waiting and "export" in unit.reading.actions and gates.later_step(raw):
            unit.reading = gates.without(unit.reading, {"export"}, unit.lang)
        waiting = waiting or (asked and gates.agent_will(raw))
        prior, before = before, raw
        # the second reading: an export runs only when the sentence's own words tell the user
        # to press an export control now (`agent.translate.evidence`); disagreement runs nothing
        if "export" in unit.reading.actions and not asks_export_now(raw):
            unit.reading = gates.without(unit.reading, {"export"}, unit.lang)
        unit.reading = _also(unit.reading, raw, unit.lang, unframed)
        if framed.soft:
            unit.reading = gates.without(unit.reading, {"export"}, unit.lang)
        # work underway, an offer, a third person, a result for later (`agent.translate.pending`)
        if gone := held(unframed, earlier).intersection(unit.reading.actions):
            unit.reading = gates.without(unit.reading, gone, unit.lang)
        # an export after an upload asked for waits; an optional upload, an upgrade offered
        unit.reading, asked = in_sequence(unit, raw, unframed, asked, (short, earlier, prior))
        _unasked(units, at, unframed, tables, held(unframed, earlier) if not short else _ACTING)
        earlier = f"{earlier} {unframed}"
    return _answer_with_file(_offered_choices(lines, tables))


def _a_choice(units: list[Unit], at: int, raw: str, tables: GuiTables) -> bool:
    """Whether the sentence at `at` and the next offer a choice: "If it looks good, click
    Download. If not, tell me what to change." (`agent.translate.modality`)."""
    return at + 1 < len(units) and chooses(raw, _as_read(units[at + 1].raw, tables))


def _unasked(
    units: list[Unit], at: int, unframed: str, tables: GuiTables, kept: Collection[str]
) -> None:
    """The unit at `at` settled by `agent.translate.missed.settle`."""
    after = _as_read(units[at + 1].raw, tables) if at + 1 < len(units) else ""
    units[at].reading = settle(units[at], unframed, after, kept)


def _answer_with_file(lines: list[Line]) -> list[Line]:
    """`lines` without the turn to the agent (`sse`) when the reply asks for a file and the
    answer it asks rides with it (`agent.translate.answer`)."""
    units = [unit for line in lines for unit in line.units]
    answers = [u for u in units if "sse" in u.reading.actions]
    if not answers or not any("upload" in u.reading.actions for u in units):
        return lines
    if rides_with_upload(u.raw for u in answers):
        for unit in answers:
            unit.reading = gates.without(unit.reading, {"sse"}, unit.lang)
    return lines


def _offered_choices(lines: list[Line], tables: GuiTables) -> list[Line]:
    """`lines` with the steps of a list of offered choices taken away ("Would you like me
    to:\n1. Export it now, or\n2. Add music first?": the user picks one in chat)."""
    if tables.structure is None:
        return lines
    offered, named = choice_lines(lines, tables.structure, lambda said: _as_read(said, tables))
    for at in offered | named:
        for unit in lines[at].units:
            dropped = _ACTING if at in offered else _ACTING - {"credits"}
            unit.reading = gates.without(unit.reading, dropped, unit.lang)
    return lines


def _also(reading: Reading, raw: str, lang: LanguageTable, unframed: str) -> Reading:
    """`reading` with the cheap steps the sentence also gives (`evidence.also_asked`: a view,
    a balance, a named file) in the sentence's order; a third party's step runs nothing.
    `unframed` is the sentence before its polite frame was cut ("Would you mind sharing the
    logo?"): a file asked for is read in the words that ask for it (`agent.translate.wanted`)."""
    if "upload" in reading.actions and declined(raw):  # "No need to upload the logo again"
        reading = gates.without(reading, {"upload"}, lang)
    if "credits" in reading.actions and manage_if_needed(raw):  # "manage it … if needed"
        reading = gates.without(reading, {"credits"}, lang)
    if "export" in reading.actions and waits_for_file(raw):  # "After you upload …, I'll …"
        reading = gates.without(reading, {"export"}, lang)
    if "export" in reading.actions and shares_own_file(raw):  # "Please share the logo file"
        reading = gates.without(reading, {"export"}, lang)
    if third_party(raw):
        # their steps run nothing here; a file they pass on may still come to this chat
        reading = gates.without(reading, {"credits", "state", "export"}, lang)
    if counterfactual(raw):  # "Had you wanted 4K, you'd have needed to check your balance"
        return gates.without(reading, {"credits", "state", "export", "upload"}, lang)
    if "state" in reading.actions and later_view(raw):  # "… in My Works tomorrow"
        reading = gates.without(reading, {"state"}, lang)
    # a view joins a step the rules read; a balance or a named file asks for itself, and so do
    # a file handed over and a view pointed at (`agent.translate.pointed`)
    pointed = _pointed(raw)
    extra = [
        (at, a)
        for at, a in sorted({*also_asked(raw), *(wanted(raw) or wanted(unframed)), *pointed})
        if a not in reading.actions and (reading.actions or a != "state" or (at, a) in pointed)
    ]
    if not extra:
        return reading
    actions = list(reading.actions)
    for at, action in extra:
        # before the export when it stands before the export's word, else after what is there
        mark = _EXPORT_WORD.search(raw)
        where = (
            actions.index("export")
            if "export" in actions and mark and at < mark.start()
            else len(actions)
        )
        actions.insert(where, action)
    return dataclasses.replace(reading, actions=tuple(actions), steps_only=False, line="")


def _pointed(raw: str) -> set[tuple[int, str]]:
    """The file handed over, the view pointed at and the top-up asked for while the balance is
    short in `raw`, each with where it stands."""
    found = {(at, "upload") for at in (handed(raw),) if at is not None}
    found |= {(at, "credits") for at in (top_up_asked(raw),) if at is not None}
    found |= {(at, "state") for at in (look_asked(raw),) if at is not None}
    return found | {(at, "state") for at in (pointed_view(raw),) if at is not None}


def _look_first(actions: tuple[str, ...], text: str) -> tuple[str, ...]:
    """`actions` with a view the reply says to take first shown before the export runs ("to
    download, click Download; to look first, open the Tracks panel", 想先看看…打开「轨道」面板);
    otherwise in the reply's order ("Click Export when ready, or open the Timeline")."""
    if "state" not in actions or "export" not in actions or not _FIRST.search(text):
        return actions
    if actions.index("state") < actions.index("export"):
        return actions
    rest = [a for a in actions if a != "state"]
    at = rest.index("export")
    return (*rest[:at], "state", *rest[at:])


def translate(text: str, tables: GuiTables | None = None) -> Translation:
    """Rewrite backend text for a chat user and extract the actions it implies.

    Args:
        text: Text from the backend agent, English or Chinese (mixed is fine).
        tables: Compiled GUI tables; the bundled ones are loaded when omitted (callers that
            translate often should load them once with `load_gui_tables` and pass them).

    Returns:
        The text with each sentence kept byte for byte or replaced whole by one template line,
        and the actions from `export`, `state`, `credits`, `sse`, `upload`, ordered and unique.

    Raises:
        ConfigError: the bundled tables are invalid (only when `tables` is omitted).
    """
    tables = tables if tables is not None else load_gui_tables()
    if left_whole(text):  # a list menu closed by a pick, a walkthrough closed by an offer
        return Translation(text, ())
    folded = _as_read(text, tables)
    lines = _gated(_read_lines(text, folded, tables), folded, tables)
    actions = tuple(dict.fromkeys(a for x in lines for u in x.units for a in u.reading.actions))
    actions = _look_first(actions, folded)
    traditional = tables.script.traditional(text)
    decide(lines, short=False)
    out = assemble(lines, traditional, tables, short=False)
    if not out.strip() and text.strip():
        # nothing but steps whose output speaks for itself: what they are for ("to watch the
        # result") keeps its sentence whole, else the view's line is said
        lines = _gated(_read_lines(text, folded, tables.spelled_out()), folded, tables)
        decide(lines, short=True)
        said_by_kept(lines)
        out = assemble(lines, traditional, tables, short=True)
    if out == text or not out.strip():
        return Translation(text, actions)
    trailing = text[len(text.rstrip()) :]
    return Translation(out.rstrip() + trailing, actions)
