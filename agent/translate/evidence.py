"""The second, independent reading an export must pass before it runs (fail safe by design).

An export is the one costly action (it spends the user's credits), so the rule reading alone
(`agent.translate.reading` and the gates) is not enough: the sentence that gave the export must
ALSO show, on its own words, that it tells THE USER to press an export or download control
NOW, in this app. When the two readings disagree, the export does not run (a missed export is
cheap: the user asks in chat; a wrong one costs credits).

Positive evidence (all of it):
- an export/download control word ("Export", "Download", "render", 导出, 匯出, 下载, 出片 …);
- addressed to the user as a step: an imperative gesture or the verb itself at a clause's
  open ("click **Export**", "then hit Download", "Export it as MP4"), a permission or a
  softener before it ("you can export", "just download"), or in Chinese a gesture or an
  invitation before the word in the sentence (点/按/撳/选 …, 可以/即可/直接/请 …).

Vetoes (any one):
- a failure, a report of the past or an expiry ("didn't go through", "timed out", "expired",
  失败, 已经过期, 无法再下载, 上個月);
- a third party asked to press it ("Ask @maria (the admin) to …", "have your teammate",
  管理员, 同事, 叫佢);
- another program or the phone's own gallery ("Premiere", "CapCut", 手机相册, camera roll);
- a negation, a question, later or someone's approval ("don't export yet", "?", "try again
  later", "once the client approves", 审核).
- a wait before the step ("click Export again in about 10 minutes", 过十分钟再撳「匯出」), not the
  result's timing ("… and the MP4 will download in two minutes");
- a step after a clause that sends the user to another program ("… in iMovie — tap the share
  icon there, then **Save Video**"), until the sentence comes back ("but here, just hit Export").

A control named only as a landmark ("hover over the ⓘ next to **Export**") is blanked first.

Pure: one sentence in (folded to Simplified, the path marks as ">"), a bool out.
"""

from __future__ import annotations

import re

from agent.translate.later import for_later
from agent.translate.prose import QUOTES

__all__ = ["also_asked", "asks_export_now", "forbids_export", "third_party"]

_EN_CONTROL = (
    r"(?:export\w*|download\w*|render\w*|output|share|save\w*|(?:get|grab)\s+(?:the|your)\s+"
    r"(?:file|mp4|video|copy)|down(?:ward)?[-\s]arrow|[⬇↓])"
)
_ZH_CONTROL = (
    r"(?:导出|匯出|汇出|下载|输出|出片|渲染|保存|储存|存到|分享|export|download|share|save"
    r"|向下(?:的|嘅|個|个)?(?:箭头|箭嘴|箭咀|箭頭))"
)
_EN_GESTURE = (
    r"(?:click|tap|hit|press|select|choose|pick|smash|push|use|go\s+(?:to|into)|head\s+(?:to|over)"
    r"|open|grab|find|long-press|double-click|swipe|navigate\s+to|jump\s+to|toggle|scan|proceed"
    r"|clicking|tapping|hitting|pressing|choosing|selecting|picking|using|opening|try"
    # a keyboard shortcut standing for its press: "then ⌘E (Ctrl+E on Windows) to export"
    r"|⌘\s?[a-z0-9]|(?:ctrl|cmd|command)\s*\+\s*[a-z0-9])"
)
# where a clause opens: the sentence's start, a mark (an emoji too), or a joining word
_EN_OPEN = (
    r"(?:^|[^\w\s'’\"]\s*|\b(?:then|and|now|just|please|simply|so|or|otherwise|next|finally|first|try"
    r"|kindly)\s+"
    r"|\b(?:you\s+can|you\s+could|you\s+may|you'll\s+want\s+to|feel\s+free\s+to|once\s+you"
    r"|go\s+ahead\s+and|you\s+just\s+need\s+to|all\s+you\s+need\s+to\s+do\s+is"
    r"|if\s+you\s+could)\s+)"
)
_EN_STEP = re.compile(
    rf"{_EN_OPEN}\s*(?:{_EN_GESTURE}\b[^.!?]{{0,70}}?\b{_EN_CONTROL}|{_EN_CONTROL}\b)"
    # a menu path through an export control: "File > Export > MP4", "Share / Export / MP4"
    rf"|(?:[>→›/]\s*{_EN_CONTROL}\b|\b{_EN_CONTROL}\s*[>→›])",
    re.IGNORECASE,
)
_ZH_POINTER = r"(?:[\u2192\u2193\u27a1\u2b07\U0001f446-\U0001f449]\ufe0f?)+"
_ZH_STEP = re.compile(
    r"(?:点|點|按|撳|揀|选|選|击|擊|拣|触|觸|去|到|前往|进入|打开|click|tap|hit|press"
    r"|可以|即可|就能|就可以|直接|请|請|再|然后|然後)"
    rf"[^。！？!?]{{0,24}}?{_ZH_CONTROL}"
    rf"|{_ZH_CONTROL}(?:即可|就可以|就行|就得)"
    # the bare verb opening its clause with an imperative particle: 搞定 ✅ 下载吧, 好了，导出啦
    rf"|(?:^|[^\u3400-\u9fff\w])\s*{_ZH_CONTROL}(?:吧|啦|喇)(?![^。！？!?]*[吗嗎呢])"
    # the button pointed at by an arrow or a hand, alone: 👇 匯出, 下载 ⬇️
    rf"|^\s*{_ZH_POINTER}\s*{_ZH_CONTROL}\s*$|^\s*{_ZH_CONTROL}\s*{_ZH_POINTER}\s*$"
    rf"|[>→›]\s*{_ZH_CONTROL}|{_ZH_CONTROL}\s*[>→›]",
    re.IGNORECASE,
)
# a control named, then pointed at: "the Download MP4 button will turn blue — click it"
_POINTED = re.compile(
    # a purpose before the gesture: "To grab the file, press …", "To download, click ⬇️"
    rf"(?:^|[^\w\s]\s*)to\s+{_EN_CONTROL}\b[^.!?]{{0,40}}[,:]\s*{_EN_GESTURE}\b|"
    rf"\b{_EN_CONTROL}\b[^.!?]{{0,20}}\b(?:button|icon)\b[^.!?]{{0,50}}[—–:;,]\s*"
    rf"(?:then\s+)?(?:click|tap|press|hit)\s+it\b",
    re.IGNORECASE,
)
_CJK = re.compile(r"[\u3400-\u9fff]")

