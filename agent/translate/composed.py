"""The translator's structural guard: a rewritten sentence is built only of WHOLE pieces.

A piece is a span of the original that starts and ends on a clause boundary (commas, colons,
dashes, brackets, arrows, emoji, and the joining words "and", "then", "or", 然后, 再, 并, 或), or
one rendered template line of the tables whose slots hold word-aligned spans of the original.
Anything else is a splice (rule 5): "I'll show you the current tracks toggle them on", "其中可以
看到下拉". Three shapes count as splices although each piece is whole:

- a catch-all template ("I'll show you the current tracks {rest}", "关于{rest}，…") whose slot
  is not a purpose or condition ("to post it", "before exporting", "就能保存");
- a kept clause joined to a template line by "then"/"再" that is itself a GUI step or follows
  the generic line ("直接告诉我你的想法，再向上滑动…": the line took half of one gesture);
- an emphasis or bracket cut in half ("choose *High Quality").

Words kept in front of a line may end mid-clause ("导出前[，]我会…", "Before exporting, …"): a
condition or subject stays where it stood. Pure; reads only the compiled tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from agent.translate.rewrite import find_cues
from agent.translate.tables import MASK_CLASS, GuiTables, Kind

__all__ = ["composed"]

_FIELD = re.compile(r"\{([a-z_]+)\}")
_EMOJI = r"\u2190-\u21ff\u25a0-\u25ff\u2600-\u27bf\u2b00-\u2bff\U0001f300-\U0001faff\ufe0f\u200d"
_PUNCT = r",，、;；:：—–\-.。!！?？()（）\[\]*_•·…›>→»/|" + _EMOJI
_SEP = re.compile(rf"[\s{_PUNCT}]+")
_MARK = re.compile(rf"[{_PUNCT}]")
_POINTER = re.compile(r"[\u25b6\u25ba\u27a1\u2b05-\u2b07\u2b95\U0001f446-\U0001f449\U0001f53d]")
_OPENING = re.compile(r"\s*([\u2600-\u27bf\U0001f300-\U0001faff][\ufe0f\u200d]*)")
_JOIN = re.compile(
    rf"(?:(?:and\s+then|and|then|or|so)(?![A-Za-z])|然后|再|或者|或|并且|并)[\s{_PUNCT}]*",
    re.IGNORECASE,
)
_CONTINUES = re.compile(r"\b(?:and|then)\b|然后|再|并", re.IGNORECASE)
_BOUNDARY = re.compile(
    rf"\s*(?:[{_PUNCT}]+|(?<![A-Za-z])(?:and\s+then|and|then|or|so)(?![A-Za-z])"
    rf"|然后|再|或者|或|并且|并)\s*",
    re.IGNORECASE,
)
_MASK_ONE = re.compile(MASK_CLASS)
_WORD_START = re.compile(r"[\w\u3400-\u9fff]|" + MASK_CLASS)
# What a catch-all slot may open with: a purpose or a condition, which reads after any line.
_PURPOSE = re.compile(
    r"(?:to|so|before|after|when|whenever|once|if|until|while|for)\b"
    r"|(?:就能|就可以|即可|可以|以便|方便|来|以)",
    re.IGNORECASE,
)
_PREPOSITIONS = frozenset(("in", "on", "from", "at", "inside", "within", "via", "using", "with"))
_DETS = frozenset(("the", "your", "a"))
_ZH_PLACE = re.compile(
    r"(?:在)?[\u3400-\u9fffA-Za-z ]{0,8}?"
    r"(?:面板|菜单|窗口|素材库|库|栏|页面|页|中心|编辑器|时间线|列表|设置)"
    r"(?:中|里|上|内)?的?"
)
_CJK = re.compile(r"[\u3400-\u9fff]")
_PHRASE_START = re.compile(
    r"to|if|for|so|and|or|then|when|once|before|after|until|while|as|because|since|unless"
    r"|first,?|later,?|now,?|again,?|too,?|instead,?|anytime,?|whenever",
    re.IGNORECASE,
)
_SEEN = r"(?:查看|看看|看到|看|预览|浏览|检查|睇|check|see|view|review|preview|watch)"
_PARTICLE = re.compile(r"[吧哦呀啦了嘛喇]$")
_ACTING = frozenset({"export", "state", "credits", "upload"})
_SYMMETRIC = ("*", "_", "`")
_PAIRS = (("(", ")"), ("（", "）"), ("「", "」"), ("“", "”"), ("《", "》"), ("[", "]"))


@dataclass(frozen=True, slots=True)
class _Template:
    pattern: re.Pattern[str]
    opening: str
    catch_all: bool = False
    generic: bool = False
    quote: bool = False
    """The slots quote what the user may say ("Tell me, e.g. '…'"): words of the original
    rearranged around a replaced verb."""
    closed: frozenset[str] = frozenset()
    """Slots that follow a whole line ("…give me a URL {rest}"): only a purpose or condition
    reads there ("to get started"), never the rest of a gesture ("I can upload it")."""


@cache
def _compile(
    text: str,
    catch_all: bool = False,
    generic: bool = False,
    quote: bool = False,
    endings: tuple[str, ...] = (),
) -> _Template:
    parts = _FIELD.split(text.strip())
    regex = "".join(rf"(?P<f{i}>.+?)" if i % 2 else re.escape(part) for i, part in enumerate(parts))
    closed = frozenset(
        f"f{i}"
        for i in range(1, len(parts), 2)
        if endings and parts[i - 1].strip(" ,，") and parts[i - 1].rstrip(" ,，").endswith(endings)
    )
    pattern = re.compile(regex, re.IGNORECASE | re.DOTALL)
    return _Template(pattern, parts[0].casefold(), catch_all, generic, quote, closed)


def _ending(line: str) -> str:
    """The last words of a line (Chinese: characters) that mark it as said in full."""
    return " ".join(line.split()[-3:]) if line.isascii() else line[-6:]


def _kind_templates(kind: Kind, generic: bool) -> list[_Template]:
    lines = [t.strip() for t in (kind.bare, kind.short) if t.strip()]
    endings = tuple(_ending(line) for line in lines)
    found = [_compile(t, generic=generic) for t in lines]
    last = len(kind.body) - 1
    for i, rule in enumerate(kind.body):
        if rule.text.strip():
            catch_all = i == last and kind.action in _ACTING
            found.append(_compile(rule.text, catch_all, quote=kind.quote, endings=endings))
    return found


def _templates(tables: GuiTables) -> list[_Template]:
    """Every line the tables render, the generic ones and the catch-alls marked."""
    found: list[_Template] = []
    for table in tables.languages:
        lowest = min(table.kinds.values(), key=lambda kind: kind.priority)
        for kind in table.kinds.values():
            found += _kind_templates(kind, kind is lowest)
    return list(dict.fromkeys(found))


def _replacements(tables: GuiTables) -> list[str]:
    """The fixed words a rule may write into a slot ("delete", "check", "改用")."""
    found: set[str] = set()
    for table in tables.languages:
        found.update(table.keys.values())
        for rule in table.rules:
            for text in (rule.replace, rule.offer):
                found.update(p.strip() for p in _FIELD.split(text)[::2] if p.strip())
    return sorted(found, key=len, reverse=True)


def _boundaries(original: str, tables: GuiTables) -> set[int]:
    """Offsets where a piece of the original may start or end; a start may also follow a
    lead-in ("请[压缩后…]", "You can [leave…]")."""
    marks = {0, len(original)}
    for found in _BOUNDARY.finditer(original):
        marks.update((found.start(), found.end()))
    for at in sorted(marks):
        for table in tables.languages:
            lead = table.leadin.match(original[at:])
            if lead and lead.end():
                rest = original[at + lead.end() :]
                marks.add(len(original) - len(rest.lstrip()))
    return marks


def _word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _aligned_span(text: str, original: str) -> bool:
    """`text` occurs in `original` on word edges, or does once a place phrase is left out."""
    low, folded = text.casefold(), original.casefold()
    at = folded.find(low)
    while at >= 0:
        end = at + len(text)
        before = original[at - 1] if at else " "
        after = original[end] if end < len(original) else " "
        if not (_word(before) and _word(text[0])) and not (_word(after) and _word(text[-1])):
            return True
        at = folded.find(low, at + 1)

    if not text.isascii() or not original.isascii():
        return _zh_without_place(text, original) if _CJK.search(text) else _gapped(text, original)
    return _gapped(text, original)


def _zh_without_place(piece: str, original: str) -> bool:
    """A Chinese `piece` is `original` with one place ("在时间线上") left out of its middle."""
    for i in range(1, len(piece)):
        head, tail = piece[:i], piece[i:]
        at = original.find(head)
        while at >= 0:
            gap = _ZH_PLACE.match(original, at + len(head))
            if gap and gap.end() > gap.start() and original.startswith(tail, gap.end()):
                return True
            at = original.find(head, at + 1)
    return False


def _gapped(text: str, original: str) -> bool:
    """`text` is a run of words of `original` with one place phrase ("in the Audio settings")
    left out where a new phrase starts ("…the fade [in …] if needed") or at the end; "videos
    [from your desktop] straight" is two pieces, not one."""
    words = [w.casefold() for w in text.split()]
    source = [w.casefold() for w in original.split()]
    return any(_follows(words, source, first) for first in range(len(source)))


