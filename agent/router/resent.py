"""An export asked again after its delivery failed (issue #10, round 32): "the link you sent
expired, can I get it again?", 可唔可以send個file俾我, 可以再傳一次檔案給我嗎.

A polite question for the file ("can I get it again?", 可以…给我吗) is a request, not a question
about what the agent can do; the rules keep a question from ever exporting, so the request is
read in its plain form ("send me the file again"). "it" alone names the file only after a
delivery failure the turn states (a link expired, dead, broken, never arrived); the file, the
link or the video named outright needs none. Only the routing reads the rewrite; the export
gates (a wait, a condition, a negation) still hold.

Pure regexes over the raw turn, lower-cased.
"""

from __future__ import annotations

import re

__all__ = ["asked_again"]

_APOSTROPHE = re.compile(r"['’]")

_FAILED = re.compile(
    r"\b(?:link|url|file|download|export|video|mp4)s?\b[^.?!]{0,30}?\b(?:expired|expires|dead"
    r"|broken|broke|(?:is|was|s)\s+gone|doesnt\s+(?:work|open|load)|didnt\s+(?:work|come|arrive"
    r"|open|load)|does\s+not\s+(?:work|open)|did\s+not\s+(?:work|come|arrive)|not\s+working"
    r"|never\s+(?:came|arrived|showed)|got\s+lost|corrupt(?:ed)?|404)"
    r"|\b(?:lost|deleted|never\s+got|cant\s+(?:find|open)|couldnt\s+(?:find|open))\s+"
    r"(?:the|my|your|that)\s+(?:link|file|download|export|video|mp4)"
    r"|(?:链接|鏈接|連結|link|文件|档案|檔案|file|视频|視頻|条片|條片)[^，。,.?？!！]{0,6}?"
    r"(?:过期|過期|失效|打唔开|打唔開|打不开|打不開|开不了|開不了|坏了|壞了|冇咗|没了|沒了|下载不了|下載不了)"
    r"|(?:收唔到|收不到|没收到|沒收到|冇收到|下载唔到|下載唔到|打唔开|打唔開)"
)
_AGAIN_EN = re.compile(
    r"\b(?:can|could|may)\s+(?:i|we|you|u)\s+(?:please\s+)?(?:get|have|grab|send|resend|re-send"
    r"|give)\s+(?:(?:me|us)\s+)?(?P<what>it|that|this|one|(?:the|a|another|a\s+new|a\s+fresh)\s+"
    r"(?:new\s+|fresh\s+)?(?:link|file|download|copy|export|video|mp4))"
    r"(?:\s+(?:to\s+)?(?:me|us))?(?P<again>\s+(?:again|once\s+more|one\s+more\s+time|back"
    r"|over\s+again)\b)?"
    r"(?:\s+(?:please|pls))?\s*[?]*(?=\s*(?:[,.;!?]|$))"  # "… again with the new song": an edit
)
_TO_ME = (
    r"(?:给|給|俾|畀)\s*(?:我|我哋|我们|我們)"
    r"\s*(?:吗|嗎|呀|啊|吖|得唔得|好唔好|好吗|好嗎)?\s*[?？]*"
)
_AGAIN_ZH = re.compile(
    r"(?:可唔可以|可不可以|可以|能不能|能唔能|能否|可否|麻烦|麻煩|唔该|唔該|请|請)\s*(?:你\s*)?"
    r"(?:再|重新)?\s*(?:send|传|傳|发|發|寄)\s*(?:多)?\s*(?:一次|一下|多次|返|番)?\s*"
    r"(?:个|個|嗰个|嗰個|那个|那個|份)?\s*"
    r"(?:file|文件|档案|檔案|链接|鏈接|連結|link|条片|條片|视频|視頻|成片|片)\s*"
    rf"{_TO_ME}"
)
# the file unnamed after a failed delivery (我收唔到個file，可唔可以再send過嚟)
_AGAIN_ZH_VAGUE = re.compile(
    r"(?:可唔可以|可不可以|可以|能不能|能唔能|能否|可否|麻烦|麻煩|唔该|唔該|请|請)\s*(?:你\s*)?"
    r"(?:再|重新)\s*(?:send|传|傳|发|發|寄)\s*(?:多)?\s*(?:一次|一下|多次|返|番)?\s*"
    rf"(?:{_TO_ME}|(?:过来|過來|过嚟|過嚟|嚟)\s*(?:吗|嗎|呀|啊|吖|得唔得|好唔好)?\s*[?？]*)"
)

# a cheap look first: an ask for the file says "can", "could", "may" or a Chinese request
_ASKED = re.compile(r"\b(?:can|could|may)\b|可|能|麻烦|麻煩|唔该|唔該|请|請")

# a wait, a condition or a refusal anywhere in the turn: the rewrite never speaks over it
_HELD = re.compile(
    r"\b(?:tomorrow|later|tonight|once|when|whenever|if|unless|until|till|after|before|next"
    r"|monday|tuesday|wednesday|thursday|friday|weekend|dont|do\s+not|not\s+yet|wait|hold)\b"
    r"|明天|听日|聽日|晚点|晚點|稍后|稍後|之后|之後|以后|以後|等|如果|要是|不要|唔好|先别|先不|未"
)


def asked_again(text: str) -> str:
    """The turn with a polite question for the file read as the request it is; the turn itself
    when it has none."""
    said = _APOSTROPHE.sub("", text.casefold())
    if _ASKED.search(said) is None or _HELD.search(said) is not None:
        return text  # "could you resend the file tomorrow?": the rules read the wait
    found = _AGAIN_EN.search(said)
    if found is not None and _meant(found, _FAILED.search(said) is not None):
        said = f"{said[: found.start()]}send me the file again{said[found.end() :]}"
    said = _AGAIN_ZH.sub("再发一次文件给我", said)
    if _FAILED.search(said):
        said = _AGAIN_ZH_VAGUE.sub("再发一次文件给我", said)
    return text if said == _APOSTROPHE.sub("", text.casefold()) else said


def _meant(found: re.Match[str], failed: bool) -> bool:
    """Whether the question found asks for the file: after a failed delivery anything asked
    again or new; without one, the file named outright and asked again."""
    vague = found["what"] in ("it", "that", "this", "one")
    fresh = re.search(r"\b(?:new|fresh|another)\b|resend|re-send", found.group()) is not None
    if failed:
        return found["again"] is not None or fresh
    return not vague and (found["again"] is not None or fresh)
