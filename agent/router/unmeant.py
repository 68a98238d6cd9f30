"""Export words the user does not mean as an order now, and balance words about something else.

The export's gate after every stage (`agent.router.pipeline`): an export word the turn says in
another sense never spends credits. Each class is read as a general rule:

- sarcasm over the export ("oh sure, export it, because … is exactly what everyone wants 🙄",
  导出吧，才怪): an eye-roll, "yeah right", "… not", "exactly what everyone wants";
- a counterfactual ("I'd export it if it weren't so dark", 要不是太暗我就导出了);
- the word in another sense: material fetched for the video ("download a stock clip of rain and
  add it"), a job or a trade ("export manager", 外贸出口), the how of it (點樣download條片㗎,
  "how do I export"), what it can do ("can I export this as a gif?"), a render past and
  complained about (又 render 咗成個鐘);
- praise alone ("😍😍😍 love it!! 💯"): approval of the look, no order to render.

And the balance's gate: credit words about the video's topic or another account (信用卡额度,
攒积分换机票, "balance beam", "building credit") ask for no balance look-up.

Pure regexes over the prepared text (`agent.router.text.prepare`: lower case, no apostrophes,
emoji dropped, 咗 read as 了); the raw text only for the eye-roll emoji.
"""

from __future__ import annotations

import re

from agent.router.depicted import given_credit, scene_spans

__all__ = ["credits_elsewhere", "edits_called_off", "export_unmeant", "praise_only"]

_EXPORT = r"(?:re-?)?(?:export|render|download)[a-z]*|[导導][出]|[汇匯]出|渲染|出片|下[载載]|出口"
_EXPORT_RE = re.compile(rf"(?<![a-z])(?:{_EXPORT})")

