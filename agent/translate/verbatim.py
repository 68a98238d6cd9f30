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

__all__ = [
    "button_labels",
    "dangles",
    "keeps_verbatim",
    "pieced",
    "spliced",
    "verbless",
    "without_place",
]

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
_FIELD = re.compile(r"\{[a-z_]+\}")
_TRIM = " \t,，、:：;；-—–*_.。!！?？()（）\"'“”‘’「」"
_INNER_MARKS = ".-'’"
# A kept clause that is only a place ("under My Wallet", "in your profile") modifies the step it
# stood beside; once that step is a template line it modifies nothing.
_PLACE_ONLY = re.compile(
    r"(?:under|in|on|at|from|via|inside|within|through|next\s+to|beside|below|above)\s"
    r"(?![^,;]*\b(?:is|are|was|were|will|can|has|have|had|shows?|lets?|get|gets)\b)",
    re.IGNORECASE,
)
# Words kept after their subject or place was rewritten away ("[素材库里]能找到…").
_EXAMPLE = re.compile(r"(?<=e\.g\. ')[^']*(?=')|(?<=例如“)[^”]*(?=”)")
_WORDY = re.compile(r"[A-Za-z0-9\u3400-\u9fff]")
_HEADLESS = re.compile(r"(?:能|可以|可|会)")
_CLAUSE_END = ",，、;；:：—"
_PIECE_END = re.compile(r"[\0,，、;；:：]|" + MASK_CLASS)
_ZH_PLACE = (
    r"(?:在)?[\u3400-\u9fffA-Za-z ]{0,8}?"
    r"(?:面板|菜单|窗口|素材库|库|栏|页面|页|中心|编辑器|时间线|列表|设置)"
    r"(?:中|里|上|内)?的?"
)
# A place dropped from inside a clause ("adjust the fade [in the Audio settings] if needed")
_PLACE = (
    r"(?:in|on|from|at|inside|within|via|using|with)\s+(?:the|your|a)\s+[\w-]+(?:\s+[\w-]+){0,2}"
)
_PLACE_GAP = rf"\s+(?:{_PLACE}\s+)?"
_PLACE_TAIL = rf"(?:\s+{_PLACE})?(?![\w'’-])"
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


def _literals(tables: GuiTables) -> list[str]:
    """Every fixed piece of text a rewrite may add: template lines with their slots cut out."""
    found: set[str] = set()
    for table in tables.languages:
        texts = [table.joiner, table.alt_joiner]
        for kind in table.kinds.values():
            texts += [kind.bare, kind.short, *(rule.text for rule in kind.body)]
        texts += [t for rule in table.rules for t in (rule.replace, rule.offer)]
        for text in texts:
            found.update(p.strip() for p in _FIELD.split(text) if p.strip(_TRIM))
    return sorted(found, key=len, reverse=True)


def _word(ch: str) -> bool:
    """A character inside a Latin word or a masked token (Chinese has no word edges)."""
    return (ch.isascii() and ch.isalnum()) or _MASK_ONE.fullmatch(ch) is not None


def _aligned(original: str, start: int, end: int) -> bool:
    """`original[start:end]` starts and ends on a word boundary ("H.264" is one token)."""
    before = original[start - 1] if start > 0 else ""
    after = original[end] if end < len(original) else ""
    if before and (_word(before) and _word(original[start])):
        return False
    if after and (_word(after) and _word(original[end - 1])):
        return False
    if before in _INNER_MARKS and start > 1 and _word(original[start - 2]):
        return False
    return not (after in _INNER_MARKS and end + 1 < len(original) and _word(original[end + 1]))


def without_place(piece: str, original: str) -> bool:
    """`piece` is a word-aligned span of `original` once one place phrase inside it is left out."""
    if not piece.isascii():
        return any(
            re.search(re.escape(piece[:i]) + _ZH_PLACE + re.escape(piece[i:]), original)
            for i in range(1, len(piece))
        )
    words = piece.split()
    pattern = r"(?<![\w.'’-])" + _PLACE_GAP.join(map(re.escape, words)) + _PLACE_TAIL
    return re.search(pattern, original, re.IGNORECASE) is not None


def _kept_whole(piece: str, original: str) -> bool:
    """A leftover of a rewrite is a contiguous, word-aligned span of the original that reads
    on its own: no bare place, no verb whose subject went."""
    folded, low = original.casefold(), piece.casefold()
    at = folded.find(low)
    while at >= 0 and not _aligned(original, at, at + len(piece)):
        at = folded.find(low, at + 1)
    if at < 0:
        return without_place(piece, original) and not _PLACE_ONLY.match(piece)
    # a clause of its own may open on "可以"; right after a rewritten place it lost its subject
    opens = at == 0 or original[:at].rstrip()[-1:] in _CLAUSE_END
    return not (_PLACE_ONLY.match(piece) or (_HEADLESS.match(piece) and not opens))


def pieced(text: str, original: str, tables: GuiTables) -> bool:
    """The rewrite of a sentence holds words that are neither a template line nor a whole
    span of the original ("I'll show you the current tracks if doesn't update", "…for you
    .264)"): it rewrote part of a clause and kept fragments of the rest (rule 5)."""
    if text in ("", original):
        return False
    rest = _EXAMPLE.sub("\0", text)  # "Tell me, e.g. 'move it down'": a sample to say
    for literal in _literals(tables):
        head = r"(?<![A-Za-z0-9'’-])" if literal[0].isascii() and literal[0].isalnum() else ""
        tail = r"(?![A-Za-z0-9'’-])" if literal[-1].isascii() and literal[-1].isalnum() else ""
        rest = re.sub(head + re.escape(literal) + tail, "\0", rest, flags=re.IGNORECASE)
    # a quoted label or a clause mark ends a piece: each side is a span of its own
    pieces = (p.strip(_TRIM) for p in _PIECE_END.split(rest))
    return any(p and not _kept_whole(p, original) for p in pieces if _WORDY.search(p))
