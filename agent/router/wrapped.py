"""A wrap-up before a plain export: "ok sound good colours good captions good I reckon we're
finished grab the file", "nothing left to change, export", 都搞掂晒啦 出片, 冇嘢要改 出片 (rt27).

Words that only approve the parts ("colours good", 字幕没问题), say the work is over ("we're
finished", "that's it", 都搞掂晒, 做好了) or that nothing is left to change ("nothing else to
fix", 冇嘢要改, 没什么要改的了) ask no edit: the export alone. The rules read an edit verb in
them (改, 做, "change") and plan `sse` before the export; this gate takes that `sse` back when
everything before the export is such words.

Not this class: work still named ("captions bigger, export", 字幕改大啲 出片), work whose end
leads to the export ("改好就导出", "once that's done export": the edit first), or anything the
wrap-up words leave over.

Pure regexes over the prepared text (lower case, apostrophes dropped, "we're" read as "we are",
搞掂 read as 做好, 冇 read as 没).
"""

from __future__ import annotations

import dataclasses
import re

from agent.router.route import Route

__all__ = ["only_wrapped_up", "wrapped_up"]

_EXPORT = re.compile(
    r"(?<![a-z])(?:re-?)?(?:export|render|download)[a-z]*|[导導]出|[汇匯]出|渲染|出片|下[载載]"
)
_GOOD = (
    r"(?:good|fine|great|ok|okay|perfect|right|sorted|spot\s+on|on\s+point|done|nice|solid"
    r"|sweet|lovely|clean|dialled\s+in|dialed\s+in|locked\s+in|locked)"
)
_WRAP_EN = re.compile(
    rf"(?<![a-z])(?:(?:(?:the|my|our|all\s+the)\s+)?[a-z]+\s+(?:(?:is|are|look|looks|sound"
    rf"|sounds|seem|seems|feel|feels)\s+)?(?:all\s+)?{_GOOD}"
    r"|(?:(?:i\s+am|im|we\s+are|were|its|it\s+is|thats|that\s+is|everythings|everything\s+is"
    r"|all)\s+)?(?:all\s+)?(?:done|finished|set|sorted|good\s+to\s+go|ready|complete|a\s+wrap"
    r"|happy)(?:\s+(?:here|now|with\s+it|with\s+everything))?"
    r"|thats\s+(?:it|everything|all)|nothing\s+(?:else|more|left)\s+(?:to|i\s+want\s+to)\s+"
    r"(?:change|fix|edit|do|tweak|add)|no\s+more\s+(?:changes|edits|tweaks|fixes)"
    # someone's approval told ("the client saw it this morning and she's happy with it")
    r"|(?:the\s+|my\s+|our\s+)?(?:client|boss|team|everyone|everybody|she|he|they|shes|hes"
    r"|theyre)\s+(?:(?:is|are|was|were)\s+)?(?:saw|seen|has\s+seen|have\s+seen|approved|signed"
    r"\s+off(?:\s+on)?|likes|liked|loves|loved|happy|fine|ok|okay)(?:\s+with)?(?:\s+(?:it|this"
    r"|the\s+cut|the\s+video))?(?:\s+(?:this\s+morning|today|yesterday|already|now))?"
    r"|ok|okay|alright|right|so|well|yeah|yep|yes|cool|great|perfect|nice|awesome|good|fine"
    r"|lgtm|sweet|i\s+(?:reckon|think|guess)|reckon|pretty\s+sure|now|and|just|go\s+ahead"
    r"|please|pls|the|file|mp4|me|grab|send|give|get|here|we|i|im|it|its|all|everything"
    r"|think|guess)(?![a-z])"
)
_PART_ZH = (
    r"(?:字幕|字体|字體|颜色|顏色|配色|音乐|音樂|声音|聲音|画面|畫面|调色|調色|片头|片頭|片尾|节奏"
    r"|節奏|转场|轉場|标题|標題|效果|剪辑|剪輯|配乐|配樂|全部|一切|样样|樣樣|所有|整体|整體|音效"
    r"|色调|色調|长度|長度)"
)
_WRAP_ZH = re.compile(
    rf"{_PART_ZH}(?:都|也|已经|已經)?(?:没问题|沒問題|无问题|無問題|ok|可以|好|正|靓|靚|搞定|啱"
    r"|得|不错|不錯|完美)(?:晒|哂|了|咗|啦|喇|咯|嘞)*"
    r"|(?:都|全部|已经|已經|应该|應該|我觉得|我覺得)*(?:做|搞|弄|整|剪|改|调|調)(?:好|定|完|妥)"
    r"(?:晒|哂|了|咗|啦|喇|咯|嘞)*"
    r"|(?:没|沒)(?:有)?(?:什么|什麼|咩|嘢|东西|東西|乜嘢|乜)?(?:要|需要|可以|再)?(?:改|修改|调|調"
    r"|修|动|動|搞|加)(?:的)?(?:了|喇|啦|咯|嘞)*"
    r"|好啦|好了|好的|可以了|就这样|就咁|就這樣|完美|满意|滿意|(?:都|也)?(?:ok|得|行)(?:晒|了|啦|喇)*"
    r"|嗯|哦|喔|都|晒|啦|喇|了|吧"
)
# what may follow the export word: its object, a courtesy, a time of now
_OBJECT = re.compile(
    r"(?<![a-z])(?:it|this|that|them|the|my|our|video|vid|file|final|mp4|one|thing|now|for|me|us"
    r"|please|pls|plz|thanks|thx|out|asap|already|then|right|away|go|ahead|ok|okay)(?![a-z])"
    r"|吧|啦|喇|了|先|出来|出來|给我|俾我|畀我|佢|它|条片|條片|视频|視頻|片|一下|下|啊|呀|喔|咯|嘞"
)
_SUBSTANCE = re.compile(r"[a-z]{2,}|[\u3400-\u9fff]|\d")


def only_wrapped_up(text: str) -> bool:
    """Whether everything before the last export word of the prepared turn `text` only
    approves, closes the session or says nothing is left to change (module docstring)."""
    words = list(_EXPORT.finditer(text))
    if not words:
        return False
    before, after = text[: words[-1].start()], text[words[-1].end() :]
    if not _SUBSTANCE.search(before) or _SUBSTANCE.search(_OBJECT.sub(" ", after)):
        return False  # "export after changing the font": work after the export word
    left = _WRAP_ZH.sub(" ", _WRAP_EN.sub(" ", before))
    return _SUBSTANCE.search(left) is None


def wrapped_up(routed: Route, text: str) -> Route:
    """The export alone when the only work before it is a wrap-up (`only_wrapped_up`)."""
    if routed.actions != ("sse", "export") or not only_wrapped_up(text):
        return routed
    return dataclasses.replace(routed, actions=("export",))
