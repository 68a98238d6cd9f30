"""What a template line may stand in for: every protected span of a sentence but the button
labels its steps name (rule 5). Pure; cues come from `agent.translate.rewrite`, masks and
protected tokens from `prose`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from agent.translate.prose import Masked, protected_tokens
from agent.translate.rewrite import Cue, is_real
from agent.translate.tables import MASK_CLASS

__all__ = ["button_labels", "keeps_verbatim"]

_QUOTES = "\"“‘「『《'"
_MASK_ONE = re.compile(MASK_CLASS)
_LABEL_AFTER = re.compile(r"\s*(?:(?:on|the|button|tab)\s+)*" + MASK_CLASS)


def button_labels(content: str, cues: list[Cue]) -> list[str]:
    """The masked button names the GUI steps (`cues`) of a sentence consume (`Click "Export"`,
    `点击“导出”按钮`): they may give way to the template line; every other protected token must
    come through."""
    labels: list[str] = []
    for cue in cues:
        if is_real(cue):
            after = _LABEL_AFTER.match(content, cue.end)
            span = content[cue.start : after.end() if after else cue.end]
            labels += [t for t in protected_tokens(span) if _MASK_ONE.fullmatch(t)]
    return labels


def keeps_verbatim(before: str, after: str, m: Masked, labels: Sequence[str] = ()) -> bool:
    """`after` still holds every protected token of `before` (quoted spans, numbers with their
    units such as "1080p", "45%", "0:03", file names) except `labels`; URLs and code spans may
    give way to a step."""
    lost = Counter(protected_tokens(before)) - Counter(protected_tokens(after)) - Counter(labels)
    return not any(
        not _MASK_ONE.fullmatch(token) or m.original(token)[:1] in _QUOTES for token in lost
    )