# --- sarcasm: a cue anywhere in a turn with an export word -------------------------------------
_EYE_ROLL = re.compile("[\U0001f644\U0001f612\U0001f643]")
_SARCASM = re.compile(
    r"(?<![a-z])(?:yeah\s+right|ya\s+right|(?:^|[,.;!?]\s*)as\s+if\s*(?:[!.]|$)|sure\s+sure|(?:exactly|just|precisely)\s+what"
    r"\s+(?:every(?:one|body)|the\s+(?:world|client|audience|viewers?)|people|nobody|viewers)\s+"
    r"(?:wants?|wanted|needs?|needed|asked\s+for)|what\s+could\s+(?:possibly\s+)?go\s+wrong"
    r"|(?:oh|ah)\s+(?:sure|great|yeah|yes|wonderful|brilliant|perfect)\b[^.;!?]*\b(?:because|cause"
    r"|cuz|coz|since)|because\s+that\s+(?:worked|went)\s+so\s+well|great\s+idea\W+not"
    # round 36: a fault left in on purpose, its effect mocked ("oh sure, export it with my name
    # spelled wrong, that'll impress everyone")
    r"|(?:oh|ah|yeah)\s+(?:sure|great|perfect|right)\b[^.;!?]*\b(?:wrong|broken|typos?|misspel\w*"
    r"|blurry|muted|off)\b|that(?:ll|\s+will)\s+(?:impress|wow|delight|thrill|dazzle)\s+"
    r"(?:every(?:one|body)|the\s+(?:client|boss|team|audience)|them)"
    r"|(?:\.{2,}|,|-|\u2014)\s*not\s*[!.]*\s*$)"
    r"|才怪|鬼才|呵呵|反正(?:也)?(?:没|冇|沒)(?:人|有人)(?:看|睇|在乎|理)|谁(?:会)?(?:在乎|看|理)"
    r"|邊個(?:會)?(?:睇|理)|边个(?:会)?(?:睇|理)|真(?:是)?(?:太)?(?:棒|好|聪明)(?:了|极了)?呢"
)
# --- a counterfactual: what the user would do were things otherwise ---------------------------
_COUNTERFACTUAL = re.compile(
    r"(?<![a-z])(?:id|wed|(?:i|we)\s+(?:would|could|wouldve|couldve|would\s+have|could\s+have))\s+"
    rf"(?:[a-z]+\s+){{0,3}}?(?:{_EXPORT})[^.;!?]*?\bif\s+(?:only\b|(?:[a-z]+\s+){{0,4}}?"
    r"(?:werent|wasnt|were\s+not|was\s+not|didnt|did\s+not|hadnt|had\s+not|were)\b)"
    r"|(?<![a-z])if\s+(?:only\s+)?(?:[a-z]+\s+){0,4}?(?:werent|wasnt|were\s+not|was\s+not|hadnt"
    rf"|had\s+not)\b[^.;!?]*?\b(?:id|wed|(?:i|we)\s+(?:would|could))\s+(?:[a-z]+\s+){{0,3}}?"
    rf"(?:{_EXPORT})"
    r"|(?<![a-z])if\s+only\s+(?:i|we)\s+could\s+(?:[a-z]+\s+){0,2}?(?:" + _EXPORT + r")"
    r"|(?:要不是|要唔係|要不係|若不是|如果不是|如果唔係|如果不係|不是因为|唔係因為|不係因為)"
    rf"[^.;!?]{{0,24}}?(?:{_EXPORT})"
    rf"|(?:早就|早已|本来|本來|本应|本應)(?:想|要|可以|会|會)?[^.;!?,]{{0,4}}?(?:{_EXPORT})"
)
# --- another sense of the word, a span over the export word it covers -------------------------
_MATERIAL = (
    r"(?:stock|free|royalty[-\s]?free|clips?|footage|music|songs?|tracks?|sounds?|sfx|effects?"
    r"|fonts?|images?|photos?|pictures?|pics?|gifs?|templates?|assets?|b-?roll|backgrounds?"
    r"|loops?|beats?|audio|videos?\s+of|stickers?|overlays?|luts?|presets?|素材|音效|音乐|音樂|图片"
    r"|圖片|照片|歌|字体|字體|模板|背景)"
)
_OTHER_SENSE = re.compile(
    # material fetched for the video: "download a stock clip of rain and add it behind the title"
    r"(?<![a-z])download(?:ing)?\s+(?:(?:a|an|some|any|one|two|three|few|couple\s+of|free|more)"
    rf"\s+)(?:[a-z-]+\s+){{0,3}}?{_MATERIAL}(?![a-z])"
    rf"|(?<![a-z])download(?:ing)?\s+(?:[a-z-]+\s+){{0,4}}?{_MATERIAL}(?![a-z])[^.;!?]*?\bfrom\s+"
    r"(?:youtube|pexels|pixabay|unsplash|freesound|envato|the\s+(?:internet|web)|online|google)"
    r"|(?<![a-z])download(?:ing)?\s+(?:[a-z-]+\s+){0,5}?(?:and|then)\s+(?:add|put|use|insert|place"
    r"|drop|overlay|layer|stick|paste)\b"
    r"|下[载載](?:一(?!下)|几|幾|些|个|個|段|首|张|張|套|点|點)[^,.;!?]{0,10}?(?:素材|音乐|音樂|歌|字体"
    r"|字體|图|圖|照片|音效|背景|模板|视频|視頻|片段|bgm)"
    # a job, a trade or a business ("export manager", "import/export company", 外贸出口)
    r"|(?<![a-z])(?:import\s*(?:/|and|&|-)\s*)?export(?:s|ing)?\s+(?:manager|director|officer"
    r"|business|company|companies|firm|license|licence|trade|goods|products?|markets?|sales"
    r"|department|dept|team|office|industry|regulations?|duty|duties|tariffs?|controls?|agent"
    r"|volumes?|figures|fair|growth|quotas?|ban|deals?)\b|(?<![a-z])exporters?\b"
    r"|出口(?:商|贸易|貿易|公司|业务|業務|经理|經理|产品|產品|市场|市場|额|額|量|许可|許可)?"
    r"|外[贸貿]|[进進]出口"
    # the how of it: 點樣download條片㗎, 怎么导出, "how do I export"
    r"|(?:[点點][样樣]|點|怎么|怎麼|怎样|怎樣|如何|咋|点么|點麼|點先)\s*(?:先|才|可以|能|至|先可以)?"
    rf"\s*(?:{_EXPORT})"
    r"|(?<![a-z])how\s+(?:do|can|could|would|should|does|did)\s+(?:i|we|you|one|people)"
    rf"\s+(?:[a-z]+\s+){{0,2}}?(?:{_EXPORT})|(?<![a-z])how\s+to\s+(?:{_EXPORT})"
    # what it can do: "can I export this as a gif?", 可以导出成gif吗
    r"|(?<![a-z])(?:can|could|may)\s+(?:i|we)\s+(?:also\s+|even\s+)?(?:" + _EXPORT + r")"
    r"[^.;!]*?\b(?:as|in|to|into)\b[^.;!]*\?"
    r"|(?<![a-z])(?:is\s+it\s+possible|is\s+there\s+a\s+way|are\s+we\s+able|am\s+i\s+able)\s+to\s+"
    rf"(?:{_EXPORT})|(?<![a-z])(?:does|do|can)\s+(?:it|this|the\s+app|you\s+guys)\s+(?:support\s+)?"
    rf"(?:{_EXPORT})[^.;!]*\?"
    rf"|(?:能不能|可不可以|可唔可以|能否|支不支持|支唔支持|支持)(?:{_EXPORT})(?:成|为|為|做)"
    # a render past and complained about: 又 render 咗成個鐘, "it rendered for an hour again"
    r"|(?:又|又再|都|已经|已經|成日|每次|老是|总是|總是)\s*(?:" + _EXPORT + r")\s*(?:了|过|過)"
    rf"|(?:{_EXPORT})\s*(?:了|过|過)\s*(?:成|一|半|好|几|幾|两|兩|\d)[^,.;!?]{{0,4}}?(?:钟|鐘"
    r"|小时|小時|分钟|分鐘|耐|久|天|晚|夜)"
    # 渲染 as "to play up" (渲染气氛, 渲染情绪): a mood, no render
    r"|渲染(?:一下|下)?(?:气氛|氣氛|情绪|情緒|氛围|氛圍|感情|紧张|緊張)"
)
# --- praise alone: nothing but approval of the look --------------------------------------------
_PRAISE_WORD = (
    r"love\s+(?:it|this|that)|loving\s+(?:it|this)|obsessed|amazing|awesome|beautiful|gorgeous"
    r"|stunning|incredible|wow+|omg+|yay+|so\s+good|great|nice|cool|sick|fire|lit|dope|epic"
    r"|brilliant|fantastic|wonderful|lovely|cute|adorable|love|best|ever|so|very|really|totally"
    r"|absolutely|just|this|is|its|looks?|perfect|oh|my|god|haha+|lol|lmao|amazing|perfection"
    r"|chefs\s+kiss|goat|slaps|banger|masterpiece|好正|正|好靓|靓|好睇|好看|太好了|太棒了|好棒|棒"
    r"|绝了|絕了|爱了|愛了|喜欢|喜歡|太|好|真|了|啊|呀|喔|哇|噢|嘩|哗|超|劲|勁|犀利|厉害|厲害|赞|讚"
    r"|牛|完美"
)
_WORDED = re.compile(r"[a-z\u3400-\u9fff]")
_PRAISE_ONLY = re.compile(rf"^(?:\W|\d|_|(?:{_PRAISE_WORD})(?![a-z]))*$")
# --- credit words in another sense -------------------------------------------------------------
_CREDIT_WORD = re.compile(
    r"(?<![a-z])(?:credits?|creds|points?|balance|tokens?)(?![a-z])|积分|積分|余额|餘額|点数|點數|额度|額度"
)
_CREDIT_ELSEWHERE = re.compile(
    r"(?<![a-z])credit\s+(?:cards?|scores?|limits?|history|union|ratings?|reports?|lines?)"
    r"|(?<![a-z])(?:build|building|built|improve|improving|repair|repairing|bad|good|poor|your"
    r"|store|tax|extra|photo|image|music|song|opening|end|closing)\s+credits?(?![a-z])"
    r"|(?<![a-z])balance\s+(?:beam|beams|transfers?|sheets?|boards?|bikes?|training|exercises?"
    r"|balls?|of\s+power|of\s+(?:nature|life)|poses?)"
    r"|(?<![a-z])(?:work|life|colou?r|white|audio|sound|stereo|tonal|bank|checking|savings"
    r"|card|loan|mortgage|trade)[\s-]+balance(?![a-z])"
    r"|(?<![a-z])(?:loyalty|reward|rewards|airline|bonus|frequent\s+flyer|reward)\s+points?"
    r"|(?<![a-z])points?\s+(?:to|for)\s+(?:flights?|miles|travel|hotels?)"
    r"|(?:信用卡|信用|花呗|花唄|借呗|白条|贷款|貸款|银行|銀行|房贷|房貸|航空|会员|會員|超市|商场|商場)"
    r"(?:的)?(?:积分|積分|余额|餘額|额度|額度)?|分期|余额宝|餘額寶"
    r"|[攒攢存赚賺刷](?:了)?(?:点|點|些)?(?:积分|積分|里程)|(?:积分|積分)(?:换|換|兑|兌)"
)
# the video's topic: what follows is content, never the user's own balance
_TOPIC = re.compile(
    r"(?<![a-z])(?:(?:video|clip|reel|ad|film|story|it|this|vid|short|piece|episode|tutorial)s?"
    r"\s+(?:is|are|will\s+be|should\s+be)\s+(?:all\s+)?(?:about|on)|(?:about|explaining|explains"
    r"|explain)\s+(?:how|why|what)|topic\s+is|(?:a|an|the)\s+(?:[a-z]+\s+)?(?:ad|advert|commercial"
    r"|promo|explainer|tutorial)\s+(?:about|for|on))\b"
    r"|(?:讲的是|講的是|讲|講|介绍|介紹|关于|關於|主题是|主題是|内容是|內容係|講緊|讲述|講述|教人"
    r"|视频里|視頻里|视频里面|片入面|片度)"
)
# the user's own balance asked about: it stays whatever else the turn says
_OWN_BALANCE = re.compile(
    r"(?<![a-z])(?:my|our|how\s+many|how\s+much|remaining|left|enough)\s+(?:[a-z]+\s+)?"
    r"(?:credits?|points?|balance|creds|tokens?)(?![a-z])"
    r"|(?:我|我们|我們|我的|帐户|帳戶|账户|賬戶)(?:还|還)?(?:有|剩|剩下)?(?:多少|几多|幾多)?"
    r"(?:积分|積分|余额|餘額|点数|點數)|(?:积分|積分|余额|餘額|点数|點數)(?:还)?(?:剩|有)?(?:多少|几多|幾多)"
)


