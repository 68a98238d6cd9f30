"""Round 13: an export runs only on a present command. Anything that refuses it with a mark,
puts it off, makes it a condition on someone else, or only mentions it (the past, someone's
words, a question about one, a quote or title text) keeps the export out of the plan, while the
edit the same message asks for still goes to the video agent. Every property holds for the
keyword stage alone, the full router, and the full router behind a fallback model that always
says export (`SaysExport`)."""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.router import Router, build_keyword_router, build_router
from agent.router.text import marked, normalize
from tests.router_support import plan_of

ROBUST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

EDITS_EN = ["fix the typo", "make the title red", "crop it to 9:16", "tighten the intro"]
EXPORTS_EN = ["export", "export it", "render it", "download the video", "send me the mp4"]
EDITS_ZH = ["把错字改一下", "标题改成红色", "字幕改大啲", "把標題改成紅色", "個背景音樂細聲啲"]
EXPORTS_ZH = ["导出", "匯出", "渲染", "出片", "下載"]
# {x} is the export phrase; each a refusal mark, a "not now", a wait on someone or something,
# a condition on someone else, the past, someone's words, a question about one, or text to show
# (someone's order relayed now, "my boss said export it", is the user's request: round 30,
# `agent.router.relayed`; placed in the past or in a plan it stays words)
MODIFIERS_EN = [
    "❌ {x}", "🚫 {x}", "⛔ {x}", "✋ {x}", "🙅 {x}", "🛑 {x}", "✗ {x}", "✘ {x}", "⏳ {x}",
    "⌛ {x}", "{x} ❌", "{x} 🚫", "{x} ⏳", "no {x}", "don't {x} yet", "{x} later", "{x} tmr",
    "{x} tomorrow", "{x} at some point", "{x} after lunch", "{x} once I say so",
    "{x} once the logo arrives", "{x} when the client replies", "don't {x} until I confirm",
    "{x} if the client likes it", "{x} pending approval", "wait for my ok, then {x}",
    "{x} after the meeting", "we'll {x} next week", "I'll tell you when to {x}",
    "my boss said last week we'd {x}", "my boss said yesterday to {x}",
    "the client asked whether we could {x}", "caption: {x} now",
    "title: {x} day", 'the caption says "{x} now"', "“{x} now” as the caption",
    "‘{x} now’ as the caption", "「{x}」 as the caption", "{x} in a bit", "{x} in an hour",
    "when can we {x}?", "when can you {x}?", "👎 {x}", "{x} 👎", "{x}: no", "{x} = no",
    "{x} - not now", "{x} -> later", "{x} on my cue", "{x} on my signal",
]  # fmt: skip
PAST_EN = [
    "I already exported it", "we exported it yesterday", "I rendered it last night",
    "the export from last week has a typo", "did the export finish?",
    "how long does an export take?", "she asked if we exported yet",
]  # fmt: skip
MODIFIERS_ZH = [
    "❌{x}", "🚫{x}", "⏳{x}", "{x}❌", "先别{x}", "先唔好{x}", "遲啲先{x}", "迟点再{x}",
    "之后再{x}", "稍后{x}", "明天再{x}", "聽日先{x}", "下個禮拜先{x}", "{x}先放住", "暂时不要{x}",
    "等市场部那边ok了再{x}", "等老板看完再{x}", "等客戶批咗先{x}", "老細OK咗先{x}",
    "要是客户满意就{x}", "如果老板同意就{x}", "假如客户同意就{x}", "等我确认再{x}",
    "我已经{x}了", "我{x}咗", "上次{x}的版本", "客户问能不能{x}", "老板问可不可以{x}",
    "{x}好了吗?", "{x}要多久?", "标题写“{x}”", "字幕:{x}", "字幕寫「{x}」", "标题《{x}》",
]  # fmt: skip


