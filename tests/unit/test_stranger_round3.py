"""Stranger-written sets scored at first sight on the finished language layer, then folded in.

Each set was written by someone who never read the router, the translator or the interpreter, and
scored once before any tuning. The floors below are those first-sight scores: a ratchet that only
a better layer may raise (the issues' targets are higher; see the closing notes). Misses named
here are the open work, not accepted behaviour.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from agent.local.interpreter.interpret import interpret
from agent.local.interpreter.phrasebook import load_phrasebook
from agent.local.interpreter.plan import Asset, InterpretContext, ToolStep
from agent.router import build_router
from agent.translate import translate
from agent.translate.tables import load_gui_tables
from tests.conftest import FIXTURES
from tests.unit.test_interpreter_support import assets, final_draft, starts, texts, track


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


ROUTER = {
    # first sight: 96/100 (2 harmful), 85/100 (4 harmful); before this layer 94% and 63% (11);
    # after the round-3 classes (edits before "then export", mentions reported or left for the
    # user's later word, "动图视频" made not exported): 98/100 and 88/100, none harmful; after
    # round 4 (deferral clauses, question-only cost/progress words, Cantonese forms): 100 and 98
    "round3_everyday": (0.99, 0),
    "round3_hard": (0.99, 0),  # 99/100 after the round-5 held-out classes
    # round 4 (r4): first sight 95/100 (3 harmful), 84/100 (8 harmful); before this session's
    # work 94/100 (4 harmful), 73/100 (10 harmful). After the round-4 classes (capability
    # questions, a title's wording, a refusal after "Export?", deferral by someone's word in
    # Chinese, revert/"do the thing" edits and Cantonese 配返/跟住 before an export, then
    # slang credits, 上载, "不是再改", a turn that only forbids, content up to "— could you"):
    # 100/100 and 100/100, none harmful
    "round4_everyday": (1.0, 0),
    "round4_hard": (1.0, 0),
    # round 5 training set ("r5t", 140 lines, everyday and hard registers mixed): first sight
    # 134/140 (95.7%), none harmful. Misses: 影片檔, dictated "period", where an earlier
    # export's file went (EN and ZH), a comparison ("is 'download' the same as export?") read
    # as a state question, a capability question beside a credits one. After the round-5
    # classes (see tests/unit/test_router_round5.py): 140/140
    "round5t": (1.0, 0),
    # round 6 training set ("r6t", 140 lines, everyday and hard registers mixed): first sight
    # 127/140 (90.7%), 4 harmful (a balance question naming a 4K render, a Cantonese condition on
    # "credit", a caption after a colon holding 下载, a Cantonese comparative dropped before
    # 搞掂就匯出). After the round-6 classes (see tests/unit/test_router_round6.py): 138/140, none
    # harmful; the two left plan only the credits check for an export on a credit condition
    # (the set also accepts the export after it, which nothing would check)
    "round6t": (0.98, 0),
    # round 5 held-out sets: first sight 94/100 (none harmful) and 90/100 (7 harmful: exports on
    # a credit or content condition, the user's decision to come, a past report in a bare present
    # form, the formal prohibition 勿, a reported how-to question). After those classes (see
    # tests/unit/test_router_round5.py) and a misspelt upload, a later word beside a file, the
    # price of one export, a supposition's check, what was uploaded, where earlier works went
    # "I'm done editing" and a money pictograph ("💰 left?"): 100/100 and 100/100, none harmful
    "round5_everyday": (1.0, 0),
    "round5_hard": (1.0, 0),
    # round 6 sets (stranger-written, trained on in round 7): first sight on the finished
    # round-6 code 98/100 (1 harmful) and 85/100 (7 harmful); on main before the round 97/100 (1)
    # and 85/100 (7). The harm was an export planned from words used in another sense (a
    # capability or cost question, render = draw, 渲染 = enhance, 动图 as a look, 下周才export,
    # "I need the video more fast") and an edit dropped before 弄完导出. After the export gate
    # (agent/router/request.py, tests/unit/test_router_gate.py): 99/100 and 92/100, none harmful;
    # the misses left are read-only or an export taken for the agent (sse), none harmful
    "round6_everyday": (0.99, 0),
    "round6_hard": (0.94, 0),  # 93/100 after the default-deny gate (round 8): 出咗佢啦; 94 r22
    # round 7 sets (stranger-written, trained on in round 8): first sight on the finished
    # round-7 router 92/100 (2 harmful) and 88/100 (2 harmful); main before the session 92/100
    # (2) and 82/100 (8). The harm was an export word in another sense falling through the
    # gate's default (a noun, 好出片, 导出来的画面, 渲染中). After the default-deny gate
    # (agent/router/evidence.py, tests/unit/test_router_default_deny.py): 97/100 and 92/100,
    # none harmful
    "round7_everyday": (0.97, 0),
    "round7_hard": (0.92, 0),
    # r9t first sight on main 0a25c24: everyday 69/70 0 harmful, hard 66/70 1 harmful (an export
    # put off until another team's okay, 等市场部那边ok了再渲染). After the round-9 classes (waits
    # on someone's word in any register, run-on edits before the export, unread-language edits,
    # the later stages' export gate; tests/unit/test_router_round9.py): 70/70 and 68/70, none
    # harmful; open: "I don't understand what is inside my project now, please show" (state) and
    # "same as last time, render it out" planned with an edit first
    "round9t_everyday": (1.0, 0),
    "round9t_hard": (0.98, 0),  # 69/70 after round 10 ("same as last time, render it out")
    # r9 held out, first sight on the round-9 code f4d778e: everyday 100/100 0 harmful, hard
    # 91/100 1 harmful ("❌ export, just fix the typo" exported). After the round-10 classes
    # (refusing emoji and "nah" beside an export word, accented unread edits, the last export's
    # settings, the business imperative, a read-only answer beside a wait;
    # tests/unit/test_router_round10.py): 100/100 and 98/100, none harmful; open: "if I have
    # enough credits, export it" (the credits check alone, by the round-5 rule) and "ponle
    # música y luego lo exportas" (sse: the Spanish verb's endings are not read; read since
    # round 17, agent/router/romance.py: 99/100)
    "round9_everyday": (1.0, 0),
    "round9_hard": (1.0, 0),  # 100/100 since enough credits runs the export too (round 22)
    # r10 held out, first sight on the round-10 code 9e4af99: everyday 100/100 0 harmful, hard
    # 95/100, none harmful by this count, but one plan ran an export before the edit the same
    # message asked for (export, sse, export for "We need the final asset by EOD; please update
    # the lower third … and render"): held since by every plan's order invariant
    # (invariants.edits_first, tests/unit/test_router_plan_order.py), 96/100. Open: "Before
    # export, … After, do the export." (sse only), "wya on the render" (state), a client's
    # approval already given ("she's happy with it so … download it now": an edit planned first),
    # a title's "credits line" read as a credits question
    "round10_everyday": (1.0, 0),
    "round10_hard": (0.96, 0),
    # r13t (training), first sight on 7c3d693 before any round-13 change: 73/80 (91.2%), none
    # harmful. After the round-13 classes (a wait mark beside an export word, praise or an
    # approval told beside a command, "the finished mp4" an adjective, "let me have the file",
    # a courtesy after the export word; tests/unit/test_router_harm.py): 78/80, none harmful.
    # Open: a Hinglish title's words read as its text, "is it actually on there now?" (sse)
    "stranger_round13t": (0.975, 0),
    # r13 (training for round 14), first sight on 7c3d693 (before round 13): everyday 98/100
    # none harmful, hard 89/100 (2 harmful); on the round-13 router 9566817: 98/100 none harmful,
    # 91/100 (2 harmful: "VO arrives monday so render after that" and "render me a cute cat
    # animation from this pic" exported). After the round-14 classes (a deferral pointing back to
    # something awaited, an export verb making a new thing or naming an asset, no upload beside
    # other steps without a file, praise and approvals told, a suggestion asked, a tag question;
    # tests/unit/test_router_harm.py, test_router_round14.py): 100/100 and 99/100, none harmful.
    # Open: "music's fixed, i checked. download the final cut pls" (the report read as an edit)
    "stranger_round13_everyday": (1.0, 0),
    "stranger_round13_hard": (0.99, 0),
    # r14 (training for round 15), first sight on the round-13 router: everyday 99/100 none
    # harmful, hard 89/100 (2 harmful); on the round-14 router 616f1e8: 99/100 none harmful,
    # 90/100 (2 harmful: "render me a corgi chasing a frisbee in slow mo" and "Client review
    # first, then render — meanwhile …" exported). After the round-15 classes from the allow
    # side (an indefinite object exports only when it is one of our deliverables, an export
    # after a first step runs only when that step is an edit the turn asks for;
    # tests/unit/test_router_harm.py, test_router_round15.py) and what the user's work holds
    # asked in the perfect ("what clips have i added", state) and the cost asked for as an order
    # ("lmk the cost", credits): 100/100 and 93/100, none harmful.
    # Open: Taglish "pa-export na lang po", an approval told before "so pls export" (sse),
    # an sse added beside "export it again … download got corrupted" and "don't change
    # anything, just export it as is", a state question after a Taglish hold, a middle edit
    # dropped from "show me the timeline, then drop the second clip, then tell me my credits"
    "stranger_round14_everyday": (1.0, 0),
    # round 17: "export it again … corrupted" exports alone; after round 24: 97/100
    "stranger_round14_hard": (0.97, 0),
    # stranger_round15_{everyday,hard}: held out, written by strangers without sight of the code
    # and never tuned on. First sight on the round-14 router (616f1e8): 97/100 and 92/100, none
    # harmful; on the round-15 router (684e8d1), the same. Kept as found, as regression floors.
    "stranger_round15_everyday": (0.97, 0),
    "stranger_round15_hard": (0.92, 0),
    # stranger_round17_{everyday,hard}: r17 training sets, written by strangers without sight of
    # the code; first sight on 082c8ea: 99/100 (none harmful) and 83/100 (3 harmful: an edit
    # asked through "finalize" and one in a run-on beside a file dropped before the export, a
    # waved-off edit sent before it). After the round-17 classes
    # (tests/unit/test_router_round17.py): 100/100 and 98/100, none harmful. Open: "如果积分够的话
    # 就直接导出吧" plans the credits check only (round5_hard labels its export harmful), and the
    # self-correction "导出吧……算了，还是先别导，我再看看" goes to the agent (sse, no export)
    "stranger_round17_everyday": (1.0, 0),
    # after round 24: 99/100 (直接 after enough credits gives the go-ahead: the check, the export)
    "stranger_round17_hard": (0.99, 0),
    # stranger_round18_{everyday,hard}: r18 training sets, written by strangers without sight of
    # the code; first sight on 082c8ea 98/100 (0 harmful) and 80/100 (2 harmful); on 7f5a448
    # 98/100 and 81/100 (2 harmful: a hedge over the render, "i dont think we should … render",
    # and a later "actually scratch the export part"). After the round-18 classes (the export's
    # last gate, tests/unit/test_router_retraction.py; tests/unit/test_router_round18.py):
    # 100/100 and 94/100, none harmful
    "stranger_round18_everyday": (1.0, 0),
    "stranger_round18_hard": (0.94, 0),
    # stranger_round19_{everyday,hard}, stranger_round20_hard: written by strangers without sight
    # of the code; first sight on 082c8ea: r19 99/100 (0 harmful) and 88/100 (1 harmful); r20
    # hard first seen on 90f09c4: 83/100 (1 harmful); on 228c3b4: r19 99/100 and 91/100 (1
    # harmful), r20 hard 86/100 (0 harmful). The harmful one dropped an edit ordered before the
    # export ("plz exprot after chnaging the fnt to bold"); after the round-19 classes
    # (tests/unit/test_router_round19.py): 99/100, 92/100 and 87/100, none harmful; after the
    # export-abroad reading (tests/unit/test_router_abroad.py): 99/100, 93/100 and 89/100; after
    # lists read item by item (tests/unit/test_router_lists.py): r19 hard 94/100; after progress
    # asked in other words (tests/unit/test_router_progress.py): 95/100 and 90/100
    "stranger_round19_everyday": (0.99, 0),
    "stranger_round19_hard": (0.96, 0),  # a forwarded request adopted ("> … export … ok do it")
    "stranger_round20_hard": (0.91, 0),  # "…, and also drop the third photo" is an edit
    # stranger_round21_{everyday,hard}: held out, written by strangers without sight of the code;
    # first sight on the round-18 code (dd95def): 99/100 (1 harmful: "i want the video to end on
    # the sunset photo" exported) and 85/100 (3 harmful: a Korean and a romaji deferral beside
    # "export", a typo-heavy edit dropped before "expoort"). After the round-21 classes
    # (tests/unit/test_router_round21.py): 100/100 and 87/100, one harmful left ("cna u ad a fdae
    # out at teh end thn expoort" plans the export alone); after the garbled-edit rule
    # (tests/unit/test_router_garbled.py): 88/100, none harmful; after the export-abroad reading
    # (tests/unit/test_router_abroad.py): 93/100; after lists read item by item
    # (tests/unit/test_router_lists.py): 95/100; after progress asked in other words
    # (tests/unit/test_router_progress.py): 97/100
    "stranger_round21_everyday": (1.0, 0),
    "stranger_round21_hard": (0.97, 0),
    # stranger_round{22,23}_{everyday,hard}: round-20 training sets, written by strangers; first
    # sight on main before round 19: r22 100/100, 85/100 (2 harmful); r23 98/100, 83/100 (4
    # harmful); on the round-19 code: r22 100/100, 86/100 (2 harmful); r23 99/100, 88/100 (4
    # harmful: files with terse work before an export, quoted exports, an indirect cost
    # question). After the round-20 classes (tests/unit/test_router_round22.py): 100/100,
    # 92/100, 100/100, 96/100, none harmful
    "stranger_round22_everyday": (1.0, 0),
    "stranger_round22_hard": (0.92, 0),
    "stranger_round23_everyday": (1.0, 0),
    "stranger_round23_hard": (0.97, 0),
    # stranger_round{24,25}_{everyday,hard}: round-21 training sets, written by strangers; first
    # sight on main: r24 96/100, 91/100 (1 harmful); on the round-19 code r25 100/100, 85/100 (2
    # harmful); on the round-20 code r24 97/100, 93/100 (1 harmful: an edit in code-switched
    # Chinese before 然后 and the export), r25 100/100, 85/100 (2 harmful: files with a terse
    # target and an export, a line labelled "Boss:" quoting an export). After the round-21
    # classes (tests/unit/test_router_round24.py, test_router_round25.py): 97/100, 96/100, 100/100,
    # 94/100, none harmful
    "stranger_round24_everyday": (0.98, 0),  # after round 24: 98/100
    "stranger_round24_hard": (0.96, 0),
    "stranger_round25_everyday": (1.0, 0),
    "stranger_round25_hard": (0.94, 0),
    # stranger_round{26,27}_{everyday,hard}: held out, written by strangers without sight of the
    # code, folded in after measuring. First sight: r26 on the round-20 router (49ada56) 100/100
    # and 92/100, none harmful, the same on the round-21 router; r27 on the round-21 router
    # 100/100 and 92/100 with one harmful route (先save一下，render的事later再讲: an export put
    # off to later talk, since a retraction: tests/unit/test_router_round25.py), 93/100 after
    "stranger_round26_everyday": (1.0, 0),
    "stranger_round26_hard": (0.92, 0),
    "stranger_round27_everyday": (1.0, 0),
    "stranger_round27_hard": (0.93, 0),
    # stranger_round{28,29}_{everyday,hard}: held out, written by strangers without sight of the
    # code, folded in after measuring. First sight on main (bb78a76): r28 100/100 and 93/100 with
    # one harmful route ("if the music fits, render it": an export under a condition the user has
    # not settled), r29 100/100 and 97/100, none harmful. After the round-22 classes (an export
    # under an unsettled judgement waits, agent/router/unsettled.py; a past verdict, enough
    # credits, hurried "nd", a reshaped new version, Cantonese 埋, Singlish "can or not" settled,
    # 📥, an option for this time: tests/unit/test_router_unsettled.py, test_router_round28.py):
    # 100/100, 100/100, 100/100 and 100/100, none harmful. Round 34: r28 hard 99/100 ("if
    # it's under 30 secs go ahead and export, otherwise trim it first" waits: r50's writer
    # labels its twin "no export", the safe side won)
    "stranger_round28_everyday": (1.0, 0),
    "stranger_round28_hard": (0.99, 0),
    "stranger_round29_everyday": (1.0, 0),
    "stranger_round29_hard": (1.0, 0),
    # stranger_round{30,31,32}_{everyday,hard}: held out, written by strangers without sight of
    # the code, folded in after measuring. First sight on main (bb78a76): r30 99/100 and 89/100
    # (2 harmful), r31 97/100 (1 harmful) and 92/100 (1 harmful), r32 100/100 and 96/100; on the
    # round-22 router (84ff7bf): r30 99/100 and 90/100 (2 harmful: an export after an event not
    # yet come, a boss's reported export beside an edit), r31 98/100 and 92/100 (1 harmful: a
    # question whether it can be exported yet), r32 100/100 and 97/100 (1 harmful: an emoji
    # edit before 📥, read as a download since round 22). Round 23 (the four harmful classes,
    # tests/unit/test_router_round30.py): r30 hard 94/100, r31 hard 97/100, r32 hard 98/100,
    # none harmful anywhere
    "stranger_round30_everyday": (0.99, 0),
    "stranger_round30_hard": (0.94, 0),
    "stranger_round31_everyday": (0.98, 0),
    "stranger_round31_hard": (0.97, 0),
    "stranger_round32_everyday": (1.0, 0),
    "stranger_round32_hard": (0.98, 0),
    # stranger_round33_{everyday,hard}: held out, written by strangers without sight of the code,
    # folded in after measuring, never tuned on. First sight on main (bb78a76) 99/100 and 93/100
    # (2 harmful), on the round-22 router 99/100 and 94/100 (2 harmful), on the round-23 router
    # (4afa7ba) 99/100 and 94/100 with 2 harmful routes (an export put off to a condition about
    # the client, 假如客户不喜欢这版我们再重新导出, and one for after lunch, each beside an edit)
    "stranger_round33_everyday": (0.99, 0),
    "stranger_round33_hard": (0.94, 2),
    # stranger_round{34,35}_{everyday,hard}: the round-24 training sets, written by strangers
    # without sight of the code. First sight on main (72cdb53): r34 95/100 and 89/100 with 7
    # harmful routes (exports taken back in the same line: "render in 4k, well, maybe don't",
    # 幫我匯出，唔好住; exports after material still to come, 齊咗先 render; a re-export on a
    # verdict to come, 如果效果不好我们再导出一版; an export on a question, 咁樣得未？得就出片), r35
    # 92/100 and 87/100 with 4 harmful routes ("export it unless …", an export on the user's
    # judgement, 要是字幕对得上就直接出片吧, 明早再匯出 beside an edit for tonight). After round 24
    # (the five harmful classes, tests/unit/test_router_round34.py; the non-harmful classes,
    # tests/unit/test_router_round34_asks.py): 100/100 each, none harmful
    "stranger_round34_everyday": (1.0, 0),
    "stranger_round34_hard": (1.0, 0),
    "stranger_round35_everyday": (1.0, 0),
    "stranger_round35_hard": (1.0, 0),
    # stranger_round{36,37}_{everyday,hard}: the round-25 training sets, written by strangers
    # without sight of the code. First sight on main (72cdb53): r36 96/100 and 89/100 (5
    # harmful), r37 95/100 (1 harmful) and 90/100 (3 harmful); on the round-24 router (f9f0595)
    # r36 97/100 and 89/100 (5 harmful: sarcasm, a counterfactual, "download a stock clip" as
    # material, emoji praise, "export manager"), r37 97/100 (its one harmful line was shown to
    # the round-24 engineer by mistake, so not first sight there) and 90/100 (3 harmful:
    # Cantonese how-to questions 點樣 export 㗎, 匯出——唔好住, a past render beside an edit).
    # After round 25 (the harmful classes, agent/router/unmeant.py,
    # tests/unit/test_router_unmeant.py; the non-harmful classes, agent/router/paraphrase.py,
    # tests/unit/test_router_round36_asks.py): 100/100 each, none harmful
    "stranger_round36_everyday": (1.0, 0),
    "stranger_round36_hard": (1.0, 0),
    "stranger_round37_everyday": (1.0, 0),
    "stranger_round37_hard": (1.0, 0),
    # stranger_round{38,39}_{everyday,hard}: held out, written by strangers without sight of the
    # code, folded in after measuring, never tuned on. First sight on main (72cdb53): r38 98/100
    # and 88/100 (5 harmful), r39 97/100 and 87/100 (3 harmful); on the round-24 router
    # (f9f0595) r38 98/100 and 90/100 (4 harmful), r39 98/100 and 87/100 (3 harmful); on the
    # round-25 router (6065210) r38 98/100 and 94/100, r39 98/100 and 91/100, none harmful
    "stranger_round38_everyday": (0.98, 0),
    "stranger_round38_hard": (0.94, 0),
    "stranger_round39_everyday": (0.98, 0),
    "stranger_round39_hard": (0.91, 0),
    # stranger_round40_{everyday,hard}: held out, written by strangers without sight of the code,
    # folded in after measuring, never tuned on. First sight on the round-25 router (47674f9):
    # 97/100 and 94/100 with 3 harmful routes (a photo credit read as the balance, "I'd export it
    # but I'm not sure about the font, what do you think?", 画面里的时间线 read as the timeline);
    # on the round-24 router (ca51deb) 93/100 hard with 3 harmful
    # after rounds 27-29 (content senses, an export wish before an opinion asked, a wrap-up): r40
    # hard 98/100, none harmful
    "stranger_round40_everyday": (0.97, 0),
    "stranger_round40_hard": (0.98, 0),
    # stranger_round{41,42,43}_{everyday,hard}: training sets of rounds 27-29, each scored at
    # first sight before it was trained on. r41 on main 68dab37: 99/100 and 94/100 (4 harmful: a
    # timeline or a balance in the video's content, 我想导出了，不过你觉得…吗？ twice). r42 on main:
    # 99/100 (1 harmful: "can i get it in 4k") and 93/100; on the round-27 router 99/100 (1) and
    # 94/100. r43 on main: 100/100 and 89/100 (5 harmful); the same on the round-27 and round-28
    # routers (a format asked about by its extension, an opinion asked in Cantonese before
    # 就export, a Cantonese edit before 之後出返, an export put off to "eventually", an export
    # ordered first). Held at their scores after round 29
    "stranger_round41_everyday": (1.0, 0),
    "stranger_round41_hard": (0.98, 0),
    "stranger_round42_everyday": (1.0, 0),
    "stranger_round42_hard": (0.98, 0),
    "stranger_round43_everyday": (1.0, 0),
    # 95/100 after round 29; 94/100 after round 30, which holds an export on the agent's own
    # verdict ("if you think it's good enough, export": r44's writer) where r43's writer exports
    # ("if you think it's done then it's done, send it"): the writers disagree, the safe side won
    "stranger_round43_hard": (0.94, 0),
    # stranger_round44_{everyday,hard}: held out, written by strangers without sight of the code,
    # trained on in round 30 after this measurement:
    # never tuned on before this measurement. First sight on main 68dab37: 96/100 (1 harmful)
    # and 84/100 (6 harmful); on the round-28 router 96/100 (1) and 85/100 (6); on the final
    # round-29 router (2892e46) 97/100 (1 harmful: 幾時render完？) and 86/100 (6 harmful: an
    # export conditional on the agent's opinion, EN and Cantonese; an earlier version exported;
    # an export ordered first with a reason between, twice; 出咗片之後 as a past complaint). After
    # round 30 (agent/router/aftermath.py, ordered.py): 98/100 and 92/100, none harmful
    "stranger_round44_everyday": (0.98, 0),
    "stranger_round44_hard": (0.92, 0),
    # stranger_round45_{everyday,hard}: held out, written by strangers without sight of the code
    # after round 30 landed, never tuned on. First sight on main 68dab37 and on the final
    # round-30 router (3bf49f4) alike: 98/100 and 87/100 with 2 harmful routes ("if it's under
    # 30 seconds, export it": a condition on a fact nobody checked; "I want to export my
    # feelings about this cut": another sense). After round 31 (agent/router/vetted.py): 98/100
    # and 89/100, none harmful
    "stranger_round45_everyday": (0.98, 0),
    "stranger_round45_hard": (0.89, 0),
    # stranger_round46/47_{everyday,hard}: held out, written by strangers without sight of the
    # code while round 31 was built, sealed until it was committed (eaad0cd), never tuned on
    # before. First sight on eaad0cd: r46 97/100 and 89/100 (1 harmful: 先把现在这版导出来留个底，
    # 然后再… read edit-first), r47 99/100 and 83/100 (7 harmful: an export on the agent's
    # "whenever you think it's ready", tomorrow's work with the export, a list exported to a
    # spreadsheet, the audio alone as an mp3, "Export? Hmm. Let me sleep on it.", 渲染到百分之几了,
    # "export it, and after that make me a cutdown" read edit-first); on main 8b7c8be r46 97 and
    # 88 (2 harmful), r47 99 and 83 (7). After round 31's second commit: r46 97/90, none
    # harmful; r47 99/89, 1 harmful (the English export-first order without "first", left open).
    # After rt32 (another deliverable after an ordered export, credits as a reason, a file asked
    # again, second thoughts, chatter, our work finished first, the price asked in other words):
    # r46 99/96, r47 100/95, none harmful; r46 98/95 once two links to sharing pages (a Drive
    # file, a WeTransfer page) stopped planning an upload `agent.attachments` cannot fetch
    "stranger_round46_everyday": (0.98, 0),
    "stranger_round46_hard": (0.95, 0),
    "stranger_round47_everyday": (1.0, 0),
    "stranger_round47_hard": (0.95, 0),
    # stranger_round48/49_{everyday,hard}: held out, written by strangers after round 31 landed
    # (ad202f8), sealed, never tuned on before these measurements. First sight on ad202f8: r48
    # 97/100 (1 harmful) and 86/100 (3 harmful), r49 98/100 and 87/100 (1 harmful); on main
    # 8b7c8be r48 97 (1) and 84 (5), r49 98 and 87 (1). On the round-32 build (de6e886), still
    # unseen: r48 97 (1) and 87 (3), r49 98 and 87 (1): the harmful routes were an aspect change
    # inside an export ("render it vertical for tiktok"), another file than the video (a cover
    # image, a thumbnail "not the video", the srt beside the video) and files fetched from a link
    # as input ("grab my files from <link> and make a recap"). After round 33
    # (agent/router/carried.py): r48 98/90, r49 98/87, none harmful
    "stranger_round48_everyday": (0.98, 0),
    "stranger_round48_hard": (0.90, 0),
    "stranger_round49_everyday": (0.98, 0),
    "stranger_round49_hard": (0.87, 0),
    # stranger_round50_{everyday,hard}: held out, written by strangers after round 32 landed
    # (its brief named exports with a change inside and exports of other files among its
    # registers), sealed, never tuned on before this measurement. First sight on the round-33
    # build (e35c62d): 99/100 and 87/100 with 2 harmful routes (an export on a measured
    # condition with an "otherwise" branch, sarcasm with an eye-roll beside "ship it"); on main
    # 8b7c8be 99/100 and 80/100 with 9 harmful, on round 31 (ad202f8) and round 32 (de6e886)
    # 81/100 with 8. After round 34: 99/100 and 89/100, none harmful
    "stranger_round50_everyday": (0.99, 0),
    "stranger_round50_hard": (0.89, 0),
    # stranger_round51_{everyday,hard}: held out, written by strangers after round 33 landed,
    # from a neutral brief (the issue's registers, "use your own judgement about what is
    # hard"), sealed, never tuned on. First sight on the round-34 build (47f2fb1): 97/100 and
    # 94/100, none harmful; on main 8b7c8be 97/100 and 93/100, none harmful
    "stranger_round51_everyday": (0.97, 0),
    "stranger_round51_hard": (0.94, 0),
    # stranger_round52_{everyday,hard}: held out, written by strangers after round 34 landed
    # (the registers plus sarcasm, self-corrections, sequences, other files, changes
    # inside an export), sealed, never tuned on. First sight on the round-35 build (5ec41e1,
    # router as in 47f2fb1): 98/100 and 82/100 with 3 harmful routes (sarcasm mocking a fault
    # left in, a script exported as text, a quoted part left out of the export); on main
    # 8b7c8be 98/100 and 78/100 with 7. After round 36: 98/100 and 85/100, none harmful
    "stranger_round52_everyday": (0.98, 0),
    "stranger_round52_hard": (0.85, 0),
    # stranger_round53_{everyday,hard}: held out, written by strangers after round 35 landed,
    # sealed, never tuned on. First sight on the round-36 build (575d96c): 100/100 and 89/100
    # with 3 harmful routes (a part left out after a Cantonese export, the subtitles asked
    # instead of the video in a run-on correction, "make a gif of the first 3 secs and let me
    # download that"); on main 8b7c8be 100/100 and 87/100 with 5. After round 37: 100/100 and
    # 91/100, 1 harmful left (the gif made then downloaded: writers' labels differ on it)
    "stranger_round53_everyday": (1.0, 0),
    "stranger_round53_hard": (0.91, 1),
    # stranger_round54_{everyday,hard}: held out, written by strangers after round 37 landed,
    # sealed, never tuned on; first sight on the final round-37 build (70c4d43): 98/100 and
    # 89/100 with 1 harmful route ("if you can get it to 15 seconds do that, if not just leave
    # it and export": the edit of the first branch dropped); main 8b7c8be scored the same
    "stranger_round54_everyday": (0.98, 0),
    "stranger_round54_hard": (0.89, 1),
}


@pytest.mark.parametrize("name", sorted(ROUTER))
async def test_round3_router_set_keeps_its_first_sight_score(name: str) -> None:
    floor, harmful_at_most = ROUTER[name]
    router = build_router()
    cases = _lines(FIXTURES / "router" / f"{name}.jsonl")
    right = harmful = 0
    for case in cases:
        route = await router.route(case["text"], tuple(case.get("attachments", ())))
        plan = list(route.actions)
        wants = {a for p in case["expect"] for a in p}
        right += plan in case["expect"]
        harmful += plan not in case["expect"] and (
            plan in case.get("harmful", [])
            or ("export" in plan and ("export" not in wants or ("sse" in wants) > ("sse" in plan)))
        )
    assert right / len(cases) >= floor
    assert harmful <= harmful_at_most


TRANSLATOR = {
    # first sight: 51/60 (0 garbled), 40/60 (1 garbled: "All done! 🎉" lost its emoji);
    # with the clause classifier (round 4): 59/60 and 49/60, the same one garbled
    "round3_everyday": (0.98, 0),
    "round3_hard": (0.81, 1),
    # round 4 ("r4"), first sight on the finished translator: 52/60 (2 lost-keep), 50/60 (8
    # lost-keep); before this session's work 46/60 (1 lost-keep), 40/60 (2 lost-keep). Three
    # lost-keep lines were real splices ("…tracks if doesn't update", "…for you .264)", "…
    # balance, under My Wallet"), closed by the `pieced` guard; the other lost-keep labels named
    # words of a GUI step replaced whole and are corrected in the fixture (each with a "note").
    # With drafts / My Works / quoted-wallet / drag-into-editor: 57/60, 59/60; open: "sse" asks
    # ("send me a message saying continue", 请回复“继续”), a bare "Upload a logo" before Export
    "round4_everyday": (0.95, 0),
    "round4_hard": (0.98, 0),
    # round 5 training set ("r5t", 90 lines, everyday and hard mixed), first sight 80/90 with 1
    # lost-keep garble and 8 sentences spliced by eye (a catch-all line running on into a
    # gesture, a generic line taking half of "点按 Edit，再向上滑动…", "*High Quality" cut, a
    # slot of words from two places); after the structure guard (`composed`), the answer-in-
    # chat sse, bare upload steps, 专案 and negated steps: 88/90, none garbled. Open: a credits
    # path with "›" whose plan names must stay, and "点按 Edit，再向上滑动即可查看" as state
    "round5t": (0.97, 0),
    # first sight 57/60 and 53/60 (1 lost keep, 8 spliced or garbled sentences by reading,
    # 1 offered export run);
    # after the repeat guard, the report-noun guard, offers, own steps and answers in chat
    # (also after a comma: "After purchasing, reply 'continue'"): 60/60 and 60/60, none garbled
    "round5_everyday": (1.0, 0),
    "round5_hard": (1.0, 0),
    # round 6 training set ("r6t", 90 replies, everyday and hard mixed), scored at first sight on
    # the whole-sentence translator (issue 10: each sentence kept byte for byte or replaced whole
    # by one template line): 78/90, no kept span lost, 2 garbled by reading (a ";" half of a
    # sentence dropped, leaving "… blocked. it usually takes under a minute"), no offered export
    # run; the old clause translator scored 77/90 on it. After joining ";" halves and run-on
    # lower-case halves into one unit, reading "导出 4K 需要 30 积分" as a cost and an audio track
    # as a view: 80/90, none garbled. Open: "建议等客户确认后再导出" and "如果坚持用原曲，也可以直接
    # 点导出" still run an export (deferral to a third party, an alternative against advice),
    # "Then click Export again" after a list of the user's own fixes runs it too, and two offers
    # labelled [] answer in chat (sse) as round 5's do
    # r9t structure rules (offers plan no sse, 等客户确认后再导出 defers): 83/90
    "round6t": (0.92, 0),
    # round 6 and round 7 training sets (60 replies each, everyday and hard), first sight on the
    # whole-sentence translator: r6 57/60 and 54/60, r7 58/60 and 50/60, 0 lost keep; main before
    # that session: r6 57/60 and 54/60 with ~3 and ~17 sentences spliced by reading, r7 58/60
    # and 49/60. After the reply-level export gates (a short balance runs only credits, a
    # finished export with its URL, a download that feeds an upload and another program's
    # File > Export > JPEG run nothing) and the procedure rule (one template line per action
    # on the item that first gives it, nav-only "tap ⋯" items gone, report items whole, the
    # lead-in kept, numbering without a gap): r6 57/60 and 56/60, r7 58/60 and 53/60, none
    # garbled. Open: offers and "let me know which …" questions labelled [] answer in chat
    # (sse) as round 5's and 6's do; "swipe left … to open the subtitle track" reads no state;
    # 冇問題就撳 Export after 打開「時間線」 loses the state; an optional upload tweak in a list
    # after the r9t structure rules (an offer plans no sse): 58/60, 57/60, 58/60 and 54/60
    "round6_everyday": (0.96, 0),
    "round6_hard": (0.95, 0),
    "round7_everyday": (0.96, 0),
    "round7_hard": (0.9, 0),
    # probes8: 32 replies written by the round-8 translator engineer before the fixes, on the
    # classes above (EN, 简, 繁, 粤): first sight 23/32 (0 lost keep, 4 procedures garbled by
    # reading: "2. Just tell me what you'd like." for a ⋯ tap, a lone "1." dropped before
    # "2. Pick 720p"); after: 31/32, none garbled. Open: "I can export it … — just let me know
    # if you'd like any changes first" answers in chat (sse)
    # after the r9t structure rules: 32/32 (the offer above plans no sse)
    "probes8": (1.0, 0),
    # r9t first sight on main 0a25c24: everyday 41/45, hard 39/45, 0 lost, 4 wrong exports
    # (another program's File > Export, an export hung on the client's approval, the Export
    # button's state, a reload-and-export-again retry read as a view and a fresh export). After
    # the structure rules (`agent/translate/structure.py`: another program, deferral, offers,
    # mentions, retries) and quoted places in a locative frame: 44/45 and 45/45, none lost, no
    # wrong export. Open: "Your account has 320 credits left. …" labelled credits, where four
    # older stranger labels of a bare balance report ("You have 120 credits left. …",
    # round4_everyday, round5_everyday, round6_everyday, 你嘅帳戶仲有 85 點 in round6t) say []
    "round9t_everyday": (0.97, 0),
    "round9t_hard": (1.0, 0),
    # r9 held out, first sight on the round-9 code f4d778e: everyday 57/60 1 lost, hard 53/60 2
    # wrong exports (a program named as the topic, "Lightroom tip: export …"; an export after the
    # agent's promised work on photos still to upload). After the round-10 classes (topics and
    # publishing sites as places, that wait, offers answered in chat, "drag in the photos",
    # quoted tracks, a view before an export; tests/unit/test_translate_round10.py): 59/60 and
    # 60/60. Open: "Check your credit balance in Account > Credits." becomes "I'll look up your
    # credits balance.", and its label keeps "credit balance"; since round 30 that sentence is
    # kept whole (it names what it fetches) and the set reads 60/60, none lost
    "round9_everyday": (1.0, 0),
    "round9_hard": (1.0, 0),
    # r10 held out, first sight on the round-10 code 9e4af99, not tuned on: everyday 55/60, 3
    # kept spans lost to whole-sentence templates (none spliced: "Refresh the page to see the
    # updated preview." became the state line; "You can export whenever you're ready.", a
    # permission, became "I'll export the MP4 for you." and exported), hard 52/60 with 3 exports
    # nobody asked for ("you'd normally hit Export > Final Quality, but … I'll hold off"; a cost
    # notice before "choose 1080p from the Export menu"; Canva's Share > Download). After the
    # round-11 classes (permission, a habit beside a hold, a choice among priced options, another
    # program named at the clause's end; tests/unit/test_translate_round11.py): 56/60 with 2
    # kept spans lost and 55/60, no wrong export. Open: uploads asked for ("Send me a photo",
    # "re-send it as a JPG", "drag the voiceover file onto the audio lane"), "Go to Export > MP4
    # > 720p to save a smaller file" read as an upload, a cost list's "Just tell me which one
    # you want" read as sse, "but here … just hit Export" now exports with a stray state. Since
    # round 30 a step naming what it fetches keeps its sentence: 60/60, none lost
    "round10_everyday": (1.0, 0),
    "round10_hard": (0.91, 0),
    # r11 held out, first sight on the round-11 code f3dd93b, not tuned on: everyday 59/60, 1 kept
    # span lost to the export template ("Tap Download to save the clip to your phone."), no
    # wrong export; hard 51/60, none lost, 2 exports nobody asked for ("Feel free to export
    # anytime", a permission; "In Google Drive, right-click the file and choose Download", a
    # program the tables do not know); since round 30 that sentence is kept whole: 60/60
    "round11_everyday": (1.0, 0),
    "round11_hard": (0.85, 0),
    # r13t training set (60 hard replies by a stranger), first sight on the round-13 code 2d1a535
    # (permission modality and products named as places already in): 51/60, none lost, 3 wrong
    # exports ("Whenever you're ready, you can download it from the export menu"; a Google Photos
    # share introduced by a colon; "In your phone's Photos app, … choose 'Save to Files'"), and
    # misses on 㩒 for 撳, a "▸" menu path, "Please choose a file", a swipe on the way to a step.
    # After those classes (tests/unit/test_translate_round13.py): 60/60, none lost or wrong
    "stranger_round13t": (1.0, 0),
    # r13 training sets (60 everyday, 60 hard replies by a stranger), first sight on 7c3d693
    # (before round 13): everyday 58/60, hard 49/60 (none lost, 4 wrong exports); on the round-13
    # translator: everyday 59/60 (none lost or wrong), hard 52/60 (none lost, 2 wrong exports:
    # a download failure before "请稍等几分钟再重试", and "If you're happy …, hit Export;
    # otherwise tell me …"). After the round-14 classes (tests/unit/test_translate_round14.py):
    # 60/60 and 60/60
    "stranger_round13_everyday": (1.0, 0),
    "stranger_round13_hard": (1.0, 0),
    # r14 training sets (60 everyday, 60 hard replies by a stranger), first sight on the round-13
    # translator and the same on the round-14 translator: everyday 56/60, hard 54/60, none lost,
    # 1 wrong export each (上傳原始影片檔 read as an export; a step in quoted speech, "'just hit
    # Export and we're done'"). After the round-15 classes (tests/unit/test_translate_round15.py):
    # 59/60 (one "Tell me which one you like" still read as an answer in chat, sse) and 60/60
    "stranger_round14_everyday": (0.98, 0),
    "stranger_round14_hard": (1.0, 0),
    # stranger_round15_{everyday,hard}: held out, written by strangers without sight of the code
    # and never tuned on. First sight on the round-14 translator (024cc86) and the same on the
    # round-15 translator (b647ac6): 57/60 (none lost or spliced; 1 wrong export: a past export
    # "finished yesterday … still in your downloads folder" read as a step; a "send me the
    # remaining ones" upload missed; "just tell me which one you'd like" answered in chat, sse)
    # and 59/60 (none lost or wrong). Kept as found, as regression floors.
    "stranger_round15_everyday": (0.95, 0),
    "stranger_round15_hard": (0.98, 0),
    # stranger_round16_{everyday,hard}: held out, written by strangers without sight of the code.
    # First sight on the round-15 translator (3ad4d2e): 57/60 and 56/60, none lost or spliced,
    # 1 wrong export each ("CapCut users usually tap Export …"; a past export "still in your
    # downloads folder", whose place was then read as the device's, not the app's: 57/60).
    "stranger_round16_everyday": (0.95, 0),
    "stranger_round16_hard": (0.95, 0),
    # stranger_round17_{everyday,hard}: the round-17 training sets, stranger-written. First sight
    # on main 082c8ea: everyday 59/60 (none lost, spliced or wrong; a higher-resolution file asked
    # for missed), hard 50/60 (1 kept span lost in a markdown procedure, 0 spliced, 3 wrong
    # exports: a button's place told, 千万不要现在点导出, 等你老闆批咗先好撳「匯出」). After the
    # round-17 classes (tests/unit/test_translate_round17.py): 60/60 and 59/60 (the one left: a
    # "Reply with the name" after a choice still answers in chat, sse, as round 5's labels ask)
    "stranger_round17_everyday": (1.0, 0),
    "stranger_round17_hard": (0.98, 0),
    # stranger_round18_{everyday,hard}: the round-18 training sets, written by strangers without
    # sight of the code; first sight on 082c8ea 57/60 (2 wrong exports) and 44/60 (6 wrong
    # exports, 2 lost); on 74f264d 58/60 (2 wrong exports) and 47/60 (4 wrong exports, 2 lost).
    # After the fail-safe export (a second reading, agent/translate/evidence.py), markdown items
    # and headings kept whole and the round-18 classes (tests/unit/test_translate_round18.py):
    # 60/60 and 59/60, none lost, spliced or wrong (the one left: an English sentence with Chinese
    # bold names, "Check them in the **预览** window, then hit **导出**", runs nothing)
    "stranger_round18_everyday": (1.0, 0),
    "stranger_round18_hard": (0.98, 0),
    # stranger_round{19,20}_{everyday,hard}: written by strangers without sight of the code;
    # first sight on 082c8ea: r19 56/60 (0 wrong exports) and 45/60 (8 wrong exports, 1 lost);
    # r20 first seen on 90f09c4: 55/60 and 52/60 (2 wrong exports); on 228c3b4: r19 56/60 and
    # 53/60 (2 wrong exports), r20 55/60 and 53/60 (1 wrong export), none garbled. After the
    # round-19 classes (a wait before the retry, steps after another program, a control named
    # as a landmark; tests/unit/test_translate_round19.py): 56/60, 55/60, 55/60 and 53/60, none
    # lost, spliced or wrong. Open: a file asked for by "send me"/"choose it again" after a failed
    # upload (upload missed), keyboard shortcuts for export (⌘ + E), a bare balance icon click.
    # After the round-19 probe classes (a file asked for again or by name, a coin emoji, a third
    # party's steps; tests/unit/test_translate_probes19.py): 59/60, 55/60, 58/60 and 55/60
    "stranger_round19_everyday": (0.98, 0),
    "stranger_round19_hard": (0.91, 0),
    "stranger_round20_everyday": (0.96, 0),
    "stranger_round20_hard": (0.91, 0),
    # stranger_round21_{everyday,hard}: held out, written by strangers without sight of the code;
    # first sight on the round-18 translator (dd95def): 58/60 and 55/60, none lost, spliced or
    # wrong (on the round-17 translator, 228c3b4: 56/60 and 53/60 with 2 wrong exports each);
    # after the round-19 probe classes: 59/60 and 57/60; after round 24 (wanted.py): hard 58/60
    "stranger_round21_everyday": (0.98, 0),
    "stranger_round21_hard": (0.96, 0),
    # stranger_round{22,23}_{everyday,hard}: the round-22/23 training sets, written by strangers
    # without sight of the code; first sight (scored by the lead on f935d69): r22 59/60 and 56/60,
    # r23 58/60 and 50/60, none lost, spliced or wrong. After the round-22 classes (a view then a
    # shortcut or quoted place for the export, a menu path's option, a step for later, an export
    # named as a time, a pointing hand before a step; tests/unit/test_translate_round22.py):
    # 60/60, 59/60, 60/60 and 59/60
    "stranger_round22_everyday": (1.0, 0),
    "stranger_round22_hard": (0.98, 0),
    "stranger_round23_everyday": (1.0, 0),
    "stranger_round23_hard": (0.98, 0),
    # stranger_round{24,25,26}_{everyday,hard}: held out, written by strangers without sight of
    # the code, folded in after measuring (not trained on, but r26 hard's one wrong export).
    # First sight: r24 on main (934dc00) 59/60 and 51/60; r25 on the round-19 translator (3ea363e)
    # 59/60 and 56/60; r26 on the round-20 translator (9505d74) 59/60 and 57/60 with one wrong
    # export ("...they can open it and hit Download on their side", a step for someone else named
    # by a pronoun: tests/unit/test_translate_doer.py), 58/60 after; none lost or spliced. After
    # the round-28 classes: r24 hard 52/60 (a condition on a later time, 如果之后…), r25 hard 57/60
    "stranger_round24_everyday": (0.98, 0),
    "stranger_round24_hard": (0.86, 0),
    "stranger_round25_everyday": (0.98, 0),
    "stranger_round25_hard": (0.95, 0),
    "stranger_round26_everyday": (0.98, 0),
    "stranger_round26_hard": (0.96, 0),
    # stranger_round27_{everyday,hard}: held out, first sight on the final round-20 translator
    # (80faa95) 57/60 and 57/60 with one wrong export (a step in Final Cut named without "Pro",
    # since another program: tests/unit/test_translate_doer.py), 57/60 and 58/60 after; none lost
    # or spliced
    "stranger_round27_everyday": (0.95, 0),
    "stranger_round27_hard": (0.96, 0),
    # stranger_round{28,29}_{everyday,hard}: held out, written by strangers without sight of the
    # code, folded in after measuring. First sight on main (bb78a76): r28 59/60 and 56/60 (two
    # wrong exports: an export offered in a numbered list, a Cantonese step put off with 等…之後再),
    # r29 60/60 and 53/60 (two wrong exports: steps put off with 等…之后再 and 屆時再); none lost
    # or spliced. After the round-28 classes (a Chinese wait before the step, an offer's choices
    # as a list, a balance reported, terse and code-switched steps, an answer riding with a file,
    # a turn back from another program; tests/unit/test_translate_round28.py): 60/60 each, none
    # lost, spliced or wrong
    "stranger_round28_everyday": (1.0, 0),
    "stranger_round28_hard": (1.0, 0),
    "stranger_round29_everyday": (1.0, 0),
    "stranger_round29_hard": (1.0, 0),
    # stranger_round{30,31}_{everyday,hard}: held out, written by strangers without sight of the
    # code, folded in after measuring. First sight on main (bb78a76): r30 57/60 (one kept span
    # lost: a whole GUI sentence replaced) and 52/60 with six wrong exports, r31 60/60 and 46/60;
    # on the round-22 translator (baa8001) r30 57/60 (the same span lost) and 55/60 with three
    # wrong exports, r31 60/60 and 46/60 (indirect requests for a file, steps put as suggestions)
    # After the round-30 rule (a step naming what it fetches, "your finished video", keeps its
    # sentence: tests/unit/test_translate_round30.py): r30 everyday 58/60, none lost; after
    # options lists and a step after the work finishes: r30 hard 55/60 and no wrong export,
    # r31 hard 47/60; after the agent's need of the user's file read as an upload: r30
    # everyday 59/60, r31 hard 49/60; after a file step waiting on a file yet to be made: 51/60;
    # after a retry put off (請稍後…再試一次): r30 hard 56/60; after round 24 (steps put as
    # suggestions, files asked for as a lack or a polite question): r31 hard 57/60
    "stranger_round30_everyday": (0.98, 0),
    "stranger_round30_hard": (0.93, 0),
    "stranger_round31_everyday": (1.0, 0),
    "stranger_round31_hard": (0.95, 0),
    # stranger_round{32,33}_{everyday,hard}: held out, written by strangers without sight of the
    # code, folded in after measuring, never tuned on. First sight on main (bb78a76): r32 56/60 (2
    # kept spans lost) and 50/60 (2 wrong exports), r33 59/60 and 52/60 (1 lost, 1 wrong export);
    # on the round-22 translator r32 56/60 and 51/60 (1 wrong export), r33 59/60 and 52/60; on
    # the round-23 translator (75203f0) r32 57/60 with 2 kept spans lost (GUI-only sentences
    # replaced whole: 'your file' in "Click the Download button … to get your file", 生成进度 in
    # 查看生成进度请打开“我的作品”页面) and 52/60, r33 59/60 and 53/60; no wrong export, none
    # spliced; after round 24 (steps put as suggestions): r33 60/60 and 55/60
    "stranger_round32_everyday": (0.95, 2),
    "stranger_round32_hard": (0.86, 0),
    "stranger_round33_everyday": (1.0, 0),
    "stranger_round33_hard": (0.91, 0),
    # stranger_round{34,35}_{everyday,hard}: the round-24 training sets, written by strangers
    # without sight of the code. First sight on main (72cdb53): r34 57/60 and 40/60 (steps put
    # as polite suggestions, progress and usage pages named indirectly, files asked for as a
    # lack), r35 56/60 with one kept span lost (its label named 素材庫, a word of the GUI step
    # itself, corrected in the fixture with a "note": 57/60) and 53/60; none spliced, no wrong
    # export. After round 24 (steps put as suggestions, invitations, polite questions or
    # hedges, pages named indirectly: agent/translate/suggest.py; files asked for as a lack, a
    # need, a polite question or media dragged in, usage pages named as where the quota shows:
    # agent/translate/wanted.py; tests/unit/test_translate_round24*.py): r34 60/60 and 60/60,
    # r35 60/60 and 57/60; none lost or spliced, no wrong export
    "stranger_round34_everyday": (1.0, 0),
    "stranger_round34_hard": (1.0, 0),
    "stranger_round35_everyday": (1.0, 0),
    "stranger_round35_hard": (0.96, 0),
    # stranger_round{36,37}_{everyday,hard}: the round-25 training sets, written by strangers
    # without sight of the code. First sight on main (72cdb53): r36 54/60 (2 wrong exports) and
    # 47/60 (1 wrong export), r37 58/60 and 46/60 (1 wrong export); on the round-24 translator
    # (f9f0595) r36 54/60 (2 wrong exports: a download after the render finishes, an export
    # offered as a choice) and 46/60 (2 wrong exports: a suggested export setting, a link to
    # share), r37 58/60 and 50/60 (1 wrong export: a Cantonese step after a view and the user's
    # verdict); none lost or spliced. After round 25 (no export for steps waiting on a render,
    # export options, setting advice, links shared with others, 都唔遲; steps said loosely
    # (🔥 Export…, 没问题就下载吧); views as where to look; views for later or for a fault:
    # agent/translate/{later,suggest,evidence,modality,leftover}.py; files asked for by a
    # pronoun, before the verb or again after a failed upload, a third party's upload, balance
    # icons and checks, a plan managed "if needed": agent/translate/wanted.py, balance.py;
    # tests/unit/test_translate_round25_*.py): r36 59/60 and 58/60, r37 60/60 and 57/60; no
    # wrong export, none lost or spliced
    "stranger_round36_everyday": (0.98, 0),
    "stranger_round36_hard": (0.96, 0),
    "stranger_round37_everyday": (1.0, 0),
    "stranger_round37_hard": (0.95, 0),
    # stranger_round{38,39}_{everyday,hard}: held out, written by strangers without sight of the
    # code, folded in after measuring. First sight on main (72cdb53): r38 57/60 and 47/60 (1
    # wrong export), r39 57/60 and 41/60 (1 wrong export); on the round-24 translator (f9f0595)
    # r38 58/60 and 51/60 (2 wrong exports), r39 59/60 and 45/60 (1); on the round-25 translator
    # (6065210) r38 59/60 and 51/60 (2 wrong exports: "Once it finishes, click Download" after a
    # render reported unfinished; 可以考虑导出 on the user's taste, which r39's writer labels the
    # other way, 就可以导出了 -> export), r39 59/60 and 47/60 (1 wrong export: 上次你点导出时, a
    # past press); none lost or spliced. After the two safety fixes
    # (tests/unit/test_translate_round25_past.py): r38 hard 52/60 (the 可以考虑导出 line left),
    # r39 hard 48/60; after round 26 (a permission with its alternative named is the default
    # export, 可以考虑导出 weighs it and runs nothing, a payment method to update, a file to
    # attach again, a step waiting on unfinished work or counterfactual runs nothing, views named
    # indirectly, the balance named as what is left): r38 hard 58/60, r39 hard 56/60
    "stranger_round38_everyday": (0.98, 0),
    "stranger_round38_hard": (0.96, 0),
    "stranger_round39_everyday": (0.98, 0),
    "stranger_round39_hard": (0.93, 0),
    # stranger_round40_{everyday,hard}: held out, written by strangers without sight of the code,
    # folded in after measuring, never tuned on. First sight on the round-25 translator
    # (47674f9) and the same on the round-26 one (9506e52): 58/60 and 52/60 with one wrong export
    # ("I've queued the render. When it's finished — not before — tap Export."); none lost or
    # spliced
    "stranger_round40_everyday": (0.96, 0),
    "stranger_round40_hard": (0.86, 0),
    # stranger_round{41,42,43}_{everyday,hard}: training sets of rounds 27-29, each scored at
    # first sight before it was trained on. r41 on main 68dab37: 57/60 and 39/60 (8 wrong
    # exports: taps after renders queued or underway, EN, ZH, Cantonese; a Chinese offer; a
    # Cantonese third person's download; a step gated on Legal); after round 27 58/60 and 57/60.
    # r42 on main: 57/60 (1 kept span lost: 视频文件 in a step replaced whole, now named in the
    # upload line) and 52/60 (3 wrong exports); on the round-27 translator 57/60 (1 lost) and
    # 53/60 (2: an export after an upload still asked for). r43 on main: 57/60 (1 wrong export)
    # and 53/60 (5); round 27: 57/60 and 54/60 (4); round 28: 57/60 (1) and 55/60 (3: an export
    # named as a noun in a progress report, options offered, 算圖 underway, a friend's
    # download). Held at their scores after round 29, none lost or spliced
    "stranger_round41_everyday": (0.96, 0),
    "stranger_round41_hard": (0.95, 0),
    "stranger_round42_everyday": (1.0, 0),
    "stranger_round42_hard": (1.0, 0),
    "stranger_round43_everyday": (1.0, 0),
    "stranger_round43_hard": (0.98, 0),
    # stranger_round44_{everyday,hard}: held out, never tuned on before this measurement. First
    # sight on main 68dab37: 59/60 (1 wrong export) and 53/60 (2); on the round-28 translator
    # 59/60 (1) and 54/60 (1); on the final round-29 translator (2892e46) 59/60 (1 wrong export:
    # an MP4 offered after GIF is refused) and 54/60 (1: 待…算繪完成後再點選「下載」); none lost
    # or spliced. After round 30 (an alternative offered after a refusal, 待…完成後再, a file
    # that failed asked again, a look asked): 60/60 and 60/60
    "stranger_round44_everyday": (1.0, 0),
    "stranger_round44_hard": (1.0, 0),
    # stranger_round45_{everyday,hard}: held out, never tuned on. First sight on the final
    # round-30 translator (3bf49f4): 58/60 with 1 kept span lost (a label naming words of the
    # step replaced whole, corrected in the fixture with a note: 59/60 since) and 57/60, no wrong
    # export, none spliced; on main 68dab37 58/60 (the same label) and 55/60 (3 wrong exports)
    "stranger_round45_everyday": (0.98, 0),
    "stranger_round45_hard": (0.95, 0),
    # stranger_round46/47_{everyday,hard}: held out, never tuned on (the translator did not change
    # in round 31). First sight on eaad0cd: r46 57/60 and 53/60 (3 wrong exports: a Download
    # after a render at 35%, a 9:16 choice described, how exporting works explained), r47 56/60
    # and 49/60 (5 wrong exports: options listed with the pick asked after, twice; a queued
    # render's MP4 for later; keep the watermark and export as an option; a download after a
    # step still rendering); none lost or spliced
    # After round 32 (tr32: menus closed by a pick, steps waiting on running work, missed
    # steps; agent/translate/whole.py: a list menu closed by a pick, a walkthrough closed by
    # an offer): r46 58/60 and 56/60, r47 57/60 and 57/60
    "stranger_round46_everyday": (0.96, 0),
    "stranger_round46_hard": (0.93, 0),
    "stranger_round47_everyday": (0.95, 0),
    "stranger_round47_hard": (0.95, 0),
    # stranger_round48/49_{everyday,hard}: held out, never tuned on before these measurements.
    # First sight on ad202f8 (round 31) and on de6e886 (round 32) alike: r48 58/60 and 53/60 (3
    # wrong exports: a lettered menu closed by a pick, a step for a version the user may want,
    # steps in another app after the download), r49 60/60 and 53/60 (on ad202f8 51/60 with 2
    # wrong exports); none lost or spliced. After round 33: r48 58/55 (1 wrong export left:
    # 剪映's own 导出), r49 60/53
    "stranger_round48_everyday": (0.96, 0),
    "stranger_round48_hard": (0.91, 0),
    "stranger_round49_everyday": (1.0, 0),
    "stranger_round49_hard": (0.88, 0),
    # stranger_round50_{everyday,hard}: held out, never tuned on before this measurement. First
    # sight on e35c62d (round 33): 56/60 and 52/60 (3 wrong exports: a button described, a list
    # whose first item waits for the render, "we'll export once you confirm"); on main 8b7c8be
    # 55/60 and 51/60 (3); none lost or spliced. After round 34 (a control described and a
    # list waiting on an item kept whole): 56/60 and 54/60
    "stranger_round50_everyday": (0.93, 0),
    "stranger_round50_hard": (0.90, 0),
    # stranger_round51_{everyday,hard}: held out, never tuned on before this measurement. First
    # sight on 47f2fb1 (round 34): 60/60 and 54/60 (2 wrong exports: a step after the agent's
    # own work still to come, an export after an edit the user would make by hand in a panel);
    # on main 8b7c8be 60/60 and 54/60 (2); none lost or spliced. After round 35: 60/60, 56/60
    "stranger_round51_everyday": (1.0, 0),
    "stranger_round51_hard": (0.93, 0),
    # stranger_round52_{everyday,hard}: held out, never tuned on before this measurement. First
    # sight on 5ec41e1 (round 35): 58/60 and 55/60 (1 wrong export: a Download "click it then"
    # once the render hits 100%); on main 8b7c8be 58/60 and 55/60 (1); none lost or spliced.
    # After round 36: 58/60, 56/60
    "stranger_round52_everyday": (0.96, 0),
    "stranger_round52_hard": (0.93, 0),
    # stranger_round53_{everyday,hard}: held out, never tuned on before this measurement. First
    # sight on 575d96c (round 36): 56/60 and 51/60 (1 wrong export: a download after another
    # person approves); on main 8b7c8be 56/60 and 50/60 (2); none lost or spliced. After round
    # 37: 56/60 and 52/60
    "stranger_round53_everyday": (0.93, 0),
    "stranger_round53_hard": (0.86, 0),
    # stranger_round54_{everyday,hard}: held out, never tuned on; first sight on 70c4d43: 59/60
    # and 53/60 (2 wrong exports: an export after a drag the user would make in Chinese, a
    # square version to download "only if you need one"); main 8b7c8be 59/60 and 51/60 (4);
    # none lost or spliced
    "stranger_round54_everyday": (0.98, 0),
    "stranger_round54_hard": (0.88, 0),
}


@pytest.mark.parametrize("name", sorted(TRANSLATOR))
def test_round3_translator_set_keeps_its_first_sight_score(name: str) -> None:
    floor, garbled_at_most = TRANSLATOR[name]
    tables = load_gui_tables()
    lines = _lines(FIXTURES / "translate" / f"{name}.jsonl")
    results = [(line, translate(line["text"], tables)) for line in lines]
    kept = [all(k in r.text for k in line["keep"]) for line, r in results]
    right = sum(
        ok and list(r.actions) in line["actions"]
        for ok, (line, r) in zip(kept, results, strict=True)
    )
    assert right / len(lines) >= floor
    assert kept.count(False) <= garbled_at_most


_SUNSET = Asset(
    asset_id="as_sunset",
    filename="sunset.jpg",
    kind="image",
    url="http://127.0.0.1:8765/media/as_sunset/sunset.jpg",
    width=1600,
    height=1066,
)


def _starts() -> dict[str, tuple[dict[str, Any], tuple[Asset, ...]]]:
    named, drafts = {**assets(), "sunset": _SUNSET}, starts()
    music = copy.deepcopy(drafts["video"])
    music["t"].append(copy.deepcopy(next(t for t in drafts["full"]["t"] if t["tt"] == 1)))
    slides = tuple(named[n] for n in ("harbor", "lighthouse", "beach", "pier", "sunset"))
    return {
        "fresh5": (drafts["video"], (named["harbor"],)),
        "titled": (drafts["titled"], (named["harbor"],)),
        "music": (music, (named["harbor"],)),
        "slideshow3": (drafts["slides3"], slides),
    }


def _near(a: float, b: float, tol: float = 0.06) -> bool:
    return abs(a - b) <= tol


def _title_fits(seg: dict[str, Any], want: dict[str, Any]) -> bool:
    return (
        ("text" not in want or seg["n"] == want["text"])
        and ("start_s" not in want or _near(seg["s"] / 1000, want["start_s"]))
        and ("end_s" not in want or _near((seg["s"] + seg["d"]) / 1000, want["end_s"]))
        and ("position" not in want or seg.get("pos") == want["position"])
    )


def _checks(exp: dict[str, Any], start: dict[str, Any], draft: dict[str, Any]) -> list[bool]:
    """Each labelled fact of the draft after the request (a photo's share of the timeline is its
    segment less half of each crossfade it takes part in)."""
    video, audio = track(draft, 0), track(draft, 1)
    fades = [s.get("x", 0) for s in video] + [0]
    shares = [(s["d"] - fades[i] / 2 - fades[i + 1] / 2) / 1000 for i, s in enumerate(video)]
    music = exp.get("music", {})
    facts = {
        "duration_s": lambda: _near(draft.get("d", 0) / 1000, exp["duration_s"]),
        "duration_unchanged": lambda: draft.get("d") == start.get("d"),
        "aspect": lambda: draft.get("m", {}).get("aspect") == exp["aspect"],
        "photo_order": lambda: [s["n"] for s in video] == exp["photo_order"],
        "photo_duration_s": lambda: (
            len(shares) == len(exp["photo_duration_s"])
            and all(_near(g, w, 0.6) for g, w in zip(shares, exp["photo_duration_s"], strict=True))
        ),
        "motion": lambda: bool(video) and all(s["mo"]["type"] == exp["motion"] for s in video),
        "titles": lambda: (
            all(any(_title_fits(s, w) for s in track(draft, 7)) for w in exp["titles"])
            and (bool(exp["titles"]) or not track(draft, 7))  # [] is no title left
        ),
        "music": lambda: (
            ("present" not in music or bool(audio) == music["present"])
            and (  # a level is a whole percent: 17.5 is 17 or 18
                "volume_pct" not in music
                or all(abs(s.get("v", -99) - music["volume_pct"]) <= 0.5 for s in audio)
            )
        ),
    }
    return [check() for key, check in facts.items() if key in exp]


def _verdict(case: dict[str, Any], book: Any, begin: Any) -> str:
    start, uploads = begin[case["start"]]
    ctx = InterpretContext(
        message=case["message"],
        language="en" if case["language"] == "en" else "zh",
        assets=uploads,
        draft=copy.deepcopy(start),
        seed=11,
    )
    plan = interpret(ctx)
    draft, said = final_draft(plan, ctx.draft), texts(plan)
    changed = draft != start or any(isinstance(s, ToolStep) for s in plan.steps)
    generic = any(  # the canned list in either script
        book.say(plan.language, "capabilities", hant=hant) in said for hant in (False, True)
    )
    declined = "silent" if not said else ("generic" if generic else "declined")
    if case["expect"]["verdict"] == "decline":
        return "wrong" if changed else declined
    if not changed:
        return declined
    checks = _checks(case["expect"], start, draft)
    return "correct" if all(checks) else ("partial" if any(checks) else "wrong")


LOCAL = {
    # r2 first sight 54/80 (44 correct, 10 declined, 15 generic, 10 partial, 1 wrong); tuned on it
    # since (79/80). r3 first sight 68/80: 54 correct, 14 declined, 7 generic, 3 partial, 2 wrong
    # (counted with the canned list in traditional characters as generic: 66/80); after the
    # round-4 classes (typos, "instead of", multipliers, changes to what the photo shows, mixed
    # photo lengths, Chinese photo order) 80/80.
    "blind_r2": (0.98, 0),
    "blind_r3": (1.0, 0),
    # probe_local3: written by the round-4 engineer before the fixes, first sight 38/62 (30
    # correct, 8 declined, 17 generic, 3 partial, 4 wrong); 62/62 after. probe_local3b: written
    # after the first fixes, before looking again, first sight 34/42 (26 correct, 8 declined,
    # 7 generic, 1 wrong); 42/42 after.
    # probe_local3c (multi-request, polite, slang, typos), first sight 26/38 (19 correct, 7
    # declined, 8 generic, 3 wrong, 1 partial); 38/38 after.
    "probe_local3": (1.0, 0),
    "probe_local3b": (1.0, 0),
    "probe_local3c": (1.0, 0),
    # probe_local3d, first sight 32/40 (20 correct, 12 declined, 4 generic, 4 wrong; 6 of the
    # "declined" were requests left undone with a specific but unhelpful answer); 40/40 after.
    "probe_local3d": (1.0, 0),
    # probe_local3e, written after the fixes above, first sight 27/30 (20 correct, 7 declined,
    # 1 generic, 2 wrong); 30/30 after.
    "probe_local3e": (1.0, 0),
    # blind_r4 (r4), before this session's work: 63/80 (52 correct, 11 declined, 11 generic,
    # 4 partial, 2 wrong); first sight on the interpreter it was then given: 73/80 (58 correct,
    # 15 declined, 3 generic, 2 partial, 2 wrong; 3 of the "declined" were edits answered with a
    # specific refusal). After the round-5 classes (a title's time, photo steps after "then",
    # one photo's length with the others left alone, 调高一倍, an edit taken back within the
    # message, requests outside video editing, animals in the picture): 80/80.
    "blind_r4": (1.0, 0),
    # blind_r5t (a stranger's training set for round 6), first sight 60/70 (53 correct,
    # 7 declined, 5 partial, 2 generic, 3 wrong; 1 of the "declined" was an edit answered with a
    # refusal). probe_local5 (this round's own probe: formal, slang, relative points, 成, 直式),
    # first sight 17/30 (16 correct, 1 declined, 4 partial, 6 generic, 3 wrong). After the
    # round-6 classes (volume by points and in 成, a level that is not a removal, 加倍 of a
    # volume, speed multiples, a title moved in time, the photo's colours, new footage, writing
    # text, text at the side, complaints about the motion, camera directions, every photo named
    # in order, no edit understood): 70/70 and 30/30.
    "blind_r5t": (1.0, 0),
    "probe_local5": (1.0, 0),
    # blind_r5 (a stranger's held-out set for round 7), first sight 77/80: 65 correct,
    # 12 declined, 3 wrong, 0 silent (2 of the "declined" were not right: 寫一篇…遊記 answered
    # with a question, 唔好zoom left the zoom). After the round-7 classes (new footage said as a
    # shot or a clip, "the other two", a title's time range with a verb inside, writing text in
    # traditional, asking the camera not to move): 80/80 (68 correct, 12 declined).
    "blind_r5": (1.0, 0),
    # blind_r6t (a stranger's training set for round 8), first sight 62/70: 49 correct,
    # 13 declined, 5 partial, 3 wrong, 0 silent (with "titles": [] checked as no title left).
    # probe_local6 (this round's own probe, written before the fixes: new pictures, a volume in
    # words or points, "no Ken Burns, just Y", the current amount beside the new one, a title's
    # start and end in two clauses, 标题叫X, corners, "cut it down to 3", "mute it", loop and
    # reverse), first sight 77/92: 30 correct, 47 declined (22 of them edits left undone, some
    # with a misleading "already" answer), 7 partial, 8 wrong. probe_local6b (written after
    # those fixes, before looking again: two edits in one message, one of them impossible,
    # relative lengths, slang volumes, Cantonese directions), first sight 52/62: 34 correct,
    # 18 declined, 6 partial, 4 wrong. probe_local6c (written after those, before looking: titles
    # with place and time, music ranges, photo lists, effects, film looks), first sight 36/42:
    # 28 correct, 8 declined, 1 partial, 5 wrong. probe_local6d (the last batch: polite, slang,
    # arrows, a title's end alone), first sight 38/42: 28 correct, 10 declined (6 of them edits
    # left undone), 1 partial, 3 wrong. After the round-8 classes (see
    # tests/unit/test_interpreter_round8.py): 70/70 (58 correct, 12 declined: every decline line),
    # 92/92, 62/62, 42/42 and 42/42, none wrong or partial.
    "blind_r6t": (1.0, 0),
    "probe_local6": (1.0, 0),
    "probe_local6b": (1.0, 0),
    "probe_local6c": (1.0, 0),
    "probe_local6d": (1.0, 0),
    # blind_r6 and blind_r7 (stranger-written, trained on in round 9): first sight on the finished
    # round-8 interpreter r6 73/80 (57 correct, 16 declined, 6 partial, 1 wrong), r7 76/80
    # (62 correct, 14 declined, 2 partial, 2 wrong); main before the session r6 71/80 (2 wrong,
    # 7 partial), r7 73/80 (3 wrong, 4 partial). probe_local8 (this round's own probe, written
    # before the fixes: two edits in one message, an edit taken back within it, 4K in pixels,
    # made-up clips, animating what a photo shows), first sight 16/29 (9 correct, 7 declined,
    # 8 partial, 5 wrong). After the round-9 classes (see tests/unit/test_interpreter_round9.py):
    # 80/80 (63 correct, 17 declined), 80/80 (64 correct, 16 declined) and 29/29, none wrong.
    "blind_r6": (1.0, 0),
    "blind_r7": (1.0, 0),
    "probe_local8": (1.0, 0),
    # r9t first sight on main 0a25c24: 76/80: 53 correct, 23 declined, 3 partial, 1 wrong (two
    # edits joined by 并/然后/再/and losing one: a frame shape that cannot be made beside a title
    # or a length, 长度加倍 beside a shape, 原来的两倍，再多加2秒 read as +2 s and a 2x camera).
    # After the round-10 classes (see tests/unit/test_interpreter_compound.py): 80/80 (55 correct,
    # 25 declined), none wrong or partial.
    "blind_r9t": (1.0, 0),
    # r9 held out, first sight on the round-9 code f4d778e: 73/80: 56 correct, 17 declined,
    # 2 partial, 5 wrong (a question about the draft changed it; a gold-outlined 3D glowing title
    # half made; 缩到一半 read as 1 s; 多放1秒 for one photo read as 1 s; "trim it down by 3
    # seconds" and 时长砍一半 lost). After the round-11 classes (see
    # tests/unit/test_interpreter_round11.py): 80/80 (60 correct, 20 declined), none wrong.
    "blind_r9": (1.0, 0),
    # r10 held out, first sight on the round-10 code 9e4af99: 78/80: 59 correct, 19 declined,
    # 2 wrong ("make the sky pink and dramatic" zoomed the camera on "dramatic"; "make the harbor
    # pic 2 seconds and the beach one 4" made the video 2 s). After the round-12 classes (see
    # tests/unit/test_interpreter_round12.py): 80/80 (60 correct, 20 declined), none wrong.
    "blind_r10": (1.0, 0),
    # r11 held out, first sight on the round-11 code 774e5f3: 76/80: 55 correct, 21 declined,
    # 2 partial, 2 wrong ("trim the last 2 seconds off and move the title down to the bottom"
    # moved the title to 3-5 s; 標題改喺頂部，成條片加長到8秒 held the title 8 s). After the
    # round-13 classes (tests/unit/test_interpreter_round13.py): 78/80 (57 correct, 21 declined,
    # 2 partial: a title removal or a first photo's length beside music does only one part).
    "blind_r11": (0.975, 0),
    # r12 held out, first sight on the round-12 code ebf4515, not tuned on: 74/80 (55 correct,
    # 19 declined, 2 partial, 4 wrong, 0 silent). Wrong: "quick q — when does the title
    # disappear?" changed the draft (a question about a title's timing); "make the harbor shot
    # twice as long and the beach one a second shorter" (relative lengths for two named
    # photos); 音量调到原来的两倍 (a relative volume); 最后一张沙滩照片延长到6秒，然后加标题…
    # 从第6秒到结尾 (a photo's length and a title range in one message). Held here as found, to
    # be lowered to 0 wrong by the next round.
    # Round 14 (the coverage guard, agent/local/interpreter/coverage.py): a plan that changes the
    # draft covers every clause and changes nothing unasked, or the whole message is declined.
    # r12 after it and the relative volume (音量调到原来的两倍): 80/80 (55 correct, 25 declined).
    "blind_r12": (1.0, 0),
    # r13t training set (stranger-written), first sight on main 7c3d693 before any round-14 change:
    # 70/80 (42 correct, 28 declined, 5 partial, 5 wrong, none silent). Wrong: "minus 2s" made it
    # 2 s; "make it 21:9 cinematic widescreen" changed the camera; "the middle one should be 5
    # seconds, others stay", 第二张放5秒，最后一张删掉 and 最尾嗰張刪咗佢，第一張放耐啲，四秒 (one
    # photo's length beside a removal or the others kept) misread. After the guard and the
    # round-14 classes (tests/unit/test_interpreter_coverage.py): 80/80 (42 correct, 38
    # declined), none wrong.
    "stranger_round13t": (1.0, 0),
    # r13 training set (stranger-written), first sight on 7c3d693 (before round 13): 73/80 (49
    # correct, 24 declined, 3 partial, 4 wrong, none silent); on the round-13 interpreter with the
    # coverage guard: 76/80 (46 correct, 30 declined, 2 partial, 2 wrong, none silent). Wrong:
    # "lighthouse 5 seconds, others 2" set the lighthouse alone; "replace the lo-fi track with me
    # narrating the trip" changed the music. Partial: 標題由第1秒去到第5秒，長度唔好郁 stilled the
    # camera and kept the title 3 s long; 燈塔那張放最後，每張都不要動態效果 left the motion on.
    # After the target check (agent/local/interpreter/targets.py), the voiceover in the user's
    # voice, 去到 as a range's end, 长度唔好郁 as a keep and 'Summer '24' as one quote
    # (tests/unit/test_interpreter_targets.py): 80/80 (50 correct, 30 declined), none wrong.
    "stranger_round13": (1.0, 0),
    # r14 training set (stranger-written), first sight on the round-13 and the round-14
    # interpreter: 76/80 (48 correct, 28 declined, 3 partial, 1 wrong, none silent). Wrong:
    # 帮我把标题颜色改成金色✨ recoloured the title (the sparkle asks for a look the renderer cannot
    # make). Partial: "rename the title to Harbour Nights (british spelling pls)" kept the aside in
    # the wording; "at the very end (last 2 seconds)" put the second title at 2-4 s; 标题改成只在
    # 最后三秒显示 renamed the title "只在 显示". After the round-16 classes
    # (tests/unit/test_interpreter_asides.py): 80/80 (51 correct, 29 declined), none wrong.
    "stranger_round14": (1.0, 0),
    # stranger_round15: held out, written by a stranger without sight of the interpreter and
    # never tuned on. First sight on the round-14 interpreter (707f80d) and the same on the
    # round-15 interpreter (28469a1): 78/80 (47 correct, 31 declined, 1 partial, 1 wrong, none
    # silent). Wrong: "color grade it teal & orange, like a cinematic film look? 🎬" changed the
    # draft instead of declining the grade; partial: a renamed title kept "on screen the whole
    # video". Kept as found, as a regression floor.
    "stranger_round15": (0.975, 1),
    # stranger_round16: held out, written by a stranger without sight of the interpreter and
    # never tuned on. First sight on the round-15 interpreter (3ad4d2e): 80/80 (58 correct, 22
    # declined, none partial, wrong or silent). Kept as found.
    "stranger_round16": (1.0, 0),
    # stranger_round17a/b: training sets for round 17 (strangers, without sight of the code),
    # first sight on 082c8ea: a 71/80 (45 correct, 26 declined, 5 partial, 4 wrong, none silent),
    # b 75/80 (42 correct, 33 declined, 3 partial, 2 wrong). Wrong: a teal-and-orange grade "like
    # a movie" and a speed ramp "slow at first then whoosh fast" moved the camera; "make it 8s and
    # turn the water green — the green water is the whole point" and 加一个下雪的特效，然后改成6秒。
    # 重点是下雪… applied the length; "trim a second off each photo" and 每张照片都多放一秒 set the
    # video's length. After the capability and per-photo checks (capability.py, eachphoto.py,
    # tests/unit/test_interpreter_capability.py): a 76/80 (45 correct, 31 declined, 4 partial),
    # b 78/80 (42 correct, 36 declined, 2 partial), none wrong; the partials are titles "to the
    # end"/"first half" and a volume by points (relative lengths and ranges, another session's)
    "stranger_round17a": (0.95, 0),
    "stranger_round17b": (0.975, 0),
    # stranger_round18a/b: training sets for round 18, written by strangers without sight of the
    # code; first sight on 082c8ea 75/80 (3 wrong) and 77/80 (0 wrong); on 90f09c4 77/80 (1 wrong)
    # and 77/80 (0 wrong): a 51 correct, 26 declined, 2 partial, 1 wrong ("play it at 2x speed"
    # sped up the camera); b 47 correct, 30 declined, 3 partial. After the round-18 classes (a
    # playback speed, a level relative to the current one, a suggestion turned down, a misspelt
    # direction; tests/unit/test_interpreter_round18.py): a 80/80 (53 correct, 27 declined),
    # b 80/80 (51 correct, 29 declined), none wrong.
    "stranger_round18a": (1.0, 0),
    "stranger_round18b": (1.0, 0),
    # stranger_round21: held out, written by strangers without sight of the code; first sight on
    # the round-18 interpreter (f99180c): 74/80 (50 correct, 24 declined, 5 partial, 1 wrong: a
    # filter called 必须 beside 1:1 applied the 1:1). After the essential-stance class
    # (tests/unit/test_interpreter_capability.py): 75/80, none wrong; 76/80 after round 19 ("set
    # the music to half of what it is now")
    "stranger_round21": (0.96, 0),  # 77/80 after the round-20 freeze guard
    # probes_round19: the round-19 engineer's own probes (typos, emoji, dictation filler, terse,
    # Cantonese, traditional, relative amounts, "essential"/"optional" stances), written before
    # any change: first sight 73/79 (47 correct, 26 declined, 3 partial, 3 wrong: "turn off the
    # light" zoomed 6%, "what if it was square? just asking" squared it, "make the singer's voice
    # louder" raised the whole track). probes_round19b, written after the first four classes
    # (multi-edit lines with one impossible clause, look changes, relative lengths): first sight
    # 43/45 (20 correct, 23 declined, 2 wrong: "3 seconds of black" lengthened the video, "swap
    # photo 1 and 2 and brighten the beach one" swapped the beach). After the round-19 classes
    # (tests/unit/test_interpreter_round19.py): 79/79 and 45/45, none wrong or partial.
    "probes_round19": (1.0, 0),
    "probes_round19b": (1.0, 0),
    # stranger_round22/23: training sets for round 20, written by strangers without sight of the
    # code; first sight on main 77/80 (48 correct, 28 declined, 3 partial, 1 wrong: "duration加50%，
    # music音量不变" raised the volume to 85%) and 79/80 (46 correct, 33 declined, 1 partial); on
    # the round-20 base (3ea363e) 77/80 (49/28/2 partial/1 wrong) and 79/80 (46/33/1 partial).
    # probes_round20: the round-20 engineer's own freeze and code-switched-target probes, first
    # sight 35/40 (28 correct, 7 declined, 2 partial, 3 wrong). After the freeze guard, English
    # targets inside Chinese, Chinese decimals, points said after the number and "same spot, same
    # 3 seconds" (tests/unit/test_interpreter_frozen.py, test_interpreter_round20.py): 80/80,
    # 80/80 and 40/40, none wrong.
    "stranger_round22": (1.0, 0),
    "stranger_round23": (1.0, 0),
    "probes_round20": (1.0, 0),
    # stranger_round24/26: training sets for round 21, written by strangers without sight of the
    # code; first sight 75/80 (45 correct, 30 declined, 4 partial, 1 wrong: "triple the length
    # ... yeah, three times as long" tripled twice) and 77/80 (52 correct, 25 declined, 2 generic,
    # 1 wrong: 比现在长3秒 set 3 s). Floors at what round 21 reached
    # (tests/unit/test_interpreter_round21.py).
    "stranger_round24": (0.95, 0),
    "stranger_round26": (0.9875, 0),
    # stranger_round25 and stranger_round27: held out, written by strangers without sight of the
    # interpreter, never tuned on. First sight: r25 on the round-19 interpreter (3ea363e) 76/80
    # (50 correct, 26 declined, 4 partial), on round 20 77/80 (52, 25, 3 partial); r27 on the
    # round-20 interpreter (80faa95) 77/80 (46 correct, 31 declined, 3 partial); on the round-21
    # interpreter both 77/80 with the same verdicts; none wrong or silent anywhere
    "stranger_round25": (0.9625, 0),
    "stranger_round27": (0.9625, 0),
}


@pytest.mark.parametrize("name", sorted(LOCAL))
def test_stranger_local_agent_set_keeps_its_score(name: str) -> None:
    floor, wrong_at_most = LOCAL[name]
    book, begin = load_phrasebook(), _starts()
    cases = _lines(FIXTURES / "interpreter" / f"{name}.jsonl")
    verdicts = [_verdict(case, book, begin) for case in cases]
    good = sum(v in ("correct", "declined") for v in verdicts)
    assert good / len(cases) >= floor, verdicts
    assert verdicts.count("wrong") <= wrong_at_most
    assert "silent" not in verdicts
