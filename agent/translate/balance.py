"""What a reply says of the user's credits: a balance too short for the export, or a balance
and a price reported as numbers.

- SHORT ("needs 40 credits and your balance is 12", 积分不足, 需要 40 积分…剩余 12 积分): the
  user tops up first, so an export waits (`agent.translate.gates`); a balance said beside a
  price is short only when it is the smaller number (剩余 320 积分，导出需要 40 积分 is enough).
- ASKED (`balance_page`): the place the balance shows named (an account or usage page, the
  coin icon) or a check that it is enough; a plan managed only "if needed" is no look-up.
- REPORTED ("你当前还剩 320 积分，导出一条 1080p 视频大约需要 40 积分", "You have 320 credits
  left"): the numbers are the answer, no step to look them up; a sentence that also points at
  where the balance is ("check it in Wallet", 在「钱包」里查看) still asks for the look-up.

Pure; one folded sentence or reply in, a bool out.
"""

from __future__ import annotations

import re

from agent.translate.evidence import third_party

__all__ = ["balance_page", "manage_if_needed", "reports_balance", "short_balance", "top_up_asked"]

_SHORT = re.compile(
    r"not enough credits|insufficient (?:credits|balance)|out of credits|(?:no|zero) credits left"
    r"|credits? (?:are |is )?(?:too low|insufficient)|balance is too low"
    r"|needs? \d+ credits[^.]{0,40}(?:balance|you have|left)|you only have \d+"
    r"|you(?:['’]ve|\s+have)?\s+only\s+got\s+\d+|only\s+\d+\s+(?:credits|points|coins)\s+left"
    r"|\d+\s+(?:credits|points|coins)\s+short\b|short\s+(?:of|on)\s+(?:credits|points|coins)"
    r"|(?:won['’]t|doesn['’]t|does\s+not|will\s+not|can['’]t)\s+cover\s+(?:the|this|an?)\s+"
    r"(?:\w+\s+){0,2}?(?:export|render|download)"
    r"|积分不足|积分不够|余额不足|余额不够|点数不足|点数不够|点数唔够|积分唔够|唔够点数|唔够积分",
    re.IGNORECASE,
)
# a condition, not the balance of now ("if you run out of credits", 积分不足时)
_IF = re.compile(
    r"\b(?:if|when|whenever|in case)\b|如果|若|要是|万一|萬一"
    r"|[不唔]足(?:时|時|的话|嘅话)|不够(?:时|的话)",
    re.IGNORECASE,
)
# "需要 40 积分 … 剩余 12 积分": the cost and the balance, said together
_COST = re.compile(r"需要\s*(\d+)\s*(?:(?:个)?(?:积分|点)|(?=\s*[，,。；;]))", re.IGNORECASE)
_LEFT = re.compile(
    r"(?:剩余|只有|得返|仅剩|还剩|剩下|余额(?:为|是)?)\s*(\d+)\s*(?:个)?(?:积分|点)"
    # "剩余积分 12", "余额：30 点"
    r"|(?:剩余|剩下|余额|目前余额|可用)(?:积分|点数)?\s*(?:为|是|有|:|：)?\s*(\d+)(?!\s*(?:秒|分钟|%|p\b))",
    re.IGNORECASE,
)
# a balance too short for the work that names the work ("唔够输出 4K", "not enough for the 4K
# export"): short only beside a word of the balance
_SHORT_FOR = re.compile(
    r"(?:不够|唔够|不足以|不足)[^，。！？,]{0,2}?(?:导出|输出|汇出|下载|渲染|生成)"
    r"|\bnot\s+enough\s+(?:for|to)\s+(?:(?:the|a|an|this|that)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:export|render|download)",
    re.IGNORECASE,
)
_BALANCE_WORD = re.compile(
    r"余额|积分|点数|\d+\s*点|\b(?:credits?|balance|points|coins)\b", re.IGNORECASE
)
# the same in English ("you have 3 and 1080p needs 5", "4K costs 8 credits; you only have 2")
_EN_HAVE = r"\byou\s+(?:only\s+|currently\s+|still\s+)?have\s+(?:only\s+|just\s+)?(\d+)\b"
_EN_NEED = r"\b(?:needs?|costs?|requires?|takes?)\s+(?:about\s+|around\s+)?(\d+)\b"
_EN_HAVE_NEED = re.compile(_EN_HAVE + r"[^.!?]{0,40}?" + _EN_NEED, re.IGNORECASE)
_EN_NEED_HAVE = re.compile(_EN_NEED + r"[^.!?]{0,40}?" + _EN_HAVE, re.IGNORECASE)
_EN_CREDIT = re.compile(r"\b(?:credits?|coins?|points?)\b", re.IGNORECASE)
# a number of credits, and a step toward where the balance is shown
_AMOUNT = re.compile(
    r"\d+\s*(?:个)?(?:积分|点数|点|金币|額度|额度)|\b\d+\s*(?:credits?|coins?|points?)\b",
    re.IGNORECASE,
)
_LOOK = re.compile(
    r"查看|看|睇|查|打开|前往|进入|点击|点开|充值|增值|储值|购买|升级|钱包|账户|帐户"
    r"|\b(?:check|view|see|open|go\s+to|head|visit|tap|click|top\s+up|recharge|buy|upgrade|find"
    r"|look|wallet|account|billing)\b",
    re.IGNORECASE,
)


