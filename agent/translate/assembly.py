"""The output of a translated reply (see `agent.translate.translator`): which sentences are
replaced whole by a template line, which are kept byte for byte, and the lines said after kept
sentences and lists. Pure; it reads the gated readings and never reads the text again."""

from __future__ import annotations

import re

from agent.translate.lines import Line, Unit, acting, joined, singles, template_line
from agent.translate.named import named_upload
from agent.translate.prose import split_lines
from agent.translate.reading import Reading
from agent.translate.tables import GuiTables, LanguageTable

__all__ = ["ENDS", "assemble", "decide", "said_by_kept"]

ENDS = {"en": ".", "zh": "。"}

# a file name, in a code span or bare ("choose `interview_raw.wav`", 把 cover.jpg 拖进来)
_FILE = re.compile(
    r"`[^`\n]*[._\d/][^`\n]*`|[\w-]+\.(?:mp4|mov|m4v|webm|avi|mkv|wav|mp3|m4a|aac|flac|ogg"
    r"|jpe?g|png|gif|webp|heic|svg|srt|vtt|ass|txt|pdf|zip|psd|json|xml)\b",
    re.IGNORECASE,
)
_CLOSED = (".", "!", "?", "。", "！", "？", "…")
_TERMS = " \t.!?。！？…"
_SPACED = (".", "!")  # the closing marks that end a sentence only before whitespace


def _line_for(reading: Reading, lang: LanguageTable, short: bool = False) -> str | None:
    if not reading.steps_only:
        return None
    if reading.line:
        return reading.line
    if acting(reading.actions, lang):
        return template_line(reading.actions, lang, short)
    if reading.silent:
        return ""
    kind = lang.kinds.get(reading.kind)
    return (kind.bare or kind.short or None) if kind else None  # unsure: the sentence stays


def _spoken(fresh: list[str], unit: Unit, traditional: bool, tables: GuiTables) -> str:
    """The lines of a replaced sentence's actions, the upload line naming the file its step
    names (`agent.translate.named`: the object as written, the line's words in the reply's
    script)."""
    script = tables.script.to_traditional if traditional else str
    upload = next((k.bare for k in unit.lang.kinds.values() if k.action == "upload"), None)
    lines = []
    for x in fresh:
        named = named_upload(unit.raw.rstrip(_TERMS), unit.lang.lang, script) if x == upload else ""
        lines.append(named or script(x))
    return joined(lines, unit.lang, script)


def _structural(line: Line) -> bool:
    """A markdown list item or heading: kept byte for byte, never cut into or dropped."""
    return line.item or line.prefix.lstrip().startswith("#")


def decide(lines: list[Line], short: bool) -> None:
    for line in lines:
        for unit in line.units:
            if _structural(line):
                unit.line, unit.acting = None, ()  # kept whole: its line is said at the end
                continue
            unit.line = _line_for(unit.reading, unit.lang, short)
            if unit.line is not None and _FILE.search(unit.raw):
                unit.line = None  # a file name rides on the step: the sentence stays whole
            if unit.line and not unit.reading.line:
                unit.acting = acting(unit.reading.actions, unit.lang)


def said_by_kept(lines: list[Line]) -> None:
    """When a reply of silent steps keeps a sentence whole for what it is for ("请打开时间线查看
    效果"), that sentence speaks: the other steps stay dropped, as they were, and no view's line
    is said beside it. Otherwise the line would be content on a second reading and the kept
    sentence a silent step beside it, dropped: translating the output would change it."""
    units = [u for line in lines for u in line.units]
    if any(u.line is None and u.raw.strip() for u in units):
        for unit in units:
            if unit.line is not None:
                unit.line, unit.acting = "", ()


def _marker(body: str) -> bool:
    """`body` opens with a markdown list or quote marker (`prose.split_lines` cuts it off)."""
    lines = split_lines(body)
    return bool(lines and lines[0][0].strip())


def _closing(unit: Unit) -> str:
    if not unit.term:
        return ""
    return unit.term if unit.term in ("!", "！") else ENDS[unit.lang.lang]


