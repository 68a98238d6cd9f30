"""Words the user wants shown or asks the price of, read before the turn splits into clauses.

Two rewrites of the keyword stage's normalised text, both pure regexes:

- Text to show, introduced by a colon (or a dash after "this") behind a word naming text
  ("end with a line of text: Scan to download the app", "the banner should read: render your
  dreams", "结尾打一行字：扫码下载App", "副标题：一键渲染，秒出片"), is content like a quote: it
  becomes the mask up to the end of its sentence or a sequence word ("…, then export").
- A question whether the balance covers an export ("whether it would cover a final 4K render",
  "enough left for two more exports?", "积分够再渲染一次吗") asks about credits: the export word in
  it names the cost's subject and is read as the credits it asks about, never as a command.
- The file we delivered lost or saved wrong ("I lost the file you exported last time", "it only
  saved a thumbnail", "上次导出的视频我删掉了", "保存下来的只是一张图") is news, no edit: the
  report is left out, and a request for it again or for the real one ("can I get it again?",
  "我要的是视频本身") asks for the export.

Within one clause, `ContentMarkers` masks what a content marker introduces ("write Happy
Birthday", "改成竖屏", "a video about exporting goods") and the words given "as the title".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from agent.router.mentions import set_aside
from agent.router.replies import named_as
from agent.router.rules import alternation

__all__ = ["ContentMarkers", "as_cost", "redelivered", "set_apart", "shown"]


def set_apart(text: str, mask: str) -> str:
    """The keyword stage's turn before it splits: things compared and quotes reported set aside
    (`set_aside`), text to show masked, a question whether the balance covers an export read
    as a credits question, and a lost or wrongly saved file's report left out."""
    return redelivered(as_cost(shown(set_aside(text, mask), mask)))


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
_QUESTION = re.compile(
    r"[?？]|吗|么|够不够|够唔够|有没有|\bwhether\b|^\s*(?:do|does|is|are|can|will|would)\b"
    r"|\bor\s+(?:not|no|nah|nope)\s*$|^\s*(?:still\s+)?(?:have|got)\s+enough\b"
)


def as_cost(text: str) -> str:
    """`text` with each question whether the balance covers an export read as a credits
    question ("…enough for one more render?" = "…enough credits?")."""
    if not _QUESTION.search(text):
        return text
    return _COST.sub(" credits ", text)


_LOST = re.compile(
    r"\b(?:lost|deleted|misplaced|cant\s+find|can\s*not\s+find|wiped)\b"
    r"[^,.;!?]{0,30}?\b(?:file|video|mp4|export|render|copy|download)\b"
    r"|\b(?:file|video|mp4|export|render|download)\s+(?:is\s+|got\s+)?(?:gone|lost|deleted|missing)\b"
    r"|\b(?:only|just)\s+(?:saved|kept|got|gave\s+me|downloaded|grabbed)\s+(?:a|an|the|me\s+a)\s+"
    r"(?:\w+\s+)?(?:thumbnail|preview|screenshot|still|cover|picture|image|photo|jpg|png)\b"
    r"|\b(?:gave|saved)\s+(?:me\s+)?(?:a|an)\s+(?:\w+\s+)?(?:jpg|png|picture|image|screenshot|thumbnail)\b"
    r"|(?:上次|之前|以前|昨天|早前|刚才)[^,.!?]{0,4}?(?:导出|输出|下载|渲染|发|做|出)[^,.!?]{0,8}?"
    r"(?:弄丢|丢了|删掉|删了|不见|找不到|没了)"
    r"|(?:我|不小心|误|手滑)[^,.!?]{0,4}?(?:弄丢|删掉|删了|丢了)了?[^,.!?]{0,6}?"
    r"(?:导出|输出|下载|视频|文件|成片)"
    r"|只(?:存|保存|下载|留|得)(?:到|了|下|低)?[^,.!?]{0,3}?(?:封面|图|相|截图|缩略图)"
    r"|(?:保存|下载|存)(?:下来)?的只是"
)
_BREAK = re.compile(r"[,.;!?]")
_CJK = re.compile(r"[\u3400-\u9fff]")
_AGAIN = re.compile(
    r"\b(?:again|another\s+copy|resend|the\s+real|the\s+actual|itself|the\s+full\s+video)\b"
    r"|再(?:给|发|传|send)|再[^,.!?]{0,2}一(?:次|份|遍)|重新(?:给|发)|真正|本身"
)
# the request itself: a verb of giving, getting or wanting in the clause ("can I get it again")
_GIVE = re.compile(r"\b(?:get|have|send|give|resend|share|deliver|need|want|grab)\b|给|发|传|要")
_FORBIDS = re.compile(r"\b(?:dont|do\s+not|never|no\s+need)\b|不要|别|不用")


def redelivered(text: str) -> str:
    """`text` without a report that the delivered file was lost or saved wrong, with its
    request for the file again read as "send me the video"; any other turn as it is."""
    lost = _LOST.search(text)
    if lost is None:
        return text
    start = max((m.end() for m in _BREAK.finditer(text, 0, lost.start())), default=0)
    end = _BREAK.search(text, lost.end())
    stop = end.start() if end else len(text)
    rest = text[stop:]
    again = _AGAIN.search(rest)
    if again is None or _FORBIDS.search(rest):
        return text
    close = _BREAK.search(rest, again.end())
    clause = rest[: close.start() if close else len(rest)]
    opened = max((m.end() for m in _BREAK.finditer(clause, 1, again.start())), default=0)
    if not _GIVE.search(clause, opened):
        return text
    wanted = " 发给我, " if _CJK.search(again.group(0)) else " send me the video, "
    rest = f"{rest[: again.start()]}{wanted}{rest[again.end() :]}"
    return f"{text[:start]} {rest}".strip()


# A Chinese clause often continues after the content: "改成竖屏后下载", "换成轻快一点的 弄好直接
# 导出", "背景换成白色的 导出".
_CJK_TAIL = re.compile(
    r"然后|之后|以后|后|再|并|就|完|[弄做搞改整调][好完定]|(?<=\S)\s+(?=导出|出片)"
)
# So does one whose dash opens a request: "the promo clip — could you confirm".
_ASKS_AFTER = re.compile(r"(?<=[—–])\s*(?:could|can|would|will)\s+(?:you|u)\b")


class ContentMarkers:
    """The words that introduce content in a clause, compiled once from the tables' grammar."""

    def __init__(self, markers: Sequence[str], exceptions: Sequence[str]) -> None:
        """Compile the content markers and the phrases in which a marker word is none."""
        self._marker = re.compile(alternation(markers))
        self._exception = re.compile(alternation(exceptions))

    def mask(self, clause: str, mask: str) -> tuple[str, bool]:
        """`clause` with the content it names replaced by `mask`, and whether it names any."""
        named = named_as(clause)
        if named:
            return f"{clause[: named.start(1)]}{mask}{clause[named.end(1) :]}", True
        exceptions = [(m.start(), m.end()) for m in self._exception.finditer(clause)]
        for marker in self._marker.finditer(clause):
            rest = clause[marker.end() :]
            # "per my last message", "following up on the promo": a marker that ends its clause
            # introduces nothing
            bare = not rest.strip() and not _CJK.search(marker.group(0))
            if not bare and not any(s <= marker.start() < e for s, e in exceptions):
                tail = (_CJK_TAIL if _CJK.search(marker.group(0)) else _ASKS_AFTER).search(rest)
                kept = rest[tail.start() :] if tail else ""
                return f"{clause[: marker.end()]} {mask} {kept}".rstrip(), True
        return clause, mask in clause
