"""Paraphrases read as the plain form the rules already route (round 25).

Each entry rewrites one idea worded loosely into a form with the same plan: only the routing
reads the rewrite, the agent still gets the user's own words. The rewrites never add an export
word and never turn a question into a command:

- a readiness question before a plain request for the file ("video ready? send it over",
  剪完了吧？那就发我): the request alone, the export runs only on a finished video anyway;
- a negative question about the balance ("i don't have enough credits to export, do i?"):
  the balance question ("do i have enough credits to export?");
- the export left to the agent's own judgement ("export unless you think the audio's off"):
  the agent judging is settled (`agent.router.unsettled`), the clause asks no edit;
- a status word that is content: the status of something in the video ("the status of the dog
  in the second clip"), a UI element named Status in it (個Status欄; the English "status bar"
  the rules read as content already), or a status waved off ("status 唔使睇", "no need to
  check the status"): not a state question;
- feedback on the result ("hmm not quite what I had in mind", 不是我想要的): a change asked;
- a judgement asked of the agent ("tell me if the pacing is off"): the agent's look;
- the project's contents asked as what the user put in ("what media did i put in",
  我放了哪些素材进去): the state's answer;
- progress asked in slang ("still spinning over here", "any movement?", 仲喺度轉): progress;
- "where is my video" in Spanish, Portuguese or French ("donde esta mi video"): the state;
- a permission's "you can" before "go ahead and export": the request alone.

Pure regexes over the raw turn, lower-cased. The fallback model still reads the user's own
words (`agent.router.pipeline`).
"""

from __future__ import annotations

import re

__all__ = ["plain"]

