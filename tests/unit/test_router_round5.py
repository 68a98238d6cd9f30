"""Round-5 classes of the router, each held by generated inputs on the whole router (rules, then
the intent model): a change of mind takes back the export before it, a supposition followed by
a question runs nothing, two things compared are named not asked for, a hashtag or handle is
content, a perfective or "or not" question never exports, dictated punctuation splits clauses,
and "where did my file go" asks for state. The held-out round-5 classes: an export on a credit or
content condition plans only the check, the user's decision to come, a past report in a bare
present form, the formal prohibition 勿, and a reported how-to question never export."""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.router import Router
from agent.router.text import prepare
from tests.router_support import plan_of as _plan

ROBUST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EXPORTS = st.sampled_from(["export it", "render it", "download it", "send me the mp4"])
ZH_EXPORTS = st.sampled_from(["导出吧", "下载视频", "發我條片啦", "出片吧", "匯出影片"])
EDITS = st.sampled_from(
    ["change the music first", "the title is wrong", "make it 7 seconds", "fix the typo"]
)
ZH_EDITS = st.sampled_from(["标题还没改", "首歌要換", "先把字幕改成白色", "音乐换一首"])
RETRACTIONS = st.sampled_from(
    [
        " — wait no, ",
        ". actually scratch that, ",
        "... no wait ",
        " actually no, ",
        ", on second thought ",
        " oh wait, no, ",
    ]
)
ZH_RETRACTIONS = st.sampled_from(["……算了，", "，等等，", " 不对 ", "，唔啱唔啱，"])


@ROBUST
@given(EXPORTS, RETRACTIONS, EDITS)
def test_a_change_of_mind_after_an_export_takes_it_back(
    router: Router, export: str, retraction: str, edit: str
) -> None:
    assert _plan(router, export + retraction + edit) == ("sse",)


@ROBUST
@given(ZH_EXPORTS, ZH_RETRACTIONS, ZH_EDITS)
def test_a_chinese_change_of_mind_after_an_export_takes_it_back(
    router: Router, export: str, retraction: str, edit: str
) -> None:
    assert "export" not in _plan(router, export + retraction + edit)


@ROBUST
@given(
    st.sampled_from(["make it warmer", "add piano music", "字幕改成白色", "标题用红色"]),
    st.sampled_from([", no wait, ", " — actually no, ", "，不对，", "，算了，"]),
    st.sampled_from(["cooler", "add jazz instead", "改成黄色", "用白色", "blue"]),
    st.sampled_from([", then export", " and then download it", "，然后导出"]),
)
def test_a_change_of_mind_about_an_edit_keeps_the_export_after_it(
    router: Router, edit: str, retraction: str, correction: str, export: str
) -> None:
    assert _plan(router, edit + retraction + correction + export) == ("sse", "export")


SUPPOSITIONS = [
    *(f"{lead} {command}" for lead in ("if I", "suppose I", "hypothetically, if I")
      for command in ("export it now", "render it in 4k", "download it today")),
    *(f"{lead}{command}" for lead in ("如果", "假如", "要是")
      for command in ("现在导出", "下载成4K")),
]  # fmt: skip


@ROBUST
@given(
    st.sampled_from(SUPPOSITIONS),
    st.sampled_from(
        [
            ", will the music be in it?",
            ", is the quality ok?",
            ", would it have a watermark?",
            "，会不会有水印？",
            "，音乐会在里面吗",
            "，会不会很模糊",
            "，画质好不好",
        ]
    ),
)
def test_a_supposition_followed_by_a_question_runs_nothing(
    router: Router, condition: str, question: str
) -> None:
    plan = _plan(router, condition + question)
    assert "export" not in plan
    assert "upload" not in plan


@ROBUST
@given(
    st.sampled_from(["if I render this now", "if I export it in 4k", "如果现在导出"]),
    st.sampled_from(
        [
            " will it use up all my credits?",
            ", how many credits will that cost?",
            " how many credits does that take?",
            "，要扣多少积分？",
        ]
    ),
)
def test_a_supposition_before_a_cost_question_asks_for_credits(
    router: Router, condition: str, question: str
) -> None:
    assert _plan(router, condition + question) == ("credits",)


