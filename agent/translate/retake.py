"""What a reply asks without a GUI step, read beside the sentence before: another file in place
of one that failed, and a look at the result.

- Another file: the reply says the user's file failed (no video stream, could not be decoded,
  corrupted, too low a resolution, too blurry) and asks for another or the same sent again
  ("The clip you sent has no video stream — do you have another version?", "Clip 2 (a.mov)
  couldn't be decoded. Try re-sending it, or send a different take.", 素材「x.jpg」分辨率太低，
  建议换一张更清晰的照片, 你傳嘅片冇畫面，有冇第二個版本？): the upload runs.
- A look: the user asked to look at the result now ("Take a look at how the cut lands at 0:12",
  "Have a look at the new transition", 你可以看看现在的节奏, 睇下第二段嘅節奏): the state runs.

Safety (nothing runs): the agent's own look or fetch ("Let me take a look", 我看看, "I'll
re-send it"), a condition or a later time ("once it renders, take a look", 完成后再看看), a
negation ("no need to send another"), a third person, someone else's view, a page that is no
result ("take a look at the pricing page", 看看教程).

Pure: one sentence in (folded to Simplified), where the ask stands out.
"""

from __future__ import annotations

import re

from agent.translate.evidence import third_party
from agent.translate.prose import QUOTES
from agent.translate.wanted import declined

__all__ = ["another_file", "look_asked"]

# the user's file said to have failed (in the sentence or the one before)
_FAILED = re.compile(
    r"\bno\s+(?:video|audio|image)\s+(?:stream|track|data)\b"
    r"|\b(?:couldn['’]t|could\s+not|can['’]t|cannot|unable\s+to|wasn['’]t\s+able\s+to|failed\s+to"
    r"|won['’]t)\s+(?:be\s+)?(?:decod|open|read|play|load|process|pars|import|us)\w*"
    r"|\b(?:corrupt(?:ed)?|unreadable|damaged|truncated|unsupported\s+(?:codec|format)|blank)\b"
    r"|\btoo\s+(?:low[- ]?res\w*|blurry|small|dark|grainy|pixelated|short|noisy|quiet)\b"
    r"|\b(?:resolution|quality)\s+(?:is\s+)?too\s+low\b|\blow[- ]?res(?:olution)?\b"
    r"|(?:分辨率|解析度|清晰度|画质|畫質|像素)[^，。；！？]{0,4}?(?:太|过|過|偏)?(?:低|差)"
    r"|太(?:模糊|暗|糊|矇|蒙|朦|短|细|細|小)|(?:无法|無法|不能|未能|唔能够|冇办法|冇辦法)(?:解码|解碼|读取|讀取"
    r"|打开|打開|播放|识别|識別|解析|处理|處理)|打不开|打唔開|读唔到|讀唔到|播唔到|开唔到|開唔到"
    r"|(?:损坏|損壞|损毁|損毀|坏了|壞咗|坏咗)|(?:没有|沒有|冇|没|沒)(?:画面|畫面|视频流|影像|声音|聲音|音轨|音軌)"
    r"|(?:解码|解碼|读取|讀取|解析)(?:失败|失敗|出错|出錯)|(?:不支持|不支援|唔支援)(?:的|嘅)?(?:格式|编码|編碼)",
    re.IGNORECASE,
)
# the failure is about a file the user gave
_THEIR_FILE = re.compile(
    r"\b(?:clip|file|video|footage|photo|image|picture|recording|audio|track|take|upload|asset"
    r"|logo|song)s?\b|\.(?:mp4|mov|m4v|avi|mkv|webm|jpe?g|png|heic|gif|wav|mp3|m4a)\b"
    r"|素材|照片|相片|图片|圖片|视频|視頻|影片|片段|文件|檔案|档案|录音|錄音|音频|音頻|(?<![图圖影相])片|相(?![关關信同])",
    re.IGNORECASE,
)
# another file, or the same sent again
_ANOTHER = re.compile(
    r"\b(?:do|would|might)\s+you\s+(?:happen\s+to\s+)?have\s+(?:another|a\s+(?:different|new|fresh"
    r"|better|cleaner|clean|second|working|higher[- ]?res\w*|sharper|backup)|any\s+other"
    r"|an?\s+other"
    r"|the\s+original)\b"
    r"|(?:^|[:;,—–]\s*|\b(?:or|and|please|just|then|could\s+you|can\s+you|would\s+you|try)\s+)"
    r"(?:send|upload|share|attach|drop\s+in|use|try)(?:ing)?\s+(?:me\s+|over\s+|in\s+)?(?:a\s+(?:different"
    r"|new|fresh|better|cleaner|sharper|clean|working|higher[- ]?res\w*)|another)\s+(?:[\w'’-]+\s+)"
    r"{0,2}?(?:takes?|versions?|cop(?:y|ies)|files?|clips?|videos?|photos?|images?|pictures?|shots?"
    r"|cuts?|exports?|recordings?|one)\b"
    r"|(?<![替转轉交切变變])(?:换|換)(?:过|過)?(?:一|另一|另外一)(?:张|張|个|個|段|条|條|支|份|版)"
    r"(?![^。！？，,；]{0,6}?(?:风格|風格|颜色|顏色|字体|字體|滤镜|濾鏡|配乐|配樂|音乐|音樂))"
    r"|(?<![替转轉交切变變])(?:换|換)(?:过|過)?(?:一|另一|另外一)?(?:张|張|个|個|段|条|條|支|份|版)?[^。！？，,；]{0,8}?"
    r"(?:照片|相片|图片|圖片|图|圖|视频|視頻|影片|片段|片(?![头頭尾])|素材|文件|檔案|档案|版本|录音|錄音)"
    r"|(?:有没有|有沒有|有冇|有無|还有没有|還有沒有|仲有冇|有没|有沒)(?:其他|其它|别的|別的|另一|另外|第二|新|原)"
    r"[^。！？，,；]{0,4}?(?:版本|文件|檔案|档案|片|视频|視頻|照片|相|图|圖|素材|录音|錄音)"
    # the same file sent again, with a word of a take or version ("resend it, or send a
    # different take"); 能再发一次吗 alone after a failure is read by `wanted.asked_again`
    r"|(?:重新|再)(?:上传|上傳|发送|發送|发|發|传|傳)(?:一|另一)(?:个|個|张|張|段|条|條|版)",
    re.IGNORECASE,
)
# a retry offered beside the other file ("请稍后重试，或者换一段素材"): the user's choice
_RETRY = re.compile(
    r"\bretry|\btry\s+again|\btry\s+(?:it\s+)?later|重试|重試|重新尝试|重新嘗試|稍后再试|稍後再試",
    re.IGNORECASE,
)
# the agent fetches or redoes it itself ("I'll re-send it", 我重新上传)
_AGENT = re.compile(
    r"\b(?:I|we)(?:['’]ll|\s+will|\s+can|['’]m\s+going\s+to|\s+could)\s+(?:\w+\s+){0,2}?(?:re-?send"
    r"|re-?upload|send|upload|use|try|switch)|\blet\s+me\b|我(?:来|來|会|會|再|就|先)?(?:重新|帮你|幫你)",
    re.IGNORECASE,
)
_CONDITION = re.compile(
    r"\b(?:if|unless|in\s+case)\b|如果|要是|假如|若是|万一|萬一|(?<!方便)的话|(?<!方便)的話",
    re.IGNORECASE,
)


