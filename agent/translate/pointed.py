"""What a reply asks or shows without a GUI step: a file handed over in casual words, and a
view pointed at as where the result already is.

- A file handed over: the user's own file asked to come this way in casual or polite words
  ("Fling the spreadsheet my way and I'll chart it", "If you're able to send over the brand
  mark, I'll pin it bottom-left", "Pick the soundtrack file you'd like and I'll lower it",
  方便的话把封面图发给我, 把那个 Excel 扔过来, 揀好你想用嘅背景音樂檔，我幫你壓低), and a file that
  never arrived asked again (第二段视频（clip_02.mov）没收到，可以再传一次吗？). An ability or a
  convenience ("if you're able to", 方便的话) frames a request, not an offer: the agent's work
  on the file follows it.
- A view pointed at: the result said to be in a view the client shows now ("you'll find them in
  your project summary under Act 2", "the tighter cut is visible in the preview", 新增的素材会
  显示在你的项目总览里).

Safety (nothing runs): the agent choosing or making the file itself ("I'll pick some music
myself"), a file or link sent to someone else ("share the link with your client"), a file
already received, a choice between options answered in chat ("choose between the two takes"),
a negation, someone else's view ("in their project summary"), a view for a later day ("you'll
see it in My Works tomorrow once the overnight render runs": `later_view`).

Pure: one sentence in (folded to Simplified), where the ask stands out.
"""

from __future__ import annotations

import re

from agent.translate.evidence import third_party
from agent.translate.later import for_later
from agent.translate.prose import QUOTES
from agent.translate.wanted import declined

__all__ = ["handed", "later_view", "pointed_view"]