@ROBUST
@given(
    st.sampled_from(["render", "export", "download", "save", "导出", "下载", "渲染"]),
    st.sampled_from(["export", "download", "render", "导出", "下载", "保存"]),
    st.sampled_from(
        [
            "what's the difference between {} and {}?",
            "{}和{}有什么区别",
            "{} vs {} — which one is faster?",
            "{}跟{}有乜分别",
            "is {} the same thing as {}?",
            "does {} mean the same as {} here?",
        ]
    ),
)
def test_two_commands_compared_are_named_not_asked_for(
    router: Router, first: str, second: str, frame: str
) -> None:
    plan = _plan(router, frame.format(first, second))
    assert "export" not in plan


@ROBUST
@given(
    st.sampled_from(["#", "@"]),
    st.sampled_from(["export", "render", "download", "downloadnow", "导出", "credits"]),
    st.sampled_from(["add {}{} to the caption", "put {}{} in the end text", "字幕加上{}{}"]),
)
def test_a_hashtag_or_handle_is_content(router: Router, sign: str, word: str, frame: str) -> None:
    assert _plan(router, frame.format(sign, word)) == ("sse",)


@ROBUST
@given(
    st.sampled_from(["导出", "下载", "渲染", "导咗", "出咗片", "下載", "匯出成功", "條片出咗"]),
    st.sampled_from(["了吗", "了没有", "未呀", "了没", "过没有", "未"]),
)
def test_a_perfective_question_asks_for_state_and_never_exports(
    router: Router, verb: str, tail: str
) -> None:
    plan = _plan(router, verb + tail)
    assert "export" not in plan


@ROBUST
@given(
    st.sampled_from(["can export already", "is it ready to download", "u rendering it"]),
    st.sampled_from([" or not", " or not ah", " or not?", " anot"]),
)
def test_an_or_not_question_never_exports(router: Router, question: str, tail: str) -> None:
    assert "export" not in _plan(router, question + tail)


@ROBUST
@given(
    st.sampled_from(["make the title bigger", "add soft piano", "trim the ending"]),
    st.sampled_from([" period ", " comma then ", " full stop "]),
    st.sampled_from(["export it", "render it please", "download it"]),
)
def test_dictated_punctuation_splits_clauses(
    router: Router, edit: str, mark: str, export: str
) -> None:
    assert _plan(router, f"{edit}{mark}{export} period") == ("sse", "export")


@pytest.mark.parametrize(
    "text",
    ["make it look like a period piece", "add a comma after hello", "a trial period banner"],
)
def test_a_dictation_word_that_names_a_thing_stays_a_word(text: str) -> None:
    assert prepare(text).text == text


@pytest.mark.parametrize(
    "text",
    [
        "where's the file from the last export?",
        "where did my exported video end up?",
        "i can't find the mp4 you made, where is it",
        "之前做的那些文件在哪",
        "成片存到哪里去了",
        "剛先個條片喺邊度",
        "出咗片未呀",
        "导出了吗",
    ],
)
def test_where_the_made_file_went_or_whether_it_was_made_asks_for_state(
    router: Router, text: str
) -> None:
    assert _plan(router, text) == ("state",)


@ROBUST
@given(
    st.sampled_from(["send it", "export the video", "email me the file", "render it"]),
    st.sampled_from(["after", "once", "when"]),
    st.sampled_from(["finish", "complete", "are done with"]),
    st.sampled_from(["subtitle", "intro", "captions", "logo animation", "colour grade"]),
)
def test_finishing_one_part_before_an_export_asks_for_that_edit(
    router: Router, export: str, lead: str, verb: str, part: str
) -> None:
    for text in (
        f"{export} {lead} you {verb} the {part}",
        f"{lead} you {verb} the {part}, {export}",
    ):
        assert _plan(router, text) == ("sse", "export"), text


@ROBUST
@given(
    st.sampled_from(["send it", "export it", "render it"]),
    st.sampled_from(["after", "once", "when"]),
    st.sampled_from(["finish", "finish the video", "are done", "complete the edit", "finish it"]),
)
def test_our_whole_work_finished_only_orders_the_export(
    router: Router, export: str, lead: str, done: str
) -> None:
    assert _plan(router, f"{lead} you {done}, {export}") == ("export",)


