"""An edit said before a sequence word and the export: "…smooth一点，然后render出来给我".

A turn whose plan exports with no `sse` may still ask for work before the export, in words
the rules do not read (code-switched Chinese, slang): "…太硬了，smooth一点，然后render出来给我".
A clause before a sequence word (然后, 再, 之后, then, after that, 完了, 搞完) that leads to
the export is work, unless it only approves ("looks good", 好了, 搞掂, 就这样), greets, thanks
or hands a file over. Then the plan runs `sse` before the export: an extra agent turn costs
little, a render of the unedited video costs credits.

Pure regex work over the keyword stage's prepared text (lower case, Simplified, quotes masked).
"""

from __future__ import annotations

import re
from dataclasses import replace

from agent.router.route import Route

__all__ = ["edit_in_sequence", "work_before_sequence"]

_SEQUENCE = re.compile(
    r"(?<![a-z])(?:and\s+then|then|after\s+that|afterwards|once\s+(?:thats|that\s+is|its)\s+done)"
    r"(?![a-z])"
    r"|然后|然後|之后|之後|完了|搞完|弄完|做完|整完|再(?!见|見|次|一次)"
)
_EXPORT = re.compile(
    r"(?<![a-z])(?:export|render|download|mp4|final\s+(?:file|version|cut|video))"
    r"|[导導]出|[汇匯]出|渲染|出片|下[载載]|成片|出[来來]|出(?:返|番|多)?一?[条條版个個]|出(?:返|番)片|出埋"
)
# Cantonese 埋 (= as well) after an export verb ("整好字幕，出埋片"): the export follows work
_ALSO = re.compile(r"(?:出|[导導]出|[汇匯]出|渲染|下[载載]|export|render)\s*埋")
_CLAUSE = re.compile(r"[,.;:!?\n，。；：！？、~]|\s[-—–]+\s|—")
# words that approve, greet, thank, hand a file over or only point at the video: no work asked
_IDLE = re.compile(
    r"(?<![a-z])(?:looks?|look(?:ing|s)?|good|great|fine|perfect|nice|cool|awesome|amazing|love"
    r"|it|its|this|that|thats|the|a|video|vid|clip|cut|edit|all|done|ready|set|ok|okay|k|kk|yes"
    r"|yeah|yep|yup|sure|alright|right|so|now|just|please|pls|plz|thanks|thank|you|thx|ty|hi|hey"
    r"|hello|yo|cheers|and|is|are|everything|good\s+to\s+go|we|i|im|me|my|our|here|heres|go|got"
    r"|file|files|attached|upload(?:ed)?|wow|lol|haha|omg|first|ahead|well|then|very|really|much"
    r"|super|totally|100|approved|approve|happy|with|sounds|sound|lgtm|fire|slaps|dope|sick)(?![a-z])"
    r"|好了|好的|好|搞掂|搞定|就这样|就咁|可以|行|不错|没问题|挺好|完美|满意|ok|嗯|哦|啊|吧|啦|了|的"
    r"|靓|靚|正|得|晒|好睇|谢谢|麻烦|请|你|我|帮我|[改剪弄搞做整修调]|一下|这个|这|那|视频|片子|片|条片|剪辑|都|已经|全部|上传|附件|文件|给你|发你"
)
_SUBSTANCE = re.compile(r"[a-z]{2,}|[\u3400-\u9fff]")


def work_before_sequence(text: str) -> bool:
    """Whether the prepared turn `text` says work before a sequence word that leads to its
    export: the clause it follows holding words no approval, courtesy or handover accounts for."""
    steps = [*_SEQUENCE.finditer(text), *_ALSO.finditer(text)]
    steps.sort(key=lambda m: m.start())
    exported = list(_EXPORT.finditer(text))
    if not steps or not exported:
        return False
    last = exported[-1].start()
    # "幫我 render 埋佢" alone is completive (get it done); after a clause of work, "as well"
    leading = [
        m
        for m in steps
        if m.end() <= last or (_ALSO.match(m.group(0)) and _CLAUSE.search(text, 0, m.start()))
    ]
    if not leading:
        return False
    before = text[: leading[-1].start()]
    if _EXPORT.search(before):
        before = before[_last_export_end(before) :]
    clauses = [c for c in _CLAUSE.split(before) if c.strip()]
    clause = clauses[-1] if clauses else ""  # the clause the sequence word follows
    return _SUBSTANCE.search(_IDLE.sub(" ", clause)) is not None


def _last_export_end(text: str) -> int:
    """Where the last clause naming an export ends: work said before it is another step."""
    end = max(m.end() for m in _EXPORT.finditer(text))
    cut = _CLAUSE.search(text, end)
    return cut.end() if cut is not None else len(text)


def edit_in_sequence(routed: Route, text: str) -> Route:
    """The plan with `sse` before its export when the turn says work before a sequence word
    leading to the export (see `work_before_sequence`); else the plan as it is."""
    actions = routed.actions
    if "export" not in actions or "sse" in actions or not set(actions) <= {"upload", "export"}:
        return routed
    if not work_before_sequence(text):
        return routed
    at = actions.index("export")
    return replace(routed, actions=(*actions[:at], "sse", *actions[at:]))
