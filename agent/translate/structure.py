"""Where a GUI step stands in its sentence: the clause structure that makes it no step to run.

The rules (`agent.translate.reading`) find a step by its words ("export", "click Export"); the
structure around those words can still say it is not this client's to run now:

- located in ANOTHER PROGRAM ("If you edit in Premiere, use File > Export > Media there", 在剪映
  里点导出): the user's work there (`foreign`); an upload located on a publishing SITE ("in
  YouTube Studio, click Upload videos") is the user's there (`on_site`);
- DEFERRED to later or hung on someone else ("come back and export", "when they do, export the
  4K version", 等客户确认后再导出): said, not run now (`deferred`);
- an OFFER ("Want to see the timeline, or export straight away?", "I can also add captions —
  just say the word"): the user answers in chat (`asks_offer`, `offers`);
- a MENTION of a GUI element's state ("The Export button is disabled until …") or of where it
  is ("The Export button sits in the top-right corner", 导出按钮位于右上角): its name is the
  subject of a report, no step (`mention`).

It also reads the report that gives a step its meaning: a FAILURE before a step done `again`
is a retry (`failed`, `retried`, `reloads`). Vocabulary: `agent/tables/gui_structure.toml`, EN
and Simplified (Traditional and Cantonese arrive folded). Pure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from agent.translate.compiled import Regexes

__all__ = ["STRUCTURE_FILE", "Structure", "StructureTables", "parse_structure_tables"]

STRUCTURE_FILE = "gui_structure.toml"
_CJK = re.compile(r"[\u3400-\u9fff]")
# a Chinese time phrase between a GUI element and its state ("在渲染完成前", "100% 之后")
# a program named as a place: "in/from/inside/using Premiere", "Premiere's menu", 在/用剪映, 剪映里
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|inside|within|using|use|from|via|into|on|open|opening|prefer|with|switch\s+to)"
    r"\s+(?:the\s+|your\s+)?(?:\w+['’]s\s+)?"
    r"(?:app\s+|program\s+)?|(?:在|用|去|到|打开|从|喺)\s*)$",
    re.IGNORECASE,
)
# … or as the topic of the sentence's steps: "Lightroom tip:", "Premiere users —", 剪映小技巧：
_PLACE_AFTER = re.compile(
    r"^(?:['’]s\b|\s*[:：>→›]|\s*(?:里|中|上|内|那边|那里|入面|度)"
    r"|\s+(?:pro\s+)?(?:tips?|tricks?|hints?|notes?|users?|folks)\s*(?:[:：—–]|-\s)"
    r"|\s*(?:小?技巧|小?提示|小?贴士|用户|用家)\s*[:：—])",
    re.IGNORECASE,
)
# "after you've exported it here": the `here` of a step done here, not of an upload to this chat
_MADE_HERE = re.compile(
    r"\b(?:export|render|download|make|made|creat|finish|generat)\w*\s+(?:it|them|this|that"
    r"|the\s+\w+)\s+(?:from\s+|in\s+)?here\b",
    re.IGNORECASE,
)
# a first clause that sets the scene for the steps after it: a place, a condition, an opening
_SCENE = re.compile(
    r"\W*(?:(?:so|and|then|now|next)\W+)?(?:in|inside|within|over\s+in|using|with|from|if|when"
    r"|once|after|open|opening|on|for)\b"
    # a purpose that names the place ("To export from Premiere, go to File > Export")
    r"|\W*to\s+(?:[\w-]+\s+){1,3}?(?:from|in|inside|within|using|with|via)\s"
    r"|\W*(?:在|用|使用|如果|要是|假如|若|喺|打开|打開|开|開)",
    re.IGNORECASE,
)
# where a file is sent, not where a step is done ("send it to WhatsApp", 发到微信)
_DESTINATION = re.compile(r"(?:\b(?:to|into|onto)\s+(?:the\s+|your\s+)?|到\s*)$", re.IGNORECASE)
# a place that introduces the steps after it ("… from Google Photos: open the video, tap Share")
_INTRODUCES = re.compile(r"\s*(?:app\s*)?[:：]\s*\S")
_CLAUSE_BREAK = re.compile(r"[,;，；。—–]|\b(?:and|then|but)\b|然后|再|之后", re.IGNORECASE)
# a turn away from the scene a place sets: a new sentence part, or a contrast
_TURN = re.compile(r"[;；—–]|\bbut\b|但是?|不过", re.IGNORECASE)
_ZH_WHILE = r"(?:在?[^，。；,;]{0,12}?(?:之?前|之?后|以前|以后)\s*)?"


class _LangModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    programs: list[str]
    services: list[str]
    sites: list[str]
    here: list[str]
    defer: list[str]
    when: list[str]
    third_party: list[str]
    persons: list[str]
    person_acts: list[str]
    ask_offer: list[str]
    offer: list[str]
    copula: list[str]
    adverb: list[str]
    ui_state: list[str]
    locative: list[str]
    place: list[str]
    failure: list[str]
    reload: list[str]
    again: list[str]
    pointing: list[str]
    wait: list[str] = []
    then: list[str] = []


@dataclass(frozen=True, slots=True)
class Structure:
    """The compiled structure patterns of one language (see the module doc)."""

    program: re.Pattern[str]
    service: re.Pattern[str]
    site: re.Pattern[str]
    here: re.Pattern[str]
    deferral: re.Pattern[str]
    ask_offer: re.Pattern[str]
    offer: re.Pattern[str]
    state_after: re.Pattern[str]
    failure: re.Pattern[str]
    reload: re.Pattern[str]
    again: re.Pattern[str]
    pointing: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class StructureTables:
    """Both languages' structure patterns; a sentence is read by its script's, and a Chinese
    sentence also by the English program names (在 Premiere 里导出)."""

    en: Structure
    zh: Structure

    def of(self, text: str) -> Structure:
        """The patterns for `text`'s language."""
        return self.zh if _CJK.search(text) else self.en

    def foreign(self, sentence: str, at: int) -> bool:
        """Whether the step at offset `at` of `sentence` is located in another program: a
        program named as a place in the same clause as the step ("use File > Export in
        Premiere", 在剪映里点导出), or before it in a clause that sets the scene for the steps
        after it ("In Resolve, go to Deliver", "If you're editing in Premiere, use …", "open it
        in Lightroom and go to File > Export", 用剪映打开后，…) with no way back here between. A
        program named on the way ("add the captions you made in CapCut, then click Export") is
        no place of the step; a publishing site named as a place ("In the TikTok app, tap Save
        video") is one."""
        for lang in {self.en, self.of(sentence)}:
            programs = (p for p in lang.program.finditer(sentence) if _placed(sentence, p))
            sites = (s for s in lang.site.finditer(sentence) if _before(sentence, s))
            if any(self._at(sentence, at, n, lang) for n in (*programs, *sites)):
                return True
        return False

    def elsewhere(self, sentence: str, at: int, products: Iterable[re.Match[str]] = ()) -> bool:
        """Whether the step at offset `at` is located in a file or messaging service ("In Google
        Drive, right-click the file and choose Download", 在微信里点下载) or in one of
        `products`, the places `agent.translate.elsewhere` reads by their capitalised names."""
        for lang in {self.en, self.of(sentence)}:
            services = (
                s
                for s in lang.service.finditer(sentence)
                if _placed(sentence, s) and not _DESTINATION.search(sentence, 0, s.start())
            )
            if any(self._at(sentence, at, n, lang) for n in (*services, *products)):
                return True
        return False

    def sent_away(self, sentence: str, at: int) -> bool:
        """Whether the upload at offset `at` sends its file to another program, service or site
        named as its destination in the same clause ("upload the file to Google Drive", 上传到
        YouTube): the user's upload there, not to this chat."""
        for lang in {self.en, self.of(sentence)}:
            for named in (*lang.service.finditer(sentence), *lang.site.finditer(sentence),
                          *lang.program.finditer(sentence)):  # fmt: skip
                if named.start() <= at or not _DESTINATION.search(sentence, 0, named.start()):
                    continue
                if not _CLAUSE_BREAK.search(sentence[at : named.start()]):
                    return True
        return False

    def on_site(self, sentence: str, at: int) -> bool:
        """Whether the step at offset `at` is located on a publishing site ("in YouTube Studio,
        click Upload videos", 在抖音里上传): its upload is the user's there, not to this chat;
        an export for the site ("Instagram users: click Export") is still ours."""
        for lang in {self.en, self.of(sentence)}:
            named = (s for s in lang.site.finditer(sentence) if _placed(sentence, s))
            if any(self._at(sentence, at, n, lang) for n in named):
                return True
        return False

    @staticmethod
    def _at(sentence: str, at: int, named: re.Match[str], lang: Structure) -> bool:
        """Whether the place `named` locates the step at `at`: in its clause, or in a first
        clause that sets the scene, with no way back here between."""
        low, high = sorted((at, named.start()))
        if not _CLAUSE_BREAK.search(sentence[low:high]):
            return True
        if named.start() < at and _INTRODUCES.match(sentence, named.end()):
            return True  # "you can share it from Google Photos: open the video, tap Share"
        breaks = [b.end() for b in _CLAUSE_BREAK.finditer(sentence, 0, named.start())]
        clause = sentence[breaks[-1] if breaks else 0 :]
        between = sentence[named.end() : at]
        if _TURN.search(between):
            # past a turn, the way back may close the step's own clause ("In Resolve you'd use
            # Deliver; for this project, just click Export here")
            closing = _CLAUSE_BREAK.search(sentence, at)
            between = sentence[named.end() : closing.start() if closing else len(sentence)]
        return named.start() < at and bool(_SCENE.match(clause)) and not lang.here.search(between)

    def here(self, sentence: str) -> bool:
        """Whether `sentence` sends something to this chat ("upload the file here")."""
        return self.of(sentence).here.search(_MADE_HERE.sub(" ", sentence)) is not None

    def deferred(self, before: str, after: str = "") -> bool:
        """Whether the words `before` a step, or `after` it in its clause, put it off ("come
        back and", "when they do,", "… later once the team signs off")."""
        lang = self.of(before + after)
        clause = _CLAUSE_BREAK.split(after, 1)[0] if after else ""
        return lang.deferral.search(before) is not None or (
            bool(clause) and lang.deferral.search(clause) is not None
        )

    def asks_offer(self, question: str) -> bool:
        """Whether a question opens with an offer ("Want to …, or …?", 要不要…？)."""
        return self.of(question).ask_offer.search(question) is not None

    def offers(self, before: str) -> bool:
        """Whether the words `before` a point hold the agent's own offer ("I can also …")."""
        return self.of(before).offer.search(before) is not None

    def mention(self, named: str, before: str, after: str, zh: bool) -> bool:
        """Whether a GUI element's name (`named`, between `before` and `after`) is the subject
        of a report of its state or place ("The Export button is disabled until …", "… sits in
        the top-right corner"): nothing points at it, and its state or place follows it."""
        lang = self.zh if zh else self.en
        tail = before[-12:] if zh else " ".join(before.split()[-3:])
        return (
            lang.state_after.match(after) is not None
            and lang.pointing.search(named) is None
            and lang.pointing.search(tail) is None
        )

    def reloads(self, text: str) -> bool:
        """Whether `text` reloads the page ("reload the page", 刷新页面)."""
        return self.of(text).reload.search(text) is not None

    def failed(self, text: str) -> bool:
        """Whether `text` reports a failure ("The render crashed at 92%", 导出失败)."""
        return self.of(text).failure.search(text) is not None

    def retried(self, sentence: str) -> bool:
        """Whether `sentence` does its step again ("click Export again", 重新点击导出)."""
        return self.of(sentence).again.search(sentence) is not None