HABITS = [
    *(f"{who} {verb}" for who in ("she usually", "they", "people never", "my editor always")
      for verb in ("render", "export", "download")),
    *(f"{who} {verb}" for who in ("my brother", "our designer", "she")
      for verb in ("renders", "exports", "downloads")),
]  # fmt: skip


@ROBUST
@given(
    st.sampled_from(HABITS),
    st.sampled_from([" in 60fps, can we do 30", " straight to youtube", " at night, add a moon"]),
)
def test_someone_elses_habit_names_an_export(router: Router, habit: str, rest: str) -> None:
    assert "export" not in _plan(router, habit + rest)


@ROBUST
@given(
    st.sampled_from(
        [
            "they asked whether we can {}",
            "I wonder whether to {} today",
            "she wants to know if we could {}",
            "would {}ing now lose my edits?",
            "我问完客户再决定要不要{}",
            "是否需要{}？",
            "草稿会{}吗",
        ]
    ),
    st.sampled_from(["export", "render", "download", "导出", "下载", "保存"]),
)
def test_an_embedded_or_subject_question_names_an_export(
    router: Router, frame: str, verb: str
) -> None:
    text = frame.format(verb)
    if "ing" in frame and not verb.isascii():
        return  # "would 导出ing" is no sentence
    assert "export" not in _plan(router, text)


@ROBUST
@given(
    st.sampled_from(["music: lofi", "length: 8s", "font: bold serif", "音乐：轻快", "时长：10秒"]),
    st.sampled_from([". then export.", ", then render it", "。然后导出"]),
)
def test_a_key_value_edit_before_an_export_is_kept(router: Router, spec: str, export: str) -> None:
    assert _plan(router, spec + export) == ("sse", "export")


@ROBUST
@given(
    st.sampled_from(
        [
            "please refrain from {} until further notice",
            "no rush on {}",
            "I'd rather not {} it yet",
            "hold back on {} for now, add a fade",
            "{} it until I say so",
        ]
    ),
    st.sampled_from(["exporting", "rendering", "downloading", "export", "render"]),
)
def test_polite_and_business_negations_decline_the_export(
    router: Router, frame: str, verb: str
) -> None:
    assert "export" not in _plan(router, frame.format(verb))


@ROBUST
@given(
    st.sampled_from(
        [
            "what would you do, {} or keep editing?",
            "should I {} now or add more music first?",
            "{} or wait for the new logo?",
            "tell me when I can {} it",
            "let me know if I should {}",
            "I got an error when {}ing",
            "it froze while {}ing",
            "{}ing it is the last step, but we're not there yet",
            "is it worth {}ing in 4k?",
        ]
    ),
    st.sampled_from(["export", "render", "download"]),
)
def test_an_offered_embedded_or_described_export_never_runs(
    router: Router, frame: str, verb: str
) -> None:
    assert "export" not in _plan(router, frame.format(verb))


@ROBUST
@given(
    st.sampled_from(["render it", "export it", "send me the mp4"]),
    st.sampled_from(["again", "once more", "one more time"]),
    st.sampled_from(["new song", "updated logo", "bigger title", "corrected subtitles"]),
)
def test_an_export_with_a_change_named_makes_the_change_first(
    router: Router, export: str, again: str, change: str
) -> None:
    assert _plan(router, f"could you {export} {again} with the {change}") == ("sse", "export")


@ROBUST
@given(
    st.sampled_from(["render it pls", "export it", "send me the file"]),
    st.sampled_from([", I mean after you", ", but only after you", ", after you"]),
    st.sampled_from(["fix the colors", "trim the intro", "add the logo"]),
)
def test_an_afterthought_edit_runs_before_the_export(
    router: Router, export: str, lead: str, edit: str
) -> None:
    assert _plan(router, f"{export}{lead} {edit}") == ("sse", "export")


@ROBUST
@given(
    st.sampled_from(["the other", "the 2nd", "that first", "my third"]),
    st.sampled_from(["export", "render", "download"]),
    st.sampled_from([" was better", " had the music", ", the one with music"]),
)
def test_one_of_several_exports_named_is_a_mention(
    router: Router, which: str, noun: str, rest: str
) -> None:
    assert "export" not in _plan(router, f"no, {which} {noun}{rest}")