_EN_FILE = (
    r"(?:files?|photos?|pics?|images?|pictures?|videos?|clips?|footage|b-roll|recordings?"
    r"|voiceovers?|voice\s*-?overs?|memos?|songs?|music|audio|soundtracks?|tracks?|stems?|jingles?"
    r"|logos?|fonts?|pdfs?|guidelines|brand\s+(?:guide|mark|kit)|wordmarks?|emblems?|icons?"
    r"|screenshots?|headshots?|selfies?|assets|shots|photographs?|scripts?|transcripts?|docs?"
    r"|documents?|spreadsheets?|sheets?|excel|csv|decks?|slides?|artwork|graphics?|thumbnails?"
    r"|cover|covers|banners?|posters?|flyers?|illustrations?|drawings?|sketches|templates?"
    r"|intros?|outros?|png|jpe?g|mp3|mp4|wav|mov|svg|txt|docx|xlsx)"
)
# the object, in a few words: "the brand mark", "that spreadsheet", "your outro image"
_EN_OBJ = (
    r"(?:(?:the|your|a|an|some|any|more|that|this|those|these|another)\s+)?"
    r"(?:(?!(?:to|of|for|from|with|about|on|in|at|by|as|link|links|url|urls)\b)[\w'’-]+\s+){0,3}?"
    + _EN_FILE
    + r"\b(?!\s+(?:links?|urls?|names?|ideas?|styles?|options?|choices?|order)\b)"
)
# where a request opens: the sentence, a clause, a polite word, or an ability or a convenience
_OPEN = (
    r"(?:^|[:;,—–]\s*|\b(?:and|so|then|now|just|please|first|also)\s+"
    r"|\bif\s+you(?:['’]re|\s+are)\s+able\s+to\s+|\bif\s+you\s+(?:can|could)\s+"
    r"|\b(?:when|whenever)\s+you\s+(?:can|get\s+a\s+(?:chance|sec|second|moment|minute))\W+"
    r"|\b(?:could|can|would|will)\s+you\s+(?:please\s+|just\s+|kindly\s+)*)"
)
_HAND = (
    r"(?:send|share|pass|forward|toss|throw|fling|shoot|flick|chuck|lob|hand|sling|whip|ping"
    r"|email|get|drop|pop|upload|attach|bring)"
)
_TO_ME = (
    r"(?:(?:my|our)\s+way|to\s+(?:me|us)|(?:over|along|across)(?!\s+(?:the|a|an|your|this|that|to)\b)"
    r"|in\s+here|here"
    r"|into\s+(?:the\s+|this\s+)?chat)"
)
# the agent's work on it follows ("… and I'll chart it", "…, I'll pin it")
_WORK = r"(?:I['’]ll|I\s+will|I\s+can|we['’]ll|we\s+will)\s+\w+"
_EN_HANDED = re.compile(
    # "Fling the spreadsheet my way", "send over the brand mark, I'll pin it", "Send me the
    # remaining ones and I'll build the slideshow"
    _OPEN
    + _HAND
    + r"\s+(?:(?:me|us)\s+)?(?:over\s+|along\s+|across\s+|in\s+)?"
    + r"(?:the\s+(?:remaining|other|missing|next)\s+(?:ones|few|two|three)\b|the\s+rest\b"
    r"(?:\s+of\s+them)?|"
    + _EN_OBJ
    + r")"
    + r"(?:\s+"
    + _TO_ME
    + r"\b|[^.!?]{0,30}?\b"
    + _WORK
    + r")"
    # "Could you re-send it as a JPG?", "pick the file again and resend it"
    + r"|"
    + _OPEN
    + r"re-?(?:send|upload|attach|share)\s+(?:it|them|that|those|this|these)\b",
    re.IGNORECASE,
)
_EN_PICK = re.compile(
    # "Pick the soundtrack file you'd like and I'll lower it under the voice"
    _OPEN
    + r"(?:pick|choose|select|grab)\s+(?:out\s+)?"
    + _EN_OBJ
    + r"\s+(?:you['’]d\s+like|you\s+would\s+like|you\s+want|you['’]d\s+prefer|you\s+prefer"
    r"|you\s+like)\b(?:\s+to\s+use)?[^.!?]{0,12}?\b" + _WORK,
    re.IGNORECASE,
)
# a condition or an offer before the ask ("when you've got more photos, upload the logo"; "I can
# add it if you send over the logo" is read by its "if" before the ask)
_EN_CONDITION = re.compile(
    r"\b(?:if|when|whenever|once|after|should|in\s+case|unless)\b|\bI\s+can\s+also\b",
    re.IGNORECASE,
)
# the agent handing something over itself ("I'll just send the logo over")
_AGENT_DOES = re.compile(
    r"\b(?:I|we)(?:['’](?:ll|d|m))?\s+(?:(?:will|can|could|would|just|also|then|now|gonna|am"
    r"|going\s+to)\s+)*(?:re-?)?" + _HAND + r"\b|\b(?:I|we)(?:['’](?:ll|d|m))?\s+(?:(?:will"
    r"|can|just|also|then|now)\s+)*(?:pick|choose|select|grab)\b",
    re.IGNORECASE,
)
# a choice between things answered in chat, from a list, or of the agent's ("choose between the
# two takes", "pick one of the three", "pick a track from the list below")
_CHOICE = re.compile(
    r"\b(?:between|one\s+of|which\s+(?:one|of)|either)\b"
    r"|\bfrom\s+(?:the|this|my|our)\s+(?:list|options|selection|catalog|library|ones?)\b"
    r"|\b(?:above|below)\b|\b(?:myself|for\s+you)\b",
    re.IGNORECASE,
)
# a pick among what the app already holds ("pick the clip you want on the timeline")
_IN_APP = re.compile(
    r"\b(?:in|on|from)\s+(?:the|your)\s+(?:timeline|preview|canvas|storyboard|tracks?|library"
    r"|media\s+(?:bin|panel|library))\b",
    re.IGNORECASE,
)
_ZH_FILE = (
    r"(?:照片|相片|相|图片|图|合影|合照|视频|影片|片段|片|素材|音乐|配乐|曲子|歌|录音|配音|文件|档案"
    r"|字体|logo|标志|图标|商标|封面|海报|表格|excel|csv|ppt|幻灯片|pdf|截图|头像|稿子|稿件|文稿|稿"
    r"|剧本|脚本|文档|圖片|圖|視頻|檔案|錄音|音樂|配樂|字體|標誌|圖標|商標|海報|幻燈片|截圖|頭像"
    r"|劇本|腳本|文檔|[简簡][报報]|[报報]表|[资資]料|演示文稿|[海][报報]|clip|video|photo|\.(?:txt|docx?|pdf|mp[34]|wav|mov|png|jpe?g|xlsx?))"
)
_ZH_TO_ME = (
    r"(?:(?:给|給|俾|畀)(?:我|我们|我哋)|过来|過來|进来|進來|入嚟|入黎|入来|上来|上來|嚟"
    r"|我(?!们|哋|来|會|会))"
)
_ZH_HANDED = re.compile(
    # 方便的话把封面图发给我, 把那个 Excel 扔过来, 把你想用的片尾图拖进来
    r"(?<![我佢他她])(?:把|将|將)[^。！？；]{0,24}?"
    + _ZH_FILE
    + r"[^。！？，,；]{0,8}?(?:发|發|传|傳|上传|上傳|丢|丟|扔|掟|拖|拉|send|drop|交)"
    + _ZH_TO_ME
    # 揀好你想用嘅背景音樂檔，我幫你壓低
    + r"|(?:挑|选|選|揀|拣)(?:好|出|一下)?[^。！？，,；]{0,3}?(?:你|您)"
    r"(?:想|要|喜欢|喜歡|钟意|鍾意)"
    r"[^。！？，,；]{0,10}?"
    + _ZH_FILE
    + r"[^。！？]{0,10}?我(?:帮你|幫你|来|來|会|會|就|再)"
    # 唔該上傳你想用嘅背景音樂檔案, 麻煩你上載多幾張相, 可唔可以再傳多 3 張俾我
    + r"|(?:唔该|唔該|(?<![^\s，,：:；;])不该|麻烦|麻煩|请|請|劳烦|勞煩|可唔可以|能不能|能否|可否"
    r"|可不可以)(?:你|您)?"
    r"[^。！？，,；]{0,3}?(?:再)?(?:上载|上載|上传|上傳|传|傳|发|發)(?!到|至|去|给你|俾你)"
    r"(?:多)?[^。！？，,；]{0,14}?(?:"
    + _ZH_FILE
    + r"|(?:张|張|段|条|條|首|份)[^。！？，,；]{0,4}?(?:俾我|给我|畀我|給我))"
    r"(?![^。！？，,；]{0,3}(?:到|至|去))"
    # 第二段视频（clip_02.mov）没收到，可以再传一次吗？
     + r"|(?:没|沒|冇|未)(?:有)?(?:收到|见到|見到|睇到|看到)[^。！？]{0,16}?(?:再|重新)"
    r"(?:发|發|传|傳|上传|上傳|send|upload)",
    re.IGNORECASE,
)
# words typed in chat, not a file (请把需要配音的文案发给我: the copy is an answer)
_ZH_TEXT = re.compile(
    r"文案|文字|文本|台词|臺詞|内容|內容|想法|意见|意見|要求|链接|鏈接|地址|名字|标题|標題|歌词|歌詞"
)
# an offer or a condition on the user's side (如果你有…, "if you have a logo"); an ability or a
# convenience is a request (方便的话, "if you're able to")
_ZH_CONDITION = re.compile(r"如果|要是|假如|若是|若你|有需要|可选|可選")
_ZH_RECEIVED = re.compile(
    r"(?<![没沒冇未有])收到(?:了|咗)|已(?:经|經)?收到|(?:谢谢|謝謝|多谢|多謝)"
)
_EN_RECEIVED = re.compile(
    r"\b(?:got|received|have|grabbed)\s+(?:your|the)\b(?![^.!?]{0,40}\b(?:again|once\s+more))"
    r"|\bthanks\b",
    re.IGNORECASE,
)


