"""The translator's second stage: classify each clause of a sentence by what it is for.

Asked only about a sentence the rule tables left untouched. A clause is a report, a question,
a GUI instruction (a gesture where an imperative stands) or plain content; an instruction's
TARGET decides its action (export, credits, state, upload) whatever the gesture or the path
syntax. Vocabulary: `agent/tables/gui_intent.toml`. Pure; the sentence's rewrite is assembled by
`agent.translate.fallback`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict

from agent.errors import ConfigError
from agent.translate.compiled import Regexes
from agent.translate.patterns import MASK_CLASS
from agent.translate.prose import Masked

__all__ = [
    "INTENT_FILE",
    "ClauseIntent",
    "IntentTables",
    "asks_answer",
    "classify",
    "negates",
    "offered",
    "parse_intent_tables",
]

INTENT_FILE = "gui_intent.toml"
Role = Literal["instruction", "step", "edit", "content"]
# "pick a track from the library", "从素材库选": a place things are taken from is no view to show
_SOURCE = re.compile(r"(?:\bfrom\s+(?:the\s+|your\s+)?|从\s*)$", re.IGNORECASE)
# an item of a container (a project's card in My Work), what a step after it acts on
_ITEM = re.compile(r"\b(?:card|thumbnail|tile|entry)s?\b|卡片|缩略图|縮略圖|封面|条目|條目", re.I)
_PRONOUN = re.compile(r"\b(?:it|them|this|that)\b|它|佢", re.IGNORECASE)
_QUOTES = "\"“‘「『《'"
# a file named as a noun: the object of an upload before it, not an export of its own
_FILE_NOUN = re.compile(r"影片档|视频文件|影片文件|video\s+file", re.IGNORECASE)
_TARGETS = ("export", "credits", "upload", "state")
_PATH = re.compile(r"\s*(?:>|→|›|»|->)\s*")
_MASK = re.compile(MASK_CLASS)
_ZH_BUTTON = re.compile(r"\s*(?:按钮|按键|掣|键|图标|选项|菜单|页面|页|标签)")
# a quoted span named as the place of a step: 在“我的钱包”里查看, "check it under 'My Wallet'"
_PLACED = re.compile(
    r"(?:\b(?:in|under|on|from|via|inside)(?:\s+the)?|在|从|到|去|进入)\s*$", re.IGNORECASE
)
_EN_BUTTON = re.compile(r"\s*(?:button|icon|tab|option|menu|link|page)\b", re.IGNORECASE)


class _LangModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    fold: str
    leadin: list[str]
    coordinator: list[str]
    gesture: list[str]
    report: list[str]
    subordinate: list[str]
    purpose: list[str]
    not_after: list[str]
    ui: list[str]
    edit: list[str]
    answer: list[str]
    negation: list[str]
    offer: list[str]
    targets: dict[str, list[str]]
    looking: list[str] = []
    looking_not_after: list[str] = []
    negation_gap: list[str] = []


@dataclass(frozen=True, slots=True)
class _Lang:
    imperative: re.Pattern[str]
    gesture: re.Pattern[str]
    gesture_end: re.Pattern[str]
    report: re.Pattern[str]
    subordinate: re.Pattern[str]
    purpose: re.Pattern[str]
    targets: tuple[tuple[str, re.Pattern[str]], ...]
    container: re.Pattern[str]
    noise: re.Pattern[str]
    latin: bool
    fold: Mapping[int, str]
    edit: re.Pattern[str]
    attributive: re.Pattern[str] | None
    negation: re.Pattern[str]
    """Words that end right before a step they negate ("Don't [click Export]", "先别[导出]")."""
    answer: re.Pattern[str]
    """A sentence that asks the user to answer in chat ("Reply 'continue'", 请回复“继续”)."""
    offer: re.Pattern[str]
    """Words that end right before a step the agent offers ("I can go ahead and [export]")."""
    latin_targets: tuple[tuple[str, re.Pattern[str]], ...] = ()
    """English target names a Chinese sentence may use as they are (点击 Share, ⚙️ > Billing)."""


@dataclass(frozen=True, slots=True)
class IntentTables:
    """The compiled classifier vocabulary of both languages."""

    en: _Lang
    zh: _Lang


@dataclass(frozen=True, slots=True)
class ClauseIntent:
    """What one clause is: `instruction` (with its actions), a `step` on the way to one (a
    gesture with no target), or `content`; `labels` are the masked button names it consumes."""

    role: Role
    actions: tuple[str, ...]
    labels: tuple[str, ...]


# a place named beside a button ("under the preview", "next to the timeline"), no target of its own
_WHERE = re.compile(
    r"\b(?:under|below|beneath|underneath|above|beside|next\s+to|near|right\s+of|left\s+of)"
    r"\s+(?:the\s+|your\s+)?$",
    re.IGNORECASE,
)


_POINTER = r"[\s\u2022\u25b6\u25ba\u27a1\u2192\U0001f446-\U0001f449]"


def _compile(model: _LangModel, latin: bool, rx: Regexes) -> _Lang:
    def alt(words: list[str]) -> str:
        return rx.alternation(words, latin)

    for name in model.targets:
        if name not in (*_TARGETS, "container"):
            raise ConfigError(f"{INTENT_FILE}: unknown target {name!r}")
    lead = rf"(?:{alt(model.leadin)}[\s,:：]*|\d+[.)]\s*)*"
    if latin:
        # an arrow or a pointing hand only points at the step ("👉 Check **My Work**")
        start = rf"(?:^{_POINTER}*|\b{alt(model.coordinator)}\s)"
        after = rf"(?!\s*(?:[:：!]|$)|\s+{alt(model.not_after)})"
        report = rf"^\s*(?:{alt(model.report)})(?:\s|$)"
    else:  # a gesture opens the clause, follows a lead word, or follows a place (在时间线上预览)
        place = (
            r"(?:在|从|到)[^，。；、]{1,15}?(?:里|上|中|内|下|面|页)?"
            r"|^[^，。；、]{1,10}?(?:里面|入面|里|中|内)"  # a place as the topic: 媒体库入面按…
        )
        start = rf"(?:^|{alt(model.coordinator)}|{place})"
        after = rf"(?!\s*(?:[0-9A-Za-z]+\s*)?(?:{alt(model.not_after)}))"  # 导出 4K 需要…
        report = rf"(?:{alt(model.report)})"
    gesture = rf"(?:{alt(model.gesture)}){after}"
    if model.looking:  # 查看进度: a look at a noun, where 导出进度 names the export's progress
        look = rf"(?!\s*(?:{alt(model.looking_not_after)}))" if model.looking_not_after else ""
        gesture = rf"(?:{alt(model.looking)}){look}|{gesture}"
    # a Chinese object put before its verb (麻烦你将段录音上载上来, 把视频导出): the
    # gesture still opens the step
    ba = "" if latin else r"(?:(?:你|您)?(?:将|把)[^，。；、\s]{1,12}?)?"
    imperative = rf"{start}\s*{lead}{ba}(?P<g>{gesture})"
    # what may stand between a negation and its step: lead-in words, a time ("right now", 现在,
    # 在渲染完成前) or haste (急着): "千万不要现在点导出", "You shouldn't even click Export"
    gap = alt(model.leadin)
    if model.negation_gap:
        gap += "|" + alt(model.negation_gap)
    if not latin:
        gap += r"|在[^，。；！？]{1,12}?(?:之前|以前|前|之后|以后|后)"
    targets = tuple(
        (name, rx.compile(alt(words), re.IGNORECASE))
        for name, words in model.targets.items()
        if name != "container"
    )
    flags = re.IGNORECASE
    return _Lang(
        imperative=rx.compile(imperative, flags),
        gesture=rx.compile(alt(model.gesture), flags),
        gesture_end=rx.compile(rf"{alt(model.gesture)}(?:\s+(?:on|the|a))*\s*$", flags),
        report=rx.compile(report, flags),
        subordinate=rx.compile(alt(model.subordinate), flags),
        purpose=rx.compile(alt(model.purpose), flags),
        targets=targets,
        container=rx.compile(alt(model.targets.get("container", [])), flags),
        noise=rx.compile(
            "|".join(
                [alt(model.gesture), alt(model.ui), alt(model.leadin), MASK_CLASS]
                + [alt(words) for words in model.targets.values()]
            ),
            flags,
        ),
        latin=latin,
        fold={ord(pair[0]): pair[1] for pair in model.fold.split() if len(pair) == 2},
        edit=rx.compile(alt(model.edit), flags),
        # 你上传的照片, 导出过的视频: a verb that describes a noun or a past act names no target
        # 素材的, 导出好; 素材缩图: a thumbnail of an item is what is pressed, not the view shown
        attributive=None if latin else rx.compile("[的了过完好咗]|缩略图|略缩图|缩图|缩图|小图", 0),
        negation=rx.compile(rf"(?:{alt(model.negation)})[\s,]*(?:(?:{gap})\s*)*$", flags),
        answer=rx.compile(
            rf"(?:{start}|[,;:—]\s*)\s*{lead}(?:{alt(model.answer)})\b"
            if latin
            else alt(model.answer),
            flags,
        ),
        offer=rx.compile(rf"(?:{alt(model.offer)})[\s,]*(?:(?:{alt(model.leadin)})\s*)*$", flags),
    )


def parse_intent_tables(text: str, regexes: Regexes | None = None) -> IntentTables:
    """Validate and compile the classifier vocabulary (`regexes`: see `parse_gui_tables`).

    Raises:
        ConfigError: The document is not valid TOML or breaks the schema.
    """
    rx = regexes if regexes is not None else Regexes()
    en, zh = rx.languages(INTENT_FILE, text, _LangModel)
    english = _compile(en, True, rx)
    # English names inside Chinese text have CJK beside them, which \b does not part from a
    # word ("click右上角的Export就download到"): they stand apart from Latin letters only
    latin = tuple(
        (
            name,
            rx.compile(rf"(?<![A-Za-z0-9_-]){rx.alternation(words, False)}(?![A-Za-z0-9_-])", re.I),
        )
        for name, words in en.targets.items()
        if name != "container"
    )
    chinese = dataclasses.replace(_compile(zh, False, rx), latin_targets=latin)
    return IntentTables(english, chinese)


def _labels(clause: str, lang: _Lang, m: Masked, zh: bool) -> list[tuple[int, str]]:
    """The quoted spans a gesture or a path consumes as button names, with their offsets:
    `点击「分享」`, `Wallet > "Top Up"`, `"Save" button`. A quoted span is a button name only when
    it names a target or a button word follows it; a title ("Grandma's 80th") never is."""
    found = []
    button = _ZH_BUTTON if zh else _EN_BUTTON
    for mark in _MASK.finditer(clause):
        original = m.original(mark.group(0))
        if original[:1] not in _QUOTES:
            continue
        before = clause[: mark.start()].rstrip()
        near = lang.gesture_end.search(before) is not None
        pathed = before.endswith((">", "→", "›", "»")) or _PATH.match(clause, mark.end())
        inner = original[1:-1].strip()
        pathed = pathed or _PATH.search(inner)  # “钱包 > 账单明细”: a quoted menu path
        named = bool(_targets(inner, lang))
        whole = _whole_target(inner, lang)  # 「我的作品」, "Billing": a GUI place's own name
        placed = _PLACED.search(before) is not None  # 在“我的钱包”里, under "My Wallet"
        if whole or ((near or pathed or placed) and (named or button.match(clause, mark.end()))):
            found.append((mark.start(), original[1:-1]))
    return found


def _whole_target(text: str, lang: _Lang) -> bool:
    """Whether `text` is nothing but one target's name ("My Work", "我的作品")."""
    folded = text.translate(lang.fold)
    return any(pattern.fullmatch(folded) for _, pattern in lang.targets)


