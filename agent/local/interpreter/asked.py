"""What a request asks for, clause by clause: the kinds of edit each clause names and the numbers
it states (`clauses`), read for the coverage guard (coverage.py).

The message is cut at clause marks outside quotes (commas, and/then/also/but, 然后/再/并/同埋,
；。). A clause is read for the kind of edit it names: a title ("text"), the music, the frame
shape ("aspect"), the camera ("motion", or "speed" that a shorter video may also carry out), one
photo's length ("photo_lengths"), the video's length, which photos and in which order, or a
remake. A clause naming no kind belongs to the clause before it ("at 50%"), one that only places
something in time (最后两秒, "from 1s to 4s") to the title or music clause beside it, and a
clause that keeps something ("keep the length as is", 标题不要动, "don't add music") asks for
nothing. Each number is read as a value ("to 6 s", "at 50%"), a change ("3 s shorter", "+10%")
or either; ordinals, frame ratios, factors ("2x", 两倍), quoted words and file names are not
numbers to find. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.local.interpreter.hanzi import spaced_latin, to_simplified
from agent.local.interpreter.phrasebook import Phrasebook, has_any
from agent.local.interpreter.quoting import DOUBLE_OR_SINGLE_QUOTED
from agent.local.interpreter.typos import fix_typos

__all__ = ["Clause", "Number", "clauses", "unquoted"]

_SPLIT = re.compile(
    r"[,;!?，。；！？、]|\.(?=\s|$)|\s[-—–]+\s|\b(?:and|then|also|plus|after that|but)\b"
    r"|然后|然後|并且|並且|并|並|同埋|另外|跟住|顺便|順便|再(?=把|将|將|加(?!长|長|多|快)|给|給|帮|幫|来|來|调|調|改|放)",
    re.IGNORECASE,
)
_RATIO = re.compile(r"\d+\s*(?::|比|by|x)\s*\d+")
_ORDINAL = re.compile(
    r"第\s*[0-9一二三四五六七八九十两]+\s*[张張个個幅]|\b\d+(?:st|nd|rd|th)\b"
    r"|\b(?:photo|pic|picture|image|slide|shot|position|spot|place)\s*#?\s*\d+\b"
    r"(?!\s*(?:s|secs?|seconds?|秒)\b)(?!\.\d)|#\d+"
)
_FACTOR = re.compile(r"\d+(?:\.\d+)?\s*(?:x|×|倍|times)(?![a-z])")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_PERCENT = re.compile(r"\d+(?:\.\d+)?\s*(?:%|％|percent|per cent)|百分之\d+(?:\.\d+)?")
_SHAPE = re.compile(r"(?<![\d.:])[1-9]\d?\s*[:：比]\s*(?:1\d|[1-9])(?![\d.:])")
"""A frame ratio (16:9, 4:3, 21:9), not a clock time (0:02, 1:30)."""
_TEXT = re.compile(
    r"\b(?:titles?|captions?|subtitles?|text|words|heading|headline)\b|标题|字幕|文字"
)
_PHOTO = re.compile(
    r"\b(?:first|second|third|last|1st|2nd|3rd|final|opening|middle|each|every)\b"
    r"[^,.;]{0,20}\b(?:photo|pic|picture|image|slide|shot|one)s?\b"
    r"|\b(?:harbou?r|lighthouse|beach|pier|sunset)\b|\b(?:photo|pic|picture|image|slide|shot)s?\b"
    r"|第\s*[0-9一二三四五六七八九十两]+\s*[张幅]|最后一张|头一张|每张|每一张|照片|图片|相片|张"
    r"|港口|海港|灯塔|沙滩|海滩|海边|码头|日落|夕阳"
)
_LENGTH = re.compile(
    r"\b(?:long|longer|length|duration|shorter|short|trim|extend|shorten|lengthen"
    r"|twice|double|half|halve|evenly|equally)\b|时长|长度|加长|延长|缩短|拉长|剪短|变长|变短|一半|加倍"
    r"|长一|短一|长啲|短啲|长些|短些|长点|短点|耐啲|久啲|耐d|长d|平均|均分|长多|短少|倍长|长返"
    r"|times longer|times as long"
)
_SECONDS = re.compile(
    r"\b(?:seconds|secs?)\b|\b(?:a|one|per|each|another|more|extra|additional) second\b|\bsecond \d"
    r"|\d\s*-?\s*(?:s|seconds?)\b|秒|\bcut (?:it |this )?(?:down|to)\b"
    r"|\b(?:take|cut|shave|knock|trim|chop) (?:one|two|three|four|a|an|\d+(?:\.\d+)?)"
    r" (?:off|from)\b"
)
_WHOLE = re.compile(
    r"\b(?:video|clip|whole thing|length|duration|make it \d)|视频|时长|长度|总长|整段|成条片|条片"
    r"|片长|整体|全片|影片|整个片"
)
_EACH = re.compile(
    r"\b(?:each|every|all|evenly|equally|per)\b|\ba (?:photo|pic|picture|image|slide|shot)\b"
    r"|每张|每一张|所有|全部|都|平均|均分|各"
)
_SPAN = re.compile(
    r"\b(?:first|last|opening|final|closing)\s+(?:\d+|two|three|four|five|few|couple of)?\s*"
    r"(?:s|secs?|seconds?)\b|(?:前|最后|头)\s*\S{0,2}\s*秒|\bsecond \d"
)
_NEG_ADD = re.compile(
    r"(?:don'?t|do not|never|not|不要|别|唔好|唔使|不用|无需)\s*(?:add|put|include|加|放|用)"
    r"|^\s*no\b|\bwithout\b"
)
_PROJECT = re.compile(r"\bproject\b|项目|专案|工程")
_SPEED = re.compile(r"\bspeed\w*|速度|太快|太慢|那么快|那么慢|咁快|咁慢|推(?!迟|后|到)")
_STATE = re.compile(
    r"\b(?:now|currently|only|its|it's|right now|too long|too short|from \d)\b"
    r"|现在|而家|其实|目前|现时|太长|太短|由\s*\d"
)
_FILE = re.compile(r"[a-z0-9_\-]+\.(?:jpe?g|png|heic|webp|gif|mp4|mov)(?![a-z0-9])")
_OTHERS = re.compile(r"\b(?:rest|others|other two|other ones|remaining)\b|其他|其余|其它|剩下")
_PLACING = re.compile(
    r"\b(?:add|insert|put|append|place|use|swap|replace|switch|move|remove|delete|drop|after|before"
    r"|between|instead|start|end)\b|加(?!多|长)|插|换|移|删|去掉|放在|放到|前面|后面|开头|结尾"
)
"""Words that add, move or replace a named file (its length is then a share, not a change)."""
_MORE_MOTION = re.compile(r"\b(?:glide|glides|drift|float|upwards|downwards)\b|推近|推进|拉远|拉近")
_MUTE = re.compile(r"\bmute\w*|静音")
_IT = re.compile(r"\b(?:it|that|this)\b|它|佢")
_RANGE = re.compile(
    r"\b(?:from|until|till|through|over|during|first|last|between|on screen|show|shows|appear)\b"
    r"|前|最后|头|从|由|到|至|第\s*\d+\s*秒|出现|显示|出|\d\s*(?:to|-|–|~)\s*\d|\bsecond \d"
)
_TO_END = re.compile(
    r"到(?:视频|片)?(?:结束|结尾|最后|完)|\b(?:to|until|till) the (?:very )?end\b"
    r"|\bfor the (?:whole|entire) (?:video|thing|clip)\b|由头到尾|从头到尾"
)
_KEEP = re.compile(
    r"\b(?:keep|leave|don'?t change|do not change|same|unchanged|as is|as it is|alone"
    r"|as they are|as they were|untouched)\b"
    r"|保持|不变|别改|不要改|唔好改|维持|照旧|唔变|别动|不要动(?!效|画|态)|唔好郁|唔好动|保留|原样"
    r"|唔使郁|唔驶郁|唔使改|唔驶改|不用动|不用改|无需改"
    r"|(?:其他|其余|其它|前面|后面|剩下)\S{0,6}(?:不动|唔郁|不变)"
)
_MOTION = re.compile(
    r"\b(?:motion|movement|camera|zoom\w*|pan\w*|ken\s*burns|static|still)\b|动效|运镜|镜头|推拉|平移|动画|郁|不动|静止|定格"
)
_NOUN_AFTER_DETERMINER = re.compile(
    r"\b(?:the|this|that|these|those|my|your|our|his|her|their)\s+(?:light|film|movie|bold"
    r"|big|quick|fast)\b(?!\s*(?:zoom|pan|motion|movement|camera|look|feel|effect|style))"
)
"""A manner word used as a thing ("the light", "my film"): it names no camera motion."""
_ORDER_ONLY = re.compile(r"\b(?:order|reverse|swap)\b|顺序|次序|倒过来|倒转|调转|对调|调换|交换")
_ABSOLUTE = re.compile(r"(?:\bto|\bat|到|成|为|至|=|设|调)\s*(?:第\s*)?$")
_RELATIVE_BEFORE = re.compile(
    r"(?:minus|plus|\bby|\bless|\bmore|extra|another|add|tack on|加|减|多|少|缩短|延长|加长"
    r"|降低|提高|调高|调低|降|升|(?:^|\s)[-+])\s*(?:了|个|個)?\s*$"
)
_RELATIVE_AFTER = re.compile(
    r"^\s*(?:s|secs?|seconds?|%|percent|points?|秒|个百分点)?\s*"
    r"(?:more|less|shorter|longer|louder|quieter|extra)\b"
)


@dataclass(frozen=True, slots=True)
class Number:
    """A number a clause states: a value the draft should now hold, or a change by it."""

    value: float
    percent: bool
    change: bool | None
    """True: "3 s shorter", "+10%"; False: "to 6 s", "at 50%"; None: either."""


@dataclass(frozen=True, slots=True)
class Clause:
    """One clause of the request: its words, the kinds of change it asks for, its numbers."""

    text: str
    wants: frozenset[str]
    numbers: tuple[Number, ...]
    keeps: bool = False
    state: bool = False
    """The clause also tells the draft as it is ("it's only 5 seconds, make it 8")."""


def _kinds(folded: str, book: Phrasebook, numbered: bool) -> set[str]:
    """The kinds of edit a clause names."""
    if _PROJECT.search(folded):
        return set()  # "rename the project to 'Trip'": the project's name, not a title
    kw = book.keywords
    remake = has_any(folded, kw.generate) or has_any(folded, kw.regenerate)
    speed = bool(_SPEED.search(folded)) or any(
        has_any(folded, w) for w in (kw.slower, kw.faster, kw.subtler, kw.stronger)
    )
    kinds = _look_kinds(folded, book, speed)
    if remake:
        kinds.add("remake")
    if kinds & {"text", "music"}:
        return kinds
    return kinds | _video_kinds(folded, book, numbered, kinds, remake=remake)


def _look_kinds(folded: str, book: Phrasebook, speed: bool) -> set[str]:
    """Title, music, frame shape and camera named by a clause."""
    kw, kinds = book.keywords, set()
    text = any(
        (_TEXT.search(folded), DOUBLE_OR_SINGLE_QUOTED.search(folded), has_any(folded, kw.title))
    ) or has_any(folded, kw.caption)
    music = (
        has_any(folded, kw.music)
        or (has_any(folded, kw.volume) and not speed)
        or (bool(_PERCENT.search(folded)) and not _LENGTH.search(folded) and not speed)
        or bool(_MUTE.search(folded))
    )
    if text:
        kinds.add("text")
    elif music:
        kinds.add("music")
    if any(has_any(folded, w) for w in kw.aspect.values()) or _SHAPE.search(folded):
        kinds.add("aspect")
    places = {w for words in kw.position.values() for w in words}  # 往上移: a title's place
    moves = [w for words in kw.motion.values() for w in words if w not in places]
    manner = _NOUN_AFTER_DETERMINER.sub(" ", folded)  # "turn off the light": a thing, not a look
    looks = (kw.slow, kw.fast, kw.strong, kw.gentle, kw.cinematic)
    camera = _MOTION.search(folded) or _MORE_MOTION.search(folded) or has_any(folded, moves)
    if camera or any(has_any(manner, w) for w in looks):
        kinds.add("motion")
    elif speed and not (text or music):
        kinds.add("speed")  # "speed up the slideshow": the camera, or a shorter video
    return kinds


def _video_kinds(
    folded: str, book: Phrasebook, numbered: bool, looks: set[str], *, remake: bool
) -> set[str]:
    """Photos, one photo's length or the video's length named by a clause."""
    kw = book.keywords
    length = bool(_LENGTH.search(folded))
    if looks & {"motion", "speed"} and not (_SECONDS.search(folded) or _WHOLE.search(folded)):
        length = False  # "double the speed of the zoom": a factor of the camera
    length = length or bool(_SECONDS.search(folded))
    photo = bool(_PHOTO.search(folded) or _OTHERS.search(folded)) and not (
        has_any(folded, kw.contain) or has_any(folded, kw.cover) or remake
    )
    if _FILE.search(folded) and not remake:
        if (length or numbered) and not _PLACING.search(folded):
            return {"photo_lengths"}  # "give lighthouse.jpg 5 seconds": its own length
        return {"photos"}  # "add pier.jpg at the end for 4 seconds": its share is checked
    if photo and has_any(folded, kw.remove) and not looks:
        return {"photos"}
    if photo and (length or numbered) and (_OTHERS.search(folded) or not _EACH.search(folded)):
        return {"photo_lengths"}
    if length:
        return {"length"}
    if not looks and (photo or _ORDER_ONLY.search(folded)):
        return {"photos"}
    return set()


def _numbers(folded: str) -> tuple[Number, ...]:
    """The numbers a clause states, leaving out quoted words, frame ratios, ordinals, factors
    ("2x", 两倍: checked by their kind) and file names."""
    rest = DOUBLE_OR_SINGLE_QUOTED.sub(" ", folded)
    rest = re.sub(r"\S+\.(?:jpe?g|png|mp4|mov|heic)\b", " ", rest)
    for pattern in (_RATIO, _ORDINAL, _FACTOR):
        rest = pattern.sub(lambda m: " " * len(m.group(0)), rest)
    out = []
    for match in _NUMBER.finditer(rest):
        before, after = rest[: match.start()], rest[match.end() :]
        percent = bool(re.match(r"\s*(?:%|％|percent|per cent|points?|个百分点)", after)) or (
            before.endswith("百分之")
        )
        change: bool | None = None
        if _ABSOLUTE.search(before[-6:]):
            change = False
        elif _RELATIVE_BEFORE.search(before[-12:]) or _RELATIVE_AFTER.match(after):
            change = True
        out.append(Number(float(match.group(0)), percent, change))
    return tuple(out)


_BARE = re.compile(
    r"[\s\d.零一二三四五六七八九十两半]*(?:s|secs?|seconds?|秒|%|％)?[\s啦吧呀啊喇]*"
)


_HALF_SPAN = re.compile(
    r"\b(?:first|second|last|latter)\s+half\b|前半|后半|前一半|后一半|上半段|下半段"
)
_CUT = re.compile(
    r"\b(?:cut|trim|shorten|chop|keep\s+only|make\s+it|make\s+the\s+video)\b|剪|缩|砍|删|裁"
)


def _time_only(clause: Clause, folded: str) -> bool:
    """A clause that only places something in time ("from 1s to 4s", 最后两秒出现, "only for the
    first half of the clip")."""
    if clause.wants != {"length"} or (_CUT.search(folded) and _EACH.search(folded)):
        return False  # "cut a second from each photo" is the photos' length
    if _TO_END.search(folded) or _BARE.fullmatch(folded):
        return True
    if _HALF_SPAN.search(folded) and not _CUT.search(folded):
        return True
    if _SPAN.search(folded) and not _LENGTH.search(folded):
        return True
    return bool(_RANGE.search(folded)) and not _WHOLE.search(folded) and not _LENGTH.search(folded)


def clauses(message: str, book: Phrasebook) -> list[Clause]:
    """The request's clauses as asked: a clause naming no kind belongs to the clause before it,
    and one that only places something in time (最后两秒, "from 1s to 4s") to the title or music
    clause beside it."""
    out: list[Clause] = []
    pending: list[Clause] = []
    for part in _parts(message):
        folded = fix_typos(spaced_latin(to_simplified(part).casefold()), book)
        numbers = _numbers(folded)
        wants = frozenset(_kinds(folded, book, bool(numbers)))
        if "music" not in wants:
            numbers = tuple(n for n in numbers if not n.percent)  # "50% longer": a factor
        clause = Clause(part, wants, numbers, state=bool(_STATE.search(folded)))
        if _KEEP.search(folded) or _NEG_ADD.search(folded):
            out.append(Clause(part, wants, (), keeps=True))
            continue
        timed = _time_only(clause, folded)
        if timed and not pending and out and out[-1].keeps and "text" in out[-1].wants:
            # "keep the title where it is but only show it for the last two seconds"
            out.append(Clause(part, frozenset({"text"}), clause.numbers, state=clause.state))
            continue
        owner = out[-1] if out and not out[-1].keeps else None
        told = owner is not None and owner.wants & {"text", "music"}
        bare_it = wants <= {"length"} and _IT.search(folded) and not clause.numbers
        if owner is not None and _its_length(
            owner, clause, folded
        ):  # "the first photo — give it 2 s"
            out[-1] = Clause(
                f"{owner.text}, {clause.text}", frozenset({"photo_lengths"}), clause.numbers
            )
            continue
        if owner is not None and (
            not wants
            or (timed and owner.wants & {"text", "music", "photo_lengths"})
            or (told and wants == {"length"} and not _WHOLE.search(folded))
            or (bare_it and "music" in owner.wants)
        ):
            out[-1] = _joined(owner, clause)
        elif owner is None and timed and not out:
            pending.append(clause)  # "最后两秒再加一个标题": the time of what follows
        else:
            if pending and wants & {"text", "music"}:
                for early in reversed(pending):
                    clause = _joined(early, clause, keep_wants=False)
            else:
                out.extend(pending)
            pending = []
            out.append(clause)
    out.extend(pending)
    return out


def _its_length(owner: Clause, clause: Clause, folded: str) -> bool:
    """A clause that only names photos, then one giving "it" a length: that photo's length."""
    return (
        owner.wants == {"photos"}
        and not _PLACING.search(to_simplified(owner.text).casefold())  # "insert pier.jpg, …"
        and not owner.numbers
        and clause.wants == {"length"}
        and bool(clause.numbers)
        and bool(_IT.search(folded))
    )


def _joined(first: Clause, second: Clause, keep_wants: bool = True) -> Clause:
    wants = first.wants if keep_wants else second.wants
    text, numbers = f"{first.text}, {second.text}", first.numbers + second.numbers
    return Clause(text, wants, numbers, state=first.state or second.state)


def _parts(message: str) -> list[str]:
    """The message cut at clause marks outside quotes."""
    quoted = [m.span() for m in DOUBLE_OR_SINGLE_QUOTED.finditer(message)]
    cuts = [m for m in _SPLIT.finditer(message) if not any(a < m.start() < b for a, b in quoted)]
    parts, at = [], 0
    for cut in cuts:
        parts.append(message[at : cut.start()])
        at = cut.end()
    parts.append(message[at:])
    return [p.strip() for p in parts if p.strip()]


def unquoted(text: str) -> str:
    """`text` without its quoted words (a title's wording names no place or time)."""
    return DOUBLE_OR_SINGLE_QUOTED.sub(" ", text)
