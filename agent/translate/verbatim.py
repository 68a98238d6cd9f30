"""The translator's guard: a rewrite keeps every protected span byte for byte and never runs a
generic line on into leftover words; otherwise the sentence stays whole (rule 5).

Pure; cues come from `agent.translate.rewrite`, masks and protected tokens from `prose`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from agent.translate.prose import Masked, protected_tokens
from agent.translate.rewrite import find_cues, is_real
from agent.translate.tables import MASK_CLASS, GuiTables

__all__ = ["button_labels", "dangles", "keeps_verbatim", "spliced", "verbless"]

_QUOTES = "\"“‘「『《'"
_MASK_ONE = re.compile(MASK_CLASS)
_RUN_ON = re.compile(
    r" ?(?!(?:and|or|then|for|to|so|when|once|if|before|after|as|while|with|until|about|in"
    r"|on|at|of|from|by|into|instead|here|now|later|first|too|again)\b)"
    r"[a-z\u4e00-\u9fff]"
)
# A sentence that stops on a word that needs more ("…swipe up to.", "…if you'd like to (H.264)")
# was cut mid-clause; asides in parentheses and closing symbols do not count as an ending.
# Particles that may end a phrasal verb ("swap in", "turn it on") are not such words.
_OPEN_END = re.compile(
    r"\b(?:to|the|a|an|of|for|with|and|or|then|if|your|my|from|by|into|onto|via)"
    r"(?:\s*[(（][^()（）]*[)）])*[\s\W]*$",
    re.IGNORECASE,
)
# Chinese templates that hand their slot to a verb ("…链接，就能{rest}", "我来帮你{rest}"): a slot
# filled with anything else ("就能已有 beach_01.jpg", "帮你改用…") is a splice.
_ZH_VERB_SLOT = re.compile(r"(?:链接，就能|我来帮你)(?P<next>.)")
_ZH_VERBS = re.compile(
    r"查|看|预|播|下|保|导|上|添|加|选|挑|修|调|改|继|使|用|找|分|发|获|完|开|生|编|删|替|换|试|确|比|对"
    r"|听|了|检|核|浏|撤|恢|设|享|解|去|制|重|升|购|移|拖|放|裁|剪|感|尝|把|将|给|做|弄|让|转|变"
    r"|粘|贴|关|切|延|缩|旋|翻|静|淡|复|拆|合|插|应|启|停|暂|打|输|填|写|拍|录|配|隐|显|锁|导|排"
)
_LABEL_AFTER = re.compile(r"\s*(?:(?:on|the|button|tab)\s+)*" + MASK_CLASS)


def spliced(text: str, tables: GuiTables) -> bool:
    """A generic line runs on into leftover words ("…give me a URL check to see…"): the
    rewrite cut a clause in the wrong place."""
    for table in tables.languages:
        for kind in table.kinds.values():
            # mid-sentence the line opens in lower case ("…, then send the file in chat…")
            at = text.casefold().find(kind.bare.casefold()) if kind.bare else -1
            if at >= 0 and _RUN_ON.match(text, at + len(kind.bare)):
                return True
    return False


def dangles(text: str, original: str) -> bool:
    """The rewrite ends on a word that needs more where the original did not: a splice."""
    return _OPEN_END.search(text) is not None and _OPEN_END.search(original) is None


def verbless(text: str, original: str) -> bool:
    """A Chinese template's verb slot holds no verb where the original had no such slot."""
    return any(
        not _ZH_VERBS.match(slot.group("next")) and slot.group(0) not in original
        for slot in _ZH_VERB_SLOT.finditer(text)
    )


def button_labels(content: str, tables: GuiTables, question: bool) -> list[str]:
    """The masked button names a GUI step consumes (`Click "Export"`, `点击“导出”按钮`): they
    may give way to the rewrite; every other protected token must come through."""
    labels: list[str] = []
    for cue in find_cues(content, tables, question):
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