def another_file(sentence: str, before: str) -> int | None:
    """Where `sentence` asks for another file, or the same again, after it or `before` says the
    user's file failed (module doc), or None."""
    ask = _ANOTHER.search(sentence)
    if ask is None:
        return None
    said = f"{before} {sentence}"
    failed = _FAILED.search(said)
    if failed is None or not _THEIR_FILE.search(said):
        return None
    if _RETRY.search(sentence) or declined(sentence) or third_party(sentence):
        return None
    if _AGENT.search(sentence, 0, ask.end()):
        return None
    if _CONDITION.search(sentence, 0, ask.start()):
        return None
    return ask.start()


# a look at the result asked of the user
_EN_LOOK = re.compile(
    r"(?:^|[:;,—–(]\s*|\b(?:now|just|please|so|and|go\s+ahead\s+and|you\s+can|you\s+could"
    r"|you\s+might\s+want\s+to|feel\s+free\s+to|why\s+not)\s+)"
    r"(?:take|have|give\s+it)\s+a\s+(?:quick\s+|closer\s+|good\s+|proper\s+)?(?:look|peek|glance"
    r"|watch|listen|gander)\b(?:\s+(?:at|to)\s+(?P<obj>[^.!?;]{0,40}))?"
    r"|(?:^|[:;,—–(]\s*|\b(?:now|just|please|so|and|you\s+can|you\s+could)\s+)(?:check\s+out|check|look\s+at"
    r"|watch|see|listen\s+to|play\s+back|scrub\s+to)\s+(?P<how>how|what|where|the\s+(?:new|updated"
    r"|revised|tighter|cleaner|result|cut|edit|pacing|rhythm|timing|transition|flow|beat|change|ending"
    r"|opening|intro|outro|grade|colou?r|captions?|subtitles?|music|version)|it\b|\d{1,2}:\d{2})",
    re.IGNORECASE,
)
# what a look at the result names, after "a look at" ("how the cut lands", "the new intro")
_RESULT = re.compile(
    r"^(?:how|what|where|it\b|the\s+(?:[\w'’-]+\s+){0,2}?(?:cut|edit|result|pacing|rhythm|timing"
    r"|transitions?|flow|beat|change|changes|ending|opening|intro|outro|grade|colou?rs?|captions?"
    r"|subtitles?|music|version|video|clip|preview|timeline|draft|montage|sequence|scene|section"
    r"|part|shot)\b|\d{1,2}:\d{2})",
    re.IGNORECASE,
)
_ZH_LOOK = re.compile(
    r"(?:你|您)?(?:可以|不妨|请|請|快|先|就可以|可以先|去)?(?:看看|看一下|看下|看一看|查看|瞧瞧|睇下|睇吓|睇睇|睇一睇"
    r"|睇一下|听听|聽聽|听一下|聽一下)(?P<zh>[^。！？；]{0,10})",
)
_ZH_RESULT = re.compile(
    r"现在|現在|而家|宜家|效果|节奏|節奏|剪辑|剪輯|转场|轉場|画面|畫面|成片|新版|这版|這版|呢版|结果|結果"
    r"|第[一二三四五六七八九十\d]+(?:段|幕|个|個|部分)|字幕|调色|調色|音乐|音樂|配乐|配樂|开头|開頭|结尾|結尾"
    r"|改动|改動|修改|片头|片頭|片尾|衔接|銜接|\d{1,2}:\d{2}",
)
# a look that is no look at the result now
_NOT_LOOK = re.compile(
    r"\b(?:I['’]ll|I\s+will|let\s+me|I['’]m\s+going\s+to|we['’]ll|I\s+can)\s+(?:\w+\s+){0,2}?(?:take"
    r"|have|look|check|see|watch)|\b(?:once|after|when|until|as\s+soon\s+as|if|before)\b"
    r"|\b(?:docs?|documentation|guide|tutorial|pricing|plans?|help|faq|link|article|page|template"
    r"|examples?)\b|\b(?:don['’]t|no\s+need|never|not)\b"
    r"|(?:我|让我|讓我|等我|俾我|畀我)(?:来|來|先|再)?(?:看看|看一下|睇下|睇吓|睇睇|瞧瞧)|帮你看|幫你看|幫你睇"
    r"|(?:完成|好了|好咗|做完|渲染完|导出完|之后|之後|以后|以後|后再|後再)|如果|要是|等到|等你"
    r"|教程|文档|文檔|说明|說明|价格|價格|链接|鏈接|帮助|幫助|模板|不用|唔使|无需|無需"
    # the account is no result: the balance's own steps read it
    r"|\b(?:quota|credits?|coins?|tokens?|wallet|balance|usage|plan|subscription|billing|account)\b"
    r"|余额|餘額|积分|積分|额度|額度|配额|配額|套餐|订阅|訂閱|账户|賬戶|帳戶|金币|金幣|钱包|錢包",
    re.IGNORECASE,
)


def look_asked(sentence: str) -> int | None:
    """Where `sentence` asks the user to look at the result now (module doc), or None."""
    sentence = _unquoted(sentence)  # a quoted title is no ask (字幕「拖动查看更多」)
    en = _EN_LOOK.search(sentence)
    if en is not None and en.group("obj") is not None and not _RESULT.match(en.group("obj")):
        en = None
    zh = None
    if en is None:
        zh = _ZH_LOOK.search(sentence)
        if zh is not None and not _ZH_RESULT.search(zh.group("zh")):
            zh = None
    found = en or zh
    if found is None or _NOT_LOOK.search(sentence) or third_party(sentence):
        return None
    return found.start()


def _unquoted(sentence: str) -> str:
    """`sentence` with its quoted spans blanked, offsets kept."""
    for quote in QUOTES:
        sentence = quote.sub(lambda m: " " * len(m.group()), sentence)
    return sentence
