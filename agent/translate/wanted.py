"""What a sentence asks for without a GUI step: the user's file the agent lacks, and the
account's usage page named as where the balance shows.

The tables read GUI steps ("click Upload", 点击「上传」). A reply also asks for a file in
other shapes, and those run the upload all the same:

- a lack or a need of the agent's ("I still need the voiceover", "还差一张结尾的合影照片",
  仲差一段背景音樂, "A storyboard without the product photos won't work");
- a polite question or request for the user's file ("Could you send over the brand font
  file?", "Would you mind sharing the brand guidelines PDF?", "mind attaching them?");
- media dragged in, with no GUI place named ("再拖几张照片进来", 麻煩你 drag 一條片入嚟先,
  "Drag your B-roll clips into the bin").

And the balance: a page of the account named as where the quota, the plan or the usage
shows ("Your account page under Usage shows the monthly quota resets on the 1st",
「用量」页面可以看到本月配额) shows the credits; a price mentioned in a report does not.

Safety (nothing runs): an offer or a condition ("I can also add a voiceover if you send me a
recording", 如果你有…), a file the agent makes itself ("… — I'll generate it"), a file sent to
someone else ("send the cut to your client"), the user's past upload ("you uploaded 3
photos", 你上传的照片), a negation ("no need to send the logo", 不用再发), someone else's
account ("her account page"), another program.

Pure: one sentence in (folded to Simplified), the asks out with where they stand.
"""

from __future__ import annotations

import re

from agent.translate.evidence import third_party

__all__ = ["declined", "shares_own_file", "wanted"]

# the user's own file, by what it is (never a link, a name or a message about it)
_EN_FILE = (
    r"(?:files?|photos?|pics?|images?|pictures?|videos?|clips?|footage|b-roll|recordings?"
    r"|voiceovers?|voice\s+memos?|songs?|music|audio|soundtracks?|logos?|fonts?|pdfs?"
    r"|guidelines|brand\s+guide|screenshots?|headshots?|selfies?|assets|shots|photographs?"
    r"|png|jpe?g|mp3|mp4|wav|mov|svg)"
)
_EN_NOT_FILE = (
    r"(?!\s+(?:links?|urls?|names?|paths?|formats?|sizes?|ideas?|descriptions?|titles?|lyrics"
    r"|order|sequence|lengths?|durations?|styles?|choices?|preferences?|details?|counts?)\b)"
)
# the object: "the brand font file", "your B-roll clips", "a few product photos", "them"
_EN_OBJECT = (
    r"(?:(?:the|your|a|an|some|any|more|another|those|these|that|this|one|two|three|a\s+few"
    r"|\d+)\s+)?(?:(?!(?:to|of|for|from|with|about|on|in|at|by|as|like|into|onto|links?|urls?"
    r"|thoughts?|feedback|opinions?|notes?|lists?)\b)[\w'’-]+\s+){0,3}?"
    + _EN_FILE
    + r"\b"
    + _EN_NOT_FILE
)
_ZH_FILE = (
    r"(?:照片|相片|相|图片|圖片|图|圖|合影|合照|视频|視頻|影片|片段|片|素材|音乐|音樂|配乐|配樂|曲子"
    r"|歌|录音|錄音|配音|文件|档案|檔案|字体|字體|logo|clip|video|photo|pdf|截图|截圖|头像|頭像)"
)
_ASK_VERB = r"(?:send|share|attach|upload|provide|forward|pass\s+along|drop|add|include)"
_ASK_VERB_ING = (
    r"(?:sending|sharing|attaching|uploading|providing|forwarding|dropping|adding|including)"
)