# a failure, a past event or an expiry (lifted by a retry asked for now: "… click Export again")
_FAILED = re.compile(
    r"\b(?:fail(?:ed|s|ure)?|didn't|did\s+not|couldn't|could\s+not|wasn't|was\s+not|error"
    r"|timed?\s+out|expired?|no\s+longer|crash\w*|stuck|unable|broke)\b"
    r"|失败|失敗|出错|出錯|错误|錯誤|过期|過期|无法|無法|没能|沒能|未能|超时|超時|崩溃|崩潰|卡住",
    re.IGNORECASE,
)
_RETRY = re.compile(
    r"\b(?:again|once\s+more|retry)\b|再次|再点|再點|再按|再撳|重试|重試|重新", re.IGNORECASE
)
# vetoes read over the whole sentence: a third party, someone's approval, later, a question
_SENTENCE_VETO = re.compile(
    r"@\w|\b(?:admin|administrator|workspace\s+owner|teammate|colleague|coworker"
    r"|co-worker|manager|boss|client)s?\b|\b(?:ask|tell|have|remind)\s+(?:him|her|them)\b"
    r"|\b(?:her|his)\s+(?:dashboard|account|screen|side)\b"
    # someone named asked to do it: "Ask Sam to press Export", 請叫阿明撳「匯出」
    r"|\b(?:ask|tell|remind|get)\s+(?!(?:you|me|us|ready|started|going)\b)\w+(?:\s+\w+)?\s+to\b"
    r"|(?:叫|让|讓|找)(?!你|您|我)[\u4e00-\u9fff]{1,3}(?:帮你|幫你|幫手|帮忙)?(?:撳|点|點|按|去|击|擊)"
    r"|(?:请|請)(?:阿|小|老)[\u4e00-\u9fff]{1,2}(?:撳|点|點|按|去|击|擊)"
    r"|管理员|管理員|同事|老板|老闆|老细|老細|客户|客戶|叫佢|让他|讓他|让她|讓她|请他|請他"
    r"|\b(?:later|approv\w*|sign[-\s]off|not\s+yet|hold\s+off)\b"
    # a past export, or one asked about ("your earlier export", "check whether it finished")
    r"|\b(?:last\s+(?:week|month|time|night)|yesterday|earlier|previous|whether)\b"
    r"|上个月|上個月|上周|上週|昨天|早前|之前导出|之前匯出|之前汇出"
    # the last time the user pressed it (上次你点导出时, 之前你點匯出嘅時候): a past export told
    r"|上次|上一次|上回|(?:之前|先前|刚才|剛才|头先|頭先)(?:你|您)?(?:点|點|按|撳|击|擊)"
    r"|稍后|稍後|晚点|晚點|迟啲|遲啲|审核|審核|批准"
    # a step put off to the user's verdict, "it is not too late then": 再撳匯出都唔遲, 再导出也不迟
    r"|(?:都|也|亦)(?:唔|不|未)(?:迟|遲)"
    r"|[?？]",
    re.IGNORECASE,
)
# a wait the user is to take before the step ("try clicking Export again in about 10 minutes",
# 10 分钟后再点导出, 聽日再撳); not the result's timing ("press Export and the MP4 will download
# in about two minutes", "the link expired after 24 hours", 两分钟后就能下载)
_WAIT = re.compile(
    # "wait …" only before the step ("click Export and wait a few minutes for the file" runs)
    r"\b(?:in|after|wait(?=[^.!?]*\b(?:export|download|render|save)))\s+(?:about\s+|around\s+"
    r"|roughly\s+|another\s+)?(?:\d+|an?|one"
    r"|two|three|five|ten|fifteen|thirty|(?:a\s+)?(?:few|couple(?:\s+of)?)|several)\s*"
    r"(?:-\s*)?(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?)\b"
    r"|\b(?:tomorrow|tonight|in\s+a\s+(?:while|bit)|after\s+a\s+while)\b"
    r"|(?:[\d一二两兩三五十半几幾]+\s*(?:个|個)?\s*(?:分钟|分鐘|小时|小時|鐘頭|钟头|天|日)(?:后|後|之后|之後)"
    r"|(?:过|過)[\d一二两兩三五十半几幾]*\s*(?:一阵|一陣|阵|陣|一会|一會|分钟|分鐘|个钟|個鐘)"
    r"|明天|明日|聽日|听日|今晚|等一阵|等一陣|等陣)(?!\s*(?:就能|就会|就會|就可以|即可|完成|就得|就好))",
    re.IGNORECASE,
)
_RESULT_BEFORE = re.compile(
    r"\b(?:will|'ll|should|takes?|taking|ready|done|finish\w*|complete\w*|\w+ed)\b"
    r"[^.!?,;—]{0,20}$|(?:将|將|会|會|要)[^。！？，]{0,6}$",
    re.IGNORECASE,
)