def _holds(routers: list[Router], text: str) -> None:
    keyword = build_keyword_router().route(text)
    assert keyword is None or "export" not in keyword.actions, text
    for router in routers:
        actions = plan_of(router, text)
        assert "export" not in actions, (text, actions)
        assert "sse" in actions, (text, actions)  # the edit still goes to the video agent


@ROBUST
@given(
    st.sampled_from(EDITS_EN),
    st.sampled_from(EXPORTS_EN),
    st.sampled_from(MODIFIERS_EN),
    st.booleans(),
)
def test_an_english_export_refused_put_off_or_only_named_never_runs(
    routers: list[Router], edit: str, export: str, modifier: str, edit_first: bool
) -> None:
    said = modifier.format(x=export)
    _holds(routers, f"{edit}, {said}" if edit_first else f"{said}. {edit}")


@ROBUST
@given(
    st.sampled_from(EDITS_ZH),
    st.sampled_from(EXPORTS_ZH),
    st.sampled_from(MODIFIERS_ZH),
    st.booleans(),
)
def test_a_chinese_export_refused_put_off_or_only_named_never_runs(
    routers: list[Router], edit: str, export: str, modifier: str, edit_first: bool
) -> None:
    said = modifier.format(x=export)
    _holds(routers, f"{edit}，{said}" if edit_first else f"{said}，{edit}")


@ROBUST
@given(st.sampled_from(EDITS_EN), st.sampled_from(PAST_EN), st.booleans())
def test_an_export_in_the_past_or_asked_about_is_a_mention(
    routers: list[Router], edit: str, past: str, edit_first: bool
) -> None:
    _holds(routers, f"{edit}. {past}" if edit_first else f"{past}, {edit}")


@pytest.mark.parametrize(
    "text",
    [
        "❌ export, just fix the typo 🙏",
        "✗ export, fix the typo",
        "send me the mp4 ❌. fix the typo",
        "⏳ export — waiting on legal. meanwhile crop it to 9:16",
        "fix the typo, render it once the logo arrives",
        "once the new photos land, export. make the title red",
        "tighten the intro, export at some point",
        "等市场部那边ok了再渲染，字幕改大一点",
        "把字幕放大，下個禮拜先匯出",
        "把字幕放大，匯出先放住",
        "把字幕放大，客戶OK咗先出片",
        "我匯出咗，但係字幕錯咗，改返",
        "客户问能不能导出，把错字改一下",
    ],
)
def test_the_round_13_classes_keep_the_export_out(routers: list[Router], text: str) -> None:
    _holds(routers, text)


@pytest.mark.parametrize(
    "text",
    [
        "fix the typo and export",
        "fix the typo, then render it",
        "字幕改大啲，然後匯出",
        "將標題改成藍色再匯出",
        "👍 looks great, fix the typo and export",
        "字幕改好就导出",
        "音乐换好就出片",
    ],
)
def test_a_present_command_beside_an_edit_still_exports_after_it(
    routers: list[Router], text: str
) -> None:
    for router in routers:
        assert plan_of(router, text) == ("sse", "export"), text


def test_a_mark_is_read_only_beside_an_export_word() -> None:
    """A refusal or wait mark with no export word changes nothing ("⏳?" asks how far along it
    is); beside one, the normalised turn reads it as a "no"."""
    assert plan_of(build_router(), "⏳?") == ("state",)
    assert marked("fix it 🚫")
    assert not marked("fix it 👍")
    assert normalize("⏳ export") == "no export"
    assert normalize("render it ⌛") == "no render it"


# The fallback model may plan in any order; the plan that runs always has the edit first.
@ROBUST
@given(st.permutations(["sse", "export", "state"]), st.sampled_from(EDITS_EN))
def test_a_fallback_plan_in_any_order_runs_the_edit_first(order: list[str], edit: str) -> None:
    class Says:
        async def call_tool(self, prompt: str, tool: object) -> object:
            return {"actions": order}

    router = build_router(completer=Says())
    for text in (f"hmm {edit} blorp zibble export", "blorp zibble glorp"):
        actions = plan_of(router, text)
        if "export" in actions and "sse" in actions:
            assert actions.index("sse") < actions.index("export"), (text, actions)
        assert len(actions) == len(set(actions))