@ROBUST
@given(
    st.sampled_from(["fix the music", "trim the intro", "make it brighter"]),
    st.sampled_from(["so that it can be exported", "so I can export", "in order to render"]),
)
def test_an_export_as_the_purpose_of_an_edit_never_runs(
    router: Router, edit: str, purpose: str
) -> None:
    assert _plan(router, f"{edit} {purpose}") == ("sse",)


@ROBUST
@given(
    st.sampled_from(["export it again", "render it", "send me the mp4"]),
    st.sampled_from([" but this time with", ", now with", ", without"]),
    st.sampled_from([" captions", " the logo", " music"]),
)
def test_an_amendment_after_an_export_runs_before_it(
    router: Router, export: str, lead: str, change: str
) -> None:
    assert _plan(router, export + lead + change) == ("sse", "export")


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("what does export actually do? does it cost credits?", ("credits",)),
        ("is 'download' the same as export here?", ("sse",)),
        ("I'm not asking you to export, I'm asking what it would cost", ("credits",)),
        ("我想要影片檔", ("export",)),
        ("可以下载了吗", ("export",)),
        ("yeah no that's good period export it please period", ("export",)),
        ("nvm the export for now, just make the text pop", ("sse",)),
        ("exported already or not?", ("state",)),
        ("唔係要出片，淨係問下要幾多點", ("credits",)),
        ("我不是要导出，只是问一下要多少积分", ("credits",)),
        ("how do I get the finished video onto my phone?", ("sse",)),
        ("怎么把视频传到手机上？", ("sse",)),
        ("我仲有冇錢做多一條？", ("credits",)),
        ("得未呀？", ("state",)),
        ("做完没啊 等好久了", ("state",)),
        ("Why video still not come? I wait long time", ("state",)),
        ("if it's not ready yet, tell me how long", ("state",)),
        ("how long should the intro be?", ("sse",)),
        ("do re-exports count against me?", ("credits",)),
        ("quick one — swap the font to something bold and spit out an mp4", ("sse", "export")),
        ("we're exporting tomorrow morning, so for now just fix the logo", ("sse",)),
        ("聽日先出片，今日改字幕", ("sse",)),
        ("導出後告訴我還剩多少點", ("export", "credits")),
        ("把它导出来吧，哦对了，先把logo放大", ("sse", "export")),
        ("download it with subtitles burned in", ("export",)),
        ("put it on my phone", ("export",)),
        ("导出的时候会不会掉帧", ("sse",)),
        ("等下再出片，先把音乐调小", ("sse",)),
        ("我朋友話出片好耐", ("sse",)),
        ("字幕加好了吗？加好了就导出", ("state", "export")),
        ("积分够的话帮我导出4K", ("credits",)),  # the check first; the user then decides
        ("导出的话要多少积分", ("credits",)),
        ("我还能导几次", ("credits",)),
        ("the boss signed off so download it", ("export",)),
        ("I don't care about the music, just export", ("export",)),
        ("is my plan about to run out", ("credits",)),
        ("how many photos did I upload", ("state",)),
        ("redownload the one from yesterday", ("export",)),
        ("gif pls", ("export",)),
        ("we'll probably download it next week", ("sse",)),
        ("how long until it's done", ("state",)),
        ("can the video be exported in 4k?", ("sse",)),
        ("where do exports go?", ("state",)),
        ("the download worked, thanks", ("sse",)),
        ("where can I download the video", ("export",)),
        ("a fade between each one and then export it", ("sse", "export")),
        ("you said \"Click Export when you're happy\" — I'm happy, so export", ("export",)),
        ("it says 'insufficient credits' — how many do I have?", ("credits",)),
        ("系统提示“余额不足”，我还剩多少积分？", ("credits",)),
        ("> Would you like me to export it?\nyes please", ("export",)),
        ("> Shall I add music?\nno, just export", ("export",)),
        ("> Should I export it or keep editing?\nyes", ("sse",)),
        ("> Would you like me to export it?\nno thanks", ("sse",)),
        ("thanks, that's all for today", ("sse",)),
        ("pop out a 720p version for whatsapp", ("export",)),
        ("生成一个mp4发我", ("export",)),
    ],
)
def test_round5_wordings(router: Router, text: str, plan: tuple[str, ...]) -> None:
    assert _plan(router, text) == plan


