"""Command words that describe the video's content, and a quality complaint (rt27).

A timeline, a balance or a credit can be something the video shows: "put a timeline of the
Tang dynasty on screen, 618 to 907", 画面里要有一条从2000年到今天的时间线, "a scene where the
bank teller reads out the customer's balance", "give a credit to the drone pilot at the end",
片尾要鸣谢摄影师. Those ask the video agent for content (`sse`), never the project's state or
the user's balance. And "why is it so grainy", 点解咁矇 complain about the video's quality: the
agent looks into it (`sse`), no state is shown.

The class boundary:

- A timeline shown: one made as a graphic ("a timeline", "an animated timeline", "timeline
  graphic", "timeline of the French Revolution", a span of years beside it, "on screen"),
  一条/條…时间线, 时间轴动画, 画面里…时间线, 从1949到现在的时间线. Not the project's
  timeline ("show me the timeline", "what's on my timeline", 看一下时间线, 这条时间线).
- A credit given: a person or a source credited ("credit the music to …", "give a credit to
  the pilot", "add her name to the credits", "the credits should scroll slowly", "roll
  credits"), 鸣谢, 致谢, 演职人员. Not the user's own ("how many credits do I have", "add 100
  credits to my account").
- A balance in a scene: after a scene, shot, character or narration named ("a scene where …",
  "the narrator says …", 旁白说, 镜头里 …).
- A quality complaint: a look or sound word (grainy, blurry, pixelated, washed out, choppy,
  模糊, 矇, 糊, 噪点, 卡顿) asked why or said with an intensifier ("so", "too", 咁, 这么, 太).
  Slowness and waiting are progress, not quality ("why is it so slow": the state's).

Pure regexes over the prepared text (lower case, apostrophes dropped, 唔 read as 不,
traditional characters kept).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from agent.router.route import Action, Route

__all__ = ["as_content", "depicted_timeline", "given_credit", "quality_complaint", "scene_spans"]

_TIMELINE = r"(?:timelines?|time\s+line|时间线|时间轴|時間線|時間軸|时间表)"
_PROJECT = (
    r"(?:the|my|our|this|that|your)\s+(?:\w+\s+)?(?:project|edit|video|vid|clips?|tracks?"
    r"|draft|cut|sequence|footage|reel|film|movie|timeline|layers?)\b"
)
# a span of years ("618 to 907", 从2000年到今天), never of seconds ("0:10 to 0:20")
_YEARS = (
    r"(?<![\d:.])\d{3,4}(?![\d:.])\s*(?:年|ad|bc|bce|ce|s)?\s*(?:to|-|–|until|till|through|thru"
    r"|到|至|~|一直到)\s*(?:\d{2,4}(?![\d:.])|now|today|the\s+present|present|今天|现在|現在|而家"
    r"|今日|现今|現今|如今)"
)
_SHOWN_EN = re.compile(
    # a timeline made: an article or a kind before it, a graphic after it, its subject after "of"
    rf"(?<![a-z])(?:a|an|one|animated|animation|graphic|visual|illustrated|historical|simple"
    rf"|short|little|nice|cool|vertical|horizontal|scrolling|moving|motion|quick|brief|big"
    rf"|colou?rful)\s+(?:(?!(?:at|of|on|in|into|over|the|my|our|your|this|that|its)\b)[a-z-]+\s+)"
    rf"{{0,2}}?{_TIMELINE}(?![a-z])"
    rf"|{_TIMELINE}\s+(?:graphic|graphics|animation|animations|infographic|overlay|slide|card"
    r"|chart|bar|visual|visuals|sequence|montage|segment|section|scene|map|style)s?(?![a-z])"
    rf"|{_TIMELINE}\s+(?:of|showing|covering|about|for|tracing|through)\s+(?!{_PROJECT}|it\b"
    r"|this\b|everything\b|what\b)[a-z]"
)
_SHOWN_ZH = re.compile(
    # a count or a making verb before the measure word: Cantonese 個/條 alone is "the"
    # (睇下個timeline, 條時間線有咩: the project's)
    rf"(?:(?<![这這那哪])(?:一|两|兩|几|幾)|(?:加|放|做|整|画|畫|插入|加入|要有|需要|弄|设计|設計"
    rf"|制作|製作)\s*一?)[条條个個张張段][^,.;!?]{{0,10}}?{_TIMELINE}"
    rf"|{_TIMELINE}\s*(?:动画|動畫|图|圖|图表|圖表|特效|效果|展示|介绍|介紹|讲|講)"
    rf"|(?:画面|畫面|屏幕|荧幕|熒幕|片头|片頭|片尾|开头|開頭|结尾|結尾|影片|视频|視頻|片)"
    rf"(?:里|裡|入面|中|上|度)?[^,.;!?]{{0,12}}?(?:要有|加|放|做|显示|顯示|出现|出現|插入|加入)"
    rf"[^,.;!?]{{0,12}}?{_TIMELINE}"
)
_YEARS_RE = re.compile(_YEARS)
_TIMELINE_RE = re.compile(_TIMELINE)


def depicted_timeline(text: str) -> bool:
    """Whether a timeline word of the prepared turn `text` is one the video shows (module
    docstring), not the project's timeline."""
    if not _TIMELINE_RE.search(text):
        return False
    if _SHOWN_EN.search(text) or _SHOWN_ZH.search(text):
        return True
    return _YEARS_RE.search(text) is not None