def _covered(text: str, spans: list[tuple[int, int]]) -> bool:
    words = [m.span() for m in _EXPORT_RE.finditer(text)]
    return bool(words) and all(any(s <= a < e for s, e in spans) for a, _ in words)


def praise_only(text: str) -> bool:
    """Whether the prepared turn `text` is nothing but praise ("love it!!", 好靚呀): approval
    of the look, which asks neither an export nor a balance."""
    return _WORDED.search(text) is not None and _PRAISE_ONLY.match(text) is not None


def export_unmeant(text: str, raw: str = "") -> bool:
    """Whether the prepared turn `text` (its `raw` words for emoji) names an export only in a
    sense other than an order now: sarcasm, a counterfactual, another sense of every export
    word in it, or praise alone."""
    if praise_only(text) or _EYE_ROLL.search(raw):
        # an eye-roll beside whatever word planned the export ("perfect. ship it 🙄"): sarcasm
        return True
    if not _EXPORT_RE.search(text):
        return False
    if _SARCASM.search(text) or _COUNTERFACTUAL.search(text):
        return True
    return _covered(text, [m.span() for m in _OTHER_SENSE.finditer(text)])


def credits_elsewhere(text: str) -> bool:
    """Whether every balance word of the prepared turn `text` is about something else: a card,
    a score, a gymnastics beam, the video's topic, a credit given in the video ("credit the
    music to …", 鸣谢) or a scene's content; never when the user asks after their own
    balance."""
    words = [m.start() for m in _CREDIT_WORD.finditer(text)]
    # a line in a scene is the scene's ("主角说：我的余额不够了"), not the user's own question
    scenes = scene_spans(text)
    own = (m.start() for m in _OWN_BALANCE.finditer(text))
    if not words or any(not any(s <= o < e for s, e in scenes) for o in own):
        return False
    spans = [m.span() for m in _CREDIT_ELSEWHERE.finditer(text)]
    # rt27: "credit the music to …", 鸣谢; "a scene where the teller reads out the balance"
    spans += given_credit(text) + scenes
    topic = min((m.start() for m in _TOPIC.finditer(text)), default=len(text) + 1)
    return all(w >= topic or any(s <= w < e for s, e in spans) for w in words)