PRAISE = [
    "yo the cut slaps fr fr", "this looks fire", "the edit goes hard",
    "client signed off this morning ✅", "the boss approved it", "our client loved it",
]  # fmt: skip
ASKED = ["dl it", "export it", "go ahead and render it", "send me the mp4"]


@ROBUST
@given(st.sampled_from(PRAISE), st.sampled_from(ASKED))
def test_praise_or_an_approval_told_beside_an_export_asks_no_edit(
    routers: list[Router], praise: str, asked: str
) -> None:
    """Round 13t: words that only tell ("the cut slaps", "client signed off") are noise beside
    a command; with an edit asked for, the edit still runs first."""
    for router in routers:
        assert plan_of(router, f"{praise}, {asked}") == ("export",)
        assert plan_of(router, f"{praise}, make it brighter and {asked}") == ("sse", "export")


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("could you send me the finished mp4 file now?", ("export",)),
        ("Could you kindly let me have the finished MP4 file now? Thank you.", ("export",)),
        ("is the video finished?", ("state",)),
        ("does it let me export in 4k?", ("sse",)),
        ("pon la música más bajita y luego export porfa", ("sse", "export")),
    ],
)
def test_the_round_13t_request_forms(text: str, plan: tuple[str, ...]) -> None:
    """A state word between a determiner and a thing is an adjective ("the finished mp4"); "let
    me have the file" asks for it; a courtesy after the export word is a request form."""
    assert plan_of(build_router(), text) == plan


@pytest.mark.parametrize(
    "text",
    [
        "export it with the typo fixed",
        "export it and make sure the typo is gone",
        "render it out but lose the typo",
        "export, and also fix the typo",
        "匯出，順便改錯字",
    ],
)
def test_an_edit_said_beside_the_export_runs_first(routers: list[Router], text: str) -> None:
    """Round 13: an edit named by its result ("with the typo fixed", "lose the typo") is an
    edit, and it runs before the export however the turn orders them."""
    for router in routers:
        assert plan_of(router, text) == ("sse", "export"), text


# Round 14: a deferral that points back to something a clause before it awaits ("VO arrives
# monday so render after that"); the same words after our own edit only order it.
AWAITED_EN = [
    "VO arrives monday", "the music comes in tomorrow", "the logo lands next week",
    "the voiceover is due friday", "the client replies tomorrow", "new photos arrive tonight",
    "the client will get back to us", "legal signs off on friday",
]  # fmt: skip
POINTING_BACK_EN = [
    "so {x} after that", "then {x}", "{x} after this", "{x} once that's in", "then we'll {x}",
    "{x} when that lands", "after that {x}",
]  # fmt: skip
AWAITED_ZH = ["客户明天回复", "配音下周才到", "配音聽日先到", "素材后天发过来", "老板周五确认"]
POINTING_BACK_ZH = ["之后再{x}", "到时再{x}", "搞掂嗰樣先{x}", "然后再{x}", "到時先{x}"]


@ROBUST
@given(
    st.sampled_from(AWAITED_EN),
    st.sampled_from(["export", "render", "download the video"]),
    st.sampled_from(POINTING_BACK_EN),
    st.sampled_from(EDITS_EN),
)
def test_an_english_export_tied_back_to_something_awaited_waits(
    routers: list[Router], awaited: str, export: str, back: str, edit: str
) -> None:
    _holds(routers, f"{awaited} {back.format(x=export)}. meanwhile {edit}")


@ROBUST
@given(
    st.sampled_from(AWAITED_ZH),
    st.sampled_from(EXPORTS_ZH),
    st.sampled_from(POINTING_BACK_ZH),
    st.sampled_from(EDITS_ZH),
)
def test_a_chinese_export_tied_back_to_something_awaited_waits(
    routers: list[Router], awaited: str, export: str, back: str, edit: str
) -> None:
    _holds(routers, f"{awaited}，{back.format(x=export)}，{edit}")


