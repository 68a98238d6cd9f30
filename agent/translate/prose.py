"""Prose plumbing for the translator: mask verbatim spans, split lines, sentences and clauses.

Pure text functions; they know nothing about GUI words. Splitting is lossless: joining the
pieces of a split gives back the input exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.translate.tables import MASK_BASE, MASK_CLASS

__all__ = [
    "QUOTES",
    "Masked",
    "Sentence",
    "clause_bounds",
    "content_symbols",
    "mask",
    "paren_groups",
    "protected_tokens",
    "split_lines",
    "split_sentences",
]

# Quotes of every style: a quoted span is the reply's own words (a title, a caption), never a step.
QUOTES = (
    re.compile(r'"[^"\n]+"'),
    re.compile(r"“[^”\n]+”"),
    re.compile(r"‘[^’\n]+’"),
    re.compile(r"「[^」\n]+」"),
    re.compile(r"『[^』\n]+』"),
    re.compile(r"《[^》\n]+》"),
    # a single-quoted span may hold an apostrophe between letters ('we're done')
    re.compile(r"(?<![\w'])'(?:[^'\n]|(?<=\w)'(?=\w))+?'(?![\w])"),
)
# Order matters: code first (it may hold quotes), then URLs, then quotes of every style.
_VERBATIM = (
    re.compile(r"```.*?```", re.DOTALL),
    re.compile(r"`[^`\n]+`"),
    re.compile(r"\bhttps?://[^\s<>\"'“”‘’（）()\[\]{}。，！？；、「」『』《》【】]+"),
    re.compile(r"\bwww\.[^\s<>\"'“”‘’（）()\[\]{}]+"),
    re.compile(  # a bare site address ("nemovideo.com/dashboard/billing")
        r"(?<![\w@.-])(?:[a-z0-9-]+\.)+(?:com|ai|io|net|org|app|co|cn)\b"
        r"(?:/[^\s<>\"'“”‘’（）()\[\]{}]*)?",
        re.IGNORECASE,
    ),
    *QUOTES,
)
_URL_TAIL = re.compile(r"[.,;:!?。，！？；…]+$")
_MASK_CHAR = re.compile(MASK_CLASS)
_LIST_PREFIX = re.compile(r"^\s*(?:[-*+•]\s+|\d+[.)]\s+|#{1,6}\s+|>\s*)?")
_SENTENCE = re.compile(
    r"(?P<content>.*?)(?P<term>[.!?;…]+(?=\s|$)|[。！？；]+|$)(?P<ws>[ \t\u3000]*)"
)
_CLAUSE_SEP = re.compile(
    r"\s*(?:,(?!\d)|，|、|～|(?<!\d):(?!\d)|:(?=\s)|：)(?:\*\*|__)?\s*"
    r"|\s+[—–-]{1,2}\s+|\s*——\s*"
    r"|\s*[\u25a0-\u25ff\u2600-\u27bf\u2b00-\u2bff\U0001f300-\U0001faff]"
    r"[\ufe0f\u200d\u25a0-\u25ff\u2600-\u27bf\u2b00-\u2bff\U0001f300-\U0001faff]*\s*"
)
_SYMBOL = re.compile(
    r"[\u25a0-\u25ff\u2600-\u27bf\u2b00-\u2bff\U0001f300-\U0001faff][\ufe0f\u200d]*"
)
# arrows and pointing hands lead into what follows them; other emoji close what precedes them
_POINTER = re.compile(
    r"[\u25b6\u25ba\u27a1\u2b05-\u2b07\u2b95\U0001f446-\U0001f449\U0001f53d][\ufe0f]*"
)
_PARENS = re.compile(r"\s*[(（](?P<inner>[^()（）]*)[)）]")


# What a rewrite must carry through byte for byte: a masked span, a file name, or a number
# with its unit; a step number ("1)", "Step 2:") is a label, not content.
_PROTECTED = re.compile(
    MASK_CLASS
    + r"|[\w-]+\.(?:mp4|mov|avi|webm|mkv|jpe?g|png|gif|webp|mp3|wav|m4a|aac)\b"
    + r"|(?<![\w.])\d+(?:[.,:：–-]\d+)*(?:\s?%|[a-z]+\b)?(?![).]\s|[).]$)",
    re.IGNORECASE,
)


def protected_tokens(text: str) -> list[str]:
    """The spans of `text` a rewrite must keep verbatim (see `_PROTECTED`), in order."""
    return _PROTECTED.findall(text)


@dataclass(frozen=True, slots=True)
class Masked:
    """Text with verbatim spans replaced by single placeholder characters."""

    text: str
    spans: tuple[str, ...]

    def original(self, char: str) -> str:
        """The verbatim text a placeholder character stands for (itself if it is none); a
        span masked inside another ('"`0`"': the code, then the quote) comes back whole."""
        index = ord(char) - MASK_BASE
        if not 0 <= index < len(self.spans):
            return char
        inner = self.spans[index]
        return _MASK_CHAR.sub(lambda m: self.original(m.group(0)), inner) if index else inner

    def restore(self, text: str) -> str:
        """Put the verbatim spans back into `text`."""
        return _MASK_CHAR.sub(lambda m: self.original(m.group(0)), text)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its content, terminator and the whitespace after it."""

    content: str
    term: str
    ws: str


