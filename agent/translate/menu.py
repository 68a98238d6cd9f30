"""Steps the reply names but nobody asked the user to take now, read sentence by sentence.

- A MENU in one sentence: alternatives ("either … or …", "…, or I can …", inline "1) … 2) …",
  可以…也可以…, 还是, 定係) closed by a pick ("which works for you?", "up to you", "your call",
  你选哪个, 由你决定), in the sentence or opening the next one: the user picks in chat, no item
  runs (no export, no balance, no upload). A plain step followed by a generic closing question
  ("Click Export to download. Anything else?") is no menu: it has no alternatives.
- A WISH for another version opening the step ("If you'd like a version without music, click
  Export…", 如果你想要直式版本…): that version is an option, no export runs.
- ANY INPUT invited ("Send me a photo or an idea and I'll make a video", 发张照片或者一句想法给我):
  a greeting, not a request for a file.
- A WARNING about uploading again ("Re-uploading will overwrite the current version",
  注意：重新上传会覆盖现有版本): a consequence told, no upload asked.
- A TOP-UP left to the user's wish while the balance is said to be enough ("top up if you want,
  you have enough anyway", 想充值也可以，不过余额够用): nothing to look up.

Pure; the sentence as folded (Simplified, Cantonese read in Mandarin forms).
"""

from __future__ import annotations

import re

__all__ = ["any_input", "menu", "optional_top_up", "unasked", "upload_warned", "wished"]

_ALL = frozenset({"export", "credits", "upload"})

# a step opened by a wish for another version of the video ("if you'd like a version without
# music", "if you want a GIF instead", 如果你想要直式版本): that version is an option
_WISH = re.compile(
    r"^\W*(?:if|should)\s+you(?:['’]d|\s+would)?\s+(?:like|want|prefer|rather\s+have|need)\s+"
    r"(?:a|an|the)\s+(?:[\w:-]+\s+){0,3}?(?:version|copy|cut|variant|gif|format|ratio|edit)\b"
    r"[^,.;!?]{0,60},"
    r"|^\W*(?:如果|若|要是|假如)(?:你|您)?(?:想要|想|需要|希望)[^，,。！？]{0,12}(?:版本|版|格式|比例)[^，,。！？]{0,8}[，,]",
    re.IGNORECASE,
)
# a step after work named just before it ("I'll add the subtitles next. After that's done,
# click Export", 我先把字幕加上，弄好之后再点导出): that work is not done yet
_AFTER_THAT = re.compile(
    r"\b(?:after|once|when)\s+(?:that|this|those|these)(?:['’]s|\s+is|\s+are|\s+has\s+been)?\s+"
    r"(?:done|finished|ready|complete|completed|in|applied|through)\b"
    r"|\b(?:when|once|after)\s+(?:it|the\s+\w+(?:\s+bar)?)\s+(?:reaches|hits|gets\s+to|is\s+at)\s+100\s*%"
    r"|^\W*(?:那个|这个|这些|那些)?(?:弄好|做好|加好|改好|完成|搞定|搞掂)(?:了)?(?:之后|以后|后)"
    # another person acts first (他按下「核准」后，你就可以下载正式版)
    r"|(?:他|她|他们|她们|对方|客户|老板|经理|主管|审核人|审批人)[^，,。！？]{0,14}?(?:之后|以后|后)[，,]",
    re.IGNORECASE,
)
# an export after an edit the user would make by hand in the GUI ("Fix them in the Captions
# panel, then export", 在时间线上把片尾拖短，然后导出): the chat user asks the agent instead
_EDIT_FIRST = re.compile(
    r"\b(?:fix|edit|adjust|correct|trim|move|change|tweak|retime|drag|shorten|delete|remove)\b"
    r"[^.!?]{0,60}?\b(?:in|on|from|inside)\s+the\s+(?:[\w-]+\s+){0,3}?(?:panel|timeline|editor"
    r"|track|inspector|sidebar)\b[^.!?]{0,12}?\b(?:then|and\s+then|before\s+you|and)\b[^.!?]{0,24}?"
    r"\b(?:export|download|render)"
    r"|(?:修改|调整|修正|改|拖|删|剪)[^。！？]{0,20}?(?:面板|时间线|轨道|编辑器)[^。！？]{0,12}?"
    r"(?:然后|再|之后)[^。！？]{0,8}?(?:导出|下载|渲染)",
    re.IGNORECASE,
)
_OTHERWISE = re.compile(r"\botherwise\b|\bor\s+else\b|否则|不然", re.IGNORECASE)

