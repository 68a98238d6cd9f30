"""Products the tables do not list, named as the place of a step: "In Google Drive, right-click
the file and choose Download", "Save it from WhatsApp", "Open it in the Photos app".

`agent.translate.structure` knows a list of programs and sites by name; a new one arrives every
round. The class here is the shape: a capitalised product name ("Dropbox", "WhatsApp", "iCloud",
"YouTube Studio", "Google Drive") right after a place word ("in", "on", "from", "inside", "via",
"using", "open", 在/用/从; a destination, "into"/到, is no place), or followed by "app" ("the
Photos app"), that is not this app's own GUI: none of its words is a GUI word of the intent
tables (targets, gestures, GUI nouns: "in My Work", "from the Export panel", "in Settings") or a
button label of the GUI tables, no GUI noun or menu path follows it ("in Account > Billing", "in
the Effects panel"), and it is not NemoVideo. A step located there is the user's work in that
program (`agent.translate.gates`). Pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from agent.translate.intent import IntentTables
from agent.translate.tables import GuiTables

__all__ = ["products"]

_WORD = r"(?:[a-z][A-Z][A-Za-z]+|[A-Z][A-Za-z]*[a-z][A-Za-z]*)"
# a place word, then the name ("in Google Drive", "from WhatsApp", "the Photos app", 在 Dropbox 里)
_PLACED = re.compile(
    r"(?:\b(?i:in|inside|within|on|from|via|using|open|opening|switch\s+to"
    # where the user put the video is where the next steps happen ("After uploading to YouTube
    # Studio, go to Subtitles"): the destination of an upload, post or publish is a place
    r"|(?:upload|post|publish)(?:ing|ed|s)?(?:\s+(?:it|them|the\s+\w+))?\s+(?:to|on))\s+"
    r"(?P<the>(?i:the|your)\s+)?(?:\w+['’]s\s+)?|(?:在|用|从|從|打开|打開|喺)\s*)"
    rf"(?P<name>{_WORD}(?:\s+(?:{_WORD}|[A-Z]{{2,}}))?)(?![\w'’\"”」*`])"
)
_APP = re.compile(r"\s+(?:app|application|program|website|site)\b", re.IGNORECASE)
# a GUI noun or a menu path after the name: this app's own place ("in Account > Billing")
_GUI_AFTER = re.compile(
    r"\s*(?:[>→›»/]|\s(?:panel|tab|menu|page|button|icon|section|view|bar|toolbar|window|screen"
    r"|list|sidebar|area|field|dialog|mode|settings|folder|tray|library|card|option|drawer"
    r"|track|layer|timeline|preview|player|editor)s?\b"
    r"|\s*(?:面板|页面|分页|标签|菜单|按钮|窗口|选项|图层|轨道))",
    re.IGNORECASE,
)
_OURS = re.compile(r"nemo\w*|my\s.*", re.IGNORECASE)
# a device, or the phone's own store an export lands in ("on your iPhone", "⌘E on Mac", "put it
# in Photos"): where our export goes, not another program's step; "the Photos app" still is one
_DEVICES = frozenset(
    ("iphone", "ipad", "mac", "macbook", "android", "windows", "pc", "ios", "macos", "linux",
     "chromebook", "photos", "files", "gallery", "camera", "roll", "album", "downloads")
)  # fmt: skip


def products(sentence: str, tables: GuiTables) -> Iterator[re.Match[str]]:
    """The names in `sentence` of products that are not this app, each named as a place (see the
    module doc)."""
    intent = tables.intent
    if intent is None:
        return
    for place in _PLACED.finditer(sentence):
        name = place.group("name")
        app = _APP.match(sentence, place.end()) is not None
        the = (place.group("the") or "").strip().casefold() == "the"
        if (the and not app) or (not app and _GUI_AFTER.match(sentence, place.end())):
            continue
        words = name.casefold().split()
        if not app and any(w in _DEVICES for w in words):
            continue
        if _OURS.fullmatch(name) or _gui_word(name, intent, tables):
            continue
        yield place


def _gui_word(name: str, intent: IntentTables, tables: GuiTables) -> bool:
    """Whether a word of `name` is a GUI word of this app (a target, gesture or GUI noun of the
    intent tables, or a button label of the GUI tables): "My Work", "Settings", "Export"."""
    labels = tables.en.labels
    for word in name.split():
        for folded in {word.casefold(), word.casefold().removesuffix("s")}:
            if folded in labels or intent.en.noise.fullmatch(folded):
                return True
    return name.casefold() in labels
