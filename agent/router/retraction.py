"""The export's last gate: no retraction, negation, hedge or correction touches it.

Whatever stage planned an export, it runs only when nothing in the turn takes it back. The
rules read negators before an export word; this gate reads the turn as a whole, so it also sees
the cue that comes after ("export… actually scratch that", 导出吧，算了不导了), an opinion that
scopes over the verb it governs ("I don't think we should go ahead and render", 我觉得还是别导出)
and a correction naming the export ("scratch the export part"). An export said again after the
last bare correction stands ("scratch that, add the music first, then export"); one
named in a negation or hedge does not, wherever it is: the user says it again next turn.

Fail safe by design: a missed export costs the user one more turn; an unwanted one costs credits.
Pure regex work over the prepared text (quotes masked, Cantonese read as Mandarin).
"""

from __future__ import annotations

import re

__all__ = ["retracted"]

_EXPORT = (
    r"(?:i-?)?(?:export|render|download|mp4|final\s+(?:file|version|cut|video))[a-z]*"
    r"|[导導]出|[汇匯]出|渲染|出片|下[载載]|成片|[导導](?=了|吧|啦|住|先)|出住"
)
# words a negation may reach over before the export word, not across "and", "then", "but"
_GAP = r"(?:(?!(?:and|then|but|so|just|also)\b)[a-z'-]+\s+){0,3}?"
# a negator or retraction verb with the export word in its scope
_NEGATED = (
    r"(?<![a-z])(?:dont|do\s+not|doesnt|no|not|never|without|cancel|scratch|scrap|forget"
    r"|skip(?!\s+(?:straight\s+|right\s+|directly\s+)?to\b)|drop(?!\s+(?:(?:the|that|this|my|a)\s+)?(?:mp4|file|link|final|video|it)\b)|ditch|nix|kill|hold\s+off(?:\s+on)?|never\s*mind|no\s+need\s+(?:to|for)|stop"
    r"|wag|huwag|hwag|hindi|mat|nahi|nahin)\s+" + _GAP + rf"(?:{_EXPORT})"
    # Hindi puts its "not" after the verb ("export mat karo", "render abhi nahi karna")
    rf"|(?:{_EXPORT})\s+(?:[a-z]+\s+){{0,2}}?(?:mat|nahi|nahin|na)\s+(?:kar|karo|karna|karein|do)\b"
    # Japanese in romaji puts it after the verb too ("export wa mada shinaide", "render o yamete")
    rf"|(?:{_EXPORT})\s+(?:(?:wa|wo|o|mo)\s+)?(?:mada|ato\s*de|yamete|shinaide|shinai|dame)\b"
    # 不导了, 别导出, 先不要出住, 取消导出, 不用渲染
    r"|(?:不|别|別|勿|没必要|取消|停)(?:要|用|急着?|必|想)?(?:住|先)?\s*(?:[导導汇匯]|出|渲染|下[载載])"
    # the export put off to later talk (导出的事以后再说, "render的事later再讲", 出片遲啲先算)
    rf"|(?:{_EXPORT})(?:的事|这件事|這件事|这事|這事|嘅嘢|嘅事)?\s*(?:(?:later|以后|以後|之后|之後"
    r"|稍后|稍後|迟啲|遲啲|晚点|晚點|回头|回頭|改天|等阵|等陣)\s*(?:先|再)\s*(?:讲|講|说|說|算|谈|談|看|搞|做|弄)"
    r"|再(?:讲|講|说|說|谈|談))"
)
# a positive that only looks negated ("don't forget to export", "no matter what, render")
_NOT_NEGATION = re.compile(
    r"(?<![a-z])(?:dont\s+forget|do\s+not\s+forget|never\s+forget|dont\s+mind|no\s+matter"
    r"|not\s+only|why\s+not|cant\s+wait|no\s+problem|no\s+worries|no\s+cap"
    r"|(?:its\s+)?not\s+(?:like|that)\s+(?:i|we)\s+(?:dont|do\s+not))\b"
)
# a bare correction: it takes back what came before it ("…export. scratch that", 算了)
_BARE = (
    r"(?<![a-z])(?:scratch|scrap|strike|belay|cancel|ignore|undo|forget)\s+(?:that|it|this)\b"
    r"|(?<![a-z])never\s*mind(?=\s*(?:that|it|this)?\s*(?:[.,;!?~-]|$))"
    r"|(?<![a-z])on\s+second\s+thoughts?\b|(?<![a-z])(?:actually|wait|hmm+|oh)\W+(?:no|nah|nope"
    r"|dont|not|hold|stop|cancel|scratch|forget|skip)\b|(?<![a-z])(?:not\s+yet|hold\s+off"
    r"|hold\s+on|rehne\s+do|chhodo|chodo|wag\s+na|huwag\s+na|olvidalo|olvídalo|mejor\s+no)\b"
    # a clause that is only "dont" or "wait" ("export it, eh dont, wait", "tolong export, jangan")
    r"|(?:^|[,.;!?~\u2013\u2014]\s*|\s-+\s*)(?:(?:eh|oh|uh|hmm+|no|nah|well|maybe|actually|or|um+|erm)\s+)*"
    r"(?:dont|wait|maybe\s+not|or\s+not|better\s+not|nah|nope|hang\s+on|hold\s+up|one\s+sec"
    r"|(?:wait|just)\s+a\s+(?:sec|second|minute|min|moment|bit))\s*(?=[,.;!?~\u2013\u2014]|\s-|$)"
    # the user joking about the order ("export it, just kidding, add the end card first")
    r"|(?<![a-z])(?:just\s+kidding|jk|j\s*k|kidding|psych|nvm|nevermind|scratch\s+that"
    r"|not\s+so\s+fast)\b"
    r"|算了|算啦"
    # a clause that is only a hold or a correction ("幫我匯出，唔好住，…", "导出吧，等等，…",
    # "导出，不对，…", "出片啦，还是不要了"): the prepared text reads 唔好 as 不要
    r"|(?:^|[,.;!?~\-\u2013\u2014]\s*)(?:(?:啊|哦|嗯|呃|唉|噢|欸|诶|誒)\s*)*(?:不要住|唔好住|咪住|等等|等一下|等阵"
    r"|等陣|等一等|等下|且慢|慢着|慢著|不对|不對|唔啱|不是|还是不要|還是不要|还是算了|還是算了|先别"
    r"|先別|先不要|不要了|不用住|不使住|唔使住|停一停|停停)\s*(?:了|啦|喇|先|吧|住)?\s*(?=[,.;!?~\-\u2013\u2014]|$)"
)
# an opinion or hedge over the verb it governs, up to the clause's end
_HEDGE = (
    r"(?<![a-z])(?:(?:i\s+)?(?:dont|do\s+not|dont\s+really)\s+think\s+(?:we|i|you|it|its|thats)"
    r"|not\s+sure\s+(?:we|i|you|if|whether|that|its|about)|i\s+doubt|better\s+not"
    r"|(?:id|i\s+would|wed|we\s+would)\s+rather\s+not|no\s+point|not\s+a\s+good\s+idea"
    r"|i\s+wouldnt|we\s+shouldnt)\b"
    r"(?:(?!\b(?:but|instead|rather|just|however|so)\b)[^.;!?])*?(?:" + _EXPORT + r")"
    r"(?:(?!\b(?:but|instead|rather|just|however|so|then)\b)[^.;!?])*"
    r"|(?:我?(?:觉得|覺得|看|想)(?:还是|還是)?(?:别|別|不要|不用|不必|先别|先不要)"
    r"|我?(?:不|唔)(?:觉得|覺得|认为|認為)|未必要|不太想)[^.;!?,]*?(?:" + _EXPORT + r")"
)
# the user turning back round after a "no" ("don't export — wait, yes, do export", 还是导出吧),
# or putting the export in its place ("wait no, first make the text bigger, then export")
_REAFFIRMED = re.compile(
    r"(?<![a-z])(?:yes|yeah|yep|ok|okay|fine|then|after\s+that|afterwards)\W+"
    rf"(?:(?:do|go\s+ahead\s+and|please|lets|just)\s+)?(?:{_EXPORT})"
    r"|(?:还是|還是|那就|好吧|然后|然後|再)(?:[导導]出|[汇匯]出|出片)"
)
_NEGATED_RE = re.compile(_NEGATED)
_BARE_RE = re.compile(_BARE)
_HEDGE_RE = re.compile(_HEDGE)
_POSITIVE = re.compile(rf"(?<![a-z])(?:{_EXPORT})")


# a script the tables do not read (Korean, Japanese kana): its negations and deferrals go
# unseen ("export는 내일 할게요", "エクスポートはまだしないで"), so the export abstains
_UNREAD_SCRIPT = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\uac00-\ud7af]")


def retracted(text: str) -> bool:
    """Whether a cue in the prepared turn `text` takes its export back: a negation or hedge
    over an export word anywhere, a bare correction after the last export word that stands
    outside one, or words in a script whose cues the router cannot read."""
    if _UNREAD_SCRIPT.search(text):
        return True
    spared = [m.span() for m in _NOT_NEGATION.finditer(text)]

    def spans(pattern: re.Pattern[str]) -> list[tuple[int, int]]:
        return [
            m.span()
            for m in pattern.finditer(text)
            if not any(s <= m.start() < e for s, e in spared)
        ]

    scoped = [*spans(_NEGATED_RE), *spans(_HEDGE_RE)]
    bare = spans(_BARE_RE)
    turned = max((m.start() for m in _REAFFIRMED.finditer(text)), default=-1)
    if any(start > turned for start, _ in scoped):
        return True
    positives = [m.start() for m in _POSITIVE.finditer(text)]
    return any(start > max(positives, default=-1) for start, _ in bare)
