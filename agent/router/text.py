"""Text preparation for the keyword router: normalisation, media references, quotes, language.

Pure string work; no tables, no I/O. Masked spans become placeholders so content inside
quotes or file paths can never look like a command.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from agent.media import ACCEPTED

__all__ = [
    "MASK",
    "MEDIA",
    "Prepared",
    "by_script",
    "detect_language",
    "marked",
    "normalize",
    "prepare",
]

MASK = "§"
"""What quoted content becomes in the prepared text."""
MEDIA = "¤"
"""What a media reference (path, URL, file name) becomes in the prepared text."""

# NFKC already folds full-width ASCII (，！？：；（）); these CJK marks have no ASCII twin.
_PUNCT = str.maketrans(
    {"。": ".", "、": ",", "‘": "'", "’": "'", "〜": "~", "～": "~", "\u3000": " ", "\n": " "}
)
_INNER_APOSTROPHE = re.compile(r"(?<=[a-z])'(?=[a-z])")
# "we're" is no "were": without its apostrophe it would open a past-tense question
# ("We're clear — render the final" is no "were (we) clear?")
_WE_ARE = re.compile(r"\bwe'(?:re)\b")
_SPACES = re.compile(r"\s+")
# Emoji and pictographs carry no command ("👀 timeline"): spaces for matching.
_PICTOGRAPHS = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d]")
# except money, which names the balance ("💰 left?", and "$$?": dollar signs with no amount)
_MONEY = re.compile("[\U0001f4b0\U0001f4b8\U0001f4b5\U0001fa99]|(?<![\\w$])\\$+(?![\\w$])")
# and the inbox tray, which asks for the file ("perfect!! 📥 pls"), as the word it stands for
_TRAY = re.compile("\U0001f4e5")
# and a refusal, which says "no" ("❌ export, just fix the typo", "🙅‍♀️ render"), in front of
# or right after an export word ("export ❌"): a "no" the grammar reads like the word
# round 13: the ballot crosses too ("✗ export, fix the typo", "✘ render")
_REFUSING = "\u274c\u274e\u2716\u2717\u2718\U0001f6ab\u26d4\U0001f6d1\u270b\U0001f645\U0001f44e"
_REFUSAL = re.compile(f"[{_REFUSING}]")
_EXPORT_WORD = r"(?:export|render|download)[a-z]*|导出|匯出|汇出|渲染|出片|下载"
_MODIFIERS = "\\s\ufe0f\u200d\U0001f3fb-\U0001f3ff\u2640\u2642"
_REFUSED_AFTER = re.compile(
    rf"(?<![a-z])({_EXPORT_WORD})((?:\s+(?:it|this|that|the\s+video))?[{_MODIFIERS}]*)[{_REFUSING}]"
)
# "export: no", "export = not now", "export - later": a verdict written after the export word
# ("…downloaded? No changes needed." says the video is final, no verdict on the export)
_VERDICT_AFTER = re.compile(
    rf"(?<![a-z])((?:{_EXPORT_WORD}|send|give|share|deliver)(?:\s+[a-z0-9]+){{0,3}}?)"
    r"\s*(?:[:=>\-\u2013\u2014]+|\?+)\s*(?=(?:no(?!\s+(?:(?:more|other|further)\s+)?(?:changes|edits"
    r"|tweaks)\b)|nope|nah|not\s+now"
    r"|not\s+yet|later|skip|hold|wait|tomorrow)(?![a-z]))"
)
# "nah export", "nope render": a casual "no" right before an export word
_CASUAL_NO = re.compile(rf"(?<![a-z])(?:nah|nope|naw)\s+(?=(?:{_EXPORT_WORD}))")
# and an hourglass, which asks how far along it is ("⏳?"), but beside an export word says it
# waits ("⏳ export — waiting on legal", "render ⌛"): a "not yet", read like a refusal
_WAITING = re.compile("[\u231b\u23f3]")
# "⏳ on the export, client might still want changes": a hold on it ("⏳ on the export?" asks)
_WAITS_BEFORE = re.compile(
    rf"[\u231b\u23f3][{_MODIFIERS}]*(?:\s*(?:on|for)\s+(?:(?:the|this|that|my)\s+)?"
    rf"(?=(?:{_EXPORT_WORD})[^,.;!?\n]*(?:[,.;!\n]|$)))?(?=(?:{_EXPORT_WORD}))"
)
_WAITS_AFTER = re.compile(
    rf"(?<![a-z])({_EXPORT_WORD})((?:\s+(?:it|this|that|the\s+video))?[{_MODIFIERS}]*)[\u231b\u23f3]"
)
# Any refusal or wait mark in a turn that names an export: the export waits for a plain word
# ("send me the mp4 ❌", "🚫 … export"); see `marked`.
_HELD_MARKS = re.compile(f"[{_REFUSING}\u231b\u23f3]")
_SLANG = {
    "gimme": "give me",
    "wanna": "want to",
    "lemme": "let me",
    "pls": "please",
    "plz": "please",
    "teh": "the",
    "vid": "video",
    "dl": "download",
    "wat": "what",
    "wats": "whats",
    "r": "are",
    "u": "you",
    "ur": "your",
    "pts": "points",
    "rn": "right now",
    "n": "and",  # "make it yellow n then export n tell me the credits"
    "nvm": "never mind",
    "once more": "again",
    "once again": "again",
    "one more time": "again",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
}
# whole words only, accented letters being letters too ("rápido" holds no "r" = "are")
_SLANG_WORD = re.compile(
    r"(?<![a-z\u00c0-\u024f])(?:" + "|".join(_SLANG) + r")(?![a-z\u00c0-\u024f])"
)
# Colloquial question words read as their standard forms: 现在啥样了 = 现在什么样了.
_COLLOQUIAL = str.maketrans({"啥": "什么", "咋": "怎么"})
# Cantonese colloquial forms read as Mandarin (after Traditional folding): 唔好匯出 = 不要导出,
# 睇下條片而家點 = 看一下视频现在怎么样, 搞掂未 = 做好了没. Longest forms first.
# rt29: Cantonese 番 is 返 (back, again) after a verb or a comparative: 出番條片 = 出返條片 (an
# export), 細番啲 = 細返啲 (an edit). Not in words of its own (番茄, 番薯, 番外, 番号).
_BACK = re.compile(
    r"(?<=[出细細大小长長短高低快慢亮暗加整改换換调調移放剪配拎俾给])番(?![茄薯外号號石鬼禺])"
)
_SYNONYMS = {
    "时间轴": "时间线",
    # round 17: 有啲咩 = 有什么 (what is there), 有啲 = 有些; elsewhere 啲 is 点 (大啲 = 大点)
    "有啲咩": "有什么",
    "有啲": "有些",
    "唔该": "请",
    "唔好": "不要",
    "唔系": "不是",
    "净系": "只是",
    "就系": "就是",
    "系咪": "是不是",
    "唔使": "不用",
    "唔洗": "不用",
    "唔": "不",
    "有冇": "有没有",
    "冇": "没",
    "睇下": "看一下",
    "睇吓": "看一下",
    "睇": "看",
    "畀": "给",
    "咗": "了",
    "嘅": "的",
    "咩": "什么",
    "点样": "怎么",
    "点解": "为什么",
    "几耐": "多久",
    "几多钱": "多少钱",
    "几钱": "多少钱",
    "几多": "多少",
    "几长": "多长",
    "而家点": "现在怎么样",
    "点呀": "怎么样",
    "而家": "现在",
    "搞掂咗未": "做好了没",
    "搞掂了未": "做好了没",
    "搞掂未": "做好了没",
    "搞掂": "做好",
    "整成片": "做成视频",
    "整成": "做成",
    "整一条片": "做一个视频",
    "条片": "视频",
    "影片": "视频",
    "仲有": "还有",
    "仲可以": "还可以",
    "仲要": "还要",
    "仲剩": "还剩",
    "仲未": "还没",
    "嗰": "那",
    "汇出": "导出",
    "俾": "给",
    "嚟": "来",
    "喺边度": "在哪里",
    "喺边": "在哪",
    "喺": "在",
    "边度": "哪里",
    "边个": "哪个",
    "到边": "到哪",
    "几时": "什么时候",
    "乜嘢": "什么",
    "乜": "什么",
    "啲": "点",
    # rt29: 少少 = 一点 (字幕大返少少 = 字幕大回一点: a comparative edit, 细返少少, 移高少少)
    "少少": "一点",
    "揾": "找",
    "搵": "找",
    "直版": "竖屏",
    "整好未": "做好了没",
    "好未": "好了没",
    "得未": "好了没",
    "完未": "完了没",
    "整好": "做好",
    "横版": "横屏",
    # round 4: 配返首歌 = 配上一首歌, 跟住 = 然后, 同埋 = 和, 呢张 = 这张
    "配返": "配上",
    "上载": "上传",
    "就咁": "就这样",
    "咁样": "这样",
    "跟住": "然后",
    "同埋": "和",
    "呢张": "这张",
    "呢个": "这个",
    # Taiwan usage: 影片檔 = 视频文件, 檔案 = 文件 (after folding 檔 = 档)
    "视频档": "视频文件",
    "档案": "文件",
    # Cantonese V咗O: 出咗片未 = 出片了没 (the perfective after the whole verb)
    "出了片": "出片了",
    # round 6: 頭先 = 刚才 (just now)
    "头先": "刚才",
}

_EXTENSIONS = "|".join(sorted(ACCEPTED, key=len, reverse=True))
_PATH_CHARS = r"[a-z0-9_.\-~/\\:%?=&+#@]"
# A path with any characters in its folders and name ("~/图片/花.jpg"), ending at its extension.
_ANY_PATH = (
    rf"(?<![a-z0-9_.\-/:\\])(?:(?:~|\.{{1,2}})?/(?:[^\s/]+/)*[^\s/]+?"
    rf"|[a-z]:\\(?:[^\s\\]+\\)*[^\s\\]+?)\.(?:{_EXTENSIONS})(?![a-z0-9])"
)
_MEDIA = re.compile(
    rf"https?://{_PATH_CHARS}+"
    rf"|{_ANY_PATH}"
    rf"|(?<![a-z0-9])[a-z]:\\{_PATH_CHARS}+"
    rf"|(?<![a-z0-9_.\-/])(?:~|\.{{1,2}})/{_PATH_CHARS}+"
    rf"|(?<![a-z0-9_.\-/:])/[a-z0-9_\-]{_PATH_CHARS}*(?:/|\.(?:{_EXTENSIONS}))(?!{_PATH_CHARS})"
    rf"|(?<![a-z0-9_.\-/\\])[a-z0-9_\-]{_PATH_CHARS}*\.(?:{_EXTENSIONS})(?![a-z0-9])"
)
_TRAILING = ".,;:!?)"
_QUOTES = re.compile(
    r"(?<![a-z0-9])'[^']+'(?![a-z0-9])"
    r'|"[^"]*"|“[^”]*”|「[^」]*」|『[^』]*』|《[^》]*》|【[^】]*】'
)
# A message passed on before its quote ("老板微信发我：“…导出”"): who said it, not a delivery
_REPORTED = re.compile(
    rf"(?:发给我|发我|发来|发过来|转给我|转发|sent\s+(?:me|us)(?:\s+this)?)\s*(?=:?\s*{MASK})"
)
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[a-z]")
# A hashtag or a handle names something ("#export", "@renderking"): content, like a quote.
_TAGS = re.compile(r"(?<![a-z0-9_&/])[#@][^\s#@,.!?;:()]+")
# Punctuation spoken into a dictation app ("that's good period export it period"): the mark it
# names, unless a word before makes it a thing ("a period piece", "the trial period").
_DICTATED = re.compile(
    r"(?:(?<=\s)|^)(?:(\w+)\s+)?(period|full\s+stop|comma|question\s+mark"
    r"|exclamation\s+(?:mark|point)|new\s+(?:line|paragraph))(?![a-z])"
)
_THING = frozenset(
    {
        *("a", "an", "the", "this", "that", "my", "our", "your", "one", "trial", "grace"),
        *("waiting", "time", "free", "billing", "cooling", "add", "put", "insert", "use"),
        *("type", "with", "no", "without"),
    }
)
_QUOTED_LINE = re.compile(r"^\s*(?:>|＞)")
_MARKS = {"period": ".", "full": ".", "comma": ",", "question": "?", "exclamation": "!", "new": "."}


@dataclass(frozen=True, slots=True)
class Prepared:
    """A user turn ready for matching.

    Attributes:
        text: Normalised text with quotes and media references replaced by `MASK`.
        media: How many media references (paths, URLs) the text held.
        language: `zh` when the turn carries meaningful CJK content, else `en`.
    """

    text: str
    media: int
    language: Literal["en", "zh"]


# A list item, a heading or an inline numbered item ("1) add piano 2) show me the timeline"):
# a sentence of its own, however the writer laid the lines out
_LIST_ITEM = re.compile(
    r"(?:^|\n)[ \t]*(?:[-*\u2022+]|\d{1,2}[.)]|[a-h]\)|#{1,6})[ \t]+"
    r"|(?:(?<=\s)|^)(?:\d{1,2}|[a-h])\)[ \t]+(?=\w)"
)

_TICKED = re.compile(r"(?:^|\n)[ \t]*(?:[-*\u2022+][ \t]*)?\[[xX\u2713\u2714]\][^\n]*")


# a file kind written as its bare extension after a space ("export it as .mov or only mp4?")
_BARE_EXTENSION = re.compile(rf"(?<=\s)\.({_EXTENSIONS})(?![a-z0-9])")


def normalize(text: str) -> str:
    """NFKC, casefold, ASCII punctuation, colloquial CJK words in their standard form
    (啥 = 什么, 时间轴 = 时间线), a money pictograph as "credits", the inbox tray as
    "download", no in-word apostrophes, single spaces."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_PUNCT).translate(_COLLOQUIAL)
    folded = _BARE_EXTENSION.sub(r"\1", folded)  # "as .mov": a kind of file, not a full stop
    folded = _BACK.sub("返", folded)
    for word, standard in _SYNONYMS.items():
        folded = folded.replace(word, standard)
    folded = _WAITS_AFTER.sub(r" no \1\2 ", _WAITS_BEFORE.sub(" no ", folded))
    folded = _WAITING.sub(" status ", _MONEY.sub(" credits ", _TRAY.sub(" download ", folded)))
    folded = _VERDICT_AFTER.sub(r" no \1 . ", _REFUSED_AFTER.sub(r" no \1\2 ", folded))
    folded = _CASUAL_NO.sub("no ", _REFUSAL.sub(" no ", folded))
    folded = _INNER_APOSTROPHE.sub("", _WE_ARE.sub("we are", _PICTOGRAPHS.sub(" ", folded)))
    folded = _SLANG_WORD.sub(lambda m: _SLANG[m.group(0)], folded)
    return _SPACES.sub(" ", folded).strip()