# what only the user has, never the video made here: its sharing is a file to send
_EN_SOURCE = (
    r"(?:logos?|fonts?|photos?|images?|pictures?|music|audio|songs?|pdfs?|guidelines|brand\s+guide"
    r"|headshots?|recordings?|voiceovers?|footage|b-roll|screenshots?|assets|(?:music|audio|font"
    r"|logo|image|photo)\s+files?)"
)
# "Share the logo file", "Please share the music file": the user's own file shared
_SHARED_SOURCE = re.compile(
    r"(?:^|[:;—]\s*|\b(?:then|now|just|please|first)\s+)(?:share|send)\s+(?:(?:me|us)\s+)?"
    r"(?:over\s+)?(?:(?:the|your|a|an|some|any|those|these)\s+)?(?:[\w'’-]+\s+){0,2}?"
    + _EN_SOURCE
    + r"\b(?!\s+(?:on|to)\s+(?!me\b|us\b))",
    re.IGNORECASE,
)
_OTHER_EXPORT = re.compile(
    r"\b(?:export|download|render|save)\w*|导出|下载|匯出|汇出", re.IGNORECASE
)

_UPLOAD = re.compile(
    # the agent's lack or need ("I still need the voiceover", "we're missing your logo",
    # "the product photos are missing", "I don't have the logo yet")
    r"\b(?:I|we)(?:['’]ll|\s+will|\s+still|['’]d|\s+just|\s+also|\s+really)*\s+need\s+"
    + _EN_OBJECT
    + r"|\b(?:I|we)(?:['’]d|\s+would)\s+need\s+(?:a\s+)?cop(?:y|ies)\s+of\s+"
    + _EN_OBJECT
    + r"|\b(?:I|we)['’]?(?:m|re|\s+am|\s+are)\s+(?:still\s+|just\s+)?missing\s+"
    + _EN_OBJECT
    + r"|\b(?:still\s+)?(?:waiting\s+(?:on|for)|need(?:ing)?)\s+(?:your|the)\s+(?:[\w'’-]+\s+)"
    r"{0,3}?" + _EN_FILE + r"\b" + _EN_NOT_FILE + r"(?=[^.!?]{0,20}\bfrom\s+you\b)"
    r"|\b" + _EN_FILE + r"\s+(?:is|are)\s+(?:still\s+)?missing\b"
    r"|\bI\s+(?:don['’]t|do\s+not)\s+have\s+" + _EN_OBJECT + r"\s+yet\b"
    # "A storyboard without the product photos won't work"
    r"|\bwithout\s+(?:the|your)\s+(?:[\w'’-]+\s+){0,3}?" + _EN_FILE + r"\b[^.!?]{0,40}?"
    r"\b(?:won['’]t|can['’]t|cannot|doesn['’]t|will\s+not)\s+work\b"
    # a polite question or request ("Could you send over the brand font file?")
    r"|\b(?:could|can|would|will)\s+you\s+(?:please\s+|kindly\s+|also\s+|just\s+)*"
    + _ASK_VERB
    + r"\s+(?:(?:me|us)\s+)?(?:over\s+|along\s+)?"
    + _EN_OBJECT
    + r"|\b(?:would\s+you\s+)?mind\s+"
    + _ASK_VERB_ING
    + r"\s+(?:(?:me|us)\s+)?(?:over\s+|in\s+)?(?:them|it|those|these|"
    + _EN_OBJECT
    + r")"
    + r"|\bplease\s+(?:send|share|attach|upload|provide)\s+(?:(?:me|us)\s+)?(?:over\s+)?"
    + _EN_OBJECT
    # media dragged in ("Drag your B-roll clips into the bin")
    + r"|(?:^|[:;,—]\s*|\b(?:then|now|just|please)\s+)(?:drag|drop)\s+(?:in\s+)?(?:your|some|more"
    r"|a\s+few)\s+(?:[\w'’-]+\s+){0,3}?" + _EN_FILE + r"\b(?:\s+in)?(?:\s+(?:into|to)\s+(?:the\s+)?"
    r"(?:bin|media|library|project)\b)?(?!\s+(?:onto|to|into|on)\s+(?:the\s+)?(?:timeline|track))"
    # Chinese: a lack ("还差一张合影", 仲欠一段音樂, 缺少背景音乐)
    r"|(?:还差|還差|还缺|還缺|仍差|仍缺|缺少|缺了|少了|仲差|仲缺|仲欠|还欠|還欠|欠缺|还少|還少)"
    r"[^。！？，,；]{0,12}?"
    + _ZH_FILE
    # a polite request ("可以发给我", 麻烦你发一下照片, 请把字体文件发过来)
    + r"|(?:可以|能|麻烦|麻煩|请|請|劳烦|勞煩)[^。！？，,；]{0,3}?(?:发|传|發|傳|send|上传|上傳)"
    r"(?:给|俾|畀)?(?:我|过来|過來|嚟)"
    r"|(?:麻烦|麻煩|請|请|劳烦|勞煩|能不能|可不可以|能否|可否|方便)(?:你|您)?[^。！？，,；]{0,4}?"
    r"(?:发|發|传|傳|上传|上傳|提供|send|upload)"
    r"[^。！？，,；]{0,6}?"
    + _ZH_FILE
    # the user's need ("你需要上传一张封面图", 我还需要你的 logo 文件)
    + r"|(?:你|您)(?:还|還|仲)?(?:需要|要)(?:先|再)?(?:上传|上傳|发|發|传|傳|提供)"
    r"(?!到|至|去|给|給|俾|畀)[^。！？，,；]{0,8}?"
    + _ZH_FILE
    + r"|我(?:还|還|仲)?(?:需要|要)(?:你|您)(?:的|嘅)?"
    r"(?![^。！？，,；]{0,8}?(?:确认|確認|告诉|告訴|选|選|决定|決定|说|說|讲|講|挑))"
    r"[^。！？，,；]{0,8}?"
    + _ZH_FILE
    + r"(?!顺序|順序|名|标题|標題|风格|風格)"
    # media dragged in ("再拖几张照片进来", 麻煩你 drag 一條片入嚟先)
    + r"|(?:拖|拉|drag|放|丢|丟|掟)\s*(?:几|幾|一|两|兩|些|多|更多|\d)[^。！？，,；]{0,8}?"
    r"(?:进来|進來|入嚟|入黎|入来|上来|过来|進嚟)",
    re.IGNORECASE,
)
# the file asked for is no ask: a condition or an offer before it, the agent making it, a
# file sent to someone else, a negation of the ask
_CONDITION = re.compile(
    r"\b(?:if|once|when|whenever|should)\s+you\b|\bif\s+(?:needed|necessary|you['’]d\s+like)"
    r"|\boptional(?:ly)?\b|\bI\s+can\s+also\b"
    r"|如果|要是|假如|若是|若你|(?<!方便)的话|(?<!方便)的話|可选|可選|有需要",
    re.IGNORECASE,
)
# a link that failed: the same file asked for by another way is no new file ("I couldn't read
# that link — it returns a 404. Could you send the image file directly?")
_LINK_FAILED = re.compile(
    r"\b(?:couldn['’]t|can['’]t|cannot|could\s+not|unable\s+to|wasn['’]t\s+able\s+to)\s+"
    r"(?:read|open|access|load|reach)\s+(?:that|the|this|your)\s+(?:link|url)"
    r"|\b(?:link|url)\b[^.!?]{0,30}\b(?:404|broken|expired|doesn['’]t\s+work)"
    r"|链接[^。！？]{0,10}(?:打不开|失效|无法|404)"
    # the same file by another way than a link that failed ("send the image file directly")
    r"|\b(?:directly|instead)\b",
    re.IGNORECASE,
)
_AGENT_MAKES = re.compile(
    r"\bI['’]ll\s+(?:generate|create|make|render|design|draw|record|write)\s+(?:it|them|one)\b"
    r"|\bI\s+(?:will|can)\s+(?:generate|create|make|design|draw|record)\s+(?:it|them|one)\b"
    r"|我(?:来|會|会|马上|這就|这就)(?:生成|做|制作|畫|画|补|录|錄)",
    re.IGNORECASE,
)
_ELSEWHERE = re.compile(
    r"\b(?:to|with)\s+(?:your|the|their|his|her)\s+(?:client|team|boss|editor|manager"
    r"|followers|audience|friends?|family|colleagues?|teammates?)\b"
    r"|\b(?:to|with)\s+(?:them|him|her)\b|(?:发|發)(?:给|給)(?:客户|客戶|他|她|老板|老闆|同事)"
    r"|(?:给|給|畀|俾)(?:客户|客戶|他|她|佢)",
    re.IGNORECASE,
)
# the user's own upload, done ("你已经上传了 3 张照片", 你啱啱傳嘅片)
_PAST = re.compile(
    r"你(?:已经|已經|刚才|剛才|刚刚|剛剛|啱啱|之前)?(?:上传|上傳|发|發|传|傳|拖)(?:了|过|過|咗|嘅|的|来的|來的)"
    r"|已(?:经|經)?(?:上传|上傳)|\bthanks\s+for\s+(?:sending|uploading|sharing|attaching)\b"
    r"|\byou(?:['’]ve|\s+have|['’]d|\s+had)?\s+(?:(?:just|already|recently|previously|also|all)\s+)*"
    r"(?:imported|uploaded|re-uploaded|sent|shared|attached|dropped|provided|gave\s+me)\b",
    re.IGNORECASE,
)
# a file the user is to send to someone else ("share the clip with your team")
_SENT_AWAY = re.compile(
    r"\b(?:send|share|forward|pass)\b[^.!?]{0,40}?\b(?:to|with)\s+(?:your|the|their)\s+"
    r"(?:client|team|boss|editor|manager|followers|audience|friends?|family|colleagues?"
    r"|teammates?)s?\b"
    r"|(?:发|發|传|傳|转发|轉發)(?:给|給)(?:客户|客戶|老板|老闆|同事|朋友|家人)",
    re.IGNORECASE,
)
_NEGATED = re.compile(
    r"\b(?:don['’]t|do\s+not|no\s+need\s+to|never|needn['’]t|not\s+necessary\s+to"
    r"|(?:you\s+)?(?:don['’]t|do\s+not)\s+(?:have|need)\s+to|no\s+longer\s+need)\s+"
    r"(?:\w+\s+){0,2}?(?:send|upload|attach|share|drag|drop|add|provide)"
    r"|\b(?:don['’]t|do\s+not|no\s+longer)\s+need\s+(?:the|your|any|a)\b"
    r"|\bnothing\s+(?:is\s+|else\s+)?missing\b|\bnot\s+missing\b|\bno\s+(?:more|other|extra)\s+"
    + _EN_FILE
    + r"\s+(?:are\s+|is\s+)?needed"
    r"|(?:不用|不需要|无需|無需|唔使|不使|唔需要|唔駛|不必|别|別|不要|唔好|没必要|沒必要)(?:再)?"
    r"[^。！？，,；]{0,6}?(?:发|發|传|傳|上传|上傳|拖|给|提供|补|加|send|upload)"
    r"|不差|不缺|唔差|唔缺|没有缺|沒有缺|什么都不缺|已经齐|已經齊|已经够|已經夠|已经足够|夠晒|够晒",
    re.IGNORECASE,
)

