"""Steps that are not the user's to take now, read against the whole reply so far.

Four classes, each running nothing for the export (and for the view of a file yet to exist),
whatever stage read the step; the sentence stays whole:

- a step put after the end of work the reply reports underway: queued, rendering, at a
  percentage, a number of scenes of a total done ("Your render is in line (slot 3, roughly 4
  min). After it completes, press Export.", "Building the 4K version now, 41% done. When it
  wraps up …, use it then.", 导出任务已加入队列（第 3 位），完成之后再点「导出」, 而家 render 緊，
  去到 55%，完成咗先撳「匯出」, "2 of 5 scenes done … 做完所有場景之後再撳匯出"). The report may
  stand in an earlier sentence, a parenthesis or an em-dash; the wait is a completion clause
  ("once it's done", "when it wraps up", "use it then", 完成之后再, 搞掂之後, 做晒之後再, 完成咗先);
- the agent's offer to export, put on the user's wish ("If you want, I can also export a
  square version", 如果你要，我还可以再导出一个方形版, 需要的話我可以幫你匯出一個直版): the user
  answers in chat;
- another format or version offered in place of one refused ("Sorry, GIF export isn't
  supported; you can export as MP4 instead.", 抱歉，暂不支持 WebM 输出，可以导出为 MP4, 唔支援 GIF，
  可以匯出做 MP4): an alternative the user may take or not, answered in chat;
- a step for a third person, named by a pronoun or a name (他看完可以自己点下载, 佢睇完之後可以
  自己㩒下載, "Ming can hit Download"): not the user's;
- a result told for a later time ("the final render runs tonight; in the morning you'll find it
  in My Works", 明早你就可以在「我的作品」里找到): nothing to look at or fetch now.

Pure; the sentence as folded (Simplified, Cantonese read in Mandarin forms).
"""

from __future__ import annotations

import re

__all__ = ["elsewhere", "held", "in_progress"]