def _waits(sentence: str) -> bool:
    return any(not _RESULT_BEFORE.search(sentence, 0, m.start()) for m in _WAIT.finditer(sentence))


# another program or the phone's own gallery, where a step runs there, not here
_PROGRAM = (
    r"\b(?:premiere|capcut|final\s+cut\s+pro|davinci|resolve|lightroom|imovie|after\s+effects"
    r"|photoshop|canva)\b|剪映|必剪"
    # Final Cut by its capitals: "export the final cut" is this app's video
    r"|\b(?-i:Final\s+Cut)\b"
    r"|\b(?:in|from|inside)\s+(?:your|the)\s+(?:phone's\s+)?(?:gallery|photos\s+app|camera\s+roll)"
    r"|(?:在|喺)[^。！？]{0,4}(?:相册|相冊|相簿|图库|圖庫)(?:里|裡|中|内|內|入面|里面|裡面)"
)
# vetoes read in the clause of the step: another program, the phone's own gallery, a negation
# ("Click Export here, then import the MP4 into Premiere" runs; "… when you hit Export in
# Premiere" does not)
_CLAUSE_VETO = re.compile(
    _PROGRAM + r"|\b(?:don't|do\s+not|never|no\s+need|without)\b"
    r"|不要|别|別|唔好|先不|暂时不|暫時不|无需|無需|不用|唔使|不使|唔洗|不洗|唔駛|唔驶|不驶|无须|無須|不必",
    re.IGNORECASE,
)
# the control as a noun of cost: "enough for a 4K render", "you pay for each export"
_COST_NOUN = re.compile(
    r"\b(?:enough|costs?|price|pay)\b[^.!?]{0,20}\bfor\s+(?:a|an|one|each|the)\s+(?:\S+\s+)?"
    r"(?:render|export)",
    re.IGNORECASE,
)
# a reminder is no negation: "Don't forget to click Export", 别忘了点导出
_REMINDER = re.compile(
    r"\b(?:don't|do\s+not)\s+forget\s+to\b|别忘了?|別忘了?|唔好唔记得|唔好唔記得", re.IGNORECASE
)
# another program or the phone's gallery: its steps run there, and so does every step after it
# in the sentence ("… trim it in iMovie — tap the share icon there, then **Save Video**"); a
# step before it runs here ("Click Export here, then import the MP4 into Premiere")
_ELSEWHERE = re.compile(_PROGRAM, re.IGNORECASE)
_LEADS_AWAY = re.compile(
    r"\W*(?:once|when|after|if|to|in|inside|within|import|open\s+it\s+in)\b"
    r"|\W*(?:导入|導入|导进|導進|在|喺|用|打开|打開|如果|若)",
    re.IGNORECASE,
)
_THERE = re.compile(r"\bthere\b|那里|那裡|那边|那邊|嗰度|嗰邊", re.IGNORECASE)
# back in this app: "in DaVinci you'd use Deliver, but here it's simpler — just hit Export"
_HERE = re.compile(
    r"\bhere\b|\bin\s+(?:this|our)\s+(?:app|editor|tool|site|page)\b"
    r"|这里|這裡|这边|這邊|呢度|呢邊|本站",
    re.IGNORECASE,
)
# a control named as a landmark, not pressed: "hover over the ⓘ next to **Export**",
# 「导出」旁边的小图标; blanked before reading ("click the ⬇ arrow next to Export" still runs)
_MARK = r"[*_`'\"“”‘’「」『』【】\[\]]*"
_LANDMARK = re.compile(
    r"\b(?:next\s+to|beside|besides|near|by|above|below|under(?:neath)?|beneath|left\s+of"
    r"|right\s+of|to\s+the\s+(?:left|right)\s+of|on\s+the\s+(?:left|right)\s+of)\s+"
    rf"(?:the\s+)?{_MARK}{_EN_CONTROL}\b{_MARK}(?:\s+(?:button|icon|tab|menu))?"
    rf"|{_MARK}{_ZH_CONTROL}{_MARK}(?:按钮|按鈕|掣)?(?:的|嘅)?"
    r"(?:旁边|旁邊|隔离|隔籬|左边|左邊|右边|右邊|上方|下方|上面|下面|側邊|侧边|附近)",
    re.IGNORECASE,
)
# an export word naming its settings, a noun phrase and no step ("请查看导出设置",
# "請確認一下匯出設定", "check the export settings"); a step after it still counts
# ("打开导出设置，选 1080p 后点击导出")
_SETTINGS = re.compile(
    r"(?:导出|導出|汇出|匯出|下载|下載|输出|輸出|渲染|出片)(?:的|嘅)?\s*"
    r"(?:设置|設置|设定|設定|选项|選項|格式|参数|參數|配置|偏好|选单|選單)(?![好完成])"
    r"|\b(?:export|download|render|output)\s+(?:settings?|options|formats?|preferences"
    r"|parameters|config(?:uration)?s?)\b",
    re.IGNORECASE,
)
# the control named as a time, not pressed now: 点“导出”前先看一下余额, "before you hit Export"
# (the step of the sentence is the one before it; blanked like a landmark)
_BEFORE = re.compile(
    rf"(?:点击?|點擊?|按|撳|击|擊)?\s*{_MARK}{_ZH_CONTROL}{_MARK}(?:按钮|按鈕|掣)?\s*"
    r"(?:之前|以前|前)(?![面边邊方])"
    rf"|\bbefore\s+(?:you\s+)?(?:(?:click|tap|hit|press)(?:ing)?\s+(?:on\s+)?(?:the\s+)?)?"
    rf"{_MARK}{_EN_CONTROL}\b{_MARK}(?:\s+(?:button|icon))?",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"\s*(?:[,;:—–，；：]|\s-\s|\bthen\b|然后|然後)\s*", re.IGNORECASE)