# Round-5 held-out classes (fixtures/router/round5_everyday.jsonl, round5_hard.jsonl): each was
# a harmful route at first sight.

CREDIT_CONDITIONS = st.sampled_from(
    [
        "if it's under 10 credits",
        "only if I have enough credits left",
        "as long as it costs less than 20 credits",
    ]
)
# issue #10: enough credits is the condition the system enforces itself, so the balance and the
# export both run (tests/unit/test_router_unsettled.py draws the line)
ENOUGH_CONDITIONS = st.sampled_from(["if there's enough credit", "if I still have enough points"])
PLAIN_EXPORTS = st.sampled_from(["export", "go ahead and export", "render it", "download it in 4k"])


@ROBUST
@given(CREDIT_CONDITIONS, PLAIN_EXPORTS, st.booleans())
def test_an_export_on_a_credit_condition_plans_the_check_only(
    router: Router, condition: str, export: str, condition_first: bool
) -> None:
    text = f"{condition}, {export}" if condition_first else f"{export} {condition}"
    assert _plan(router, text) == ("credits",)


@ROBUST
@given(ENOUGH_CONDITIONS, PLAIN_EXPORTS, st.booleans())
def test_an_export_on_enough_credits_checks_the_balance_then_exports(
    router: Router, condition: str, export: str, condition_first: bool
) -> None:
    text = f"{condition}, {export}" if condition_first else f"{export} {condition}"
    assert _plan(router, text) == ("credits", "export")


@ROBUST
@given(
    st.sampled_from(
        [
            "if the music's already in there",
            "if the logo is already in",
            "if the subtitles are included",
            "if the song is added",
        ]
    ),
    PLAIN_EXPORTS,
)
def test_an_export_on_what_the_video_holds_plans_a_state_check_only(
    router: Router, condition: str, export: str
) -> None:
    assert _plan(router, f"{condition}, {export}") == ("state",)


@ROBUST
@given(
    st.sampled_from(
        ["如果积分够的话", "要是积分超过20", "只要余额够", "积分够的话", "如果積分夠的話"]
    ),
    st.sampled_from(["就导出吧", "帮我导出", "就下载吧", "就匯出"]),
)
def test_a_chinese_export_on_a_credit_condition_plans_the_check_only(
    router: Router, condition: str, export: str
) -> None:
    assert _plan(router, condition + export) == ("credits",)


@ROBUST
@given(st.sampled_from(["就导出吧", "帮我导出", "就下载吧"]))
def test_a_chinese_export_on_what_the_video_holds_plans_a_state_check_only(
    router: Router, export: str
) -> None:
    assert _plan(router, "要是音乐已经放进去了" + export) == ("state",)


@ROBUST
@given(
    st.sampled_from(
        [
            ("show me the timeline", "state"),
            ("hey can you show me what's on the timeline", "state"),
            ("check my credits", "credits"),
        ]
    ),
    st.sampled_from(
        [
            " and then I'll tell you if it's ready to export",
            ", I'll let you know whether to export",
            ", then I'll decide whether to render it",
            ", and if it looks ok I'll tell you to export",
        ]
    ),
)
def test_the_users_decision_to_come_leaves_only_the_check(
    router: Router, ask: tuple[str, str], decision: str
) -> None:
    text, check = ask
    assert _plan(router, text + decision) == (check,)


@ROBUST
@given(
    st.sampled_from([("先给我看看时间线", "state"), ("查一下积分", "credits")]),
    st.sampled_from(["我再告诉你要不要导出", "我再决定要不要导出", "我会通知你能不能下载"]),
)
def test_the_users_chinese_decision_to_come_leaves_only_the_check(
    router: Router, ask: tuple[str, str], decision: str
) -> None:
    text, check = ask
    assert _plan(router, f"{text}，{decision}") == (check,)


@ROBUST
@given(
    st.sampled_from(
        [
            "already I download the video yesterday",
            "I export it yesterday",
            "we render it last week already",
            "already we download it before",
            "yesterday I download the video",
        ]
    ),
    st.sampled_from(
        ["now I need change the text only", "now change the title", "now i want the music louder"]
    ),
)
def test_a_past_report_in_a_bare_present_form_is_not_an_export(
    router: Router, report: str, edit: str
) -> None:
    assert _plan(router, f"{report}, {edit}") == ("sse",)