# work reported underway or queued (not finished)
_UNDERWAY = re.compile(
    r"\b(?:queued|in\s+(?:the\s+)?(?:queue|line)|(?:slot|position|spot|place|number)\s*#?\d+\b"
    r"|\#\d+\s+in\s+(?:the\s+)?(?:queue|line)|in\s+progress|under\s*way|has\s+started"
    r"|still\s+(?:going|running|working|rendering|processing|building|exporting|generating"
    r"|encoding|baking|cooking|compiling)"
    r"|(?:rendering|building|processing|exporting|generating|encoding|baking|compiling|making"
    r"|putting\s+together|stitching)\b[^.!?;]{0,40}?\b(?:now|right\s+now|at\s+the\s+moment"
    r"|currently|as\s+we\s+speak)\b"
    r"|(?:is|are|'s|'re|am|'m|now|currently)\s+(?:now\s+|currently\s+|still\s+)?(?:rendering"
    r"|processing|building|exporting|generating|encoding|baking|compiling|running|cooking)\b"
    r"|\d+\s*(?:min(?:ute)?s?|sec(?:ond)?s?)\s+(?:left|to\s+go|remaining)"
    r"|runs?\s+(?:tonight|overnight|later|tomorrow)|scheduled\b"
    # a progress figure, the export or render named as a noun ("Export progress: 30%",
    # "Render progress is at 60%")
    r"|progress\s*(?:bar\s*)?(?:[:：=-]|is\s+(?:at\s+|now\s+)?|now\s+|at\s+|of\s+)?\s*(?:[1-9]?\d)\s*%)"
    r"|(?<![\d.])(?:[1-9]?\d)\s*%\s*(?:done|complete|finished|through|rendered|processed|in\b|there|of\s+the\s+way)"
    r"|\bat\s+(?:[1-9]?\d)\s*%"
    # a checklist item still running ("⏳ Rendering", "🔄 Export")
    r"|[⏳⌛🔄]",
    re.IGNORECASE,
)
_UNDERWAY_ZH = re.compile(
    r"队列|隊列|排队|排隊|排紧队|轮候|輪候|第\s*\d+\s*位|等候中|进行中|進行中|处理中|處理中"
    r"|(?:渲染|算图|算圖|算绘|算繪|导出|導出|汇出|匯出|输出|輸出|生成|合成|制作|製作|转码|轉碼|处理|處理|压制|壓制"
    r"|编码|編碼|打包|上传|上傳|render|export)\s*(?:中|紧|緊)"
    r"|(?:正在|仲在|仲喺度|还在|還在|仍在|仍然在)(?:帮你)?\s*(?:渲染|算图|算圖|算绘|算繪|导出|導出|汇出|匯出|生成|合成|制作|製作|做|处理|處理"
    r"|转码|跑|压制|壓制|输出|輸出|编码|編碼|render|export)"
    r"|(?:而家|现在|現在)\s*(?:做|render|渲染|跑)\s*(?:紧|緊|中)"
    r"|(?:进度|進度|去到|到了|跑到|做到|完成了?|已完成|已经完成|渲染到|算到)\s*(?:[:：]\s*)?(?:了\s*)?"
    r"(?:[1-9]?\d)\s*%"
    r"|(?<![\d.])(?:[1-9]?\d)\s*%\s*(?:了|完成|左右)?(?:[，,]|$)"
    r"|(?:还|還|仍|仲)(?:有|剩|差)\s*\d+\s*(?:个|個|条|條)?\s*(?:场景|場景|片段|镜头|鏡頭|分钟|分鐘)"
    r"|(?:今晚|今夜|明早|明天|明日|听日|聽日|聽朝|听朝)[^，。；]{0,6}?(?:渲染|导出|導出|生成|跑|出片)",
    re.IGNORECASE,
)
# some of a total done ("2 of 5 scenes done", 5 个场景完成了 2 个, 2/5)
_PART = re.compile(
    r"(?P<a>\d+)\s*(?:of|out\s+of|/)\s*(?P<b>\d+)\s*(?:(?:scenes?|clips?|shots?|parts?|segments?"
    r"|chapters?|videos?|versions?|files?)\s+)?(?:(?:are|is|were|was|have\s+been|has\s+been)\s+)?(?:done|finished|complete|completed"
    r"|rendered|ready)\b"
    r"|(?P<c>\d+)\s*/\s*(?P<d>\d+)\s*(?:个|個)?\s*(?:场景|場景|片段|镜头|鏡頭)"
    r"|(?:完成|做好|做完)了?\s*(?P<e>\d+)\s*/\s*(?P<f>\d+)",
    re.IGNORECASE,
)
# the total first (5 个场景完成了 2 个), or the rest said undone (场景还没全部做完)
_PART_ZH = re.compile(
    r"(?P<b>\d+)\s*(?:个|個)?\s*(?:场景|場景|片段|镜头|鏡頭|版本)[^，。,；;]{0,4}?(?:已经|已經|已)?"
    r"(?:完成|做好|做完|渲染)了?\s*(?P<a>\d+)\s*(?:个|個)"
)
_UNDONE_ZH = re.compile(
    r"(?:还|還|仲|尚|仍)(?:没|沒|未|冇)(?:有)?(?:全部|完全|晒)?(?:做完|完成|搞掂|做好|渲染完|生成完|弄完)"
)
# a step put after the work's end: "once it's done", "when it wraps up", "use it then",
# "after all scenes are done", 完成之后再, 搞掂之後, 做晒之後再, 完成咗先, 做完所有场景之后再
_AFTER_END = re.compile(
    r"\b(?:after|once|when|as\s+soon\s+as|until)\s+(?:it|that|this|they|everything"
    r"|all(?:\s+of)?(?:\s+(?:them|it|the))?(?:\s+\w+)?"
    r"|the\s+\w+(?:\s+\w+)?|your\s+\w+(?:\s+\w+)?|(?:step|stage|phase|part)\s*\d+)\s*(?:['’]s|['’]re|is|are|has|have)?\s*(?:been\s+)?"
    r"(?:all\s+)?(?:done|finished|finish(?:es)?|complete[sd]?|ready|through|ends?|wraps?\s+up|out\b"
    r"|wrapped\s+up|over|lands|pops\s+up|shows\s+up|appears|goes\s+through|hits\s+100"
    r"|(?:at|reaches|gets\s+to)\s+100\s*%)"
    r"|\b(?:use|click|tap|hit|press|grab|do|download|export)\s+(?:it|that|this|them)?\s*then\b"
    r"|\bnot\s+before\b|\buntil\s+then\b|\bat\s+that\s+point\b"
    r"|(?:完成|做完|做晒|做好|弄完|弄好|搞掂|搞定|搞完|跑完|渲染完|算完|导出完|输出完|导好|好了|好咗|完了|结束"
    r"|出来)"
    r"[^，。,；;！？!?]{0,10}?(?:之后|之後|以后|以後|后|後)\s*(?:再|先|才|就)?"
    r"|(?:完成|做完|做晒|做好|弄完|弄好|搞掂|搞定|搞完|跑完|好)(?:了|咗)?\s*(?:先|再|才)",
    re.IGNORECASE,
)
_GESTURE = re.compile(
    r"\b(?:click|tap|hit|press|select|choose|use|grab|open|go\s+to|head\s+to)\b"
    r"|点|點|按|撳|揿|㩒|选|選|打开|打開",
    re.IGNORECASE,
)
_EXPORT = re.compile(r"export|download|导出|導出|汇出|匯出|下载|下載", re.IGNORECASE)
# the file fetched without an export word ("grab the MP4 once it finishes", 拿成片)
_FETCH = re.compile(
    r"\b(?:grab|get|fetch|save|pick\s+up|collect)\s+(?:the|your|it|that|this)\b(?:\s+\w+){0,2}?"
    r"(?:\s+(?:mp4|mov|file|video|render|cut|version|export))?\b",
    re.IGNORECASE,
)
# the agent's offer on the user's wish (如果你要，我还可以…导出, 需要的话我可以帮你汇出)
_OFFER = re.compile(
    r"(?:如果|要是|假如|若)?(?:你|您)?(?:要|需要|想要|想|愿意|願意|有需要)(?:的话|的話)?[，,\s]*"
    r"我(?:还|還|也|亦|仲|都)?(?:可以|能|能够|可)[^，。；！？]{0,12}?(?:导出|導出|汇出|匯出|下载|下載|出)"
    r"|\bif\s+you\s+(?:want|like|wish|prefer|need)(?:\s+\w+){0,3}\s*,?\s*I\s+(?:can|could)"
    r"(?:\s+\w+){0,5}?\s+(?:export|render|download)",
    re.IGNORECASE,
)
# a format or a feature refused ("GIF export isn't supported", 暂不支持 WebM 输出, 唔支援 GIF)
_REFUSED = re.compile(
    r"\b(?:isn['’]t|is\s+not|aren['’]t|are\s+not|not|no\s+longer)\s+(?:yet\s+|currently\s+|really\s+"
    r"|officially\s+|natively\s+)?(?:supported|available|possible|an\s+option|offered|allowed)\b"
    r"|\b(?:doesn['’]t|don['’]t|does\s+not|do\s+not|can['’]t|cannot|won['’]t)\s+(?:yet\s+|currently\s+)?"
    r"(?:support|handle|do|export|render|output|produce|make|save|write|generate)\b"
    r"|\b(?:unsupported|unavailable)\b|\bunable\s+to\s+(?:export|render|output|produce|save)"
    r"|\bno\s+(?:support|option)\s+for\b"
    r"|(?:不|未|唔|无|無)(?:支持|支援|提供|开放|開放)|(?:无法|無法|不能|没法|沒法|冇法|冇辦法|冇办法|唔可以|不可以"
    r"|未能)\s*(?:直接)?(?:导出|導出|汇出|匯出|输出|輸出|生成|渲染|下载|下載|出|做|转|轉)"
    r"|做不到|做唔到|(?:导|導|汇|匯|输|輸)(?:唔|不)(?:到|出)|出唔到|唔得|(?:唔|不)得(?:住|㗎|架|喎)|不行|行不通"
    r"|\b(?:isn['’]t|is\s+not)\s+something\s+(?:we|I)\s+can\b|\bno\s+way\s+to\s+(?:export|render|output)",
    re.IGNORECASE,
)
_FORMAT = (
    r"(?:mp4|mov|m4v|webm|gif|avi|mkv|wmv|flv|prores|h\.?26[45]|hevc|av1|png|jpe?g|mp3|wav|aac"
    r"|\d{3,4}p|[248]k|square|vertical|horizontal|landscape|portrait|横屏|竖屏|直版|横版|方形)"
)
# a format named: after a refusal, the export of any format is the alternative ("MP4 works —
# just hit Export", 建议导出 MP4 格式, 可以撳「匯出」揀 MP4)
_FORMAT_NAMED = re.compile(r"(?<![A-Za-z0-9])" + _FORMAT + r"(?![A-Za-z0-9])", re.IGNORECASE)
# another format or version put in its place ("export as MP4 instead", 可以导出为 MP4, 匯出做 MP4)
_ALTERNATIVE = re.compile(
    r"\binstead\b|\b(?:rather|alternatively)\b|\b(?:as|to|in|into)\s+(?:an?\s+|the\s+)?"
    + _FORMAT
    + r"\b|(?:为|為|成|做|作|改为|改為|改成|换成|換成|转成|轉成|转为|轉為)\s*"
    r"(?:一个|一個|一条|一條)?\s*"
    + _FORMAT
    + r"|改(?:用|导|導|出|为|為|成)|换(?:成|用)|換(?:成|用)|代替|替代|作为替代|作為替代|退而求其次",
    re.IGNORECASE,
)
# a wait on work to end ("Please wait until the export finishes, then click Download")
_WAITED = re.compile(
    r"\b(?:wait|hang\s+on|hold\s+on|hold\s+tight|sit\s+tight)\s+(?:until|till|til|for|while)\b"
    r"[^.!?]{0,50}?\b(?:finish|complet|done|render|process|export|ready|upload|wrap|end|over)",
    re.IGNORECASE,
)
# a third person as the doer (他看完可以自己点下载, "Ming can hit Download")
_THIRD = re.compile(
    r"(?<![其吉])(?:他|她|佢)(?:们|們|哋)?[^，。；！？]{0,10}?(?:可以|会|會|能|要|就|自己|再)"
    r"[^，。；！？]{0,8}?(?:导出|導出|汇出|匯出|下载|下載)"
    # a named other as the doer (你的朋友可以用分享链接直接下载, 客户收到后自己下载)
    r"|(?:朋友|客户|客戶|观众|觀眾|同事|老板|老闆|家人|粉丝|粉絲|别人|別人|其他人|任何人|对方|對方|收件人"
    r"|观看者|觀看者|受众|受眾)(?:们|們|哋)?[^，。；！？]{0,14}?(?:可以|会|會|能|要|就|自己|再|直接|都)"
    r"[^，。；！？]{0,12}?(?:导出|導出|汇出|匯出|下载|下載)"
    r"|\b(?i:(?:friends?|clients?|customers?|viewers?|audiences?|colleagues?|teammates?|followers?"
    r"|subscribers?|recipients?|boss|family|others|people|anyone(?:\s+(?:with|who\s+(?:has|gets))"
    r"\s+(?:the|a|your)\s+(?:share\s+)?link)?|everyone)\s+(?:can|could|will|may|might|should"
    r"|need\s+to|needs\s+to|are\s+able\s+to|is\s+able\s+to)\s+(?:\w+\s+){0,3}?(?:click|tap|hit"
    r"|press|download|export|grab|save)\b)"
    r"|(?:^|[，。,.;；]\s*)(?!(?:You|We|I|It|This|That|Then|Now|Just|Also|Next|Finally|There"
    r"|Here|Your|Once|When|After|Export|Download|Nemo|Please|Simply)\b)[A-Z][a-z]+\s+(?:can|could"
    r"|should|will|may|might|needs?\s+to|has\s+to)\s+(?:\w+\s+){0,3}?(?:click|tap|hit|press"
    r"|download|export)\b",
)
# a result told for a later time ("in the morning you'll find it", 明早你就可以…找到)
_LATER_FIND = re.compile(
    r"\b(?:tonight|tomorrow|overnight|in\s+the\s+morning|later\s+today|this\s+evening|by\s+morning)"
    r"\b[^.!?]{0,60}?\b(?:you['’]ll|you\s+will|it['’]ll|it\s+will)\s+(?:\w+\s+)?(?:find|see|get"
    r"|have|be\s+(?:ready|available|waiting|there|in)|appear|show\s+up|land)\b"
    r"|(?:今晚|明早|明天|明日|听日|聽日|聽朝|听朝|晚些|稍后)[^。！？]{0,12}?(?:你|您)?(?:就|会|會|便)"
    r"(?:可以|能)?[^。！？]{0,16}?(?:找到|看到|下载|下載|导出|導出)",
    re.IGNORECASE,
)
# a file taken into another program, its steps there ("Import the XML into Premiere, then use
# File > Export there", 导入 DaVinci 后在那边导出, 將 XML 匯入 Premiere，然後喺嗰度撳匯出)
_INTO = re.compile(
    r"\b(?i:import(?:s|ed|ing)?\s+(?:[\w.'’-]+\s+){0,3}?(?:into|in|to)\s+(?:the\s+)?)"
    r"|\b(?i:(?:bring|take|load|pull)(?:s|ing)?\s+(?:[\w.'’-]+\s+){0,3}?into\s+(?:the\s+)?)"
    r"|(?:导入|導入|汇入|匯入|导进|導進)\s*(?:到|进|進)?\s*"
)
_NAME = re.compile(r"(?:[A-Z][A-Za-z0-9.+]*|[a-z]+[A-Z][A-Za-z]*)(?:\s+[A-Z][A-Za-z0-9.+]*)?")
_OURS = re.compile(r"(?:nemo\w*|my\s+\w+|the|this|your|it|export|timeline|media|library)\b", re.I)
# work underway said just before the sentence's export step ("in progress — about 3 minutes
# left — then click Export")
# a sentence opening with the time after ("Then press Download", "After that, tap Export")
_OPENS_THEN = re.compile(
    r"[\W_]*(?:then|and\s+then|after\s+that|afterwards|once\s+that['’]?s\s+\w+)\b"
    r"|[\W_]*(?:然后|然後|跟住|之后|之後|到时|到時)",
    re.IGNORECASE,
)
# an export gated on another's event ("but only after Legal signs off", "(only once the
# voice-over is re-recorded)", "not until the client approves")
_GATED = re.compile(
    r"\bonly\s+(?:once|after|when|if)\s+(?!you\b|you['’]|your\b)|\bnot\s+until\b",
    re.IGNORECASE,
)
_THEN = re.compile(r"\b(?:then|and\s+then|after\s+that)\b|然后|然後|跟住|再", re.IGNORECASE)


