"""Steps a sequence holds back: an export after an upload still asked for, an upload offered
as optional, a plan upgrade offered.

- An export placed after an upload step that the same reply still asks for waits for the file
  (it is not there yet): a later item of a numbered list, a later sentence, or a later clause
  of the same sentence ("1. Upload `raw_take.mp4` … 4. Click Export", "First upload the logo,
  then check the timeline, and finally click Export", 先上传音频，然后在时间线确认，最后点导出,
  請先上載你的字體檔，之後…最後撳 Export 匯出, "Before you export, upload the logo", "Click
  Export once you've uploaded the logo"). An export said to stand on its own ("for now", "as
  is", "this version", 先导出这一版) still runs, and so does an export before the upload
  ("Click Export now; if you later want a logo, upload it").
- An upload offered as optional runs nothing ("Meanwhile, feel free to upload any extra B-roll
  you'd like — it's optional.", 如果你願意，也可以再上傳幾張相（非必要）): the user sends a file
  in chat if they want to.
- A plan upgrade offered for better output runs nothing ("If you want sharper output, you
  could also upgrade to the Pro plan", 如果想要更高画质，也可以升级到高级套餐): no balance is
  short; a reply saying the balance is too low and asking to top up still looks it up.

Pure; one sentence at a time, as folded (Simplified, Cantonese read in Mandarin forms).
"""

from __future__ import annotations

import re

from agent.translate.gates import without
from agent.translate.lines import Unit
from agent.translate.reading import Reading

__all__ = [
    "after_upload",
    "alone",
    "in_sequence",
    "offered_upgrade",
    "optional_upload",
    "upload_first",
    "waits_on_upload",
]