def _follows(words: list[str], source: list[str], at: int) -> bool:
    skipped = False
    for index, word in enumerate(words):
        if at < len(source) and source[at] == word:
            at += 1
            continue
        if index == 0 or skipped or not _PHRASE_START.fullmatch(word):
            return False
        at = _after_place(source, at, word)
        if at < 0:
            return False
        skipped = True
        at += 1
    return True


def _after_place(source: list[str], at: int, word: str) -> int:
    """The offset of `word` right after a place phrase opening at `at`, or -1."""
    if at + 2 >= len(source) or source[at] not in _PREPOSITIONS or source[at + 1] not in _DETS:
        return -1
    for end in range(at + 3, min(at + 6, len(source))):
        if source[end] == word:
            return end
    return -1


def _covered(piece: str, original: str) -> bool:
    """`piece` is a run of spans of `original`, each at least a word (two Chinese characters)."""
    folded = original.casefold()
    for word in piece.split():
        low = word.casefold()
        if low.isascii():
            if not _aligned_span(word, original):
                return False
            continue
        while low:
            size = next((n for n in range(len(low), 0, -1) if low[:n] in folded), 0)
            if size < min(2, len(low)):
                return False
            low = low[size:]
    return True


def _slot_ok(slot: str, original: str, replacements: list[str], quote: bool) -> bool:
    """A slot opens on a word and holds spans of the original (and the rules' replacements);
    a quoted suggestion may hold them in a new order."""
    slot = slot.strip()
    if not _WORD_START.match(slot):
        return False
    rest = slot
    for word in replacements:
        edge = (r"(?<![A-Za-z])", r"(?![A-Za-z])") if word.isascii() else ("", "")
        rest = re.sub(edge[0] + re.escape(word) + edge[1], "\0", rest, flags=re.IGNORECASE)
    pieces = [p.strip(" \t,，、:：;；'\"") for p in rest.split("\0")]
    check = _covered if quote else _aligned_span
    return all(check(p, original) for p in pieces if p)