# a person or a source credited in the video, and the credits as a part of it
_NOT_MINE = (
    r"(?!(?:(?:my|our|the|this|that|a|an|another|one|next|each|every)\s+)?(?:[a-z]+\s+)?"
    r"(?:account|balance|wallet|plan|card|render|renders|export|exports|video|videos|project"
    r"|edit|month|week|year|subscription|team|workspace)\b|(?:me|us|\d|it|this|that)\b)"
)
# "credit" as a verb where an order puts it: a clause's start or after a modal or courtesy
_VERB_AT = (
    r"(?:^|[,.;:!?]\s*|(?<![a-z])(?:please|pls|also|and|then|to|you|u|should|must|lets|let\s+us"
    r"|dont\s+forget\s+to|remember\s+to|make\s+sure\s+to|can|could|would|will|pls\s+also)\s+)"
)
_GIVEN = re.compile(
    rf"(?<![a-z])(?:give|giving|gave|add|adding|put|include|including|list|listing|show|display"
    rf")\s+(?:a|an|the|some|proper|special|full|small|little|quick)?\s*(?:[a-z-]+\s+)?"
    rf"credits?\s+(?:to|for|at|in|on)\s+{_NOT_MINE}"
    rf"|{_VERB_AT}credit\s+(?:the|his|her|their|each|every|all|both|this|that|my|our)"
    r"\s+(?!(?:account|balance|wallet|card|plan)\b)[a-z]"
    rf"|{_VERB_AT}credit\s*(?=[\u3400-\u9fff])(?!我|我们|我們|账户|帳戶|账号|帳號|仲|还|還|够|夠|唔|不)"
    rf"|{_VERB_AT}credit\s+[a-z]+(?:\s+[a-z]+)?\s+(?:for|as|with)\s+{_NOT_MINE}"
    r"|(?<![a-z])credits?\s+(?:should\s+|to\s+|will\s+|that\s+|which\s+|need\s+to\s+|must\s+)?"
    r"(?:roll|rolls|rolling|scroll|scrolls|scrolling|crawl|crawls|fade|fades|appear|appears|come\s+up"
    r"|pop\s+up|play|run|be\s+(?:slower|faster|bigger|smaller|longer|shorter|white|black|centered))"
    r"(?![a-z])"
    r"|(?<![a-z])(?:in|into|to|from|on|during|over|under)\s+the\s+credits(?![a-z])"
    r"|(?<![a-z])credits?\s+(?:sequence|screen|page|section|list|roll|music|song|scene|card|slide"
    r"|text|font|title|titles|line|lines|block|entry|entries|crawl)s?(?![a-z])"
    r"|(?<![a-z])(?:roll|rolling|film|movie|video|final|ending|intro|outro|scrolling|after|post"
    r"|title|cast|crew|music|photo)[\s-]+credits?(?![a-z])"
    r"|鸣谢|鳴謝|致谢|致謝|演职人员|演職人員|工作人员名单|工作人員名單|片尾字幕|结尾字幕|結尾字幕"
)
# a scene, a shot, a character or narration named: what follows is the video's content
_SCENE = re.compile(
    r"(?<![a-z])(?:(?:a|an|the|one)\s+(?:[a-z-]+\s+)?(?:scene|shot|clip|moment|bit|part|frame"
    r"|sequence|segment|sketch|skit)\s+(?:where|in\s+which|of|with|showing|when|that\s+shows)"
    r"|narrat(?:or|ion)|voice\s*-?\s*over|character|the\s+(?:actor|actress|teller|cashier|host"
    r"|presenter|hero|protagonist|villain)|reads?\s+out|on\s*screen\s+text)(?![a-z])"
    r"|旁白|画外音|畫外音|台词|臺詞|對白|对白|角色|主角|镜头里|鏡頭裡|镜头中|场景里|場景裡|场景中"
    r"|画面里|畫面裡|画面上|畫面上|屏幕上|字幕写|字幕寫|字幕显示|字幕顯示"
)


def given_credit(text: str) -> list[tuple[int, int]]:
    """The spans of the prepared turn `text` where a credit is given in the video or the
    credits are a part of it (module docstring)."""
    return [m.span() for m in _GIVEN.finditer(text)]


# the end of a scene's words: a sentence's end or a sequence word ("…, then check my balance")
_SCENE_END = re.compile(
    r"[.;!?\n]|(?<![a-z])(?:then|also|after\s+that|afterwards|btw|by\s+the\s+way|and\s+tell"
    r"|and\s+check|and\s+show|what|whats|how)(?![a-z])"
    r"|然后|然後|之后|之後|再|另外|还有|還有|顺便|順便|同埋|仲有|查|睇下|看看|看下"
)


