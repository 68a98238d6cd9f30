"""Text that is safe to print on a terminal: control sequences from the backend removed. Pure.

Backend text (replies, questions, file names, titles, error messages) is untrusted: an escape
sequence in it could retitle the window, clear the screen or forge lines. JSON output keeps the
text as it is (JSON escapes control characters); only what is printed for people goes through
`printable`.
"""

from __future__ import annotations

import re

__all__ = ["printable"]

_SEQUENCES = re.compile(
    r"""
    (?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?      # CSI (7- or 8-bit) with its final byte
    | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])                # OSC, DCS, SOS, PM, APC strings ...
      [^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?                  # ... up to BEL or ST (or the end)
    | \x1b[\x20-\x2f]*[\x30-\x7e]?                           # any other escape sequence
    | [\x00-\x08\x0b-\x1f\x7f-\x9f]                          # every other C0 and C1 control
    """,
    re.VERBOSE,
)


def printable(text: str) -> str:
    """`text` without C0/C1 control characters and the escape sequences they start.

    Newline and tab are kept; a carriage return is dropped (it could overwrite a line).
    """
    return _SEQUENCES.sub("", text)
