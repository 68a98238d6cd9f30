"""Whether the answer a reply asks for rides with the file it also asks for.

A reply that asks for a file and an answer beside it ("First, please upload your logo …
Second, tell me which narration voice you want") is answered by one message: the upload, with
the user's words beside it. The upload carries the answer to the agent, so no separate turn to
the agent (`sse`) runs. An answer asked INSTEAD of the file ("If not, reply 'no logo'",
"Otherwise, reply 'continue'", 没有的话回复“跳过”) may come with no file at all: it still goes
to the agent. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["rides_with_upload"]

_INSTEAD = re.compile(
    r"\b(?:otherwise|if\s+not|if\s+you\s+don['’]?t|or\s+(?:just\s+)?(?:reply|type|say|tell)"
    r"|instead|else|no\s+worries\s+if\s+not|skip)\b"
    r"|否则|不然|要不然|没有的话|沒有的話|如果没有|如果沒有|唔使的话|冇的话|冇嘅話|或者直接回复|跳过",
    re.IGNORECASE,
)


def rides_with_upload(answers: Iterable[str]) -> bool:
    """Whether every sentence in `answers` (those that ask for the user's answer, in a reply
    that asks for a file) asks it beside the file, none instead of it."""
    return not any(_INSTEAD.search(said) for said in answers)