def marked(text: str) -> bool:
    """The raw turn holds a refusal or wait mark (❌ 🚫 ⛔ ✋ 🙅 🛑 ✗ ⏳ ⌛) anywhere: beside an
    export word, the export never runs on this turn, wherever the mark stands."""
    return _HELD_MARKS.search(text) is not None


# A link to a page, not a file ("https://shop.example.com/download"): masked like a file, so its
# words never ask for anything, but nothing to upload (as `agent.attachments` takes only a link
# whose last path segment names a media file)
_WEB_LINK = re.compile(r"https?://")
_LINKED_FILE = re.compile(rf"\.(?:{_EXTENSIONS})$")


def _is_file(value: str) -> bool:
    if not _WEB_LINK.match(value):
        return True
    path = re.split(r"[?#]", value.split("://", 1)[1], maxsplit=1)[0]
    return "/" in path and _LINKED_FILE.search(path.rsplit("/", 1)[-1]) is not None


def _mask_media(text: str) -> tuple[str, int]:
    count = 0
    parts: list[str] = []
    last = 0
    for match in _MEDIA.finditer(text):
        value = match.group(0).rstrip(_TRAILING)
        end = match.start() + len(value)
        parts.append(text[last : match.start()])
        parts.append(f" {MEDIA} ")
        last = end
        count += _is_file(value)
    parts.append(text[last:])
    return "".join(parts), count