@dataclass(frozen=True, slots=True)
class _Reader:
    """One sentence's check: `new` read left to right as pieces of `original` and lines."""

    new: str
    original: str
    tables: GuiTables

    def line(self, piece: str, templates: list[_Template], replacements: list[str]) -> str:
        """ "line" or "generic" when `piece` is one template line, else ""."""
        for template in templates:
            found = template.pattern.fullmatch(piece)
            if found is None:
                continue
            slots = list(found.groupdict().values())
            if template.catch_all and not all(self.open_slot(v.strip()) for v in slots):
                continue
            if any(not self.open_slot(found.group(name).strip()) for name in template.closed):
                continue
            if all(_slot_ok(v, self.original, replacements, template.quote) for v in slots):
                return "generic" if template.generic else "line"
        return ""

    def open_slot(self, slot: str) -> bool:
        """A catch-all slot reads after any line: a purpose or condition ("to post it", "就能
        保存"), or what the original said to look at ("查看[新添加的转场]")."""
        if _PURPOSE.match(slot):
            return True
        seen = re.search(_SEEN + r"\s*" + re.escape(slot) + r"$", self.original, re.IGNORECASE)
        return seen is not None and not _PARTICLE.search(slot)

    def kept(self, piece: str, starts: set[int]) -> str:
        """ "orig" when `piece` is a span of the original between two boundaries, "lead" when it
        only starts on one (words kept in front of a line), else ""."""
        low, folded = piece.casefold(), self.original.casefold()
        found = ""
        for s in sorted(starts):
            if not folded.startswith(low, s):
                continue
            end = s + len(piece)
            if end in starts:
                return "orig"
            after = self.original[end : end + 1]
            if not (_word(after) and _word(piece[-1])):
                found = "lead"
        return found

    def joined_badly(self, before: set[str], between: str, piece: str, gap: bool) -> bool:
        """A kept clause glued to the line before it as the rest of one gesture."""
        if not before & {"line", "generic"}:
            return False
        if not gap or not (_MARK.search(between) or _JOIN.search(between)):
            return True  # "…give me a URL I can upload it": nothing ends the line
        if not _CONTINUES.search(between):
            return False
        if "generic" in before or any(True for _ in find_cues(piece, self.tables)):
            return True
        # "…发给你，然后[选择 Download MP4]": the second half of the step the line replaced
        intent = self.tables.intent
        if intent is None:
            return False
        lang = intent.en if piece.isascii() else intent.zh
        return lang.gesture.match(piece) is not None

    def ends(self, j: int, line_starts: set[int]) -> list[int]:
        """Where a piece opening at `j` of `new` may end: before a mark, a joining word, or
        a template line."""
        new = self.new
        found = {e for e in range(j + 1, len(new) + 1) if e == len(new) or _SEP.match(new, e)}
        found |= {e for e in range(j + 1, len(new)) if new[e - 1] == " " and _JOIN.match(new, e)}
        found |= {e for e in line_starts if e > j}
        return sorted(found)

    def read(self) -> bool:
        """Read `new` left to right, keeping every offset a run of whole pieces reaches."""
        new = self.new
        starts = _boundaries(self.original, self.tables)
        templates = _templates(self.tables)
        replacements = _replacements(self.tables)
        folded = new.casefold()
        openings = {t.opening for t in templates if t.opening.strip()}
        line_starts = {
            m.start() for o in openings for m in re.finditer(re.escape(o), folded) if m.start()
        }
        reach: dict[int, set[str]] = {0: {"start"}}
        for i in _reached(reach, len(new)):
            before = reach[i]
            gap = _SEP.match(new, i)
            j = gap.end() if gap else i
            join = _JOIN.match(new, j)
            j = join.end() if join else j
            between = new[i:j]
            if j == len(new) and before != {"lead"}:
                return True
            for end in self.ends(j, line_starts) if j < len(new) else []:
                piece = new[j:end]
                if piece.strip() != piece:
                    continue
                kind = self.line(piece, templates, replacements)
                if kind and (before != {"lead"} or between.strip(" ,，") == ""):
                    reach.setdefault(end, set()).add(kind)
                kept = "" if before == {"lead"} else self.kept(piece, starts)
                opened = gap is not None or i == 0
                if kept and not self.joined_badly(before, between, piece, opened):
                    reach.setdefault(end, set()).add(kept)
        return False