@pytest.mark.parametrize(
    "text",
    [
        "fix the typo and render after that",
        "fix the typo, export after this",
        "make the title red, then render",
        "字幕改大啲，搞掂嗰樣先出片",
        "the video is due friday, fix the typo then render",
    ],
)
def test_pointing_back_to_our_own_edit_only_orders_the_export(
    routers: list[Router], text: str
) -> None:
    for router in routers:
        assert plan_of(router, text) == ("sse", "export"), text


# An export verb whose object is a new thing to make or an asset, not the video's file.
NOT_THE_VIDEO = [
    "render me a cute cat animation from this pic", "render a video of my dog from this photo",
    "export me a cartoon of the two of us", "download the font", "download the LUT you used",
    "export the preset", "export the style to the other clips",
    "render us a sticker from my selfie",
    "帮我下载那个字体", "把这个风格导出到其他片段", "下载一下那个模板",
    "用呢張相幫我渲染一個可愛貓仔動畫", "帮我渲染一段卡通", "幫我下載嗰個字體",
]  # fmt: skip
THE_VIDEO = [
    "render me a quick version", "export me a clean copy", "render a 4k version",
    "download the final cut", "export a gif", "export it", "帮我导出视频",
    "render with the same preset", "帮我导出一个gif动图", "导出个视频",
]  # fmt: skip
MADE_OBJECTS = [
    "me a cute cat animation from this pic", "a cartoon of my dog", "the font", "the preset",
    "the LUT you used", "us a sticker from my selfie", "a video of my dog from this photo",
    "the style to the other clips",
]  # fmt: skip


@ROBUST
@given(
    st.sampled_from(["render", "export", "download"]),
    st.sampled_from(MADE_OBJECTS),
    st.sampled_from(EDITS_EN),
    st.booleans(),
)
def test_an_export_verb_whose_object_is_not_the_video_never_exports(
    routers: list[Router], verb: str, thing: str, edit: str, edit_first: bool
) -> None:
    said = f"{verb} {thing}"
    _holds(routers, f"{edit}, {said}" if edit_first else f"{said}. {edit}")


@pytest.mark.parametrize("text", NOT_THE_VIDEO)
def test_an_export_verb_making_a_new_thing_or_an_asset_exports_nothing(text: str) -> None:
    assert "export" not in plan_of(build_router(), text), text
    keyword = build_keyword_router().route(text)
    assert keyword is None or "export" not in keyword.actions, text


@pytest.mark.parametrize("text", THE_VIDEO)
def test_the_video_its_file_or_a_version_as_the_object_still_exports(text: str) -> None:
    assert plan_of(build_router(), text) == ("export",), text


def test_a_picture_to_animate_is_uploaded_and_made_not_exported() -> None:
    route = asyncio.run(
        build_router().route("render me a cute cat animation from this pic", ("cat.png",))
    )
    assert route.actions == ("upload", "sse")


# The upload invariant: with no file on the turn, `upload` is never one step among others.
PIECES = [
    "re-upload it to capcut", "upload it to youtube", "上传到抖音", "upload a photo", "上传素材",
    "fix the typo", "export it", "how many credits do I have", "my editor told me to download it",
    "blorp zibble", "add captions", "is it done?", "把标题改成红色", "I'll upload the logo now",
]  # fmt: skip


class _SaysUpload:
    async def call_tool(self, prompt: str, tool: object) -> object:
        return {"actions": ["upload", "sse", "export"]}