# --- an edit called off beside the export ("算了，字幕不用改了，直接导出吧") ---------------------
_CALLED_OFF = re.compile(
    r"(?:不用|不必|别|別|不要|不使|唔使|免|没必要|沒必要|无需|無需)(?:再|去)?(?:改|动|動|调|調|换|換|弄|搞"
    r"|修|剪|加)(?:了|啦|喇|啰|咯|喎)?\s*$"
    r"|^\s*(?:算了|算啦|算吧|罢了|唔使啦|不使啦|不用了)\s*$"
    r"|(?<![a-z])(?:no\s+need\s+to|dont\s+(?:bother|need\s+to|worry\s+about)|never\s*mind|forget"
    r"|skip|nvm)\s+(?:[a-z]+\s+){0,3}?(?:change|changing|changes|fix|fixing|fixes|edit|editing"
    r"|edits|tweak|tweaking|tweaks|touch|touching|redo|redoing)\b[^,.;!?]*$"
    r"|(?<![a-z])leave\s+(?:the\s+|my\s+|our\s+)?[a-z]+(?:\s+[a-z]+)?\s+(?:as\s+(?:is|it\s+is|they\s+are)"
    r"|alone|be)\s*$"
    r"|^\s*(?:never\s*mind|nvm|forget\s+it|scratch\s+that)\s*$"
)
_CLAUSE = re.compile(r"[^,.;!?]+")


def edits_called_off(text: str) -> str | None:
    """The prepared turn `text` without the clauses that call an edit off ("字幕不用改了",
    "never mind the caption fix", "leave the font as is"), when it has any and an export
    word stands outside them; else None."""
    clauses = [m.group() for m in _CLAUSE.finditer(text)]
    kept = [c for c in clauses if _EXPORT_RE.search(c) or not _CALLED_OFF.search(c)]
    if len(kept) == len(clauses) or not any(_EXPORT_RE.search(c) for c in kept):
        return None
    return ", ".join(c.strip() for c in kept)
