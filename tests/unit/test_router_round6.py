"""Round-6 classes of the router, each held by generated inputs on the whole router (rules, then
the intent model): text to show behind a colon naming it is content, a question whether the
balance covers an export asks only for credits, an export on a price condition never runs
unchecked, someone else's export to come is no command, a Chinese comparative before
"搞掂就/弄好就 export" is an edit done first, the user's news that the edits are done asks no
edit, and a lost or wrongly saved file asked for again is exported (an edit asked "again" is
not)."""

from __future__ import annotations

import asyncio

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.router import Router
from tests.router_support import plan_of as _plan

ROBUST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TRIGGERS = st.sampled_from(
    [
        "Download now",
        "export quality guaranteed",
        "render your dreams",
        "Save the date",
        "立即下载",
        "一键导出",
        "出片就找我们",
        "扫码下载App",
        "即刻匯出",
    ]
)


@ROBUST
@given(
    st.sampled_from(
        [
            "end with a line of text: {}",
            "caption at the bottom: {}",
            "the banner should read: {}",
            "put this on the last frame - {}",
            "lower third text: {}",
            "结尾打一行字：{}",
            "片尾写一句：{}",
            "副标题：{}",
            "字幕打：{}",
            "呢度打行字：{}",
        ]
    ),
    TRIGGERS,
)
def test_text_to_show_behind_a_colon_is_content(router: Router, frame: str, words: str) -> None:
    assert _plan(router, frame.format(words)) == ("sse",)


@ROBUST
@given(
    st.sampled_from(["caption: {}", "end card text: {}", "片尾字幕：{}"]),
    TRIGGERS,
    st.sampled_from([", then export", ". render it in 1080p", "，然后导出"]),
)
def test_a_command_after_the_shown_text_still_runs_after_the_edit(
    router: Router, frame: str, words: str, export: str
) -> None:
    assert _plan(router, frame.format(words) + export) == ("sse", "export")


@ROBUST
@given(
    st.sampled_from(
        [
            "could you tell me our balance and whether it's enough for one more {} render?",
            "would my balance cover a final {} render?",
            "do I have enough left to cover a {} export?",
            "can my remaining credits pay for a {} export?",
            "剩下的积分够再渲染一次{}吗",
            "我的余额够不够导出一版{}的？",
            "點數夠唔夠匯出{}",
        ]
    ),
    st.sampled_from(["4K", "1080p", "720p", "60s"]),
)
def test_whether_the_balance_covers_an_export_asks_only_for_credits(
    router: Router, frame: str, size: str
) -> None:
    assert _plan(router, frame.format(size)) == ("credits",)


@ROBUST
@given(
    st.sampled_from(
        [
            "if it's cheap enough {}",
            "{} if I can afford it",
            "{} as long as it's not too pricey",
            "only {} if my balance is above 50",
            "if it costs under 10 credits {}",
            "如果唔使十個credit就{}",
            "如果唔貴就{}",
            "只要积分够就{}",
            "如果余额够就{}",
        ]
    ),
    st.sampled_from(["export it", "render", "just export", "匯出啦", "出片", "导出"]),
)
def test_an_export_on_a_price_condition_never_runs_unchecked(
    router: Router, frame: str, export: str
) -> None:
    plan = _plan(router, frame.format(export))
    assert "export" not in plan or plan == ("credits", "export")


@ROBUST
@given(
    st.sampled_from(["my boss", "the client", "our editor", "she", "they"]),
    st.sampled_from(["will export it", "is gonna render it", "wants to download it"]),
    st.sampled_from([", just add the logo", ", you only fix the typo", "; trim the intro"]),
)
def test_someone_elses_export_to_come_is_no_command(
    router: Router, who: str, export: str, edit: str
) -> None:
    assert _plan(router, f"{who} {export}{edit}") == ("sse",)