# a link or the video shared with others, no control pressed: "Share the link with your friends",
# "share it with your team", 把链接分享给朋友
_SHARED = re.compile(
    r"\bshare\s+(?:the\s+|this\s+|your\s+|that\s+)?(?:link|url)\b"
    r"|\bshare\s+(?:it|them|this|that|(?:the|your)\s+\w+)\s+with\b"
    r"|(?:把|将|將)?(?:链接|鏈接|连结|連結|link)(?:分享|发|發|传|傳)(?:给|給|俾)",
    re.IGNORECASE,
)


def asks_export_now(sentence: str) -> bool:
    """`sentence` tells the user to press an export/download control now, in this app."""
    if _vetoed(sentence) or _waits(sentence):
        return False
    sentence = _SHARED.sub(lambda m: " " * len(m.group()), sentence)
    sentence = _REMINDER.sub(" ", sentence)
    sentence = _LANDMARK.sub(lambda m: " " * len(m.group()), sentence)
    sentence = _BEFORE.sub(lambda m: " " * len(m.group()), sentence)
    sentence = _SETTINGS.sub(lambda m: " " * len(m.group()), sentence)
    if _POINTED.search(sentence) and not _CLAUSE_VETO.search(sentence):
        return True
    away = False  # a step in this clause runs in another program, until "but here …"
    for clause in _CLAUSE.split(sentence):
        there = [m.end() for m in _ELSEWHERE.finditer(clause)]
        here = [m.start() for m in _HERE.finditer(clause)]
        if there and not (here and here[-1] > there[-1]):
            # the user's own steps over there: "Once it's in CapCut, …", "… tap Share there";
            # not a thing made there ("Add the captions you made in CapCut, then click Export")
            away = away or bool(_LEADS_AWAY.match(clause) or _THERE.search(sentence, there[-1]))
        elif here:
            away = False
        if not away and clause.strip() and _asks_in(clause):
            return True
    return False