# the file sent on elsewhere before the agent's work ("send the finished video over to Facebook")
_AWAY_TO = re.compile(
    r"\b(?:to|onto|on|with)\s+(?!me\b|us\b|(?:the|this)\s+chat\b|here\b|my\b)"
    r"(?:[A-Z][\w-]*|(?:your|the|their|his|her)\s+\w+|them\b|him\b)"
)
_UNTIL_WORK = re.compile(_WORK + r"|[,;—–]", re.IGNORECASE)


def _sent_on(sentence: str, start: int) -> bool:
    """Whether the file asked for at `start` goes on to a place or a person, not to this chat."""
    stop = _UNTIL_WORK.search(sentence, start + 1)
    return _AWAY_TO.search(sentence, start, stop.start() if stop else len(sentence)) is not None


_ZH_AWAY = re.compile(r"(?:给|給|俾|畀)(?:客户|客戶|佢|他|她)")
# a verb of handing, picking or sending again, or a Chinese one: without it nothing is handed
_CUE = re.compile(
    r"\b(?:re-?)?"
    + _HAND
    + r"|\b(?:pick|choose|select|grab)\b|[发發传傳丢丟扔掟拖拉交选選揀拣挑载載]",
    re.IGNORECASE,
)


def handed(sentence: str) -> int | None:
    """Where `sentence` asks the user to hand over their own file in the casual shapes of the
    module doc, or None (an offer, the agent's own pick, a choice in chat, a file sent to
    someone else, a file already received, a negation)."""
    if not _CUE.search(sentence):  # the cheap test first: most sentences hand nothing over
        return None
    sentence = _unquoted(sentence)
    at = _en_handed(sentence)
    at = at if at is not None else _zh_handed(sentence)
    if at is None or declined(sentence) or third_party(sentence) or for_later(sentence):
        return None
    return at