@ROBUST
@given(
    st.sampled_from(["段音樂", "字", "开头", "音乐", "字幕", "背景音乐", "個logo"]),
    st.sampled_from(["大聲啲", "細聲啲", "大啲", "短啲", "小声点", "短一点", "大一点", "亮一点"]),
    st.sampled_from(
        ["，搞掂就匯出", "，弄好就导出", "，搞定就出片", "，整好就匯出", "，做好就导出"]
    ),
)
def test_a_chinese_comparative_before_the_export_is_an_edit_done_first(
    router: Router, topic: str, comparative: str, export: str
) -> None:
    assert _plan(router, topic + comparative + export) == ("sse", "export")


@ROBUST
@given(
    st.sampled_from(
        [
            "all edits are done",
            "finally done with edits",
            "done tweaking",
            "no more changes",
            "edits look good",
            "改完了",
            "剪好晒",
            "我已經改好晒",
        ]
    ),
    st.sampled_from([", deliver it", ", render it", ", send me the file", "，导出吧", "，匯出啦"]),
)
def test_the_news_that_the_edits_are_done_asks_no_edit(
    router: Router, news: str, export: str
) -> None:
    assert _plan(router, news + export) == ("export",)


@ROBUST
@given(
    st.sampled_from(
        [
            "I lost the file you exported last time",
            "deleted the mp4 by accident",
            "it only saved a thumbnail",
            "上次导出的视频我删掉了",
            "之前匯出嗰條唔見咗",
            "保存下来的只是一张图",
        ]
    ),
    st.sampled_from(
        [
            ", can I get it again?",
            ", send it again pls",
            ", I need the real mp4",
            "，可以再俾我一次吗",
            "，能再发我一份吗",
            "，我要的是视频本身",
        ]
    ),
)
def test_a_lost_file_asked_for_again_is_exported(router: Router, report: str, ask: str) -> None:
    assert _plan(router, report + ask) == ("export",)


@ROBUST
@given(
    st.sampled_from(
        ["I deleted it by mistake", "I lost the file you exported", "上次导出的视频我删掉了"]
    ),
    st.sampled_from(
        [
            ", can you add the logo again",
            ", but don't send it again, just fix the title",
            "，再加一次音乐",
            "，重新加一下字幕",
        ]
    ),
)
def test_an_edit_asked_again_after_a_lost_file_never_exports(
    router: Router, report: str, edit: str
) -> None:
    assert "export" not in _plan(router, report + edit)


@ROBUST
@given(
    st.sampled_from(["save", "please save", "can you save", "ok save"]),
    st.sampled_from(
        [
            "my changes",
            "the changes",
            "the project",
            "this as a template",
            "it as a preset",
            "the draft",
            "my progress",
            "these settings",
        ]
    ),
)
def test_saving_the_work_is_no_export(router: Router, verb: str, thing: str) -> None:
    assert "export" not in _plan(router, f"{verb} {thing}")


@ROBUST
@given(
    st.sampled_from(
        [
            "will the export have a watermark?",
            "can the render be 60fps?",
            "would the download include the music?",
            "can I export vertical and horizontal both?",
            "导出来会有水印吗",
            "渲染出来是什么格式",
            "下载后会不会变模糊",
            "匯出嚟會唔會有水印",
        ]
    ),
)
def test_a_question_about_what_the_export_will_be_never_exports(
    router: Router, question: str
) -> None:
    assert "export" not in _plan(router, question)


@ROBUST
@given(
    st.sampled_from(
        [
            "thanks for the export!",
            "we sent the render to the client",
            "I shared the download with my team",
            "頭先匯出嗰條好正",
            "你刚才导出的那个没问题",
        ]
    ),
    st.sampled_from(
        [
            " can you make the music softer",
            " now make it shorter",
            "，而家幫我整個直版",
            "，加个片尾",
        ]
    ),
)
def test_an_export_thanked_for_or_sent_on_is_named_not_asked_for(
    router: Router, past: str, edit: str
) -> None:
    assert _plan(router, past + edit) == ("sse",)