# the words an upload is asked in (only read where the rules read an upload in the sentence)
_UPLOAD_WORD = re.compile(
    r"\b(?:re-?)?(?:upload|attach|import|drag|drop|send|share|add|pick|choose|select)\w*"
    r"|上传|上載|上载|上傳|导入|導入|拖|选择|選擇|传给我|发给我|传俾我|发俾我|(?:发|發|传|傳)(?:一|几|幾|张|張)",
    re.IGNORECASE,
)
_EXPORT_WORD = re.compile(
    r"\bexport|\bdownload|\brender|导出|導出|汇出|匯出|下载|下載|渲染|输出", re.IGNORECASE
)
# an export named before the upload it waits for ("Before you export, upload the logo",
# "Click Export once you've uploaded it", 导出之前先上传字体)
_BEFORE_EXPORT = re.compile(r"\bbefore\b|之前|以前|前(?:先|要|请)", re.IGNORECASE)
_AFTER_UPLOAD = re.compile(
    r"\b(?:after|once|when|as\s+soon\s+as)\s+(?:you(?:['’]ve|\s+have)?\s+)?(?:re-?)?upload"
    r"|\b(?:after|once|when)\s+(?:the|your)\s+[^.!?;]{0,40}?\b(?:is|are|has\s+been|have\s+been)\s+"
    r"uploaded|(?:上传|上载)(?:完|好|了|之后|以后|后)"
    # a file added in ("Once you've added the soundtrack, … export", 把音乐拖进来之后再导出)
    r"|\b(?:after|once|when|as\s+soon\s+as)\s+you(?:['’]ve|\s+have)?\s+(?:added|dropped|dragged"
    r"|attached|imported|sent|put|brought)\s+(?:in\s+)?(?:the|your|a|an|some|any|more)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:soundtrack|music|audio|songs?|logo|photos?|images?|pictures?|clips?"
    r"|footage|b-roll|videos?|voiceover|recording|font|files?|cover|subtitles\s+file)\b"
    r"|(?:拖|导入|加入)(?:进来|進來|入嚟)?(?:完|好|了)?(?:之后|以后|后)(?=[^。！？]{0,12}?(?:导出|下载))",
    re.IGNORECASE,
)
# the export said to stand on its own, whatever the upload ("for now", "as is")
_ALONE = re.compile(
    r"\b(?:for\s+now|as\s+is|as\s+it\s+is|this\s+(?:version|draft|cut)|the\s+current\s+"
    r"(?:version|draft|cut)|in\s+the\s+meantime|meanwhile|without\s+(?:it|them|the\s+\w+))\b"
    r"|先[^，,。；]{0,4}?(?:这|這|目前|现在|現在)(?:一)?(?:个|個)?版|当前版本|當前版本|目前(?:这|這)?版"
    r"|先不(?:用|加)"
    # the export as the other branch of a choice ("If you need another photo, tap Upload; if
    # not, tap Export", 需要就上传，否则直接导出)
    r"|\b(?:if\s+not|otherwise|or\s+else|if\s+you\s+don['’]t)\b|否则|否則|不然|唔系就|如果不|不需要的话",
    re.IGNORECASE,
)
# an upload marked as a choice of the user's ("it's optional", "no pressure", 非必要); a wish that
# closes its clause ("… if you like"), never a goal ("if you'd like it longer, …": that asks)
_OPTIONAL = re.compile(
    r"\b(?:optional(?:ly)?|no\s+pressure|(?:it['’]s\s+)?(?:totally|entirely|completely|all)\s+up\s+to"
    r"\s+you|not\s+(?:required|necessary|needed|mandatory|a\s+must)|you\s+(?:can|could|may)\s+also"
    r"|if\s+you\s+feel\s+like\s+it|only\s+if\s+you\s+(?:want|like|wish))\b"
    # "upload more if you like": the wish closes the clause (not "if you'd like it longer")
    r"|\bif\s+you(?:['’]d|\s+would)?\s+(?:like|want|wish|prefer)(?:\s+to)?(?=\s*(?:[.,;:!?)—–]|$))"
    r"|非必要|非必须|非必需|可选|可選|随意|隨意|不是必须|不是必需|不强制|不勉强|不勉強"
    r"|(?:不是|不系|唔系|唔係|不)一定(?:要|需要)"
    r"|如果(?:你|您)?(?:愿意|願意|喜欢|喜歡|有兴趣|有興趣)|(?:你|您)?(?:也|亦)可以(?:再|额外|額外)"
    r"|有兴趣的话|有興趣的話|想的话|想的話|钟意的话|鍾意的話",
    re.IGNORECASE,
)
# a plan upgrade ("upgrade to the Pro plan", 升级到高级套餐)
_UPGRADE = re.compile(
    r"\bupgrad\w*\b[^.!?]{0,40}?\b(?:plan|tier|pro|premium|subscription|membership|account)\b"
    r"|\b(?:switch|move|go)\s+(?:up\s+)?to\s+(?:the\s+)?(?:pro|premium|business|plus)\b"
    r"|升级|升級|开通(?:会员|高级|专业)|開通(?:會員|高級|專業)",
    re.IGNORECASE,
)
# offered: a wish of the user's, a "could also", a benefit ("If you want sharper output",
# 如果想要更高画质, 也可以)
_OFFERED = re.compile(
    r"\bif\s+you(?:['’]d|\s+would)?\s+(?:want|like|wish|prefer|need)\b|\byou\s+(?:could|can|might"
    r"|may)\s+(?:also\s+)?(?:consider\s+)?upgrad|\b(?:could|can)\s+also\b|\boptional(?:ly)?\b"
    r"|\bconsider\s+upgrad|\bfeel\s+free\b"
    r"|如果|要是|假如|想要|如需|如要|(?:想|要)[^，,。；]{0,12}?(?:的话|的話|嘅话|嘅話)|(?:也|亦|都)可以"
    r"|可以考虑|可以考慮|不妨|有兴趣|有興趣|就可以",
    re.IGNORECASE,
)
# the balance said short: the upgrade is then asked for, not offered
_SHORT = re.compile(
    r"\b(?:not\s+enough|insufficient|too\s+low|ran\s+out|run\s+out|out\s+of|(?:fully|all|been)\s+used"
    r"|used\s+up|exhausted|reached\s+(?:your|the)\s+(?:\w+\s+)?(?:limit|cap|quota))\b|\bno\s+(?:more\s+)?"
    r"credits\b|不足|不够|不夠|用完|用光|用尽|用盡|耗尽|耗盡|余额不|餘額不|额度已满|額度已滿",
    re.IGNORECASE,
)