def _targets(text: str, lang: _Lang, offset: int = 0) -> list[tuple[int, str]]:
    """The targets named in `text`, leftmost-longest: "保存到相册" is one export, not an export
    and a gallery."""
    hits = []
    for name, pattern in (*lang.targets, *lang.latin_targets):
        hits += [
            (t.start(), -t.end(), name)
            for t in pattern.finditer(text)
            if _stands(t)
            and not (lang.attributive and lang.attributive.match(text, t.end()))
            and not (name == "state" and _SOURCE.search(text, 0, t.start()))
        ]
    chosen: list[tuple[int, str]] = []
    end = -1
    for start, negative_end, name in sorted(hits):
        if start >= end:
            end = -negative_end
            if (
                name == "export"
                and chosen
                and chosen[-1][1] == "upload"
                and _FILE_NOUN.fullmatch(text, start, end)
            ):
                continue  # 上传原始影片档: the file the upload asks for, not an export
            chosen.append((offset + start, name))
    return chosen


def _stands(hit: re.Match[str]) -> bool:
    """A symbol target ("+") stands alone, never inside a key chord ("Ctrl+Z")."""
    if hit.group(0).isalnum() or any(ch.isalnum() for ch in hit.group(0)):
        return True
    text, start, end = hit.string, hit.start(), hit.end()
    return not (
        (start > 0 and text[start - 1].isascii() and text[start - 1].isalnum())
        or (end < len(text) and text[end].isascii() and text[end].isalnum())
    )


