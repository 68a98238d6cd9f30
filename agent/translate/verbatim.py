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

__all__ = ["button_labels", "keeps_verbatim", "path_options"]

_QUOTES = "\"“‘「『《'"
_MASK_ONE = re.compile(MASK_CLASS)
_PATH_MARK = re.compile(r"\s*(?:>|→|›|»)\s*")
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


def path_options(content: str, cues: list[Cue]) -> list[str]:
    """The numbers and quotes a step's menu path names after its first mark ("Use **Export >
    1080p**"): options of the step, which the probe may read as its own. Only for deciding the
    actions: a sentence that names them is never steps only (`leftover.steps_only`), so it is
    kept whole and they come through."""
    options: list[str] = []
    for cue in cues:
        mark = _PATH_MARK.search(content, cue.start, cue.end) if is_real(cue) else None
        if mark is not None:
            options += protected_tokens(content[mark.end() : cue.end])
    return options


def keeps_verbatim(before: str, after: str, m: Masked, labels: Sequence[str] = ()) -> bool:
    """`after` still holds every protected token of `before` (quoted spans, numbers with their
    units such as "1080p", "45%", "0:03", file names) except `labels`; URLs and code spans may
    give way to a step."""
    lost = Counter(protected_tokens(before)) - Counter(protected_tokens(after)) - Counter(labels)
    return not any(
        not _MASK_ONE.fullmatch(token) or m.original(token)[:1] in _QUOTES for token in lost
    )