# alternatives offered in one sentence
_ALTERNATIVES = re.compile(
    r"\beither\b(?!\s+way\b)[^.!?]{2,}?\bor\b"
    r"|(?:^|[\s:(])(?:1[.)]|①|\(1\)|a\))[^.!?]{2,}?(?:\s|^)(?:2[.)]|②|\(2\)|b\))"
    r"|[,;—–-]\s*or\s+(?:\w+\s+){0,3}?\w"
    r"|\bor\s+(?:I|we)\s+(?:can|could|will|'ll)\b|\bor\s+(?:keep|wait|stick|leave|hold)\b"
    r"|\bor\s+(?:let|have|want)\s+me\b|\bor\s+I['’]ll\b"
    r"|(?:可以|能)[^。！？?]{1,30}?(?:也可以|也能|或者|或是)"
    r"|还是|還是|定系|定係|抑或|要么[^。！？?]{1,30}?要么|要麼[^。！？?]{1,30}?要麼",
    re.IGNORECASE,
)
# the pick asked for
_PICK = re.compile(
    r"\bwhich\b[^.!]{0,40}\?|\bwhich\s+(?:one|way|option|works|would|do\s+you|sounds|is\s+better"
    r"|you\s+prefer|you['’]d\s+(?:like|prefer))\b"
    r"|\b(?:up\s+to\s+you|your\s+call|your\s+choice|you\s+decide|you\s+pick|your\s+pick"
    r"|dealer['’]s\s+choice)\b"
    r"|\blet\s+me\s+know\s+which\b|\bwhat(?:['’]s|\s+is)\s+your\s+(?:pick|preference|choice)\b"
    r"|\bwhat\s+(?:would|do)\s+you\s+prefer\b"
    r"|哪个|哪個|哪一个|哪一個|哪种|哪種|哪样|哪樣|边个|邊個|边样|邊樣|选哪|選哪|拣边|揀邊"
    r"|由你(?:决定|決定|定|拣|揀|选|選)?|随你|隨你|你(?:来|來)?(?:决定|決定|定)|你(?:拣|揀)"
    r"|(?:还是|還是|定系|定係|抑或)[^。！]{0,30}?[?？]",
    re.IGNORECASE,
)
# a greeting inviting any input: a file or an idea, a prompt, a text
_ANY_INPUT = re.compile(
    r"\b(?:send|share|give|drop|upload|throw|bring)\s+(?:me\s+)?[^.!?]{0,30}?\b(?:photos?|images?"
    r"|pictures?|clips?|videos?|files?|footage)\b[^.!?]{0,30}?\b(?:or|and/or)\s+(?:\w+\s+){0,2}?(?:ideas?"
    r"|prompts?|descriptions?|topics?|texts?|scripts?|concepts?|thoughts?|words?|sentences?"
    r"|links?|urls?)\b"
    r"|\b(?:send|share|give|tell)\s+(?:me\s+)?(?:\w+\s+){0,2}?(?:ideas?|prompts?|descriptions?"
    r"|topics?|texts?|concepts?)\s+(?:or|and/or)\s+(?:\w+\s+){0,2}?(?:photos?|images?"
    r"|pictures?|clips?|videos?|files?)\b"
    r"|(?:照片|图片|圖片|相片|视频|視頻|影片|素材|文件|档案|檔案)[^。！？，,]{0,4}?(?:或者|或是|或|还是|還是|定系|定係)"
    r"[^。！？，,]{0,6}?(?:想法|点子|點子|主意|创意|創意|文字|描述|主题|主題|一句话|一句話|脚本|腳本|链接|鏈接|連結)"
    r"|(?:想法|点子|點子|主意|创意|創意|文字|描述|主题|主題|一句话|一句話)[^。！？，,]{0,4}?(?:或者|或是|或|还是|還是)"
    r"[^。！？，,]{0,6}?(?:照片|图片|圖片|相片|视频|視頻|影片|素材|文件)",
    re.IGNORECASE,
)
# a warning about uploading again: its consequence told
_WARNED = re.compile(
    r"\b(?:re-?upload(?:ing)?|upload(?:ing)?\s+(?:it\s+|again|a\s+new\s+(?:version|file)))"
    r"[^.!?]{0,30}?\b(?:will|would|'ll|can|may|might)\s+(?:\w+\s+)?(?:overwrite|replace|erase"
    r"|wipe|delete|remove|reset|discard|undo|lose)\b"
    r"|(?:重新|再次|再)(?:上传|上傳)[^。！？]{0,12}?(?:会|會|将|將|可能)[^。！？]{0,4}?"
    r"(?:覆盖|覆蓋|取代|替换|替換|冲掉|沖掉|删除|刪除|清除|丢失|丟失|洗走)",
    re.IGNORECASE,
)
# what the agent made, put in a panel of the app: nothing to upload
_MADE = re.compile(
    r"\b(?:I|we)(?:['’]ve|\s+have|\s+just)?\s+(?:generated|made|created|rendered|produced"
    r"|designed|drew|drawn)\b[^.!?]{0,60}?\b(?:assets?|media|library|panel|bin|folder|tab)\b"
    r"|\b(?:assets?|media|library|panel|bin|folder)\b[^.!?]{0,40}?\b(?:I|we)(?:['’]ve|\s+have|\s+just)?"
    r"\s+(?:generated|made|created|produced|designed)\b"
    r"|我(?:刚|剛|已经|已經)?(?:生成|做|制作|製作|整|画|畫|设计|設計)(?:好|咗|了)?的[^。！？]{0,20}?"
    r"(?:素材|资源|資源|媒体|媒體)",
    re.IGNORECASE,
)
_TOP_UP = re.compile(
    r"\btop(?:\s+it)?\s+up|\btop-up|\brecharge|\b(?:add|buy|get)\s+(?:some\s+|more\s+)?credits"
    r"|充值|增值|储值|儲值|加值",
    re.IGNORECASE,
)
_OPTIONAL = re.compile(
    r"\bif\s+you\s+(?:want|like|wish|prefer)\b|\bfeel\s+free\b|\boptional(?:ly)?\b|\bno\s+(?:need|rush)\b"
    r"|\bnot\s+(?:needed|necessary|required)\b"
    r"|想[^，。！？]{0,6}?(?:也可以|也行|都可以|都得|也無妨|也无妨)|想的话|想的話|如果想|如果你想|要的话|要的話|可选|可選|随意|隨意|不是必须|不是必須|不用|唔使|不必",
    re.IGNORECASE,
)
_ENOUGH = re.compile(
    r"\b(?:have|got|has)\s+(?:\w+\s+)?(?:enough|plenty)\b|\benough\s+(?:anyway|already|for)\b"
    r"|\b(?:covers?|covered)\b|\bsufficient\b"
    r"|够用|夠用|足够|足夠|充足|够了|夠了|够的|夠的",
    re.IGNORECASE,
)