def _choose(
    found: list[tuple[int, str]], purpose_at: int, clause: str, lang: _Lang, plain: str
) -> tuple[str, ...]:
    """The actions of one instruction clause, in order. A path names its last step; a container
    ("My Work") gives way to a stronger target in the purpose ("…to download it")."""
    if not found:
        return ()
    if _PATH.search(clause):
        return (found[-1][1],)
    head = [name for at, name in found if at < purpose_at]
    tail = [name for at, name in found if at >= purpose_at]
    strong = [name for name in tail if name != "state"]
    if not head or (strong and set(head) == {"state"} and lang.container.search(plain)):
        head = strong or tail
    if "state" in head and set(head) != {"state"} and lang.container.search(plain):
        head = [name for name in head if name != "state"]  # the library is the way there
    return tuple(dict.fromkeys(head))


def asks_answer(sentence: str, tables: IntentTables, zh: bool) -> bool:
    """Whether an (unmasked) sentence asks the user to answer here in chat: "Reply 'continue'",
    "Just type your answer below", 请在聊天框回复 A 或 B."""
    lang = tables.zh if zh else tables.en
    return lang.answer.search(sentence.translate(lang.fold) if zh else sentence) is not None


def negates(before: str, tables: IntentTables, zh: bool) -> bool:
    """Whether the words `before` a step negate or defer it ("Don't", "先别")."""
    lang = tables.zh if zh else tables.en
    return lang.negation.search(before.translate(lang.fold) if zh else before) is not None