# a clause of its own after the export's ("Click Export now; if you later want a logo, upload
# it"): its "later" is the other step's
_OWN_CLAUSE = re.compile(r"[;；]|\s[—–]\s")
_EXPORT_NAMED = re.compile(r"export|download|render|导出|導出|汇出|匯出|下载|下載", re.IGNORECASE)


def _vetoed(sentence: str) -> bool:
    """`_SENTENCE_VETO` over `sentence`, a "later" in a clause of its own that names no export
    read as that clause's."""
    for match in _SENTENCE_VETO.finditer(sentence):
        if match.group().casefold() != "later":
            return True
        cut = [m.end() for m in _OWN_CLAUSE.finditer(sentence, 0, match.start())]
        if (
            not cut
            or _EXPORT_NAMED.search(sentence, cut[-1])
            or not _EXPORT_NAMED.search(sentence, 0, cut[-1])
        ):
            return True
    return False


def forbids_export(sentence: str) -> bool:
    """Only the vetoes of `asks_export_now`: what the model stage's export must also pass (the
    model reads gestures the rules do not know, "whisk it over to the Vault for the download",
    but never past a failure, a third party, another program, a negation or a question)."""
    if _SENTENCE_VETO.search(sentence) or _COST_NOUN.search(sentence):
        return True
    sentence = _REMINDER.sub(" ", sentence)
    failed = _FAILED.search(sentence) is not None and _RETRY.search(sentence) is None
    return failed or _CLAUSE_VETO.search(sentence) is not None


def _asks_in(clause: str) -> bool:
    if _CLAUSE_VETO.search(clause) or _COST_NOUN.search(clause):
        return False
    if _FAILED.search(clause) and not _RETRY.search(clause):
        return False
    if _EN_STEP.search(clause):
        return True
    return bool(_CJK.search(clause)) and _ZH_STEP.search(clause) is not None