_Q = r"[?？]"
_WORK = r"(?:video|vid|it|edit|cut|render|film|reel|clip|movie|project|thing|final(?:\s+cut)?)"
_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = (
    # "video ready? send it over", "is it done? then download it": the request alone
    (
        re.compile(
            rf"^\W*(?:(?:so|ok|okay|hey|yo)\W+)?(?:is\s+|are\s+)?(?:the\s+|my\s+|our\s+|that\s+)?"
            rf"{_WORK}\s+(?:all\s+)?(?:ready|done|finished|complete|good\s+to\s+go)(?:\s+yet)?\s*"
            rf"{_Q}+\s*(?:(?:cool|great|ok|okay|good)\W+)?(?=(?:just\s+|pls\s+|please\s+)?"
            r"(?:send|give|export|download|render|share|drop|pass|ship)\b)"
        ),
        "",
    ),
    (
        re.compile(
            r"^\W*(?:[剪做弄搞整改渲]|视频|片子|条片)(?:完|好|掂)(?:了|咗)?(?:吧|吗|嗎|未|没有?|沒有?|啦)"
            rf"\s*{_Q}\s*(?=(?:那|咁)?(?:就|便)?\s*(?:发|發|send|传|傳|俾|给|給)(?:给|給|俾)?我)"
        ),
        "",
    ),
    # "i don't have enough credits to export, do i?": the balance asked
    (
        re.compile(
            r"\b(?:i|we)\s+(?:do\s*n[o']?t|dont|don't)\s+have\s+enough\s+(credits?|points?|creds"
            r"|balance)\b([^,?]*?)\W*(?:do|have)\s+(?:i|we)\s*\??\s*$"
        ),
        r"do i have enough \1\2?",
    ),
    # "export unless you think the audio's off": the agent's judgement settles it
    (re.compile(r"[,\s]+unless\s+(?:you|u|ya)\s+(?:think|feel|reckon)\b[^.?!]*"), ""),
    # "you can go ahead and export": the permission's "you can" asks nothing of its own
    (re.compile(r"\b(?:you|u|ya)\s+(?:can|may)\s+(?:now\s+|just\s+)?(?=go\s+ahead\b)"), ""),
    # the status of something in the video, a Status element, a status waved off
    (
        re.compile(
            r"\bstatus\s+of\s+(?:the|my|our|his|her|this|that|a)\s+"
            r"(?!(?:\w+\s+)?(?:video|vid|videos|project|export|render|rendering|upload|uploads"
            r"|edit|edits|editing|job|task|draft|generation|reel|film|movie|montage|slideshow|asset|assets"
            r"|deliverable|deliverables|file|files|output|version|cut|piece|work|clip|clips|footage"
            r"|timeline|media|thing|things|credits?|balance|account|plan|subscription|points)\b)"
        ),
        "content about the ",
    ),
    (
        re.compile(r"(?<![a-z])status\s*(?:栏|欄|条|條|框)"),
        "状态栏",
    ),
    (
        re.compile(
            r"(?<![a-z])(?:status|progress)\s*(?:都|就)?\s*(?:唔使|唔洗|不用|不必|无需|無需|毋须|免)\s*"
            r"(?:睇|看|查|理|管)(?:了|啦|喇)?\W*"
            r"|\b(?:no\s+need\s+to|dont|don't|do\s+not)\s+(?:check|show|look\s+at|need)\s+(?:me\s+)?"
            r"(?:the\s+|my\s+)?(?:status|progress)\W*"
            r"|\b(?:skip|forget|never\s+mind|nevermind)\s+(?:the\s+|my\s+)?(?:status|progress)\W*"
        ),
        "",
    ),
    # feedback on the result: a change asked
    (
        re.compile(
            r"^\W*(?:(?:hmm+|hm+|um+|uh+|well|so|ok|okay|eh|meh)\W+)*(?:this\s+is\s+|thats\s+"
            r"|that's\s+|its\s+|it's\s+)?not\s+(?:quite|really|exactly|at\s+all|even\s+close\s+to)?"
            r"\s*what\s+(?:i|we)\s+(?:had\s+in\s+mind|wanted|pictured|imagined|expected|asked\s+for"
            r"|meant|was\s+going\s+for|was\s+after)\b"
            r"|^\W*(?:嗯+|唔+|呃+)?\W*(?:这|這|呢个|呢個|个|個)?(?:不是|唔系|唔係|並不是|并不是)"
            r"(?:我|我哋|我们)(?:想要|要|想)(?:的|嘅)"
        ),
        "please change it ",
    ),
    # a judgement asked of the agent: its look ("tell me if the pacing drags"), never whether
    # our work is done ("tell me if the render is finished": the state's)
    (
        re.compile(
            r"\b(?:tell\s+me|let\s+me\s+know)\s+(?:if|whether)\s+(?:the\s+|my\s+)?"
            r"(?!(?:\w+\s+)?(?:exports?|exported|exporting|renders?|rendered|rendering|downloads?"
            r"|downloaded|uploads?|uploaded|mp4|file|link)\b)([a-z]+(?:\s+[a-z]+)?)"
            r"\s+(?:(?:is|are|looks?|feels?|seems?|sounds?)\s+(?:a\s+bit\s+|too\s+|kinda\s+)?(?:off"
            r"|ok|okay|right|good|bad|weird|slow|fast|boring|dragging|working|clear|readable|loud"
            r"|quiet|choppy|smooth|long|short|flat|dark|bright|\w+ish)|drags?|works?|flows?|lands?"
            r"|fits?|hits?|syncs?|matches)\b"
        ),
        r"see if the \1 needs a change",
    ),
    # what the user put in: the project's contents
    (
        re.compile(
            r"\bwhat\s+(?:media|files?|clips?|photos?|pics?|videos?|footage|assets?|stuff|songs?"
            r"|music|images?)\s+(?:did|have)\s+(?:i|we)\s+(?:already\s+)?(?:put|add|added|drop"
            r"|dropped|upload|uploaded|load|loaded|throw|thrown|bring|brought)(?:\s+(?:in|into"
            r"|it|there|here))?\b"
            r"|(?:我|我哋|我们)(?:放|加|传|傳|上传|上傳|丢|掉|攞)(?:咗|了|过|過)?(?:哪些|什么|什麼|咩|乜嘢)"
            r"(?:素材|文件|片段|相|照片|视频|視頻|嘢|东西|東西)"
        ),
        "what is in the project",
    ),
    # where the video is, asked in Spanish, Portuguese or French ("donde esta mi video")
    (
        re.compile(
            r"\b(?:d[oó]nde|onde|cad[eê]|o[uù])\s+(?:est[aá]|fica|est|es|se\s+encuentra|esta\s+)?\s*"
            r"(?:(?:o|a|el|le|la)\s+)?(?:mi|el|meu|o|mon|ma|le|la)\s+(?:v[ií]deo|vid[eé]o|clip|proyecto|projeto|projet)\b"
        ),
        "where is my video",
    ),
    # progress in slang
    (
        re.compile(
            r"\b(?:still\s+spinning|any\s+movement|movement\s+yet|anything\s+moving)\b"
            r"|(?:仲喺度|还在|還在|一直)(?:转圈|轉圈|转|轉|loading)"
        ),
        "any progress",
    ),
)


def plain(text: str) -> str:
    """The turn with each loose wording above read as its plain form (the turn itself when
    none applies)."""
    said = text.casefold()
    out, last = said, ""
    for _ in range(3):  # one reading may bring the next into view ("…, do i? status 唔使睇")
        if out == last:
            break
        last = out
        for regex, replacement in _REWRITES:
            out = regex.sub(replacement, out)
    return text if out == said else out