_PAGE_EN = (
    r"(?:(?:account|billing|usage|plans?|subscriptions?|wallet|credits?|quota)\s+"
    r"(?:page|tab|section|settings|dashboard|screen|panel)"
    r"|\bunder\s+(?:the\s+)?(?:usage|billing|plan|subscription|quota|credits|wallet)\b"
    r"|\b(?:the|your)\s+(?:usage|billing|quota)\s+(?:page|tab|section|screen|panel)?)"
)
_PAGE_ZH = (
    r"(?:账户|帐户|账号|帐号|个人中心|用量|配额|额度|套餐|方案|点数|余额|钱包|计费|账单|订阅|会员)"
    r"[」』\"”】\]]?\s*(?:页面|页|中心|栏|标签|分页|设置|面板|tab|page)"
)
_QUOTA = re.compile(
    r"\b(?:quota|credits?|balance|usage|limit|allowance|plan|renew\w*|reset\w*|remaining)\b"
    r"|配额|额度|用量|余额|点数|积分|套餐|方案|重置|续费|到期|剩余|还剩",
    re.IGNORECASE,
)
_SHOWN = re.compile(
    r"\b(?:shows?|showing|lists?|displays?|will\s+show|you['’]ll\s+(?:find|see)|you\s+can\s+"
    r"(?:see|find|check)|check|see|look\s+at|open|visit|go\s+to|head\s+to)\b"
    r"|显示|看到|查看|看看|看一下|能找到|找到|列出|写着|可见|打开|去|到|睇",
    re.IGNORECASE,
)
_CREDITS = re.compile(_PAGE_EN + "|" + _PAGE_ZH, re.IGNORECASE)
_NOT_HERE = re.compile(
    r"\b(?:youtube|google|apple|app\s+store|play\s+store|stripe|paypal|tiktok|instagram"
    r"|capcut|adobe|canva|premiere|dropbox|icloud)\b|剪映|抖音|微信|支付宝"
    r"|\b(?:don['’]t|do\s+not|no\s+need\s+to|never)\s+(?:\w+\s+){0,2}?(?:check|open|visit|look)\b"
    r"|\b(?:her|his|their)\s+(?:account|billing|usage|plan|dashboard|wallet)\b"
    r"|不用|不需要|无需|唔使",
    re.IGNORECASE,
)


