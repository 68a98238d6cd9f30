"""Credits named as a reason, not asked (issue #10, round 32).

- a saving given as the reason for a setting ("export it in 720p to save credits",
  用720p导出，省点积分): the reason asks no balance, the rest of the turn is read alone;
- the credits given the go-ahead as a whole clause ("spend the credits, the colours are finally
  right", 使啲點啦，顏色終於啱晒): the paid step, the export, is ordered.

The price of an export asked ("导出4K的话要多少点？") is untouched: a question is never a
go-ahead. Only the routing reads the rewrite (`agent.router.pipeline`); the export it names
still passes every gate the rules hold (a wait, a condition, a negation, a question).

Pure regexes over the raw turn, lower-cased.
"""

from __future__ import annotations

import re

__all__ = ["credits_as_reason"]

_CREDITS_EN = r"(?:credits?|points?|creds|tokens?|money|cash|\$+)"
_CREDITS_ZH = r"(?:积分|積分|点数|點數|额度|額度|点|點|钱|錢|credits?)"
_SAVING = re.compile(
    rf"[\s,;:—–-]*\b(?:(?:in\s+order\s+)?to|so\s+(?:as\s+to|(?:that\s+)?(?:we|i|it)(?:\s+can)?)"
    rf"|and|for\s+now\s+to|just\s+to|i['’]?m\s+trying\s+to|i\s+am\s+trying\s+to"
    rf"|we['’]?re\s+trying\s+to|(?:i|we)\s+(?:want|need|have|would\s+like|wanna)\s+to|gotta)"
    rf"\s+(?:save|spare|conserve|keep|not\s+(?:waste|burn|blow))"
    rf"\s+(?:(?:some|a\s+few|a\s+bit\s+of|my|our|the|on)\s+)?{_CREDITS_EN}(?![a-z])"
    rf"|[\s,，;；]*(?:为了|為了|好)?(?:省|慳|悭|节省|節省|节约|節約)(?:返|番)?"
    rf"(?:点|點|啲|些|一点|一點|一些|下)?{_CREDITS_ZH}"
)
_SPEND = re.compile(
    r"(?:^|(?<=[.!;,]))\W*(?:(?:ok|okay|fine|alright|yes|yeah|yep|sure|right|just|go\s+ahead\s+and|lets|let's)\W+)*"
    rf"(?:spend|burn|use|blow)\s+(?:(?:the|those|my|our|some|them|these)\s+)?{_CREDITS_EN}"
    r"(?:\s+(?:on\s+it|then|already|now))?\s*(?=[,.;!—–]|\s-|$)"
    r"|(?:^|(?<=[,，。.!！;；]))\W*(?:(?:好|好啦|ok|okay)\W*)?(?:花|用|烧|燒|使|洗)(?:掉|咗|了)?"
    rf"(?:啲|呢啲|这些|這些|那些|嗰啲)?{_CREDITS_ZH}(?:吧|啦|喇|la|罢|罷)?\s*(?=[,，。.!！;；]|$)"
)

# a cheap look first: most turns name no credits at all
_NAMED = re.compile(r"cred|point|token|money|cash|\$|积分|積分|点|點|钱|錢|额度|額度")

# the saving is a reason only beside an export the turn orders ("is it worth going 720p to
# save credits?" asks the price)
_ORDERED = re.compile(r"export|render|download|bounce|[导導匯汇输輸]出|渲染|出片")
_ASKED = re.compile(
    r"[?？]|^\W*(?:is|are|does|do|would|should|will|can|could|what|how|which|whats|hows)\b"
    r"|吗|嗎|呢\s*$|要不要|好不好|值不值|值唔值|会不会|會不會"
)

# the price of an export asked in other words ("wants to know the price before we render",
# 导出4K的话贵多少？): the balance's question, read in the words the rules know
_PRICE = re.compile(
    r"\b(?:know|check|find\s+out|ask(?:ed|ing|s)?\s+(?:about|for)|get)\s+(?:the\s+|a\s+|your\s+)?"
    r"(?P<en>price|pricing|cost|quote)(?:\s+(?:first|upfront|up\s+front))?\b"
    r"|(?P<zh>贵多少|貴多少|贵几多|貴幾多|贵几多钱|贵了多少|贵咗几多|贵咗幾多)"
)


def _price_asked(found: re.Match[str]) -> str:
    return "要多少点" if found["zh"] else "know how many credits it costs"


def credits_as_reason(text: str) -> str:
    """The turn with a credits saving given as a reason dropped, a whole-clause go-ahead to
    spend the credits read as the export it orders and the price asked in other words as the
    credits' question; the turn itself when none is there."""
    said = text.casefold()
    if _ORDERED.search(said) is not None:  # the price of an export, asked
        said = _PRICE.sub(_price_asked, said)
    if _NAMED.search(said) is None:
        return text
    if _ORDERED.search(said) is not None and _ASKED.search(said) is None:
        said = _SAVING.sub("", said)  # a reason beside an export ordered, never in a question
    out = _SPEND.sub("export it", said)
    return text if out == text.casefold() else out
