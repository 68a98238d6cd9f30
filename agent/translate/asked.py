"""Whether a step a sentence names is ASKED of the chat user now, or only said.

A step can be named and still not be asked for: an export given as a permission or option
(`agent.translate.modality`: "Feel free to export anytime", 你随时可以导出), as a habit beside a
hold ("you'd normally hit Export …, but … I'll hold off"), as one choice among priced options
("… or choose 1080p (10 credits) from the Export menu"), or as the subject of what it costs or
does wrong ("Clicking Export will use 20 credits", 點擊匯出會扣 20 點); an upload the user has
already done ("I see you imported these from your phone gallery"). The gates
(`agent.translate.gates`) take such actions away. Pure.
"""

from __future__ import annotations

import re

from agent.translate.modality import permits

__all__ = ["counterfactual", "not_asked", "reported_upload"]

# a habit beside a hold, and a choice among priced options (see the module doc)
_HABIT = re.compile(
    r"\byou(?:['’]d|\s+would)\s+(?:normally|usually|typically|ordinarily)\b"
    r"|\b(?:normally|usually|typically|ordinarily)\s*,?\s+you(?:['’]d|\s+would)\b"
    r"|通常(?:你)?会|一般(?:你)?会",
    re.IGNORECASE,
)
_HOLD = re.compile(
    r"\b(?:hold(?:ing)?\s+off|wait(?:ing)?\s+for|I(?:['’]ll|\s+will)\s+(?:hold|wait|not)"
    r"|already\s+(?:rendered|exported|made|downloaded))\b"
    r"|先不|暂不|暫不|等客户|先等",
    re.IGNORECASE,
)
_CHOICE = re.compile(
    r"\bor\s+(?:you\s+can\s+)?(?:choose|pick|select|go\s+with|opt\s+for|switch\s+to)\b"
    r"|或者?(?:选择?|选|改选|换成)",
    re.IGNORECASE,
)
_PRICED = re.compile(r"\d+\s*(?:credits?|积分|點數|点数|点)", re.IGNORECASE)
# a step as the subject of what it costs or does wrong, told, not asked: "Clicking Export will
# use 20 credits", "Hitting Export twice will create duplicate files", "Pressing Download here
# only saves a low-res preview", "Exporting costs 20 credits", 点击汇出会扣 20 点, 撳两次汇出会…
# ("Clicking Export will download the MP4" tells how: it still runs)
_DESCRIBED = re.compile(
    r"^\W*(?:clicking|pressing|hitting|tapping|selecting|choosing)\b[^.;:!?]{0,40}?\b(?:will|would"
    r"|['’]ll|only|just|won['’]t|doesn['’]t|does\s+not|costs?|uses?|charges?|deducts?|takes?"
    r"|creates?|makes?|gives?)\b[^.;!?]{0,40}?(?:\d+\s*(?:credits?|coins?|points?)\b|\bcredits?\b"
    r"|\bcoins?\b|\btwice\b|\bduplicates?\b|\bonly\b|\bnot\b|\boverwrites?\b|\blow-res)"
    r"|^\W*(?:exporting|downloading|rendering)\b[^.;:!?]{0,30}?\b(?:costs?|uses?|charges?"
    r"|deducts?|takes?|eats?|spends?)\b[^.;!?]{0,20}?\d+\s*(?:credits?|coins?|points?)\b"
    r"|(?:点击|点|按下|按|點擊|點|撳)(?:一下)?\s*[「“\"]?(?:导出|汇出|匯出|導出|下载|下載)[」”\"]?"
    r"(?:按钮|键|掣)?[^，。；！？]{0,4}?(?:会|會|将|將)(?:扣|扣除|消耗|用掉|花|收)"
    r"[^，。；！？]{0,8}?(?:点|积分|金币|點|積分|金幣)"
    r"|(?:点|按|点击|點|點擊)(?:了)?(?:两|兩)次",
    re.IGNORECASE,
)
# the user's own upload, done ("you imported these", "you've just uploaded")
_YOU_DID = re.compile(
    r"\byou(?:['’]ve|\s+have|['’]d|\s+had)?\s+(?:(?:just|already|recently|previously|also|all)"
    r"\s+)*(?:imported|uploaded|re-uploaded|added|sent|shared|attached|dropped|picked|chose"
    r"|selected|pulled\s+in|brought\s+in|provided|gave\s+me)\b",
    re.IGNORECASE,
)
# a file asked for after it ("… — please add one more")
_ASKS_FILE = re.compile(
    r"\b(?:upload|re-upload|add|attach|send|import|drop|choose|pick|select|share)\b(?!['’])",
    re.IGNORECASE,
)

# a file asked for in the words before a report of the user's upload: the step opens the
# sentence or follows a "please"/"then"/"now" and names what to send
_ASKED_BEFORE = re.compile(
    r"(?:^\W*|\b(?:please|then|now|just|also|and)\s+)(?:re-?upload|upload|attach|send(?:\s+me)?"
    r"|add|import)\s+(?:the|your|a|an|\d+|one|two|three|four|five|more|another|these|those"
    r"|remaining|rest|other)\b",
    re.IGNORECASE,
)


def not_asked(sentence: str) -> bool:
    """Whether a sentence's export is said but not asked for: a permission or option, a habit
    beside a hold, a choice among priced options, or what the step costs or does wrong
    ("Clicking Export will use 20 credits", 点击汇出会扣 20 点)."""
    return bool(
        _DESCRIBED.search(sentence)
        or permits(sentence)
        or (_HABIT.search(sentence) and _HOLD.search(sentence))
        or (_CHOICE.search(sentence) and _PRICED.search(sentence))
    )


def reported_upload(sentence: str) -> bool:
    """Whether a sentence reports the user's own past upload ("I see you imported these from
    your phone gallery", "you've already added the music from your computer") and asks for no
    other file after it ("… — please add one more")."""
    did = _YOU_DID.search(sentence)
    if did is None or _ASKS_FILE.search(sentence, did.end()) is not None:
        return False
    # a file asked for before the report ("Please upload the remaining 4 photos (you've sent
    # 6 of 10)"): the report counts what came, the ask still stands
    return _ASKED_BEFORE.search(sentence, 0, did.start()) is None


# a step that would have been needed had the past gone otherwise ("Had you wanted 4K, you'd
# have needed to check your balance first, but this one was free", 如果你当时要 4K，就得先查余额):
# it never happens, so nothing of it runs
_COUNTERFACTUAL = re.compile(
    r"\b(?:had\s+you|if\s+you\s+had|if\s+you['’]d)\s+(?:(?:already|originally|instead)\s+)?"
    r"(?:wanted|needed|chosen|picked|gone|asked|opted|ordered|requested|selected)\b"
    r"|\byou(?:['’]d|\s+would|\s+could|\s+might)\s+have\s+(?:needed|had)\s+to\b"
    r"|(?:如果|要是|假如|若|假设|假設)(?:你|您)?(?:当时|当初|那时|那時|當時|當初|之前)"
    r"|(?:本来|本來|原本)(?:你|您)?(?:需要|要|得)[^，。；]{0,16}?[，,]?\s*(?:不过|不過|但|可是)",
    re.IGNORECASE,
)


def counterfactual(sentence: str) -> bool:
    """Whether `sentence` gives its step as what the past would have needed, had it gone
    otherwise (see `_COUNTERFACTUAL`): the step is never asked for."""
    return _COUNTERFACTUAL.search(sentence) is not None
