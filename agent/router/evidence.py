"""Positive evidence that a bare export word is a request: the export gate's default is to deny.

A bare export verb ("export", "render", "download", 导出, 渲染, 下载, 出片) asks for the file
only in a request form: the imperative at the start of its clause or after a politeness or
address marker ("pls export it", "can you render the video", 帮我导出, 导出吧), a wish for the
output ("I want to download it", 我要导出), or a step in a sequence ("then export", 然后导出,
搞掂就出片). Any other use is not a request: a noun or a modifier ("downloads take forever",
"the exported video", 导出来的画面), a state ("still rendering", 渲染中), an idiom (好出片).
Those go to `other`; the rest is `unsure` for the intent model to confirm
(`agent.router.request`).

Pure regexes over the keyword stage's normalised text (lower case, Simplified, ASCII
punctuation, apostrophes dropped).
"""

from __future__ import annotations

import re
from typing import Literal

__all__ = ["Sense", "bare", "sense"]

Sense = Literal["request", "progress", "modifier", "idiom", "unsure"]

_BARE_EN = re.compile(
    r"(?:re)?(?:export|download|render|deliver|output|save)(?:s|ed|ing|er|ers)?|finalize[sd]?"
)
_BARE_ZH = re.compile(r"(?:重新)?(?:导出|下载|渲染|输出|出片|导处|导粗|到出|倒出|下栽)")
_BASE_EN = re.compile(r"(?:re)?(?:export|download|render|deliver|output|save)|finalize")