@ROBUST
@given(
    st.sampled_from(
        [
            "slap some lofi on it",
            "throw in some transitions",
            "beef up the bass",
            "ditch the intro",
            "nuke the watermark text",
            "tone down the saturation",
            "swap the sky for something moodier",
        ]
    ),
    st.sampled_from([" and render", " and dl it", " & export", " then send me the mp4"]),
)
def test_words_joined_before_an_export_are_done_first(
    router: Router, edit: str, export: str
) -> None:
    assert _plan(router, edit + export) == ("sse", "export")


@ROBUST
@given(
    st.sampled_from(["整个滤镜", "上个复古滤镜", "配首轻快的歌", "来点动感的音乐", "搞个片头"]),
    st.sampled_from(["再出片", " 完了导出", "然后导出", "，跟住匯出"]),
)
def test_chinese_work_named_before_the_export_is_done_first(
    router: Router, work: str, export: str
) -> None:
    assert _plan(router, work + export) == ("sse", "export")


@ROBUST
@given(
    st.sampled_from(
        [
            "downloaded this pic from pinterest, can you animate it",
            "this is a render from blender, add a title to it",
            "我喺IG下載咗張相，幫我整條片",
            "这张图是我从小红书下载的，帮我做成视频",
        ]
    ),
)
def test_a_file_fetched_or_made_elsewhere_is_named_not_exported(router: Router, text: str) -> None:
    assert asyncio.run(router.route(text, ("photo.jpg",))).actions == ("upload", "sse")


@ROBUST
@given(
    st.sampled_from(
        ["I'm exporting", "we're rendering", "I am downloading", "I've been exporting"]
    ),
    st.sampled_from([" photos from lightroom now", " the stills myself", " them on my side"]),
)
def test_the_users_own_export_under_way_is_no_command(
    router: Router, doing: str, what: str
) -> None:
    assert "export" not in _plan(router, doing + what)


@ROBUST
@given(
    st.sampled_from(["here's a pic", "heres the photo", "this one"]),
    st.sampled_from([" — animate it", " - zoom in slowly", " – add soft piano"]),
    st.sampled_from([" and send it back as mp4", " then export", ", then render it"]),
)
def test_an_edit_after_a_dash_is_never_dropped_before_the_export(
    router: Router, handing: str, edit: str, export: str
) -> None:
    plan = asyncio.run(router.route(handing + edit + export, ("photo.jpg",))).actions
    assert plan == ("upload", "sse", "export")


@ROBUST
@given(
    st.sampled_from(["we'll decide on", "the board will talk about", "I'll think about"]),
    st.sampled_from(["the final export", "rendering", "the download"]),
    st.sampled_from([" then. meanwhile tighten the transitions", " on friday; fix the typo"]),
)
def test_a_decision_on_the_export_to_come_is_no_command(
    router: Router, decide: str, export: str, edit: str
) -> None:
    assert _plan(router, f"{decide} {export}{edit}") == ("sse",)


@ROBUST
@given(
    st.sampled_from(["still have enough for another render", "got enough for one more export"]),
    st.sampled_from([" or nah", " or not", "?", " or no"]),
)
def test_whether_enough_is_left_for_an_export_asks_credits(
    router: Router, question: str, tail: str
) -> None:
    assert _plan(router, question + tail) == ("credits",)


@ROBUST
@given(
    st.sampled_from(["下載咗啦", "匯出咗喇", "导出了啦", "下载好了啦"]),
    st.sampled_from(["，多謝！", "，谢谢，", "！"]),
    st.sampled_from(["再幫我整多個直版", "再把标题改大一点", "加个片尾"]),
)
def test_an_export_reported_done_is_named_not_asked_for(
    router: Router, done: str, thanks: str, edit: str
) -> None:
    assert _plan(router, done + thanks + edit) == ("sse",)


@ROBUST
@given(
    st.sampled_from(["share the export", "send it over", "kindly render it"]),
    st.sampled_from(
        [
            " once the colour correction is completed",
            " once the captions are in",
            " when the new logo is added",
            " after the typo is fixed",
        ]
    ),
)
def test_an_export_after_a_part_of_the_work_never_drops_that_part(
    router: Router, export: str, part: str
) -> None:
    plan = _plan(router, export + part)
    assert plan in (("sse",), ("sse", "export"))