def _note(
    kept: list[str], body: str, lang: LanguageTable, said: set[str], tables: GuiTables
) -> str:
    """What follows a line whose sentences are kept whole for the content beside their steps
    ("I trimmed it to 0:45 — click Export to download."): the line of each action they run that
    the reply has not said yet, at the end of the line, so the chat user reads what the client
    does ("… I'll export the MP4 for you."). Nothing when the line ends open (no closing mark: a
    lead-in, a half sentence)."""
    end = body.rstrip()[-1:]
    if not kept or end not in _CLOSED:
        return ""
    # an action said already, in either language, is not said again
    spoken = {k.action for x in tables.languages for k in x.kinds.values() if k.bare in said}
    fresh = [x for x in singles([a for a in kept if a not in spoken], lang, False) if x]
    if not fresh:
        return ""
    said.update(fresh)
    # an English line is spaced from what it follows, even a "。" ("…help。 I'll export …")
    spaced = lang.lang == "en" or end in (*_SPACED, "?", "…")
    gap = " " if spaced and body == body.rstrip() else ""
    # one sentence per action, as a reply translated again finds them ("said" above)
    between = " " if lang.lang == "en" else ""
    return gap + between.join(x + ENDS[lang.lang] for x in fresh)


def assemble(lines: list[Line], traditional: bool, tables: GuiTables, short: bool) -> str:
    out: list[str] = []
    written_all = "".join(line.prefix + "".join(u.raw + u.ws for u in line.units) for line in lines)
    # a line the reply already says (a reply translated before) is not said again
    said = {k.bare for lang in tables.languages for k in lang.kinds.values() if k.bare}
    said = {x for x in said if x in written_all}
    # the actions of list items and headings: said once after the whole reply, never inside
    # the list (a rendered sentence in a list would read as one of its items)
    tail: list[str] = []
    tail_lang: LanguageTable | None = None
    for line in lines:
        body = ""
        kept: list[str] = []  # the actions of the sentences kept whole, said after the line
        for unit in line.units:
            if unit.line is None:
                body += unit.raw + unit.ws
                # a view's output speaks for itself: only the other actions are said
                acts = [a for a in acting(unit.reading.actions, unit.lang) if a != "state"]
                if _structural(line):
                    tail += acts
                    tail_lang = tail_lang or unit.lang
                else:
                    kept += acts
                continue
            # each action's line is said once per reply: a later line says only what is new
            options = singles(unit.acting, unit.lang, short) if unit.acting else [unit.line]
            fresh = [x for x in options if x and x not in said]
            if not fresh:
                continue  # dropped, or the line was said already
            said.update(fresh)
            text = _spoken(fresh, unit, traditional, tables) if unit.acting else unit.line
            text = tables.script.to_traditional(text) if traditional and not unit.acting else text
            closing = _closing(unit)
            # a line closed by "." or "!" needs the space a "。" did not: else it runs into the
            # next sentence ("…for you.Go to File") and the two read as one
            ws = unit.ws or (" " if closing[-1:] in _SPACED else "")
            body += text + closing + ws
        if line.units:
            note = _note(kept, body, line.units[-1].lang, said, tables)
            body += tables.script.to_traditional(note) if traditional else note
        written = "".join(u.raw + u.ws for u in line.units)
        if _marker(body) and not _marker(written):
            body = written  # a sentence after a dropped one would read as a list item ("- …")
        if body.strip() or not written.strip():
            out.append(line.prefix + (body if body == written else body.rstrip()) + line.newline)
    return _after_lists("".join(out), tail, tail_lang, said, tables, traditional)


def _after_lists(
    reply: str,
    tail: list[str],
    lang: LanguageTable | None,
    said: set[str],
    tables: GuiTables,
    traditional: bool,
) -> str:
    """`reply` with the lines of the actions its list items and headings run, said once as a
    paragraph of their own after it (never inside the list)."""
    if not tail or lang is None:
        return reply
    note = _note(tail, ENDS[lang.lang], lang, said, tables).strip()
    if not note:
        return reply
    note = tables.script.to_traditional(note) if traditional else note
    body = reply.rstrip()
    return body + "\n\n" + note + reply[len(body) :]
