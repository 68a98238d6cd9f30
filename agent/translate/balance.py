"""What a reply says of the user's credits: a balance too short for the export, or a balance
and a price reported as numbers.

- SHORT ("needs 40 credits and your balance is 12", 积分不足, 需要 40 积分…剩余 12 积分): the
  user tops up first, so an export waits (`agent.translate.gates`); a balance said beside a
  price is short only when it is the smaller number (剩余 320 积分，导出需要 40 积分 is enough).
- REPORTED ("你当前还剩 320 积分，导出一条 1080p 视频大约需要 40 积分", "You have 320 credits
  left"): the numbers are the answer, no step to look them up; a sentence that also points at
  where the balance is ("check it in Wallet", 在「钱包」里查看) still asks for the look-up.

Pure; one folded sentence or reply in, a bool out.
"""

from __future__ import annotations

import re

__all__ = ["reports_balance", "short_balance"]

_SHORT = re.compile(
    r"not enough credits|insufficient (?:credits|balance)|out of credits|(?:no|zero) credits left"
    r"|credits? (?:are |is )?(?:too low|insufficient)|balance is too low"
    r"|needs? \d+ credits[^.]{0,40}(?:balance|you have|left)|you only have \d+"
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
_COST = re.compile(r"需要\s*(\d+)\s*(?:个)?(?:积分|点)")
_LEFT = re.compile(r"(?:剩余|只有|得返|仅剩|还剩|剩下|余额(?:为|是)?)\s*(\d+)\s*(?:个)?(?:积分|点)")
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
    return said or bool(cost and left and int(left.group(1)) < int(cost.group(1)))


def reports_balance(sentence: str) -> bool:
    """Whether a sentence reports credits as numbers (a balance, a price) and points at no
    place to look them up: its look-up has nothing to show."""
    return _AMOUNT.search(sentence) is not None and _LOOK.search(sentence) is None