# What may stand before an imperative in its clause: fillers, courtesy, address, sequence.
_FILLER = (
    r"(?:ok|okay|k|kk|alright|alr|right|great|cool|perfect|nice|good|awesome|sweet|fine|yes|yeah"
    r"|yep|yup|sure|now|just|so|and|n|nd|adn|annd|then|also|pls|please|plz|kindly|hey|hi|yo|bro"
    r"|mate|guys"
    r"|dude|lol|lets|let\s+us|go\s+ahead\s+and|go\s+on\s+and|ahead\s+and|quickly|finally"
    r"|after(?:\s+that)?"
    r"|bhai|yaar|phir|fir|ab|uske\s+baad|iske\s+baad"  # Hinglish: "bhai export kar do"
    r"|afterwards|once\s+done|when\s+done|after\s+this|and\s+then|n\s+then|thanks|thx"
    r"|looks\s+good|all\s+good|done|its\s+done|that\s+works|lgtm|sounds\s+good|love\s+it"
    # round 17: a step of a list ("step three: render", "3) export", "lastly: download")
    r"|step\s+[a-z0-9]+|\d{1,2}|(?:first|second|third|fourth|fifth|last|lastly)(?=\s*[:)\-]))"
)
_LEAD_EN = re.compile(rf"^\W*(?:{_FILLER}\W*)*$")
# round 10: the business register, as its clause's imperative ("please proceed with the final
# render"); never after a subordinator ("before we proceed with the export, fix the audio")
_PROCEED_EN = re.compile(
    rf"^\W*(?:{_FILLER}\W*)*(?:(?:can|could|would|will)\s+(?:you|u)\s+)?(?:proceed|go\s+ahead"
    r"|move\s+forward|carry\s+on|get\s+started)\s+with(?:\s+(?:the|a|an|my|our|your|this))?"
    r"(?:\s+(?:final|full|last|actual))?\s*$"
)
_ASK_EN = re.compile(
    r"(?:\b(?:can|could|would|will|wud|cud|cn)\s+(?:you|u|ya|yall)|\bplease|\bpls|\bplz|\bkindly"
    r"|\bgo\s+ahead\s+(?:and|n)|\bjust|\bthen|\b(?:and|n|nd|adn|annd)|\blets|\blet\s+us"
    r"|\b(?:want|wanna|need"
    r"|like|ready|time|able|gotta|have|got)\s+(?:you\s+|u\s+)?to|\bwanna|\bgotta|\bmind"
    r"|\bhelp\s+me|\bfor\s+me\s+to|\bi(?:ll|\s+will)?\s+(?:want|need)\s+to|\bnow|\bpls\s+just"
    r"|\basap|\bquickly|\bdo\s+(?:an?|the)|\bone\s+more|\bfinally|\balso"
    r"|\bwhy\s+(?:you\s+|u\s+)?(?:not|dont|didnt|havent|no)|\bonly|\b(?:ya|u|you)|&|\+"
    # round 25: a permission given ("now you can render it", "feel free to export", "ur good to
    # download it")
    r"|\b(?:you|u|ya)\s+(?:can|may)(?:\s+(?:now|just|go\s+ahead\s+(?:and|n)))?|\bfeel\s+free\s+to"
    r"|\b(?:youre|ur|you\s+are|u\s+are)\s+(?:free|good|clear|cleared)\s+to"
    r"|\b(?:phir|fir|uske\s+baad|iske\s+baad|luego|despu[eé]s|dann|puis|ensuite)"  # "…, then"
    r"|\b(?:y|e|et|und|poi|depois)"  # "…y exporta", "…et exporte": "and" in Romance languages
    # round 18: Hinglish and Taglish "and / then" ("… aur export kar do", "… tapos i-export mo"),
    # and the Taglish verb prefix itself ("i-export mo na", "i-render mo")
    r"|\b(?:aur|tapos|pagkatapos|saka|tsaka)(?:\s+i-)?|(?:^|\s)i-"
    r"|\b(?:then|now|so|ok|okay|after\s+that)\s+can"  # Singlish: "then can export liao"
    # the balance's condition, checked first (`agent.router.deferral.checks_first`): "if enough
    # export"
    r"|\bif\s+(?:its\s+|it\s+is\s+|thats\s+)?(?:still\s+)?enough(?:\s+(?:then|just))?"
    # our work finished first, no comma: "once its all set render it out"
    r"|\b(?:once|when|after|as\s+soon\s+as)\s+(?:its|it\s+is|thats|that\s+is|everything\s+is"
    r"|everythings|all\s+is|youre|you\s+are|ur)\s+(?:all\s+)?(?:set|done|ready|good|finished"
    r"|sorted|fine|ok|okay|through))\s*$"
)
# After an imperative: its object, a format, a time, or nothing.
_AFTER_EN = re.compile(
    r"^\s*(?:$|[^\w\s]|(?:it|this|that|them|these|those|me|us|the|my|our|a|an|to|in|as|at|for"
    r"|now|out|again|asap|please|pls|plz|already|real|quick|when|once|and|then|n|so|with|both"
    r"|all|everything|right|first|mp4|gif|mov|webm|hd|full|final|video|vid|clip|file|one|version"
    r"|rn|tonight|today|pronto|thx|thanks|ty|lol|bro|if|after|before|without|but|or|fast"
    r"|kar|karo|kardo|kardena|karna|kijiye|krdo|kr"
    # round 13: a courtesy in the language around it ("y luego export porfa", "dann export bitte")
    r"|porfa|porfis|por\s+favor|bitte|stp|svp|per\s+favore|onegai|yaar"
    # Singlish particles ("export liao", "render lah", "download can")
    r"|liao|lah|la|leh|lor|hor|ah|can|ok|okay"
    # Taglish: the doer and the particles after the verb ("i-export mo na", "i-render nyo po")
    r"|mo|nyo|ninyo|niyo|po|na|naman|agad|ulit"
    # German: the object after the verb ("…und exportier es dann")
    r"|es|das|ihn"
    # a Romance determiner before the thing ("y luego exporta el video", "esportalo il video")
    r"|el|los|las|il|le|les|o|os|un|una|um|uma|mi|mis|este|esta|ese|esa|ya|ahora)\b|\d)"
)
_LEAD_ZH = re.compile(
    r"^\W*(?:(?:好|好的|好了|行|行了|可以|可以了|ok|okay|嗯|那|那就|就|直接|现在|马上|赶紧|快|"
    r"快点|先|再|然后|最后|接着|帮我|给我|帮忙|麻烦|麻烦你|请|请你|你|同我|唔该|没问题|没问题了"
    r"|搞定|搞掂|完了|哈|嗨|哥|姐|亲|老师|帮手|顺便|一起|都|也|那么"
    r"|第[一二三四五六七八九十\d]+步|最后一步|步骤[一二三四五六七八九十\d]+)\W*)*$"
)
_ASK_ZH = re.compile(
    r"(?:帮我|给我|帮忙|麻烦你?|请你?|同我|唔该|然后|再|就|直接|现在|马上|即刻|立即|立刻|赶紧|快点?|最后|接着"
    r"|顺便|我要|要|我想|想|需要|可以|能|去|来|先|完|好|弄好|搞好|做好|改好|搞定|搞掂|弄完|搞完"
    r"|做完|改完|了|后|之后|以后|并|并且|和|及|再帮我|你|都|也|一起|重新|顺手|拿去|拿来|给|的话|话"
    r"|[剪整调弄做改搞加换修配]好)\s*$"
)
_AFTER_ZH = re.compile(
    r"^\s*(?:$|[^\w\s]|吧|啦|喇|了|吗|呀|啊|嘛|呗|咯|一下|下|给我|发我|出来(?!的)|来(?!的)|成|为"
    r"|到|个|一个|一条|一版|一份|一次|一遍|条|版|视频|影片|片|成片|mp4|gif|这|那|它|佢|我|先|高清"
    r"|\d|4k|横|竖|再|就|然后|并|和|之后|后|完|好|出|保存|存|啊|吖|嘞|咧|哦|喔|嘅|最终|全部|整|原"
    r"|埋)"
)
_MODIFIER_ZH = re.compile(
    r"^\s*(?:出来|来|出|下来|出去)?的(?!时候|话)|^\s*(?:速度|进度|时间|记录|历史)"
)
# the button named ("导出按钮没反应，你帮我弄一下"): the old default, a request
_BUTTON = re.compile(r"^\s*(?:按钮|键|button|btn)")
# a place named ("downloads folder is full"): a request only with a verb that puts it there
_PLACE = re.compile(r"my\s+downloads|downloads\s+folder|camera\s+roll|my\s+gallery|photo\s+library")
_PUT = re.compile(
    r"\b(?:put|save|send|drop|stick|get|move|into|to|in|onto|straight|download|export|airdrop"
    r"|want|need|pls|please|plz|can\s+you|could\s+you)\b"
)
_PROGRESS_ZH = re.compile(r"(?:(?<![现实存])在|正在|还在|仲喺|仲在|喺度)\s*$")
_PROGRESS_AFTER_ZH = re.compile(r"^\s*(?:中|着|紧)")
_IDIOM_ZH = re.compile(
    r"(?:(?<![剪整调弄做改搞加换修配])好|很|超|太|真|挺|蛮|特别|非常|不|唔|更|最|几|咁)\s*$"
)
# a gerund that asks ("mind exporting it?", "after exporting, show me the credits")
_GERUND_ASK = re.compile(r"\b(?:mind|after|start|try|keep|finish|begin|go\s+ahead\s+with)\s+$")
# a participle wanted ("I need this exported by 5pm", "get it rendered")
_WANTED = re.compile(
    r"\b(?:need|needs|want|wants|get|have|got|like)\s+(?:this|it|that|them|the\s+\w+|my\s+\w+)\s+$"
)
_PROGRESS_EN = re.compile(r"\b(?:still|currently|already|is|its|are|was|were)\s+$")
_PROGRESS_AFTER_EN = re.compile(
    r"^\s*(?:is\s+|still\s+)*(?:taking|takes|stuck|slow|forever|done\s+yet|finished\s+yet)\b"
)