@pytest.mark.parametrize(
    "text", ["我昨天已经下载了视频，现在只要改文字", "之前我已经导出过了，现在改一下标题"]
)
def test_a_chinese_past_report_is_not_an_export(router: Router, text: str) -> None:
    assert _plan(router, text) == ("sse",)


@ROBUST
@given(
    st.sampled_from(
        ["敬請於客戶確認前勿輸出影片", "請勿匯出", "切勿下載影片", "请勿导出", "客户确认前请勿导出"]
    ),
    st.sampled_from(["，先將LOGO調整至右上角。", "，先把字幕改成白色", "。標題改成紅色"]),
)
def test_a_formal_prohibition_declines_the_export_and_keeps_the_edit(
    router: Router, prohibition: str, edit: str
) -> None:
    route = asyncio.run(router.route(prohibition + edit))
    assert route.actions == ("sse",)
    assert "export" in route.declined


@ROBUST
@given(
    st.sampled_from(
        [
            "my friend asked how she can download the video on her phone",
            "my mom asked me how to export it",
            "a coworker wanted to know where he can download it",
            "my boss asks how we render it in 4k",
        ]
    ),
    st.sampled_from(["what should I tell her?", "how do I explain it?", "any tips?"]),
)
def test_a_reported_how_to_question_is_not_an_export(
    router: Router, report: str, question: str
) -> None:
    assert _plan(router, f"{report}, {question}") == ("sse",)


@pytest.mark.parametrize(
    "text",
    ["我朋友问她怎么在手机上下载视频，我该怎么跟她说？", "我妈问我怎么导出视频，我要怎么教她？"],
)
def test_a_chinese_reported_how_to_question_is_not_an_export(router: Router, text: str) -> None:
    assert _plan(router, text) == ("sse",)


@pytest.mark.parametrize(
    ("text", "attachments", "plan"),
    [
        # a misspelt upload hands the file over, as the word itself does
        ("uplaod this", ("beach.jpg",), ("upload",)),
        ("pls uplaod these", ("a.png",), ("upload",)),
        # the user's word still to come asks nothing yet
        (
            "just upload these for now, I'll tell you what to do with them later",
            ("a.png",),
            ("upload",),
        ),
        ("先上传这些，我再告诉你怎么弄", ("a.png",), ("upload",)),
        # a supposition before a question keeps the check in it, never the export
        ("要是超过20积分就先别导出了，告诉我要多少", (), ("credits",)),
        # the price of one export
        ("how much is an export? dont do it yet just asking", (), ("credits",)),
        ("how much for a 4k render?", (), ("credits",)),
        # what was uploaded, and where earlier works went, ask for state
        ("which photos did i already upload?", (), ("state",)),
        ("what have we uploaded so far?", (), ("state",)),
        ("我之前做的那些片子都在哪", (), ("state",)),
        ("上次弄的视频去哪了", (), ("state",)),
        # the user's own editing finished is news, nothing beside the command
        ("I'm done editing, give me the file", (), ("export",)),
        ("ok we're finished with the changes, export it", (), ("export",)),
        ("我改好了，导出吧", (), ("export",)),
        ("I'm done editing", (), ("sse",)),
        # a money pictograph names the balance; in an edit it is content
        ("💰 left?", (), ("credits",)),
        ("how many 🪙 do i have", (), ("credits",)),
        ("add a 💰 sticker to the title", (), ("sse",)),
    ],
)
def test_round5_held_out_wordings(
    router: Router, text: str, attachments: tuple[str, ...], plan: tuple[str, ...]
) -> None:
    assert asyncio.run(router.route(text, attachments)).actions == plan


@pytest.mark.parametrize(
    "text",
    [
        "export it now, I'll let you know whether I like it",
        "render it and I'll decide whether the music works",
        "导出吧，我再告诉你要不要改",
    ],
)
def test_a_decision_to_come_about_something_else_keeps_the_export(
    router: Router, text: str
) -> None:
    assert "export" in _plan(router, text)