def _en_handed(sentence: str) -> int | None:
    en = _EN_HANDED.search(sentence) or (
        None if _IN_APP.search(sentence) else _EN_PICK.search(sentence)
    )
    if en is None or (
        _CHOICE.search(sentence)
        or _EN_RECEIVED.search(sentence)
        or _sent_on(sentence, en.start())
        or _EN_CONDITION.search(sentence, 0, en.start())
        or _AGENT_DOES.search(sentence, max(0, en.start() - 30), en.end())
    ):
        return None
    return en.start()


def _zh_handed(sentence: str) -> int | None:
    zh = _ZH_HANDED.search(sentence)
    if zh is None or _ZH_CONDITION.search(sentence, 0, zh.start()) or _ZH_TEXT.search(zh.group()):
        return None
    if _ZH_RECEIVED.search(sentence) or _ZH_AWAY.search(sentence):
        return None
    return zh.start()


def _unquoted(sentence: str) -> str:
    """`sentence` with its quoted spans blanked (a quoted title is no step and no view: "the
    caption 'Open the preview'"), offsets kept."""
    for quote in QUOTES:
        sentence = quote.sub(lambda m: " " * len(m.group()), sentence)
    return sentence


# a view the client shows now, where the result is said to be
_EN_PLACE = (
    r"(?:(?:the|your)\s+)(?:[\w-]+\s+){0,2}?(?:preview|timeline|project\s+(?:summary|overview|page)"
    r"|summary|overview|storyboard|tracks?(?:\s+(?:panel|view))?|player|media\s+library"
    r"|my\s+works?|my\s+projects?|project)\b"
    # a file or a folder of the project is no view ("your project folder on disk")
    r"(?!\s+(?:folders?|files?|director(?:y|ies)|links?|urls?|settings|names?|titles?)\b)"
)
_EN_VIEW = re.compile(
    # "you'll find them in your project summary", "You'll spot the new caption … in the preview"
    r"\byou['’]ll\s+(?:now\s+)?(?:find|spot|see|notice)\b[^.!?;]{0,80}?\b(?:in|on|under|inside)\s+"
    + _EN_PLACE
    # "the tighter cut is visible in the preview", "they show up on the timeline"
    + r"|\b(?:is|are)\s+(?:now\s+)?(?:visible|showing|shown|viewable|up)\s+(?:in|on)\s+"
    + _EN_PLACE
    # "The extra shots are in your project summary" (the user's own view)
    + r"|(?:\b(?:is|are)|['’](?:s|re))\s+(?:now\s+|all\s+|already\s+)?(?:in|on|under)\s+(?=your\b)"
    + _EN_PLACE
    + r"|\b(?:now\s+)?(?:shows?\s+up|appears?)\s+(?:now\s+)?(?:in|on|under)\s+"
    + _EN_PLACE,
    re.IGNORECASE,
)
_ZH_PLACE = (
    r"(?:项目总览|项目概览|项目摘要|项目页|项目|总览|概览|预览|时间线|时间轴|轨道|故事板|作品"
    r"|素材库)"
)
_ZH_VIEW = re.compile(
    # 新增的素材会显示在你的项目总览里（第 2 幕）
    r"(?:会|會|已|已经|已經|都|就)?(?:显示|顯示|出现|出現|列)(?:在|喺)(?:你|您)?(?:的|嘅)?"
    r"[^。！？，,；]{0,6}?"
    + _ZH_PLACE
    # 在预览里就能看到, 喺時間線度睇到
    + r"|(?:在|喺)(?:你|您)?(?:的|嘅)?"
    + _ZH_PLACE
    + r"(?:里|裡|中|上|度|入面)?"
    r"(?:就|已经|已經)?(?:可以|能|会|會)?(?:看到|见到|見到|睇到|找到|搵到)"
    # 我把修改记录都标在时间线上了，你可以打开看看
    + r"|(?:标|標|放|加|列|排|摆|擺)(?:在|喺)(?:你|您)?(?:的|嘅)?"
    + _ZH_PLACE
    + r"[^。！？，,；]{0,5}?(?:了|咗)?[，,]\s*(?:你|您)(?:就|也)?(?:可以|能)?"
    r"(?:打开|打開|点开|點開)?(?:看看|看一下|睇下|睇吓|看到|睇到)",
    re.IGNORECASE,
)
# a condition or an offer before the view: the result is not there yet
_ON_CONDITION = re.compile(
    r"\b(?:if|once|when|whenever|after|as\s+soon\s+as|unless)\b|\bI\s+(?:can|could)\b"
    r"|\bwould\s+you\s+like\b|如果|要是|假如|等你|等到|一旦|之后|之後|以后|以後",
    re.IGNORECASE,
)
_NOT_SHOWN = re.compile(
    r"\b(?:not|never|no\s+longer)\b|n['’]t\b|\b(?:their|his|her)\s+(?:preview|timeline|project)"
    r"|(?:不|没|沒|冇|未)(?:会|會|有)?(?:显示|顯示|出现|出現|看到|见到|睇到)",
    re.IGNORECASE,
)