def _reached(reach: dict[int, set[str]], size: int) -> Iterator[int]:
    """The offsets of `reach` in order, including those added while reading."""
    yield from (i for i in range(size + 1) if i in reach)


_EMPHASIS = re.compile(r"\*\*[^*\n]+?\*\*|\*[^*\n]+?\*|`[^`\n]+?`")


def _stray_marks(text: str) -> int:
    """Emphasis marks left once every whole `**…**`, `*…*` and code span is taken out."""
    return sum(_EMPHASIS.sub(" ", text).count(mark) for mark in ("*", "`"))


def composed(new: str, original: str, tables: GuiTables) -> bool:
    """Whether `new` is built of whole spans of `original` and whole template lines only."""
    if new in ("", original):
        return True
    if any(new.count(mark) % 2 > original.count(mark) % 2 for mark in _SYMMETRIC) or any(
        new.count(a) - new.count(b) != original.count(a) - original.count(b) for a, b in _PAIRS
    ):
        return False  # "choose *High Quality": an emphasis or a bracket cut in half
    if _stray_marks(new) > _stray_marks(original):
        return False  # "…so you can check** to watch it": the emphasis lost its opening half
    opening = _OPENING.match(original)
    if opening and not _POINTER.match(opening.group(1)) and opening.group(1) not in new:
        return False  # "😍 drop a couple more here": the symbol opening the sentence went
    return _Reader(new, original, tables).read()