# the cheap steps a sentence gives beside its own reading (never an export): a view opened
# first ("打开**预览**看一遍", "open the timeline to check"), a balance to confirm ("确认一下余额",
# "your balance is under the ⚡ icon — take a look"), a named file to drag in or choose
# ("把 `cover.jpg` 拖进素材栏", "choose `interview_raw.wav` from your computer")
_ALSO = {
    "state": re.compile(
        r"(?:打开|开启|開啟|打開|点开|點開|去|到)[^。！？，,]{0,12}?"
        r"(?:时间轴|时间线|時間軸|時間線|预览|預覽|轨道|軌道|timeline|preview|tracks)"
        r"|\b(?:open|check|review|preview|watch|look)\b[^.!?,;]{0,30}?"
        r"\b(?:timeline|preview|tracks?|预览|时间轴|时间线)",
        re.IGNORECASE,
    ),
    "credits": re.compile(
        r"(?:查看|确认|確認|看看|看一下|看一看|查一下|核对|核對|睇|点击|點擊|点|點|撳)[^。！？]{0,4}"
        r"(?:余额|餘額|积分|積分|点数|點數)"
        r"|\b(?:check|confirm|look\s+at|take\s+a\s+look\s+at|click|tap|open)\b[^.!?]{0,20}"
        r"\b(?:(?:coin|credit|account|remaining|your)\s+balance|coins|credits|wallet)\b"
        r"|\b(?:(?:coin|credit|remaining|your)\s+balance|coins|credits)\b[^.!?]{0,40}"
        r"\b(?:take\s+a\s+look|check\s+it)\b",
        re.IGNORECASE,
    ),
    "upload": re.compile(
        r"(?:把|將|将)\s*`[^`\n]+`\s*(?:拖|拉|上传|上傳|放)"
        r"|\b(?:drag|drop|choose|select|pick|upload)\b[^.!?]{0,30}`[^`\n]+\.\w{2,4}`"
        # the agent needs or lacks the user's file to go on ("I'll need the voiceover track",
        # "I'm missing the product photos", 缺少背景音乐文件, 我這邊還需要你那段開場影片)
        r"|\bI(?:'ll|\s+will|\s+still|'d)?\s+need\s+(?:your|the)\s+(?:[\w-]+\s+){0,2}"
        r"(?:file|track|photo|image|video|clip|footage|logo|voiceover|recording|music|audio)s?\b"
        r"|\bI['’]?m\s+(?:still\s+)?missing\s+(?:your|the)\s+(?:[\w-]+\s+){0,2}"
        r"(?:file|track|photo|image|video|clip|footage|logo|voiceover|recording|music|audio)s?\b"
        r"|(?:缺少|缺了|还需要你|還需要你|仲需要你|请发一下|請發一下)[^。！？，,]{0,10}"
        r"(?:文件|檔案|档案|视频|視頻|影片|图片|圖片|照片|音乐|音樂|配音|logo|素材)",
        re.IGNORECASE,
    ),
}
_THIRD_PARTY = re.compile(
    r"@\w|\b(?:admin|administrator|workspace\s+owner|teammate|colleague|co-?worker|manager|boss)s?\b"
    # someone named as the doer ("Your client can open…", "Ask your editor to click Export")
    r"|\byour\s+(?:client|designer|producer|team)s?\b"
    r"|\b(?:ask|have|get|tell|let)\s+(?:your|the)\s+(?:video\s+)?(?:editor|client|designer)\b"
    r"|\b(?:he|she|they)(?:'ll|\s+will)\s+need\s+to\b|管理员|管理員|同事|老板|老闆|老细|老細"
    # the doer named by a pronoun or a side ("they can open it and hit Download on their side")
    r"|\b(?:he|she|they)(?:\s+(?:can|could|should|may|might|will)|'ll)\s+(?!be\b)\w+"
    r"|\bon\s+(?:their|his|her)\s+(?:side|end|computer|phone|account)\b",
    re.IGNORECASE,
)


def also_asked(sentence: str) -> list[tuple[int, str]]:
    """The cheap steps `sentence` gives the user, each with where it stands; none when a
    third party is asked or the sentence asks a question."""
    if _THIRD_PARTY.search(sentence) or _SENTENCE_VETO.search(sentence) or for_later(sentence):
        return []
    if _FAILED.search(sentence) or _CLAUSE_VETO.search(sentence):
        return []
    # a quoted title is no step ("The title 'Open the Timeline' …", 「点击时间线积分」): prose's
    # quotes of every style are blanked; a code span stays, as the file an upload names
    unquoted = sentence
    for quote in QUOTES:
        unquoted = quote.sub(lambda m: " " * len(m.group()), unquoted)
    found = [(m.start(), action) for action, rx in _ALSO.items() if (m := rx.search(unquoted))]
    return sorted(found)


def third_party(sentence: str) -> bool:
    """`sentence` asks someone else to act (an admin, a teammate, "he'll need to")."""
    return _THIRD_PARTY.search(sentence) is not None