def elsewhere(sentence: str) -> frozenset[str]:
    """The actions `sentence` gives in another program it takes a file into by name (see
    `_INTO`): all of them, or only the import when our export comes first ("Click Export here,
    then import the MP4 into Premiere")."""
    for into in _INTO.finditer(sentence):
        name = _NAME.match(sentence, into.end())
        if name and not _OURS.match(name.group()):
            if _EXPORT.search(sentence, 0, into.start()):
                return frozenset({"upload"})
            return frozenset({"export", "state", "credits", "upload"})
    return frozenset()


# a time still to take ("(slot 3, roughly 4 min)", 约 2 分钟), unless the work is told done in it
# ("finished rendering in about 3 minutes", 用时约 2 分钟)
_ETA = re.compile(
    r"\b(?:about|around|roughly|approx\.?|approximately|~|eta:?)\s*\d+\s*(?:min(?:ute)?s?"
    r"|sec(?:ond)?s?|hours?|hrs?)\b(?!\s+(?:long|of\s+(?:footage|video)|video|clip))"
    r"|(?:约|約|大约|大約|大概|大概还要|还要|仲要)\s*(?:需)?\s*[\d一两兩二三四五六七八九十]+\s*(?:分钟|分鐘|秒|小时|小時)",
    re.IGNORECASE,
)
_TOLD_DONE = re.compile(
    r"\b(?:finished|completed|done|took|ready)\b|用时|用時|耗时|耗時|已经完成|已經完成|完成了|做好了",
    re.IGNORECASE,
)