def offered(before: str, tables: IntentTables, zh: bool) -> bool:
    """Whether the words `before` a step make it the agent's offer ("I can go ahead and")."""
    lang = tables.zh if zh else tables.en
    return lang.offer.search(before.translate(lang.fold) if zh else before) is not None


def classify(clause: str, tables: IntentTables, m: Masked, zh: bool) -> ClauseIntent:
    """What one masked clause is (see `ClauseIntent`)."""
    lang = tables.zh if zh else tables.en
    clause = clause.translate(lang.fold)
    imperative = lang.imperative.search(clause)
    if imperative is None:
        return _path(clause, lang)
    start = imperative.start("g")
    if lang.report.search(clause[:start] if zh else clause) and (
        not zh or re.search(r"我|已", clause[:start])
    ):
        return ClauseIntent("content", (), ())
    cut = lang.subordinate.search(clause, imperative.end())
    body = clause[: cut.start()] if cut else clause
    labels = _labels(body, lang, m, zh)
    found = _targets(body if zh else body[start:], lang, 0 if zh else start)
    for at, inner in labels:
        named = [(at, name) for _, name in _targets(inner.translate(lang.fold), lang)]
        found += named[-1:] if _PATH.search(inner) else named[:1]  # a path: its last step
    found.sort()
    if len({name for _, name in found}) > 1:
        # "tap the down-arrow icon under the preview": a view named as where the button is
        found = [(at, n) for at, n in found if not (n == "state" and _WHERE.search(body, 0, at))]
    purpose = lang.purpose.search(body, imperative.end())
    purpose_at = purpose.start() if purpose else len(body)
    actions = _choose(found, purpose_at, body, lang, m.restore(body))
    if actions == ("state",) and lang.edit.search(body):
        return ClauseIntent("edit", (), ())  # an edit made in the timeline shows nothing
    masks = tuple(ch for at, _ in labels for ch in clause[at])
    return ClauseIntent("instruction" if actions else "step", actions, masks)


