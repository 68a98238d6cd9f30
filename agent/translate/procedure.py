"""A numbered or bulleted GUI procedure in a reply, said as one template line per action.

Pure; works on the translator's units (`agent.translate.lines`).
"""

from __future__ import annotations

import re

from agent.translate.lines import Line, Unit, acting, template_line

__all__ = ["procedures"]

_NUMBER = re.compile(r"\s*(\d+)[.)]")
# a button label ("**Export video**", 「导出视频」, `Export`) is part of a step, not a fact of its
# own; a code span that names a file or holds a number (`teaser_final.mp4`) is one
_LABELS = re.compile(r"\*\*[^*\n]{1,40}\*\*|「[^」\n]{1,20}」|“[^”\n]{1,20}”|`[^`\n./_\\\d]{1,20}`")
_OWN_FACTS = re.compile(r"\d|[\"'“”「」『』《》`]|https?://", re.IGNORECASE)
# a step that only opens a menu on the way ("Tap the ⋯ icon", 点右上角「⋯」)
_NAV = re.compile(
    r"^\s*(?:tap|click|press|hit|open|select|touch|点击|點擊|点按|點按|点选|點選|点|點|轻点|輕點"
    r"|按|按下|撳|打开|打開)"
    r"[^.。!！?？]{0,40}(?:⋯|⋮|…|···|\.\.\.|\bicon\b|\bmenu\b|图标|圖標|图示|圖示|菜单|選單|菜單)"
    r"[^.。!！?？]{0,40}[.。;；]?\s*$",
    re.IGNORECASE,
)


def procedures(lines: list[Line], short: bool) -> None:
    """A run of list items that holds GUI steps (a procedure, "1. Swipe up … 2. Tap ⋯ 3. Choose
    Export video") ends as ONE template line per action, in order, each on the item that first
    gives it; the other step items go, report items (facts, numbers, quotes) stay whole, and
    the numbering of what is left runs on without a gap. The lead-in ("On mobile:", "To get
    the file:", 手机端操作：) is always kept whole: its steps are the items'."""
    run: list[Line] = []
    said: list[str] = []  # the actions a template line said before the run
    for index, line in enumerate([*lines, Line("", [], "")]):
        if line.item and line.units:
            run.append(line)
            continue
        if run and any(_step_item(x) for x in run) and (len(run) > 1 or run[0].steps):
            lead = lines[index - len(run) - 1] if index > len(run) else None
            _procedure(run, _lead_in(lead), said, short)
        run = []
        said += [a for u in line.units if u.line for a in u.acting]


def _lead_in(line: Line | None) -> Unit | None:
    """The lead-in of a procedure: a short last sentence ending in a colon on the line before
    it ("On mobile:", "To get the file:", 手机端操作：), no fact of its own in it."""
    if line is None or not line.units or line.item:
        return None
    last = line.units[-1]
    text = last.raw.rstrip()
    if not text.endswith((":", "：")) or len(text) > 40 or _OWN_FACTS.search(text):
        return None
    return last


def _step_item(line: Line) -> bool:
    """A list item that is a GUI step: it gives an action (or says nothing but steps), and no
    number, quote or file name of its own rides on it."""
    if line.steps:
        return True
    text = "".join(u.raw for u in line.units)
    if _OWN_FACTS.search(_LABELS.sub("", text)):
        return False
    return _NAV.search(text) is not None or any(
        acting(u.reading.actions, u.lang) for u in line.units
    )


def _procedure(run: list[Line], lead: Unit | None, before: list[str], short: bool) -> None:
    steps = [x for x in run if _step_item(x)]
    said = [a for a in before if lead is None or a not in lead.acting]
    # a report item kept whole says its own actions after it ("1. Hit Download when it reaches
    # 100%. I'll export …"): a step item giving the same action adds nothing, and goes
    said += [
        a for x in run if x not in steps for u in x.units for a in acting(u.reading.actions, u.lang)
    ]
    if lead is not None:  # the lead-in's steps are the procedure's: said by its items
        lead.line, lead.acting = None, ()
    for item in steps:
        lang = item.units[0].lang
        acts = [a for u in item.units for a in acting(u.reading.actions, lang) if a not in said]
        said += acts
        text = template_line(acts, lang, short) if acts else ""
        kept_line = item.steps and any(
            u.line and not acting(u.reading.actions, lang) for u in item.units
        )
        if kept_line and not _NAV.search("".join(u.raw for u in item.units)):
            continue  # a step with its own line and no action (a reply asked for) says it
        for u in item.units:
            u.line, u.acting = "", ()
        if text:
            item.units[0].line, item.units[0].acting = text, tuple(acts)
    left = [x for x in run if x not in steps or any(u.line for u in x.units)]
    number = next((int(m.group(1)) for x in run if (m := _NUMBER.match(x.prefix))), None)
    for item in left:
        match = _NUMBER.match(item.prefix)
        if match and number is not None:
            item.prefix = item.prefix[: match.start(1)] + str(number) + item.prefix[match.end(1) :]
            number += 1