def short_balance(text: str) -> bool:
    """Whether a reply says the balance is short (so an export must wait for a top-up)."""
    said = any(
        not _IF.search(text[max(0, m.start() - 24) : m.end() + 3]) for m in _SHORT.finditer(text)
    )
    cost, left = _COST.search(text), _LEFT.search(text)
    if cost and left and int(left.group(1) or left.group(2)) < int(cost.group(1)):
        return True
    for m in _SHORT_FOR.finditer(text):
        near = text[max(0, m.start() - 40) : m.end() + 20]
        if _BALANCE_WORD.search(near) and not _IF.search(text[max(0, m.start() - 24) : m.end()]):
            return True
    if _EN_CREDIT.search(text):
        for m in _EN_HAVE_NEED.finditer(text):
            if int(m.group(1)) < int(m.group(2)) and not _IF.search(m.group()):
                return True
        for m in _EN_NEED_HAVE.finditer(text):
            if int(m.group(2)) < int(m.group(1)) and not _IF.search(m.group()):
                return True
    return said


def reports_balance(sentence: str) -> bool:
    """Whether a sentence reports credits as numbers (a balance, a price) and points at no
    place to look them up: its look-up has nothing to show."""
    return _AMOUNT.search(sentence) is not None and _LOOK.search(sentence) is None


_PAGE_EN = (
    r"(?:(?:account|billing|usage|plans?|subscriptions?|wallet|credits?|quota)\s+"
    r"(?:page|tab|section|settings|dashboard|screen|panel)"
    r"|\bunder\s+(?:the\s+)?(?:usage|billing|plan|subscription|quota|credits|wallet)\b"
    r"|\b(?:the|your)\s+(?:usage|billing|quota)\s+(?:page|tab|section|screen|panel)?)"
)
_PAGE_ZH = (
    r"(?:账户|帐户|账号|帐号|个人中心|用量|配额|额度|套餐|方案|点数|余额|钱包|计费|账单|订阅|会员)"
    r"[」』\"”】\]]?\s*(?:页面|页|中心|栏|标签|分页|设置|面板|tab|page)"
)
_QUOTA = re.compile(
    r"\b(?:quota|credits?|balance|usage|limit|allowance|plan|renew\w*|reset\w*|remaining)\b"
    r"|配额|额度|用量|余额|点数|积分|套餐|方案|重置|续费|到期|剩余|还剩",
    re.IGNORECASE,
)
_SHOWN = re.compile(
    r"\b(?:shows?|showing|shown|displayed|listed|visible|lists?|displays?|will\s+show|you['’]ll\s+(?:find|see)|you\s+can\s+"
    r"(?:see|find|check)|check|see|look\s+at|open|visit|go\s+to|head\s+to)\b"
    r"|显示|看到|查看|看看|看一下|能找到|找到|列出|写着|可见|打开|去|到|睇",
    re.IGNORECASE,
)
_CREDITS = re.compile(_PAGE_EN + "|" + _PAGE_ZH, re.IGNORECASE)
# the page's numbers named as what it holds ("Your account page has the numbers")
_HOLDS = re.compile(
    r"\b(?:has|have|holds?|keeps?)\s+(?:all\s+)?(?:the|your)\s+(?:numbers|figures|totals?|breakdown"
    r"|balance|details)\b",
    re.IGNORECASE,
)
# the balance's own control named as what shows it ("The little coin icon next to your avatar
# shows it", 头像旁边的金币图标会显示)
_ICON = re.compile(
    r"\b(?:coins?|credits?|wallet|balance|tokens?)\s+(?:icon|badge|counter|indicator|meter|symbol)\b"
    r"|(?:金币|金幣|积分|積分|钱包|錢包|点数|點數|余额|餘額)\s*(?:图标|圖標|icon|标志|標誌|徽章)",
    re.IGNORECASE,
)
# a step to check the balance is enough ("make sure you have enough credits", 确认积分够不够)
_ENOUGH = re.compile(
    r"\b(?:make\s+sure|check|double-check|confirm|ensure|verify)\s+(?:that\s+|whether\s+|if\s+)?"
    r"you(?:['’]ve|\s+have|\s+still\s+have)\s+(?:got\s+)?enough\s+(?:credits|coins|points|balance)\b"
    r"|\bmake\s+sure\s+(?:your\s+)?(?:balance|credits)\s+(?:covers?|(?:is|are)\s+enough)\b"
    r"|(?:确保|确认|確保|確認|检查|檢查|睇下|睇吓|看看|留意)[^。！？]{0,6}"
    r"(?:积分|積分|点数|點數|余额|餘額|额度|額度)[^。！？]{0,4}(?:够|夠|足够|足夠|充足)",
    re.IGNORECASE,
)
# the plan managed only if the user wants ("manage it under Subscription if needed",
# 如有需要可在「订阅」里管理): a report of the plan, no balance to look up
_OPTIONAL_MANAGE = re.compile(
    r"\b(?:manage|cancel|change|switch|update|adjust|modify)\b[^.!?]{0,60}?\b(?:if\s+(?:needed"
    r"|necessary|required|you\s+(?:want|wish|like|need)(?:\s+to)?)|any\s*time|whenever)\b"
    r"|\b(?:if\s+(?:needed|necessary)|should\s+you\s+(?:need|want)\s+to)\b[^.!?]{0,20}?"
    r"\b(?:manage|cancel|change|switch|update)\b"
    r"|(?:如有需要|有需要的话|有需要的話|需要的话|需要的話|有需要|随时|隨時)[^。！？]{0,20}?"
    r"(?:管理|取消|更改|修改|变更|變更|退订|退訂)"
    r"|(?:管理|取消|更改|修改|变更|變更|退订|退訂)[^。！？]{0,4}(?:即可|就可以)?[，,]?\s*(?:如有需要|有需要的话)",
    re.IGNORECASE,
)
_NOT_HERE = re.compile(
    r"\b(?:youtube|google|apple|app\s+store|play\s+store|stripe|paypal|tiktok|instagram"
    r"|capcut|adobe|canva|premiere|dropbox|icloud)\b|剪映|抖音|微信|支付宝"
    r"|\b(?:don['’]t|do\s+not|no\s+need\s+to|never)\s+(?:\w+\s+){0,2}?(?:check|open|visit|look)\b"
    r"|\b(?:her|his|their)\s+(?:account|billing|usage|plan|dashboard|wallet)\b"
    r"|不用|不需要|无需|唔使",
    re.IGNORECASE,
)


