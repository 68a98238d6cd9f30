"""Probe sets written for the round-4 router work, one file per register group, each line written
fresh (not copied from another set) and scored on the whole router (rules, then the intent model).

First sight, before the round-4 changes: everyday 85/88 (96.6%), hard 173/222 (77.9%, 20
harmful: deferred and conditional exports). Later batches, each written after the fixes for the
one before and scored before tuning on it: everyday 30/30, 20/20, 20/20, 15/15 and 12/12; hard
45/50 (2 harmful), 44/50 (1), 22/30 (2), 20/25 (4) and 20/25 (1). The floors hold what the sets
score now.

probe_r5 (round 5): 60 lines in registers the round-5 training set lacks (multi-line lists, a
change of mind, the agent's words quoted back, suppositions, shouting, Singlish, hashtags, why-
complaints, share-to wording, "don't forget to export", times ahead, Traditional business and
Cantonese slang, Chinese internet slang), first sight 53/60 (6 harmful); then 40 lines written
after the first fixes to test them on new wordings, first sight 31/40 (5 harmful); then 50 in
the hard registers (dictation run-ons, non-native English, Cantonese and Traditional, internet
slang, business, earlier turns, conditionals, cost and progress without the obvious words),
first sight 44/50 (1 harmful: "send the file after you finish the subtitle" dropped the edit);
then 56 aimed at harm (exports named in habits, reports, embedded and subject questions, "key:
value" edits before an export, business negations), first sight 46/56 (9 harmful); 58 in the
everyday registers (typos, emoji, mobile wording, quoted titles, code-switching, lists, polite,
terse), first sight 56/58 (none harmful); 45 more harm-prone (alternatives offered, "tell me
when I can download", "an error when exporting", "聽日先出片", "…with the new song",
"exporting it is the last step"), first sight 33/45 (6 harmful); 48 in Chinese, Traditional
and Cantonese, first sight 40/48 (3 harmful: "导出的时候会不会掉帧", "等下再出片", "我朋友話出片
好耐"; two "before exporting, first…" lines relabelled to accept the router's convention that
"before X" does not ask for X); 50 about earlier and other exports, purposes and amendments
("the 2nd export was better", "fix the music so that it can be exported", "export it again but
this time with captions"), first sight 38/50 (4 harmful); 50 mixed everyday and hard, first
sight 45/50 (4 harmful: "we'll probably download it next week", "can the video be exported in
4k?", "where do exports go?", "the download worked, thanks"); 30 quoting the agent's or the
system's words, pasted replies ("> Would you like me to export it?" / "yes please"), titles with
trigger words and long dictation, first sight 20/30 (none harmful; two lines relabelled to
accept the safe default beside the labelled plan); a last mixed batch of 40 on the finished
round-5 router, first sight 37/40 (none harmful). All 527 at 100% after the round-5 classes.

probe_r6 (round 6): 98 lines in the classes the round-6 training set missed, ten or more per
class in both languages (cost slang, a balance question naming an export, conditions on the
price, text to show behind a colon, Cantonese export and giving-back words, a comparative
before 搞掂就匯出, the news that the edits are done, a phone that saved only a thumbnail, past
and deferred exports), first sight 63/98 (13 harmful); 65 on the traps and safety side ("roll
credits", 出口业务, someone else's export to come, cost and price conditions without the word
credits, edits before an export, bare exports), first sight 58/65 (2 harmful, and 3 exports on a
price condition left unchecked); 61 in the hard registers (dictation, non-native English,
Cantonese and Traditional, earlier turns, progress, business mail), first sight 58/61 (none
harmful; two lines relabelled to the earlier sets' conventions: "before you export, X" may plan
only X, and a note "please find attached" may upload); 41 on titles named without quotes, "save"
that keeps the work, questions about what an export will be and exports thanked for or sent on,
first sight 30/41 (11 harmful: "save my changes", "will the export have a watermark?", "导出来会
有水印吗", "thanks for the export! …", "we sent the render to the client …"); 40 terse, emoji,
typo, code-switched, negated and share/post lines, first sight 37/40 (1 harmful: "export: not yet.
music: softer"); 32 on slang edits joined to an export by "and" ("slap some lofi on it and
render", "整个滤镜再出片"), files fetched or made elsewhere, the user's own export under way and
questions that must not change anything, first sight 19/32 (13 harmful); 30 mixed lines on the
finished router, first sight 28/30 (1 harmful: "send it over once the captions are in"); 30 more on
credits and progress as content, long mail, costs of a past export and compound orders, first
sight 25/30 (3 harmful, all as on main: "we'll decide on the final export then", "still have
enough for another render or nah", "here's a pic — animate it and send it back as mp4"); 28 in
Cantonese and Traditional Chinese, first sight 25/28 (1 harmful, as on main: "下載咗啦，多謝！
再幫我整多個直版"); 28 in slang and Indian business English, first sight 23/28 (2 harmful:
"u rendering already? …", "Kindly share the export once the colour correction is completed";
main scores 22/28 with 3); 30 everyday lines in both languages, first sight 29/30 (the miss,
"上次导出的那个版本再发我一次" planning an edit first, came from this round's own rule and is
fixed). 479 of the 483 after the round-6 classes (main scores 394/483 with 51 harmful); left,
all to the agent or a read-only answer: "📤 pls" (an emoji alone is not read as an export),
"render pls, if I run out just tell me" (a condition it cannot place), "…配返首歌再出" (the bare
出 after 再) and "idk if i have enough creds lol, check".

probe_r7 (round 7, the export gate): 89 lines in the classes the round-6 sets' harm showed
(capability and cost questions naming an export word, render/渲染 of a part of the video, an
export word as a look, an export put off to a later day, non-native edits naming the video, an
edit asked "as before" then an export, and real exports in many forms), first sight 63/89 (21
harmful); then 85 fresh lines in the same classes written after the gate, first sight 76/85 (5
harmful: "輸出只可以係MP4？", "rendering twice more, would that wipe me out?", a look framed
around 下载, "export? later.", "the final video need more bright"); then 64 more, first sight
53/64 (6 harmful: capability questions in no request form - "yo can it spit out a webm or just
mp4", "do exports keep the alpha channel?", 能不能只导出音频, 是不是只能导出720p - "render the snow
falling heavier", 出片遲啲先); then 56 mixed lines, first sight 48/56 (5 harmful: "can it export 2
sizes at once or no", "another download, what's that gonna run me?", 渲染多啲煙霧效果, 被导出压缩过
的复古风, 导出先放着); then 50 more, first sight 44/50 (2 harmful: 渲染支唔支援HDR, "render a lens
flare over the sun"); then 38 on real exports worded with the gate's own words ("only export the
first 30 seconds", "the look is perfect, export") and export words in other senses (export
settings, a render bar, 出口贸易), first sight 30/38 (2 harmful: 导出以后还能改吗, "render's for
next week"); a last 38 mixed lines on the finished gate, first sight 35/38 (2 harmful: 出片等陣先,
"like the previous one — same font, same colors — then export" dropping the edit). 392/420
after, none harmful; the 28 left are read-only answers, a question sent to the agent, or an edit
planned beside an export, never an unasked export.

probe_r8 (round 8, the default-deny gate): 48 lines with export words in other senses (nouns,
modifiers, states, 好出片, 导出来的画面, 渲染中) and real requests in varied forms (pls/can you/go
ahead and, 帮我/给我/同我 + verb, verb + 吧/啦, then/然后/搞掂就), first sight on the round-7
router 36/48 (10 harmful: "my renders always come out blurry…", "downloads folder is full…", 现在
还在导出吗, 导出来的颜色偏黄, 这首歌好出片, 導出來的影片好暗, "the render queue thing…", "exports
used to take 2 min…"); then 26 more on the finished gate (terse and polite requests, Cantonese
幫手/跟住, states and modifiers), first sight 24/26 (1 harmful: 下载下来的视频有水印). 71/74 after,
none harmful; left: a state question read in "rendering is taking ages", "the render queue
thing…" read as credits, and 很出片 beside 几秒 (state).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from agent.router import build_router
from tests.conftest import FIXTURES

PROBES = {
    "probe_r4_everyday": (0.99, 0),
    "probe_r4_hard": (0.98, 0),
    "probe_r5": (1.0, 0),
    "probe_r6": (0.991, 0),  # 479/483
    "probe_r7": (0.938, 0),  # 392/420; after round 24: 394/420
    "probe_r8": (0.959, 0),  # 71/74
}


def _harmful(plan: list[str], case: dict[str, Any]) -> bool:
    wants = {a for p in case["expect"] for a in p}
    return plan in case.get("harmful", []) or (
        "export" in plan and ("export" not in wants or ("sse" in wants) > ("sse" in plan))
    )


@pytest.mark.parametrize("name", sorted(PROBES))
async def test_probe_set_keeps_its_score_with_no_harmful_route(name: str) -> None:
    floor, harmful_at_most = PROBES[name]
    router = build_router()
    path = FIXTURES / "router" / f"{name}.jsonl"
    cases = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    misses: list[tuple[str, list[str]]] = []
    harmful = 0
    for case in cases:
        plan = list((await router.route(case["text"], tuple(case.get("attachments", ())))).actions)
        if plan not in case["expect"]:
            misses.append((case["text"], plan))
            harmful += _harmful(plan, case)
    assert 1 - len(misses) / len(cases) >= floor, misses
    assert harmful <= harmful_at_most, misses