def _zh_wait(wait: str, then: str) -> str:
    """A wait for something not yet done, then the step (等你确认完配乐，之后再点导出, 等文件传上来
    之后，再导出, 等佢批咗先撳, 等下再导出): the step waits for it, whoever does it. 稍等, 等等 and
    an interjection (等一下，…) are no event; 先 reads "only then" only after the event's end
    (完/咗/后: 等一下，先打开时间线看看，再点导出 is no wait)."""
    done = r"(?:之后|以后|后|完|好|咗|了)"
    return (
        rf"(?<![稍耐期平相对看招接款虐优優善])(?:{wait})(?![等级于同候])(?!(?:一下|下|一会儿?|会儿?)\s*[，,:：!！])"
        rf"[^。！？；!?;]{{1,30}}?"
        rf"(?:{done}?\s*[，,]?\s*(?:之后|以后|然后)?\s*(?:{then})|{done}\s*[，,]?\s*先)"
    )


def _before(sentence: str, named: re.Match[str]) -> bool:
    return _PLACE_BEFORE.search(sentence[: named.start()]) is not None


def _placed(sentence: str, named: re.Match[str]) -> bool:
    before, after = sentence[: named.start()], sentence[named.end() :]
    return bool(_PLACE_BEFORE.search(before) or _PLACE_AFTER.match(after))