def balance_page(sentence: str) -> int | None:
    """Where `sentence` names the place the balance shows: a page of the account with the quota,
    the plan or its numbers ("Your account page has the numbers"), the balance's own icon
    ("The little coin icon next to your avatar shows it"), or a check that the credits are
    enough ("make sure you have enough credits"); None for another account or program, a
    negation, or a plan managed only if needed."""
    if _NOT_HERE.search(sentence) or third_party(sentence) or manage_if_needed(sentence):
        return None
    page = _CREDITS.search(sentence)
    shown = _SHOWN.search(sentence) or _HOLDS.search(sentence)
    if (
        page is not None
        and (_QUOTA.search(sentence) or _HOLDS.search(sentence))
        and (shown or page.group().lower().startswith("under"))
    ):
        return page.start()
    icon = _ICON.search(sentence)
    if icon is not None and shown:
        return icon.start()
    enough = _ENOUGH.search(sentence)
    return enough.start() if enough is not None else None


def manage_if_needed(sentence: str) -> bool:
    """Whether `sentence` leaves managing the plan to the user's wish ("This plan renews on 12
    June — manage it under Subscription if needed", 如有需要可以喺「訂閱」度管理): a report of
    the plan, no balance to look up."""
    return _OPTIONAL_MANAGE.search(sentence) is not None


# a top-up asked for (先充个值吧, 麻烦增值, "grab a top-up", "add some credits")
_TOP_UP = re.compile(
    r"充(?:个|個|一下|下|点|點|啲|些)?值|增值|储值|儲值|加值"
    r"|\b(?:top(?:\s+it)?\s+up|top-up|recharge|(?:add|buy|get|purchase)\s+(?:some\s+|more\s+)?"
    r"(?:credits|points|coins))\b",
    re.IGNORECASE,
)
_NO_TOP_UP = re.compile(
    r"不用|不需要|无需|唔使|不必|没必要|\b(?:no\s+need|don['’]t\s+need|needn['’]t|don['’]t|never)\b"
    r"|(?:已经|已經|已)(?:充|增|储|儲)|\b(?:topped\s+up|recharged|added\s+credits)\b",
    re.IGNORECASE,
)


def top_up_asked(sentence: str) -> int | None:
    """Where `sentence` asks for a top-up while it says the balance is short (账户里只有 30 点了，
    导出需要 80 点，先充个值吧): only the account can top up, so the credits show; None for a
    condition, a negation, a top-up done, another account or program."""
    m = _TOP_UP.search(sentence)
    if m is None or not short_balance(sentence) or _NO_TOP_UP.search(sentence):
        return None
    if _IF.search(sentence, 0, m.start()) or _NOT_HERE.search(sentence) or third_party(sentence):
        return None
    return m.start()