def scene_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the prepared turn `text` from a scene, a shot, a character or narration
    named to the end of its sentence or a sequence word: a balance word there is content."""
    spans = []
    for found in _SCENE.finditer(text):
        end = _SCENE_END.search(text, found.end())
        spans.append((found.start(), end.start() if end is not None else len(text)))
    return spans


_QUALITY = (
    r"(?:grainy|grain|blurry|blurred|blury|fuzzy|pixelated|pixellated|pixely|noisy|out\s+of\s+focus"
    r"|unfocused|low[\s-]?res|low[\s-]?quality|washed[\s-]?out|muddy|dull|dark|overexposed"
    r"|underexposed|choppy|jerky|jittery|stuttery|stuttering|shaky|blocky|compressed|distorted"
    r"|crunchy|tinny|muffled|echoey|echoy|faded|flat|glitchy|flickery|flickering|soft|hazy|murky"
    r"|smeary|smudgy|potato|crusty|cursed|ugly|off\s+sync|out\s+of\s+sync|quiet|loud|harsh)"
)
_COMPLAINT_EN = re.compile(
    rf"(?<![a-z])(?:why|how\s+come|whys|whats\s+with|what\s+is\s+with|whats\s+up\s+with)\b"
    rf"[^.;!?]{{0,40}}?(?<![a-z]){_QUALITY}(?![a-z])"
    rf"|(?<![a-z])(?:so|too|super|really|very|way\s+too|kinda|kind\s+of|bit|all|this|that)\s+"
    rf"{_QUALITY}(?![a-z])"
)
_QUALITY_ZH = (
    r"(?:模糊|矇|朦|蒙|糊|噪点|噪點|颗粒|顆粒|粗糙|马赛克|馬賽克|像素|暗|曝光|卡顿|卡頓|抖|虚|虛"
    r"|失真|渣|不清|起格|跳格|掉帧|掉幀|闪|閃|花屏|刺耳|难看|難看|难听|難聽|怪|灰|褪色|细声|細聲"
    r"|大声|大聲|小声|小聲|吵)"
)
_COMPLAINT_ZH = re.compile(
    r"(?:点解|點解|为什么|為什麼|为何|為何|怎么会|怎麼會|怎么|怎麼|咋|做乜|做咩|搞乜|搞咩|点解会"
    rf"|點解會)[^,.;!?]{{0,8}}?{_QUALITY_ZH}"
    rf"|(?:咁|这么|這麼|那么|那麼|好|太|超|有啲|有点|有點|非常|特别|特別)\s*{_QUALITY_ZH}"
)


def quality_complaint(text: str) -> bool:
    """Whether the prepared turn `text` complains about the video's look or sound, asked why
    or said with an intensifier ("why is it so grainy", 点解咁矇); not its speed or progress."""
    return _COMPLAINT_EN.search(text) is not None or _COMPLAINT_ZH.search(text) is not None


_BALANCE = re.compile(
    r"(?<![a-z])(?:credits?|creds|points?|balance|tokens?|cost|costs|price|pay|money)(?![a-z])"
    r"|积分|積分|余额|餘額|结余|結餘|点数|點數|额度|額度|钱|錢|费|費"
)


def _guessed_balance(said: str) -> bool:
    """A balance answer planned for a turn whose only credit words give a credit in the video
    (片尾鸣谢 my cousin) or that complains about quality with none ("how come it's all
    pixelated"): a guess, no balance asked."""
    given = given_credit(said)
    if not given and not quality_complaint(said):
        return False
    words = (m.start() for m in _BALANCE.finditer(said))
    return all(any(s <= w < e for s, e in given) for w in words)


def as_content(routed: Route, said: str, reread: Callable[[str], Route | None]) -> Route:
    """The plan with its state answer given to the agent when the prepared turn `said` only
    shows a timeline in the video or complains about its quality (module docstring). `reread`
    is the rules' plan for a text: the turn without its timeline words still asking the state
    ("add a timeline of the war, then show me what's on my timeline") keeps it."""
    if "credits" in routed.actions and _guessed_balance(said):
        routed = _instead(routed, "credits")
    if "state" not in routed.actions:
        return routed
    if depicted_timeline(said):
        again = reread(_TIMELINE_RE.sub(" graphic ", said))
        if again is not None and "state" in again.actions:
            return routed
    elif not (routed.actions == ("state",) and quality_complaint(said)):
        return routed
    return _instead(routed, "state")


def _instead(routed: Route, answer: Action) -> Route:
    """The plan with the video agent in place of a read-only `answer`."""
    sse: Action = "sse"
    actions = tuple(dict.fromkeys(sse if a == answer else a for a in routed.actions))
    return dataclasses.replace(routed, actions=actions)