_VIEW_CUE = re.compile(
    r"preview|timeline|summary|overview|storyboard|track|player|library|my\s+work|project"
    r"|项目|總覽|总览|概览|预览|預覽|时间|時間|轨道|軌道|故事板|作品|素材库",
    re.IGNORECASE,
)


def pointed_view(sentence: str) -> int | None:
    """Where `sentence` points at a view the client shows now as where the result is (module
    doc), or None (a negation, someone else's view, a later day)."""
    if not _VIEW_CUE.search(sentence):  # the cheap test first: most sentences name no view
        return None
    sentence = _unquoted(sentence)
    found = _EN_VIEW.search(sentence) or _ZH_VIEW.search(sentence)
    if found is None or _NOT_SHOWN.search(sentence) or third_party(sentence):
        return None
    if _ON_CONDITION.search(sentence, 0, found.start()) or for_later(sentence):
        return None  # "Once you upload it, you'll find it in the timeline": not there yet
    return None if later_view(sentence) else found.start()


# a later day, or work that runs later, that the view waits for
_DAY_AHEAD = re.compile(
    r"\b(?:tomorrow|tonight|overnight|next\s+(?:week|month|morning|day)|in\s+(?:a\s+few|\d+|a"
    r"|an|one|two|three)\s+(?:hours?|days?|weeks?))\b"
    r"|明天|明早|明日|聽日|听日|今晚|过夜|過夜|隔夜|下周|下週|下星期|几个小时后|幾個小時後",
    re.IGNORECASE,
)
# the agent's own later work beside a view now ("Check the preview now; tomorrow I'll add music")
_AGENT_LATER = re.compile(
    r"\b(?:I|we)(?:['’]ll|\s+will|\s+can)\b[^.!?;,]{0,40}?\b(?:tomorrow|tonight|overnight|next)\b"
    r"|\b(?:tomorrow|tonight|next\s+\w+)\s*,?\s+(?:I|we)\b|(?:明天|明早|聽日|今晚)我|我[^。！？，,]{0,6}(?:明天|明早|聽日|今晚)",
    re.IGNORECASE,
)


# a view that waits ("You won't see it in the preview until the render finishes", 要等渲染完成
# 才能在预览里看到)
_NOT_UNTIL = re.compile(
    r"\b(?:won['’]t|will\s+not|can['’]t|cannot|don['’]t|do\s+not)\s+(?:be\s+able\s+to\s+)?"
    r"(?:see|find|spot|view)\b[^.!?]{0,60}?\buntil\b"
    r"|要等[^。！？]{0,16}?(?:才|先)(?:能|可以|会|會)?(?:在|喺)?[^。！？]{0,8}?(?:看到|见到|見到|睇到)",
    re.IGNORECASE,
)
_NOW = re.compile(r"\b(?:right\s+now|now)\b|现在|現在|而家|宜家|马上|馬上", re.IGNORECASE)
_CLAUSE = re.compile(r"[;；。,，—–]")
_LOOK = re.compile(
    r"\b(?:see|find|spot|view|check|open|look|watch|show\w*|appear\w*|visible|preview|timeline"
    r"|my\s+works?|my\s+projects?)\b|看|查|显示|顯示|出现|出現|打开|打開|睇|搵|作品|预览|預覽|时间线",
    re.IGNORECASE,
)


def later_view(sentence: str) -> bool:
    """Whether a view in `sentence` is for a later day ("You'll see it in My Works tomorrow
    once the overnight render runs", 明天早上可以在作品里看到): the client shows nothing now. The
    day and the view share a clause ("Open the timeline now; if you need a square one next
    week, tell me" opens it now), and the agent's own later work is no later view."""
    if _NOT_UNTIL.search(sentence):
        return True
    if _NOW.search(sentence) or _AGENT_LATER.search(sentence):
        return False
    return any(
        _DAY_AHEAD.search(clause) and _LOOK.search(clause) for clause in _CLAUSE.split(sentence)
    )