def _compile(model: _LangModel, latin: bool, rx: Regexes) -> Structure:
    def alt(words: list[str]) -> str:
        return rx.alternation(words, latin)

    flags = re.IGNORECASE
    if latin:
        person = rf"(?:{alt(model.persons)})\s+(?:(?:will|would|can|finally|eventually)\s+)?"
        third = (
            rf"\b(?:{alt(model.when)})\s+(?:{alt(model.third_party)}"
            rf"|{person}(?:{alt(model.person_acts)}))\b"
        )
        deferral = rf"{alt(model.defer)}|{third}"
        ask = rf"^\W*(?:(?:so|and|or|ok|okay|now|also)\W+)?(?:{alt(model.ask_offer)})"
        offer = rf"{alt(model.offer)}(?!['’]t\b|\s+not\b)"
        button = r"(?:\s+(?:button|icon|tab|option|link)s?)?"
        # a name coordinated with it ("Export and Share both live under the ⋯ menu")
        also = r"(?:\s+(?:and|&|or)\s+[\w-]+(?:\s+(?:button|icon|tab|option|link)s?)?)?(?:\s+both)?"
        adverbs = rf"(?:(?:{alt(model.adverb)})\s+)*"
        state = (
            rf"{button}\s+{adverbs}(?:(?:{alt(model.copula)})\s+)?{adverbs}"
            rf"(?:{alt(model.ui_state)})"
            # where it is ("The Export button sits in the top-right corner"): a place told
            rf"|{button}{also}\s+{adverbs}(?:{alt(model.locative)})\s+{adverbs}"
            rf"(?:{alt(model.place)})\b"
        )
    else:
        people = rf"(?:{alt(model.third_party)})"
        acts = rf"[^，。；]{{0,6}}?(?:{alt(model.person_acts)})"
        # 等你老板批了, 等您的客户确认: a possessive between the wait and the person
        yours = r"(?:你的|您的|你们的|你们|你哋|你|您|我们的|我们|我哋)?"
        third = (
            rf"(?:{alt(model.when)})\s*{yours}{people}"
            rf"|(?:{alt(model.when)})\s*(?:{alt(model.persons)}){acts}"
        )
        someone = rf"(?:{people}|(?:{alt(model.persons)}))"
        deferral = rf"{alt(model.defer)}|{third}|{someone}{acts}(?:之?后|以后|了)"
        if model.wait and model.then:
            deferral += "|" + _zh_wait(alt(model.wait), alt(model.then))
        ask = rf"^\W*(?:{alt(model.ask_offer)})"
        offer = alt(model.offer)
        state = (
            rf"\s*(?:按钮|按键|图标|选项|掣)?\s*(?:(?:{alt(model.adverb)})\s*)*{_ZH_WHILE}"
            rf"(?:(?:{alt(model.copula)})\s*)?(?:{alt(model.ui_state)})"
            # where it is (导出按钮在右上角, 匯出掣喺右上角): a place told
            rf"|\s*(?:按钮|按键|图标|选项|掣)?\s*(?:(?:{alt(model.adverb)})\s*)*"
            rf"(?:{alt(model.locative)})\s*[^，。；！？,;!?]{{0,12}}?(?:{alt(model.place)})"
        )
    return Structure(
        program=rx.compile(alt(model.programs), flags),
        service=rx.compile(alt(model.services), flags),
        site=rx.compile(alt(model.sites), flags),
        here=rx.compile(alt(model.here), flags),
        deferral=rx.compile(deferral, flags),
        ask_offer=rx.compile(ask, flags),
        offer=rx.compile(offer, flags),
        state_after=rx.compile(state, flags),
        # "no errors", 没有报错: a failure denied is none
        failure=rx.compile(
            rf"(?<!\bno\s)(?<!\bwithout\s)(?<!没有)(?<!没)(?<!无)(?:{alt(model.failure)})", flags
        ),
        reload=rx.compile(alt(model.reload), flags),
        again=rx.compile(alt(model.again), flags),
        pointing=rx.compile(rf"(?:{alt(model.pointing)})(?!钮|键|掣|数)", flags),
    )


def parse_structure_tables(text: str, regexes: Regexes | None = None) -> StructureTables:
    """Validate and compile the structure vocabulary (`regexes`: see `parse_gui_tables`).

    Raises:
        ConfigError: The document is not valid TOML or breaks the schema.
    """
    rx = regexes if regexes is not None else Regexes()
    en, zh = rx.languages(STRUCTURE_FILE, text, _LangModel)
    return StructureTables(_compile(en, True, rx), _compile(zh, False, rx))
