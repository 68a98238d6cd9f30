"""Chatter read as a balance or a state question (issue #10, round 32): pride or feelings
("this is the best thing I've made 🥹", 我好自豪), a musing ("what if we tried it in sepia?
just thinking", 只是想想), a question about what to do with someone's feedback ("my boss just
said 'meh', now what?", 老板说一般般，那现在怎么办？). Each goes to the agent (`sse`): no balance
or state was asked unless the turn names it (credits, balance, status, progress, 积分, 进度…).

Pure regexes over the prepared text (lower case, apostrophes dropped, quotes masked).
"""

from __future__ import annotations

import re

__all__ = ["chatter_only"]

_FEELING = re.compile(
    r"\b(?:(?:im|i\s+am|so|really|super|honestly|genuinely|feeling)\s+(?:so\s+|really\s+|super\s+)?"
    r"(?:proud|happy|emotional|moved|touched|excited|stoked|thrilled|in\s+love|teary|tearing\s+up"
    r"|crying|blessed|grateful)"
    r"|(?:best|favou?rite|proudest|coolest|nicest)\s+(?:thing|video|edit|piece|work|project|cut)"
    r"\s+(?:(?:i|we)\s+)?(?:ive|i\s+have|weve|we\s+have|i|we|has)?\s*(?:ever\s+)?"
    r"(?:made|done|created|edited|produced|shot|put\s+together|had)"
    r"|cant\s+believe\s+(?:i|we)\s+(?:made|did)|made\s+me\s+(?:cry|tear\s+up|emotional))\b"
    r"|自豪|骄傲|驕傲|感动|感動|好感动|好開心|好开心|开心到|開心到|哭了|喊咗|最好的(?:一条|一條|一个|一個)?"
    r"(?:视频|視頻|作品|片)|最满意|最滿意|最钟意|最鍾意"
)
_MUSING = re.compile(
    r"\b(?:just\s+(?:thinking|musing|wondering\s+aloud|a\s+thought|an\s+idea|daydreaming|spitballing)"
    r"|thinking\s+out\s+loud|random\s+thought|idle\s+thought|no\s+action\s+needed|not\s+a\s+request)\b"
    r"|只是想想|随便想想|隨便想想|纯粹想想|純粹想想|突发奇想|突發奇想|諗下咋|谂下咋|诸下咋|随口说说|隨口說說"
    r"|随便问问|隨便問問|只是随口"
)
_FEEDBACK = re.compile(
    r"\b(?:said|says|thinks|thought|called\s+it|replied|responded|reacted|wrote\s+back|hated|hates"
    r"|disliked|didnt\s+like|doesnt\s+like|rejected|was\s+like)\b[^?]{0,60}?"
    r"\b(?:now\s+what|what\s+now|what\s+(?:do|should|can)\s+(?:i|we)\s+do|what\s+next"
    r"|how\s+(?:do|should)\s+(?:i|we)\s+(?:respond|reply|react|handle)|where\s+do\s+(?:i|we)\s+go)"
    r"|(?:说|說|话|話|讲|講|觉得|覺得|回复|回覆|评价|評價|不喜欢|不喜歡|唔钟意|唔鍾意)[^?？]{0,30}?"
    r"(?:怎么办|怎麼辦|点算|點算|咋办|咋辦|点搞|點搞|怎么搞|怎麼搞|下一步)"
)
_NAMED = re.compile(
    r"\b(?:credits?|balance|points?|creds|tokens?|cost|costs|price|status|progress|eta|timeline"
    r"|how\s+(?:far|long|much|many)|ready|done\s+yet)\b"
    r"|积分|積分|余额|餘額|点数|點數|多少钱|多少錢|进度|進度|状态|狀態|时间线|時間線|好了没|好咗未"
)


def chatter_only(said: str) -> bool:
    """Whether the prepared turn `said` is feeling, musing or a feedback question, naming no
    balance, cost, status or progress of its own."""
    if _NAMED.search(said):
        return False
    return any(r.search(said) for r in (_FEELING, _MUSING, _FEEDBACK))