def wanted(sentence: str) -> list[tuple[int, str]]:
    """The upload and the balance `sentence` asks for in the shapes of the module doc, each
    with where it stands; none when the sentence only offers, reports or negates them."""
    found: list[tuple[int, str]] = []
    at = _file_asked(sentence)
    if at is not None:
        found.append((at, "upload"))
    page = _CREDITS.search(sentence)
    if (
        page is not None
        and _QUOTA.search(sentence)
        and (_SHOWN.search(sentence) or page.group().lower().startswith("under"))
        and not _NOT_HERE.search(sentence)
        and not third_party(sentence)
    ):
        found.append((page.start(), "credits"))
    return sorted(found)


def declined(sentence: str) -> bool:
    """Whether `sentence` says the user's file is not needed ("No need to upload the logo
    again", 不用再上传照片了, 唔使再傳相俾我) or sends it to someone else ("Could you send a
    recording to your client?"): an upload read in it runs nothing."""
    return _NEGATED.search(sentence) is not None or _SENT_AWAY.search(sentence) is not None


def shares_own_file(sentence: str) -> bool:
    """Whether `sentence` asks the user to share or send a file only they have ("Please share
    the music file", "Share the logo file") and names no other export: an upload, never the
    export its "share" would read as."""
    return bool(
        _SHARED_SOURCE.search(sentence)
        and not _OTHER_EXPORT.search(sentence)
        and not declined(sentence)
        and not _PAST.search(sentence)
    )


def _file_asked(sentence: str) -> int | None:
    ask = _UPLOAD.search(sentence) or _SHARED_SOURCE.search(sentence)
    if ask is None or third_party(sentence) or _PAST.search(sentence):
        return None
    if _NEGATED.search(sentence) or _LINK_FAILED.search(sentence):
        return None
    if _AGENT_MAKES.search(sentence, ask.end()):
        return None
    if _ELSEWHERE.search(sentence, ask.start()):
        return None
    condition = _CONDITION.search(sentence)
    if condition is not None and condition.start() < ask.end():
        return None
    return ask.start()