def mask(text: str) -> Masked:
    """Replace code, URLs and quoted spans with placeholders so GUI matching skips them.

    Text that already contains placeholder-range characters is returned unmasked (its
    characters would be ambiguous); such text never occurs in backend prose.
    """
    if _MASK_CHAR.search(text):
        return Masked(text, ())
    spans: list[str] = []

    def sub(match: re.Match[str]) -> str:
        value = match.group(0)
        tail = _URL_TAIL.search(value) if value[:1] not in "`\"“‘「『《'" else None
        keep = value[: tail.start()] if tail else value
        spans.append(keep)
        return chr(MASK_BASE + len(spans) - 1) + (tail.group(0) if tail else "")

    for pattern in _VERBATIM:
        text = pattern.sub(sub, text)
    return Masked(text, tuple(spans))


_LINE_ENDS = "\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029"
"""Every character `str.splitlines` ends a line at: the newline of a line, never its body."""


def split_lines(text: str) -> list[tuple[str, str, str]]:
    """Split into `(prefix, body, newline)` triples; prefix is a markdown list/quote marker."""
    lines = []
    for line in text.splitlines(keepends=True):
        body = line.rstrip(_LINE_ENDS)
        newline = line[len(body) :]
        prefix = _LIST_PREFIX.match(body)
        cut = prefix.end() if prefix else 0
        lines.append((body[:cut], body[cut:], newline))
    return lines


def split_sentences(line: str) -> list[Sentence]:
    """Split one line into sentences at `.!?;` (before whitespace) and `。！？；`."""
    sentences = []
    pos = 0
    while pos < len(line):
        match = _SENTENCE.match(line, pos)
        if match is None or match.end() == pos:  # pragma: no cover - the pattern always advances
            sentences.append(Sentence(line[pos:], "", ""))
            break
        sentences.append(Sentence(match["content"], match["term"], match["ws"]))
        pos = match.end()
    return sentences


def clause_bounds(content: str, protected: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Clause `(start, end)` spans of a sentence, splitting at commas, colons and dashes.

    A separator inside a `protected` span (a matched GUI cue) or inside parentheses
    ("(16:9, 9:16, 1:1)") does not split.
    """
    protected = protected + [g.span() for g in _PARENS.finditer(content)]
    bounds = []
    start = 0
    for sep in _CLAUSE_SEP.finditer(content):
        if sep.start() == 0 or any(a < sep.end() and sep.start() < b for a, b in protected):
            continue
        bounds.append((start, sep.start()))
        start = sep.end()
    bounds.append((start, len(content)))
    return bounds


def content_symbols(separator: str) -> str:
    """The emoji of a clause separator that close the clause before it ("done 🎉" keeps 🎉).

    Returns them with the space before them, or "" when there are none.
    """
    symbols = "".join(s.group(0) for s in _SYMBOL.finditer(_POINTER.sub("", separator)))
    if not symbols:
        return ""
    return (" " if separator[:1].isspace() else "") + symbols


def paren_groups(content: str) -> list[re.Match[str]]:
    """Parenthesised asides ("(click Export to download)"), each with its leading space."""
    return list(_PARENS.finditer(content))