@ROBUST
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=3), st.booleans())
def test_a_plan_uploads_with_other_steps_only_when_the_turn_carries_a_file(
    pieces: list[str], attached: bool
) -> None:
    text = ", ".join(pieces)
    files = ("photo.png",) if attached else ()
    for router in (build_router(), build_router(completer=_SaysUpload())):
        actions = asyncio.run(router.route(text, files)).actions
        if attached:
            assert actions[0] == "upload", (text, actions)
        elif "upload" in actions:
            assert actions == ("upload",), (text, actions)  # asked alone: answered with how


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        (
            "my editor told me to download it and re-upload to capcut, but first add captions",
            ("sse",),
        ),
        ("re-upload it to capcut", ("sse",)),
        ("上传到抖音", ("sse",)),
        ("upload a photo", ("upload",)),
    ],
)
def test_an_upload_elsewhere_is_a_mention(text: str, plan: tuple[str, ...]) -> None:
    assert plan_of(build_router(), text) == plan


# Round 15, from the allow side: an indefinite object exports only when it is one of ours, and
# an export ordered after a first step runs only when that step is an edit the turn asks for.
MADE_EN = ["a corgi chasing a frisbee", "an astronaut surfing", "a dragon over the city"]
OURS_EN = ["a 4k version", "an mp4", "a gif", "a copy", "a quick preview", "a vertical cut"]
STEPS = ["client review", "legal approval", "the boss's sign-off", "the music license"]


@ROBUST
@given(
    st.sampled_from(["render", "download", "export", "can you render", "pls render"]),
    st.sampled_from(["", "me ", "us "]),
    st.sampled_from(MADE_EN),
    st.sampled_from(["", " in slow mo", " at sunset 🐶", " from this pic"]),
)
def test_an_indefinite_object_not_ours_is_a_creative_request(
    routers: list[Router], verb: str, to: str, thing: str, tail: str
) -> None:
    text = f"{verb} {to}{thing}{tail}"
    for router in routers:  # the intent model may read it otherwise, never as an export
        assert "export" not in plan_of(router, text), text


@ROBUST
@given(
    st.sampled_from(["给我渲染", "帮我导出", "渲染", "下载"]),
    st.sampled_from(["一个柯基追飞盘的慢动作", "一只猫在跳舞", "一条龙飞过雪山", "个宇航员冲浪"]),
)
def test_a_chinese_indefinite_object_not_ours_is_a_creative_request(
    routers: list[Router], verb: str, thing: str
) -> None:
    _holds(routers, f"{verb}{thing}")


@ROBUST
@given(st.sampled_from(["render", "export", "download"]), st.sampled_from(OURS_EN))
def test_an_indefinite_object_of_ours_still_exports(verb: str, thing: str) -> None:
    # issue #10: a new version in another shape is made first, then exported
    plan = ("sse", "export") if thing == "a vertical cut" else ("export",)
    assert plan_of(build_router(), f"{verb} me {thing}") == plan


@ROBUST
@given(
    st.sampled_from(STEPS),
    st.sampled_from(EXPORTS_EN),
    st.sampled_from(EDITS_EN),
    st.sampled_from([" — meanwhile {e}", ". in the meantime {e}", "; meanwhile {e}", ", {e}"]),
)
def test_an_export_after_someone_elses_step_waits(
    routers: list[Router], step: str, export: str, edit: str, also: str
) -> None:
    _holds(routers, f"{step} first, then {export}{also.format(e=edit)}")


@ROBUST
@given(
    st.sampled_from(["客户审核", "老板确认", "法务批准", "客戶睇完"]),
    st.sampled_from(EXPORTS_ZH),
    st.sampled_from(EDITS_ZH),
    st.sampled_from(
        ["{s}先，然后再{x}，同时{e}", "先{s}，再{x}，同时{e}", "{s}先，之後先{x}，同時{e}"]
    ),
)
def test_a_chinese_export_after_someone_elses_step_waits(
    routers: list[Router], step: str, export: str, edit: str, frame: str
) -> None:
    _holds(routers, frame.format(s=step, x=export, e=edit))


@ROBUST
@given(st.sampled_from(EDITS_EN), st.sampled_from(["export", "render", "render it"]))
def test_an_export_after_an_edit_asked_first_runs(edit: str, export: str) -> None:
    assert plan_of(build_router(), f"{edit} first, then {export}") == ("sse", "export")
