"""Reply-level safety gates on the sentences' actions: when an export must not run.

The sentence readings (`agent.translate.reading`) see one sentence; some facts that forbid an
export are said in another sentence of the reply, or name a step of ANOTHER program:

- the reply says the balance is short ("needs 40 credits and your balance is 12", 积分不足,
  點數唔夠; `agent.translate.balance`): the user tops up first, so "then hit Export again"
  runs only `credits`; a balance reported as numbers has nothing left to look up;
- the reply reports a finished export ("has been exported", 已经导出完成, 匯出咗): its link
  ("Download it here: https://…") is the result, not a step;
- a download that feeds an upload ("download it and upload it with + Add media") fetches a
  source, and an image format's export ("File > Export > JPEG") is no video's;
- a step located in ANOTHER PROGRAM ("In Resolve, go to Deliver > Render Settings > MP4",
  "If you edit in Premiere, use File > Export > Media there", 在剪映里点导出) is the user's
  own work there: no action of it runs, only an upload to this chat ("then upload it here");
- an export put off or hung on someone else ("Wait for your client's approval before clicking
  Export", 等老細睇完先撳匯出) runs nothing, whichever stage read the step;
- a reload before a step done again, or a step after a failure report, is a RETRY: "The render
  crashed at 92%. Please reload the page and click Export again" runs the export alone and
  says "I'll retry the export for you", not a view and a fresh export.

A gate only takes actions away (and with them the sentence's template line: the sentence then
stays whole unless another action still stands for it), or makes an export's line the retry's;
it never adds an action. Pure.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection

from agent.translate.asked import counterfactual, not_asked, reported_upload
from agent.translate.balance import reports_balance, short_balance
from agent.translate.elsewhere import products
from agent.translate.later import for_later, waits_on_unfinished, waits_on_work
from agent.translate.reading import Reading
from agent.translate.structure import StructureTables
from agent.translate.tables import GuiTables, LanguageTable

__all__ = [
    "agent_will",
    "export_done",
    "foreign_export",
    "gate",
    "has_link",
    "later_step",
    "not_asked",
    "short_balance",
    "upload_fetch",
    "without",
]

_ACTING = frozenset({"export", "state", "credits", "upload"})

_DONE = re.compile(
    r"(?:has|have|was|were|is) (?:been )?(?:successfully )?exported|exported successfully"
    r"|export (?:is |has )?(?:been )?(?:complete|completed|finished|done)\b|export complete"
    r"|(?:已经?|已經|经已|經已)\s*(?:帮你)?(?:导出|汇出|匯出|導出)"
    r"|(?:导出|汇出|匯出|導出)(?:已)?(?:完成|成功|好了|好咗|咗|了(?!吗|嗎|没|沒)|完毕|完畢)",
    re.IGNORECASE,
)
_WILL = re.compile(
    r"\bI(?:['’]ll|\s+will|['’]m\s+going\s+to|\s+am\s+going\s+to)\s+(?!not\b|need\b)"
    r"|我(?:会|将|就会|再来|随后)(?!需要)",
    re.IGNORECASE,
)
# the words that open a sentence before its subject ("Also, I can …", 另外，我可以…)
_LEAD = re.compile(
    r"^\W*(?:(?:also|and|plus|oh|btw|besides|alternatively)\b\W*|(?:另外|还有|或者|此外)\W*)?",
    re.IGNORECASE,
)
# a nudge to answer an offer, no reply token asked for ("Just say the word", 说一声就行)
_NUDGE = re.compile(
    r"\W*(?:(?:just|simply|then)\s+)?(?:say\s+the\s+word|let\s+me\s+know|give\s+me\s+a"
    r"\s+(?:shout|nod)|holler)\b[^\d\"'“”「」]*$|\W*(?:你|您)?(?:跟我)?(?:说一声|讲一声|告诉我一声)",
    re.IGNORECASE,
)
# a condition on a fault the user may find ("if anything looks off", 如果哪里不对)
_ON_A_FAULT = re.compile(
    r"\b(?:if|in\s+case)\s+(?:anything|something|any\s+\w+)\s+(?:still\s+)?(?:looks?|seems?|is|"
    r"feels?|sounds?)\s+(?:off|wrong|weird|odd|strange)\b"
    r"|(?:如果|要是|若)(?:有)?(?:什么|哪里|哪儿|任何)(?:地方)?(?:不对|有问题|不满意|不合适)",
    re.IGNORECASE,
)
# the user, or a turn to the user's part, in a sentence ("I can animate them once you upload")
_USER = re.compile(
    r"\b(?:you|your|yours|but|please|first|once|after|when|if|then)\b|你|您|但|请|先|然后|等",
    re.IGNORECASE,
)
_LATER = re.compile(
    r"\W*(?:step\s*\d+|\d+[.)]|then|next|after\s+that|afterwards|finally|once\s+(?:it'?s|that'?s)"
    r"\s+done|第\s*[二三四五六七八九\d]\s*步|然后|接着|最后|之后|完成后)",
    re.IGNORECASE,
)
_NOW = re.compile(
    r"\b(?:now|right away|as is|this version|for now)\b|现在|马上|直接", re.IGNORECASE
)
_LINK = re.compile(r"https?://", re.IGNORECASE)
_UPLOAD = re.compile(
    r"\bupload|add media|上传|上傳|上载|上載|添加素材|加入素材|传俾我|傳俾我|传给我|傳給我",
    re.IGNORECASE,
)
_IMPORT = re.compile(r"\bimport", re.IGNORECASE)
_UPLOADING = re.compile(
    r"\b(?:re-?)?(?:upload|import)|上传|上傳|上载|上載|导入|導入|汇入|匯入", re.I
)
_DOWNLOAD = re.compile(r"download|save it to your|下载|下載|保存到", re.IGNORECASE)
_EXPORT_WORD = re.compile(r"export|render|导出|匯出|導出|汇出|渲染", re.IGNORECASE)
# a negation before an export word in its clause: "Please wait before clicking Export", "Hold
# your horses on the export", 千祈唔好而家撳匯出 ("Don't forget to click Export", 别忘了导出 still
# ask for it)
_FORBIDDEN = re.compile(
    r"\b(?:don['’]?t|do\s+not|never|shouldn['’]t|should\s+not|mustn['’]t|must\s+not"
    r"|hold\s+(?:your\s+horses|off)\s+on|wait\s+(?:before|to)|refrain\s+from|no\s+need\s+to"
    r"|avoid)\s+(?!forget|hesitate|miss|worry|wait\b|stop\b)"
    r"(?:[\w'’-]+\s+){0,4}?(?:export|download|render)"
    r"|(?:不要|别|別|唔好|切勿|千万别|千萬別|千祈|请勿|請勿|先别|先唔好|咪)(?!忘|忘记|忘記)"
    r"[^，。；！？,;!?]{0,8}?(?:导出|汇出|匯出|導出|下载|下載|渲染|export|download)",
    re.IGNORECASE,
)
_EXPORT_NAMED = re.compile(r"export|download|导出|匯出|導出|汇出|下载|下載", re.IGNORECASE)
_FOREIGN = re.compile(
    r"\bexport(?:\s*as)?\s*(?:>|→|›)?\s*(?:export as\s*(?:>|→|›)\s*)?"
    r"(?:jpe?g|png|heic|pdf|tiff?|gif)\b"
    r"|(?:导出|匯出|導出|汇出)\s*(?:>|→|›)?\s*(?:jpe?g|png|heic|pdf)",
    re.IGNORECASE,
)
# a gesture, or the step of an upload or a view (where a sentence with no export steps)
_GESTURE = re.compile(
    r"\b(?:click|tap|press|hit|open|go\s+to|head\s+to|choose|select|pick|import|upload|attach"
    r"|drag|drop|swipe|check|view|watch)\b"
    r"|点击|点|按|打开|进入|选择|选|上传|上载|导入|拖|查看|看",
    re.IGNORECASE,
)
# a wait of some time before the step ("wait a few minutes and try again", "give it a minute",
# 稍等几分钟再重试, 等幾分鐘再撳): a retry put off, not run now; a time after a past verb
# ("the link expired after 24 hours") dates the report, it puts nothing off
_WAIT = re.compile(
    r"\b(?:wait(?:\s+for)?|give\s+it)\s+(?:a|an|another|one|two|a\s+few|a\s+couple(?:\s+of)?|few"
    r"|several|some|\d+)\s+(?:more\s+)?(?:minutes?|mins?|seconds?|secs?|hours?|moments?|while|bit)\b"
    r"|(?<!ed\s)\b(?:in|after)\s+(?:a\s+few|a\s+couple\s+of|several|\d+|a|an)\s+(?:minutes?|mins?|hours?"
    r"|moments?|while|bit)\b|\b(?:later(?:\s+on)?|after\s+a\s+(?:while|bit))\b"
    r"|(?:稍等|等|过)(?:上)?(?:几|一|两|个|片刻|一会|一阵|阵|\d)[^，。；！？]{0,4}?(?:分钟|分|秒|会儿?|阵|小时|刻)"
    r"|稍后|晚点|晚些|迟啲|迟些|一阵(?:间)?再",
    re.IGNORECASE,
)
# "Could you send it again?" asks the file again only after the reply says it never arrived
# ("The file didn't come through"); after a decoding error the "it" is unsure: nothing runs
_RESEND_IT = re.compile(
    r"\b(?:re-?send\s+(?:it|them)\b|(?:send|choos|select|pick|attach)(?:e|ing)?\s+(?:it|them)"
    r"(?:\s+(?:over|back|to\s+me))?\s+(?:again|once\s+more)|(?:drag|drop)\s+(?:it|them)\s+(?:back\s+)?in\s+(?:again|once\s+more))",
    re.IGNORECASE,
)
_NOT_ARRIVED = re.compile(
    r"\b(?:didn['’]?t|did\s+not|never|hasn['’]?t|has\s+not|haven['’]?t|have\s+not|wasn['’]?t"
    r"|was\s+not)\s+(?:come\s+through|came\s+through|arrive[ds]?|reach(?:ed)?\s+me"
    r"|(?:been\s+)?received|ma(?:k|d)e\s+it|c[oa]me\s+in)\b|\b(?:got|was|were)\s+lost\b"
    # an upload reported failed ("The upload of `a.wav` timed out", "Upload failed: …")
    r"|\bupload(?:ing|ed|s)?\b(?:[^.!?]|\.(?=\w)){0,60}?\b(?:failed|timed\s+out|was\s+rejected"
    r"|(?:didn['’]?t|did\s+not)\s+(?:go\s+through|finish|complete))\b"
    r"|\b(?:upload|transfer)\s+(?:failed|error)\b",
    re.IGNORECASE,
)
_MENU_STEP = re.compile(r"[>→›»]\s*$")  # a step of a menu path ("Add language → Upload file")
# where a step of another program is named: an export, or a download or save of its file
_STEP_WORD = re.compile(
    r"export|render|download|\bsaved?\b|导出|匯出|導出|汇出|渲染|下载|下載|保存",
    re.IGNORECASE,
)


def agent_will(sentence: str) -> bool:
    """Whether a sentence promises the agent's own work to come ("I'll animate each one",
    我会把每张照片做成动画): after an upload asked for, the work waits for the file."""
    return _WILL.search(sentence) is not None


def later_step(sentence: str) -> bool:
    """Whether a sentence is given as a later step of a sequence ("Step 3: click Export", "After
    that, click Export", 第三步：点击导出), and not as something to do now ("For now, …")."""
    return _LATER.match(sentence) is not None and _NOW.search(sentence) is None


def export_done(text: str) -> bool:
    """Whether a text reports an export as finished."""
    return _DONE.search(text) is not None


def has_link(text: str) -> bool:
    """Whether a text gives a link itself (a URL: "click the link below" is a step)."""
    return _LINK.search(text) is not None


def upload_fetch(sentence: str) -> bool:
    """Whether a sentence asks to download a source and upload it ("download it and upload it
    with + Add media"): its download fetches a source file, and no export is named."""
    return bool(
        _UPLOAD.search(sentence)
        and _DOWNLOAD.search(sentence)
        and not _EXPORT_WORD.search(sentence)
    )


def foreign_export(sentence: str) -> bool:
    """Whether a sentence's export is another program's (a named app, an image format)."""
    return _FOREIGN.search(sentence) is not None


def _done_by_you(reading: Reading, sentence: str, lang: LanguageTable) -> Reading:
    """The reading without its upload when the sentence reports the user's own upload."""
    if "upload" in reading.actions and reported_upload(sentence):
        return without(reading, {"upload"}, lang)
    return reading


def _resent_unsure(reading: Reading, sentence: str, before: str, lang: LanguageTable) -> Reading:
    """The reading without its upload when "send it again" asks for nothing sure: no upload
    word, no file said lost ("Error: the image could not be decoded. Could you send it again?")."""
    if (
        "upload" in reading.actions
        and _RESEND_IT.search(sentence)
        and not _UPLOAD.search(sentence)
        and not _NOT_ARRIVED.search(f"{before} {sentence}")
    ):
        return without(reading, {"upload"}, lang)
    return reading


def _not_yet(reading: Reading, sentence: str, before: str, lang: LanguageTable) -> Reading:
    """The reading without its steps when the sentence gives them for later ("Tip for later:
    …", "If the client asks … next week, …"; `agent.translate.later`), after work the sentence
    or the one `before` it reports unfinished (影片尚未完成，等進度條跑完後…), or as what the
    past would have needed ("Had you wanted 4K, you'd have needed to check your balance")."""
    if _ACTING.intersection(reading.actions) and (
        for_later(sentence) or waits_on_unfinished(sentence, before) or counterfactual(sentence)
    ):
        return without(reading, _ACTING, lang)
    return reading


def _balance_said(reading: Reading, sentence: str, lang: LanguageTable, short: bool) -> Reading:
    """The reading without its look-up when the sentence reports the balance or a price as
    numbers (你当前还剩 320 积分，导出…需要 40 积分) and the reply says it is enough: nothing is
    left to look up."""
    if "credits" in reading.actions and not short and reports_balance(sentence):
        return without(reading, {"credits"}, lang)
    return reading


def gate(
    reading: Reading,
    sentence: str,
    before: str,
    lang: LanguageTable,
    tables: GuiTables,
    short: bool = False,
    done: bool = False,
) -> Reading:
    """One sentence's reading with what the reply forbids taken away (see the module doc):
    `sentence` as folded, `before` the sentence before it; the reply says the balance is
    `short` (the balance is looked up in the export's place) or the export `done` (its link
    given)."""
    # an upload asked for with nothing sure goes first: an export gated below returns early
    reading = _resent_unsure(_done_by_you(reading, sentence, lang), sentence, before, lang)
    reading = _not_yet(reading, sentence, before, lang)
    reading = _balance_said(reading, sentence, lang, short)
    actions = reading.actions
    if "export" in actions and (
        short or done or upload_fetch(sentence) or foreign_export(sentence) or not_asked(sentence)
    ):
        instead = ("credits",) if short else ()
        swapped = tuple(
            dict.fromkeys(b for a in actions for b in (instead if a == "export" else (a,)))
        )
        return without(dataclasses.replace(reading, actions=swapped), (), lang)
    structure = tables.structure
    if structure is None or not actions:
        return reading
    reading = _put_off(
        _offered(reading, sentence, before, lang, structure), sentence, lang, structure
    )
    actions = reading.actions
    at = _step_at(sentence, actions)
    if structure.foreign(sentence, at):
        # the steps there go; an upload here and an answer in chat are this client's
        gone = {"export", "state", "credits"} | (set() if structure.here(sentence) else {"upload"})
        return without(reading, gone, lang)
    places = list(products(sentence, tables))
    if structure.elsewhere(sentence, at, places):
        # a file service ("In Google Drive, …") or a product the tables do not list: its
        # file may still come here, unless the upload is the place ("After uploading to
        # YouTube Studio") or a step of its menus ("Subtitles → Upload file")
        fetched = (
            structure.here(sentence)
            or _IMPORT.search(sentence)
            or any(
                not _MENU_STEP.search(sentence, 0, u.start())
                and not any(p.start() <= u.start() < p.end() for p in places)
                for u in _UPLOAD.finditer(sentence)
            )
        )
        return without(
            reading, {"export", "state", "credits", *(() if fetched else ("upload",))}, lang
        )
    uploads = [m.start() for m in _UPLOAD.finditer(sentence)]
    if (
        "upload" in actions
        and uploads
        and not structure.here(sentence)
        and (
            structure.on_site(sentence, uploads[-1])  # "in YouTube Studio, click Upload videos"
            or structure.sent_away(sentence, uploads[-1])  # "upload it to Google Drive"
        )
    ):
        reading = without(reading, {"upload"}, lang)
        actions = reading.actions
    if "export" in actions and "state" in actions:
        # the last export word is the step ("渲染失败了，请刷新页面后重新点击导出"), done again
        last = max((m.start() for m in _EXPORT_WORD.finditer(sentence)), default=0)
        step = sentence[max(0, last - 8) :]
        if structure.reloads(sentence[:last]) and structure.retried(step):
            reading = without(reading, {"state"}, lang)  # the reload is the retry's means
    # "Wait a few minutes and try again", "Hit Download once the render finishes"
    if "export" in actions and (
        waits_on_work(sentence, before) or _waits(sentence, before, structure)
    ):
        return without(reading, {"export"}, lang)
    known = {kind.action for kind in lang.kinds.values() if kind.action}
    alone = reading.steps_only and {a for a in reading.actions if a in known} == {"export"}
    if alone and (structure.retried(sentence) or structure.failed(before)):
        return dataclasses.replace(reading, line=_retry_line(lang) or reading.line)
    return reading


def _waits(sentence: str, before: str, structure: StructureTables) -> bool:
    """Whether the sentence's export is a retry put off by a wait before it: done again, or
    after a failure the reply reports ("The download failed again. Please wait a few minutes
    and click Export again", 下载又失败了。请稍等几分钟再导出)."""
    wait = _WAIT.search(sentence)
    if wait is None:
        return False
    last = max((m.start() for m in _EXPORT_WORD.finditer(sentence)), default=len(sentence))
    if wait.start() > last:
        return False  # "click Export and wait a few minutes": the wait is the export's
    return bool(
        structure.retried(sentence) or structure.failed(before) or structure.failed(sentence)
    )


def _put_off(
    reading: Reading, sentence: str, lang: LanguageTable, structure: StructureTables
) -> Reading:
    """`reading` without its export when the sentence's first export word is put off or hung
    on someone else, or a negation stands before an export word in its clause, whoever read the
    step (the rules or the clause classifier): "Wait for your client's approval before clicking
    Export", 等老細睇完先撳匯出, "Hold your horses on the export"."""
    first = _EXPORT_NAMED.search(sentence) if "export" in reading.actions else None
    if first is None:
        return reading
    if _FORBIDDEN.search(sentence) or structure.deferred(
        sentence[: first.start()], sentence[first.end() :]
    ):
        return without(reading, {"export"}, lang)
    return reading


def _offered(
    reading: Reading, sentence: str, before: str, lang: LanguageTable, structure: StructureTables
) -> Reading:
    """`reading` without what an offer, or feedback asked only on a fault, makes no step."""
    actions = reading.actions
    if "sse" in actions and _NUDGE.match(sentence) and _offered_before(before, structure):
        # "Should I add a voiceover too? Just say the word.": the answer is to the offer
        reading = without(reading, {"sse"}, lang)
    elif "sse" in actions and _ON_A_FAULT.search(sentence) and len(actions) > 1:
        # "If anything looks off, open the timeline and tell me which clip; otherwise press
        # Export": feedback only on a fault, beside the steps that run, awaits no reply
        reading = without(reading, {"sse"}, lang)
    acting = {"export", "state", "credits", "upload"}
    if (
        acting & set(reading.actions)
        and not _USER.search(sentence)
        and _opens_offer(sentence, structure)
    ):
        # "I can trim clips, add music, …": a list of what the agent can do, no step
        return without(reading, acting, lang)
    return reading


def _offered_before(before: str, structure: StructureTables) -> bool:
    """Whether the sentence before is the agent's offer: a question opening with one ("Should I
    add a voiceover too?", 要不要加配音？) or an "I can also …"."""
    said = before.rstrip()
    return bool(said) and (
        (said.endswith(("?", "？")) and structure.asks_offer(said)) or _opens_offer(said, structure)
    )


def _opens_offer(sentence: str, structure: StructureTables) -> bool:
    """Whether a sentence opens with the agent's offer ("I can …", "I could also …", 我可以…)."""
    lead = _LEAD.sub("", sentence, count=1)
    return structure.offers(lead[:24]) and structure.of(lead).offer.match(lead) is not None


def _step_at(sentence: str, actions: Collection[str]) -> int:
    """Where the sentence's last export step, or download of a file, is named (its end when it
    names none): "in Resolve you'd use Deliver > Render Queue, but here … just hit Export" steps
    here, "can be saved via Share > Download in Canva" there. An upload is where its last
    upload or import word is ("Import it in Premiere via File > Import, then drag it"). A
    sentence with no export or upload steps at its last gesture: "In CapCut you'd open the
    Audio tab; here I've pulled the audio" opens the tab there."""
    steps = _STEP_WORD if "export" in actions else _GESTURE
    if "export" not in actions and "upload" in actions and _UPLOADING.search(sentence):
        steps = _UPLOADING  # "Import it in Premiere via File > Import, then drag it onto V3"
    found = list(steps.finditer(sentence))
    return found[-1].start() if found else len(sentence)


def _retry_line(lang: LanguageTable) -> str:
    """The export kind's own line for a retry ("I'll retry the export for you", 我会重新导出…)."""
    probe = "retry" if lang.lang == "en" else "重试"
    for kind in lang.kinds.values():
        if kind.action != "export":
            continue
        for rule in kind.body:
            if "{" not in rule.text and rule.pattern.search(probe):
                return rule.text
    return ""


def without(reading: Reading, gone: Collection[str], lang: LanguageTable) -> Reading:
    """`reading` without the actions `gone`; the sentence stays whole unless another action's
    line still stands for all of it."""
    actions = tuple(a for a in reading.actions if a not in gone)
    known = {kind.action for kind in lang.kinds.values() if kind.action}
    steps = reading.steps_only and any(a in known for a in actions)
    return dataclasses.replace(reading, actions=actions, steps_only=steps, line="")
