"""Words the user wants shown or asks the price of, read before the turn splits into clauses.

Two rewrites of the keyword stage's normalised text, both pure regexes:

- Text to show, introduced by a colon (or a dash after "this") behind a word naming text
  ("end with a line of text: Scan to download the app", "the banner should read: render your
  dreams", "结尾打一行字：扫码下载App", "副标题：一键渲染，秒出片"), is content like a quote: it
  becomes the mask up to the end of its sentence or a sequence word ("…, then export").
- A question whether the balance covers an export ("whether it would cover a final 4K render",
  "enough left for two more exports?", "积分够再渲染一次吗") asks about credits: the export word in
  it names the cost's subject and is read as the credits it asks about, never as a command.
"""

from __future__ import annotations

import re

__all__ = ["as_cost", "shown"]

_LABEL_EN = (
    r"(?:text|line|lines|caption|captions|title|titles|subtitle|subtitles|heading|headline"
    r"|banner|tagline|slogan|label|lower\s+third|card|overlay|words|wording|message|copy|cta"
    r"|button|sign|sticker|watermark|read|reads|say|says|saying|reading|quote|hashtag|sentence"
    r"|phrase)"
)
_LABEL_ZH = (
    r"(?:字|文字|字幕|标题|题目|片名|标语|口号|文案|一句|一句话|一行|写|写上|写着|打上|打|显示"
    r"|封面|横幅|字卡|水印|提示|弹幕|台词|旁白|内容)"
)
# the colon that opens the text: behind a label in the same sentence, or after "put this …"
_OPENS = re.compile(
    rf"\b{_LABEL_EN}\b[^:.!?;]{{0,40}}?:\s*"
    rf"|{_LABEL_ZH}[^:,.!?;]{{0,6}}?:\s*"
    r"|\b(?:put|add|write|type|place|show|display|use)\s+this\b[^:.!?;]{0,40}?\s(?::|-|—|–)\s*"
)
# where the shown text ends: a sentence end, or a sequence word after a comma
_ENDS = re.compile(
    r"[.!?;](?=\s|$)"
    r"|,\s*(?:then|and\s+then|after\s+that|afterwards|next|and\s+(?=export|render|download|send)"
    r"|once|when|然后|再|之后|接着|最后|跟着)"
    r"|\s(?:then|and\s+then)\s+(?:export|render|download|send)"
)


def shown(text: str, mask: str) -> str:
    """`text` with each span of text to show, behind a colon naming it, replaced by `mask`."""
    out: list[str] = []
    last = 0
    for opening in _OPENS.finditer(text):
        if opening.start() < last:
            continue
        end = _ENDS.search(text, opening.end())
        stop = end.start() if end else len(text)
        if not text[opening.end() : stop].strip():
            continue
        out.append(f"{text[last : opening.end()]} {mask} ")
        last = stop
    return "".join(out) + text[last:] if out else text


_EXPORT = r"(?:export|exports|render|renders|rendering|download|re-?export|output)"
_COST = re.compile(
    # "whether it would cover a final 4K render", "can my credits pay for a 60s render"
    rf"\b(?:cover|covers|afford|pay\s+for|enough\s+for|enough\s+to(?:\s+cover)?)\b"
    rf"[^,.;!?]{{0,30}}?\b{_EXPORT}\b"
    # "enough left to …", "enough on my account for …"
    rf"|\benough\s+(?:left|remaining|credits?|points?|balance|money|funds"
    rf"|(?:on|in)\s+(?:my|the|our)\s+account)\b[^,.;!?]{{0,30}}?\b{_EXPORT}\b"
    # "积分够再渲染一次吗", "余额够不够导出", "仲有冇足够credit导出"
    r"|(?:积分|余额|点数|额度|钱|credits?|points?)[^,.!?]{0,3}?(?:够|足够)(?:不够|没够)?"
    r"[^,.!?的话就]{0,4}?(?:导出|渲染|出片|输出|下载)"
    r"|(?:足够|够)(?:的)?\s*(?:credits?|积分|点数|余额)[^,.!?的话就]{0,4}?(?:导出|渲染|出片|输出)"
    # the A-not-A question on its own ("…？够不够导出", "够唔够出多条")
    r"|(?:够不够|够没够|足不足够|够不)\s*(?:再|多)?(?:导出|渲染|出片|输出|下载|出)"
)
_QUESTION = re.compile(r"[?？]|吗|么|够不够|够唔够|有没有|\bwhether\b|^\s*(?:do|does|is|are|can|will|would)\b")


def as_cost(text: str) -> str:
    """`text` with each question whether the balance covers an export read as a credits
    question ("…enough for one more render?" = "…enough credits?")."""
    if not _QUESTION.search(text):
        return text
    return _COST.sub(" credits ", text)