def menu(sentence: str, after: str = "") -> bool:
    """Whether `sentence` offers alternatives closed by a pick, in it or opening `after`."""
    alternatives = _ALTERNATIVES.search(sentence)
    if alternatives is None:
        return False
    if _PICK.search(sentence, alternatives.start()):
        return True
    opening = re.split(r"(?<=[.!?。！？])\s*", after.lstrip(" \t\n-*•>—–"), maxsplit=1)[0]
    return bool(opening) and _PICK.search(opening) is not None


def any_input(sentence: str) -> bool:
    """Whether `sentence` invites a file or any other input (an idea, a prompt)."""
    return _ANY_INPUT.search(sentence) is not None


def upload_warned(sentence: str) -> bool:
    """Whether `sentence` warns what uploading again would do."""
    return _WARNED.search(sentence) is not None


def optional_top_up(sentence: str) -> bool:
    """Whether `sentence` leaves a top-up to the user's wish and says the balance is enough."""
    return bool(
        _TOP_UP.search(sentence) and _OPTIONAL.search(sentence) and _ENOUGH.search(sentence)
    )


def wished(sentence: str) -> bool:
    """A step opened by a wish for another version ("If you'd like a version without music,
    click Export and untick Include audio", 如果你想要直式版本，汇出时选9:16): an option,
    unless another branch runs otherwise."""
    return _WISH.search(sentence) is not None and _OTHERWISE.search(sentence) is None


def unasked(sentence: str, after: str = "") -> frozenset[str]:
    """The actions of `sentence` nobody asked for (see the module doc); `after` the next
    sentence."""
    if menu(sentence, after):
        return _ALL
    dropped: set[str] = set()
    if wished(sentence) or _AFTER_THAT.search(sentence) or _EDIT_FIRST.search(sentence):
        dropped.add("export")
    if any_input(sentence) or upload_warned(sentence) or _MADE.search(sentence):
        dropped.add("upload")
    if optional_top_up(sentence):
        dropped.add("credits")
    return frozenset(dropped)