# a clause that opens with a determiner and the word, a preposition's object or a subordinate
# clause's subject: a noun ("the render 剪完了吧？", "my export from yesterday", "the status bar
# of the render", "tell me if the export is working"), never a request for the intent model
_DETERMINED = re.compile(
    r"(?:^\W*|\b(?:of|in|on|from|about|with|for|if|whether|when|once|until|because|while)\s+)"
    r"(?:the|a|an|my|your|our|their|his|her|this|that|these|those)\s*$"
)


def bare(word: str) -> bool:
    """Whether the export word is a bare verb or a place (the words the gate must find evidence
    for); other export phrases ("send me the", "email it") are request forms themselves."""
    return any(r.fullmatch(word) is not None for r in (_BARE_EN, _BARE_ZH, _PLACE))


def sense(word: str, before: str, after: str) -> Sense:
    """What a bare export word in its clause is: `before` and `after` are the clause's words on
    either side of it."""
    if _BARE_ZH.fullmatch(word):
        return _sense_zh(word, before, after)
    if _PLACE.fullmatch(word):
        return "request" if _PUT.search(before) else "modifier"
    if _BUTTON.match(after):
        return "request"
    if word.endswith("ing") and (_PROGRESS_EN.search(before) or _PROGRESS_AFTER_EN.match(after)):
        return "progress"  # "is it still rendering", "rendering is taking ages"
    if word.endswith("ing") and _GERUND_ASK.search(before):
        return "request"
    if word.endswith("ed") and _WANTED.search(before):
        return "request"
    if _BASE_EN.fullmatch(word) is None:
        return "modifier"  # "downloads take forever", "the exported video"
    if not (_AFTER_EN.match(after) or _AFTER_ZH.match(after)):
        return "modifier" if _DETERMINED.search(before) else "unsure"
    if any(r.match(before) for r in (_LEAD_EN, _LEAD_ZH, _PROCEED_EN)) or any(
        r.search(before) for r in (_ASK_EN, _ASK_ZH)
    ):
        return "request"  # "pls export it", 够就render
    return "modifier" if _DETERMINED.search(before) else "unsure"


def _sense_zh(word: str, before: str, after: str) -> Sense:
    if _PROGRESS_ZH.search(before) or _PROGRESS_AFTER_ZH.match(after):
        return "progress"  # 还在渲染中, 渲染中
    if _BUTTON.match(after):
        return "request"
    if _MODIFIER_ZH.match(after):
        return "modifier"  # 导出来的画面, 下载速度
    if word == "出片" and _IDIOM_ZH.search(before):
        return "idiom"  # 好出片 = photogenic
    if not _AFTER_ZH.match(after):
        return "unsure"
    tail = before.rsplit(" ", 1)[-1]  # "背景换成白色的 导出": a space ends a Chinese clause
    if _LEAD_ZH.match(before) or _LEAD_ZH.match(tail) or _ASK_ZH.search(before):
        return "request"
    return "unsure"