def _path(clause: str, lang: _Lang) -> ClauseIntent:
    """A menu path is a GUI instruction wherever it stands ("Account → Billing → Usage shows
    …"), when one of its steps names a target: the last such step decides."""
    steps = _PATH.split(clause)
    if len(steps) < 2:
        return ClauseIntent("content", (), ())
    for step in reversed(steps):
        found = _targets(step, lang)
        if found:
            return ClauseIntent("instruction", (found[-1][1],), ())
    return ClauseIntent("content", (), ())


def decide(
    clauses: list[str], tables: IntentTables, m: Masked, zh: bool
) -> list[ClauseIntent] | None:
    """Each clause's intent, or None when the sentence holds no instruction to act on."""
    intents = [classify(c, tables, m, zh) for c in clauses]
    lang = tables.zh if zh else tables.en
    named: tuple[str, ...] = ()
    for i, (clause, intent) in enumerate(zip(clauses, intents, strict=True)):
        if intent.role == "step" and named and _PRONOUN.search(clause):
            intents[i] = ClauseIntent("instruction", named, intent.labels)  # "…library — open it"
        found = _targets(clause.translate(lang.fold), lang)
        named = intents[i].actions or ((found[-1][1],) if found else named)
    for i in range(len(intents) - 1):
        # "在作品卡片度长按，拣「储存到相簿」": a card in My Work is the way to the step after it
        this, after = intents[i], intents[i + 1]
        if (
            this.actions == ("state",)
            and after.role == "instruction"
            and "state" not in after.actions
            and lang.container.search(clauses[i].translate(lang.fold))
            and _ITEM.search(clauses[i])
        ):
            intents[i] = ClauseIntent("step", (), this.labels)
    if not any(i.role == "instruction" for i in intents):
        return None
    return intents


def edits(clauses: list[str], tables: IntentTables, zh: bool) -> bool:
    """Whether a clause asks for an edit by hand ("长按时间线上的照片，向上拖动即可删除", "drag the
    clip in the timeline"): its first verb is an edit ("open the colour panel to adjust the
    warmth" opens a panel)."""
    lang = tables.zh if zh else tables.en
    for clause in clauses:
        clause = clause.translate(lang.fold)
        if lang.report.search(clause):
            continue  # "片头标题已删除": done, not asked
        edit, gesture = lang.edit.search(clause), lang.gesture.search(clause)
        if edit and (gesture is None or edit.start() <= gesture.start()):
            return True
    return False


def leftover(text: str, tables: IntentTables, zh: bool, filler: frozenset[str]) -> int:
    """How much of an instruction run is not GUI talk (gestures, targets, GUI nouns, `filler`):
    English words, or Chinese characters over two."""
    lang = tables.zh if zh else tables.en
    rest = lang.noise.sub(" ", text)
    if not zh:
        words = re.findall(r"[A-Za-z][\w'’-]*", rest)
        return sum(w.casefold().replace("’", "'") not in filler for w in words)
    for word in sorted(filler, key=len, reverse=True):
        rest = rest.replace(word, " ")
    return sum(1 for ch in rest if "\u3400" <= ch <= "\u9fff")


def targets_of(text: str, tables: IntentTables, zh: bool) -> Mapping[str, int]:
    """How often each target occurs in `text` (a cheap cue for the LLM stage)."""
    lang = tables.zh if zh else tables.en
    counts: dict[str, int] = {}
    for _, name in _targets(text, lang):
        counts[name] = counts.get(name, 0) + 1
    return counts