def in_progress(text: str) -> bool:
    """Whether `text` reports work underway or queued, or some of a total done."""
    if _UNDERWAY.search(text) or _UNDERWAY_ZH.search(text):
        return True
    if _ETA.search(text) and not _TOLD_DONE.search(text):
        return True
    if _UNDONE_ZH.search(text):
        return True
    if any(int(m["a"]) < int(m["b"]) for m in _PART_ZH.finditer(text)):
        return True
    for m in _PART.finditer(text):
        done, total = (int(g) for g in m.groups() if g is not None)
        if done < total:
            return True
    return False


def _alternative(sentence: str, earlier: str) -> bool:
    """Whether `sentence` offers another format or version after it or `earlier` refuses one
    ("Sorry, GIF export isn't supported; you can export as MP4 instead.")."""
    if not (_ALTERNATIVE.search(sentence) or _FORMAT_NAMED.search(sentence)):
        return False
    return bool(_REFUSED.search(sentence) or _REFUSED.search(earlier))


def held(sentence: str, earlier: str) -> frozenset[str]:
    """The actions of `sentence` that are not the user's to take now (see the module doc),
    `earlier` the reply's sentences before it."""
    if there := elsewhere(sentence):
        return there
    if _OFFER.search(sentence) or _THIRD.search(sentence) or _alternative(sentence, earlier):
        return frozenset({"export"})
    if _LATER_FIND.search(sentence):
        return frozenset({"export", "state"})
    step = _EXPORT.search(sentence) or _FETCH.search(sentence)
    if step is None:
        return frozenset()
    if _AFTER_END.search(sentence) and (in_progress(sentence) or in_progress(earlier)):
        return frozenset({"export"})
    if in_progress(sentence) and not _GESTURE.search(sentence):
        return frozenset({"export"})  # "Export in progress (5%).", 导出中: a report, no step
    if _GATED.search(sentence) or _WAITED.search(sentence):
        return frozenset({"export"})
    head = sentence[: step.start()]
    then = list(_THEN.finditer(head))
    if then and (in_progress(head[: then[-1].start()]) or _OPENS_THEN.match(sentence)):
        return frozenset({"export"}) if in_progress(f"{earlier} {head}") else frozenset()
    return frozenset()