def detect_language(text: str, masked: str) -> Literal["en", "zh"]:
    """`zh` when CJK appears outside quotes, or only CJK appears at all; else `en`.

    Args:
        text: The normalised turn.
        masked: The same turn with quotes and media masked.
    """
    if _CJK.search(masked):
        return "zh"
    if _CJK.search(text) and not _LATIN.search(masked):
        return "zh"
    return "en"


def _dictated(match: re.Match[str]) -> str:
    word, mark = match.group(1), match.group(2)
    if word in _THING:
        return match.group(0)
    return f"{word or ''}{_MARKS[mark.split()[0]]}"


def _reporter(match: re.Match[str]) -> str:
    return " said " if match.group().isascii() else " 说 "


def _unquote_lines(text: str) -> str:
    """Without the lines quoted from an earlier message ("> Shall I add music?"), when the
    user wrote any of their own."""
    own = [line for line in text.splitlines() if not _QUOTED_LINE.match(line)]
    return "\n".join(own) if any(line.strip() for line in own) else text


def prepare(text: str) -> Prepared:
    """Normalise a turn, mask media references, quoted content, hashtags and handles, read
    dictated punctuation, and detect its language. Lines quoted from an earlier message are
    someone else's words and are left out."""
    # a ticked box is done, a report; each other item of a list or heading its own sentence
    listed = _LIST_ITEM.sub("\n. ", _TICKED.sub("\n. ", _unquote_lines(text)))
    norm = _DICTATED.sub(_dictated, normalize(listed))
    without_media, media = _mask_media(norm)
    masked = _TAGS.sub(f" {MASK} ", _QUOTES.sub(f" {MASK} ", without_media))
    masked = _SPACES.sub(" ", _REPORTED.sub(_reporter, masked)).strip()
    return Prepared(text=masked, media=media, language=detect_language(norm, masked))


def by_script(words: Iterable[str]) -> tuple[list[str], list[str]]:
    """Words split into Latin ones and those holding CJK characters."""
    words = list(words)
    cjk = [w for w in words if _CJK.search(w)]
    return [w for w in words if w not in cjk], cjk