def after_upload(sentence: str) -> bool:
    """Whether `sentence` puts its export after an upload it also asks for: the upload's word
    before the export's ("Upload the music, then click Export", 先上传音频，然后点导出), or the
    export named before the upload it waits for ("Before you export, upload the logo", "Click
    Export once you've uploaded the logo"); an export said to stand alone is not after."""
    upload = _UPLOAD_WORD.search(sentence)
    export = _EXPORT_WORD.search(sentence)
    if upload is None or export is None or alone(sentence):
        return False
    if upload.start() < export.start():
        return True
    head = sentence[: export.start()]
    return bool(_BEFORE_EXPORT.search(head) or _AFTER_UPLOAD.search(sentence, export.end()))


# an upload put first in a sequence, however it is worded ("Start by uploading the photos",
# 第一步先把配音上传)
_UPLOAD_FIRST = re.compile(
    r"\b(?:first(?:ly)?|start\s+(?:off\s+)?by|begin\s+by|step\s*(?:1|one))\b[^.!?;]{0,24}?"
    r"\b(?:re-?)?(?:upload|attach)\w*"
    r"|(?:首先|第一步|先)[^。！？；]{0,12}?(?:上传|上载)",
    re.IGNORECASE,
)


def upload_first(sentence: str) -> bool:
    """Whether `sentence` puts an upload first in a sequence ("Start by uploading the product
    photos", 第一步先把配音上传): an export after it waits for the file."""
    return _UPLOAD_FIRST.search(sentence) is not None


def waits_on_upload(sentence: str) -> bool:
    """Whether `sentence` puts its export after an upload still to come ("Click Export once
    you've uploaded the new voiceover", 上传完再点导出)."""
    return _AFTER_UPLOAD.search(sentence) is not None and not alone(sentence)


def alone(sentence: str) -> bool:
    """Whether `sentence` says its export stands on its own, whatever file is still to come
    ("For now, click Export to get this version", 先导出这一版)."""
    return _ALONE.search(sentence) is not None


def optional_upload(sentence: str) -> bool:
    """Whether `sentence` offers its upload as the user's choice ("feel free to upload any
    extra B-roll — it's optional", 如果你願意，也可以再上傳幾張相（非必要）)."""
    return _OPTIONAL.search(sentence) is not None


def offered_upgrade(sentence: str, earlier: str = "") -> bool:
    """Whether `sentence` offers a plan upgrade for better output, with no balance said short
    in it or in the reply before it (`earlier`) ("If you want sharper output, you could also
    upgrade to the Pro plan ($12/month)")."""
    return bool(
        _UPGRADE.search(sentence)
        and _OFFERED.search(sentence)
        and not _SHORT.search(f"{earlier} {sentence}")
    )


def in_sequence(
    unit: Unit, raw: str, unframed: str, asked: bool, said: tuple[bool, str, str]
) -> tuple[Reading, bool]:
    """The reading of `unit` (read as `raw`, `unframed` before its polite frame was cut)
    without an export placed after an upload still asked for (`asked`: before it in the reply)
    or in the sentence itself, without a plan upgrade offered while the reply says no balance
    short, and without an upload offered as optional; and whether an upload is asked for from
    here on. `said`: whether the reply says the balance is short, the reply before the
    sentence, and the sentence just before (its "I'll keep the current one for now" lets the
    export stand alone)."""
    reading, lang = unit.reading, unit.lang
    short, earlier, before = said
    free = alone(raw) or (alone(before) and _UPLOAD_WORD.search(before) is None)
    if "credits" in reading.actions and not short and offered_upgrade(unframed, earlier):
        reading = without(reading, {"credits"}, lang)
    if "export" in reading.actions and (
        (asked and not free)
        or (("upload" in reading.actions or upload_first(raw)) and after_upload(raw))
        or waits_on_upload(raw)
    ):
        reading = without(reading, {"export"}, lang)
    # a file asked for as a need, too, or put first in words the rules do not read
    asked = asked or "upload" in reading.actions or upload_first(raw)
    if "upload" in reading.actions and optional_upload(unframed):
        reading = without(reading, {"upload"}, lang)  # "it's optional"
    return reading, asked
