"""Quoted words in a message: the quote marks and the patterns that find a quoted span.

Pure regular expressions, shared by every module that keeps a title's quoted wording out of its
reading. The variants differ on purpose (which marks count, how strictly they pair); each says how.
"""

from __future__ import annotations

import re

__all__ = [
    "ANY_MARK_QUOTED",
    "DOUBLE_MARKS",
    "DOUBLE_OR_SHORT_SINGLE_QUOTED",
    "DOUBLE_OR_SINGLE_QUOTED",
    "DOUBLE_QUOTED",
    "PAIRED_QUOTED",
    "QUOTE_MARK",
    "SINGLE_MARKS",
    "SINGLE_QUOTED",
]

DOUBLE_MARKS = '"“”「」『』《》'
"""Quote marks that are never apostrophes: straight and curly double quotes, CJK brackets."""
SINGLE_MARKS = "'‘’"
"""Single quote marks; the straight one is also the apostrophe of "don't"."""

SINGLE_QUOTED = (
    r"(?<![A-Za-z0-9])'((?:[^'\n]|(?<=[A-Za-z])'(?=[A-Za-z])|'(?=\d\d\b)|'n')+?)'(?![A-Za-z0-9])"
)
"""Words in single quotes, with the apostrophes inside them ('Tom's trip', 'Summer '24',
'Rock 'n' Roll'): an apostrophe between letters, before a two-digit year, or in 'n'."""
_SHORT_SINGLE_QUOTED = r"(?<![a-z])'[^']{1,40}'(?![a-z])"
"""Up to 40 characters in straight single quotes, none of them a straight quote, with no
lower-case letter just outside (the text is case-folded)."""
_DOUBLE_SPAN = f"[{DOUBLE_MARKS}][^{DOUBLE_MARKS}]*[{DOUBLE_MARKS}]"

QUOTE_MARK = re.compile(f"[{DOUBLE_MARKS}{SINGLE_MARKS}]")
"""One quote mark of any kind, apostrophes included: a sign that some wording is quoted."""
PAIRED_QUOTED = re.compile(
    r"“([^”]+)”|‘([^’]+)’|「([^」]+)」|『([^』]+)』|《([^》]+)》|\"([^\"]+)\"" rf"|{SINGLE_QUOTED}"
)
"""Non-empty words between a matching pair of marks (“ with ”, 「 with 」...), or in single
quotes as `SINGLE_QUOTED` reads them; the words are the one group that matched."""
DOUBLE_QUOTED = re.compile(_DOUBLE_SPAN)
"""A span from any double mark to the next (“…」 too), maybe empty; single quotes are not read."""
DOUBLE_OR_SINGLE_QUOTED = re.compile(f"{_DOUBLE_SPAN}|{SINGLE_QUOTED}")
"""`DOUBLE_QUOTED`, or words in single quotes as `SINGLE_QUOTED` reads them."""
DOUBLE_OR_SHORT_SINGLE_QUOTED = re.compile(f"{_DOUBLE_SPAN}|{_SHORT_SINGLE_QUOTED}")
"""`DOUBLE_QUOTED`, or up to 40 characters in straight single quotes (`_SHORT_SINGLE_QUOTED`:
unlike `SINGLE_QUOTED`, no apostrophe may stand inside)."""
ANY_MARK_QUOTED = re.compile(
    f"[{DOUBLE_MARKS}{SINGLE_MARKS}][^{DOUBLE_MARKS}{SINGLE_MARKS}]*[{DOUBLE_MARKS}{SINGLE_MARKS}]"
)
"""A span from any quote mark to the next, single ones and apostrophes included (so "don't …
it's" is a span too)."""
