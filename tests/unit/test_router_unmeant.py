"""Round 36-37 (router25): export and balance words the user does not mean as an order, each
class checked on the full router and behind a fallback model that always says export
(`SaysExport`), with wordings of our own (`agent.router.unmeant`).

1. Sarcasm over an export ("oh sure, export it, because … is exactly what everyone wants 🙄").
2. A counterfactual ("I'd export it if it weren't so dark", 要不是太暗我就导出了).
3. The export word in another sense: material fetched, a job or trade, how to do it, what it
   can do, a render past and complained about, 渲染气氛.
4. Praise alone ("😍😍😍 love it!! 💯"): no export, no balance.
5. Credit words about something else (信用卡额度, "balance beam", the video's topic).
6. A retraction after a dash (匯出——唔好住，…).
7. An edit called off beside the export (算了，字幕不用改了，直接导出吧): the export alone.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.router import Router
from agent.router.text import prepare
from agent.router.unmeant import credits_elsewhere, export_unmeant, praise_only
from tests.router_support import plan_of

ROBUST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _never_exports(routers: list[Router], text: str) -> None:
    for router in routers:
        actions = plan_of(router, text)
        assert "export" not in actions, (text, actions)


def _never_looks_up_credits(routers: list[Router], text: str) -> None:
    for router in routers:
        actions = plan_of(router, text)
        assert "credits" not in actions, (text, actions)
        assert "export" not in actions, (text, actions)


SARCASM = [
    "yeah right, render it, the client will totally love a blurry logo 🙄",
    "oh great, export it now, because nobody will notice the typo",
    "sure sure, download it, just what the audience wanted: ten minutes of silence",
    "export it 🙃 what could possibly go wrong",
    "导出吧，反正也没人看 🙄",
    "出片啦，才怪，字幕全错",
    "好啊，渲染吧，真是太棒了呢",
    "係呀係呀，即刻匯出啦，反正冇人睇 🙄",
    "導出吧，反正也沒人在乎",
]
COUNTERFACTUAL = [
    "we'd render it if the audio weren't so quiet",
    "I would export this if only the colours were right",
    "if it wasn't so shaky I'd download it right away",
    "要不是字幕太小，我就导出了",
    "要唔係啲聲咁細，我早就 export 咗",
    "如果不是背景太暗，早就渲染了",
    "I'd have exported yesterday if the client hadn't changed the script",
    "如果唔係啲字咁細，我已經出片咗",
]
OTHER_SENSE = [
    "download some free music and put it under the intro",
    "download a couple of photos of paris from unsplash and add them at the end",
    "下载一首轻音乐放在片头",
    "my dad runs an export business, make a 20s promo for it",
    "we're exporters of tea, need a brand video",
    "我们公司做进出口贸易，帮我剪个宣传片",
    "渲染一下气氛，开头加点鼓声",
    "she's the export director at a wine company, make a reel about her",
    "我做出口生意的，帮我做个工厂介绍视频",
    "download a royalty-free track and lay it under the intro",
]
HOW_TO = [
    "how do I download the video?",
    "how to render in 4k?",
    "怎么导出视频啊",
    "點樣 render 㗎",
    "如何下载成片",
    "點樣先可以 download 條片？",
    "how can I render it in 4k?",
    "點樣 export 㗎？",
]
CAPABILITY = [
    "can I export this as a 4k file?",
    "is it possible to export in vertical format?",
    "could we render it as a gif?",
    "可以导出成gif吗",
    "支不支持导出成竖屏",
    "可唔可以匯出做gif",
    "can I download this as an mp4 with no watermark?",
]
PAST_RENDER = [
    "又导出了一个小时，烦死了，把标题改大",
    "每次 render 都要好耐，字幕再大啲",
    "好嘢，又 render 咗成個鐘，正呀。唔該字細啲",
    "已经渲染过了，烦，背景换成蓝色",
    "it rendered for ages again. anyway make the logo smaller",
    "渲染了半天，结果还是糊的，画面锐化一下",
    "又匯出咗兩個鐘，搞錯呀，幫我將背景換藍色",
    "rendered for two hours again lol. make the intro shorter",
]
PRAISE = [
    "love it!! 😍",
    "wow this is amazing 🔥🔥",
    "太正了！！😍😍",
    "好靚呀 💯",
    "obsessed 😍 chef's kiss",
    "perfect!! so good",
    "absolutely stunning 🤩🤩",
    "正到爆 😍",
]
CREDITS_ELSEWHERE = [
    "my credit card bill is due, put a reminder in the video about paying on time",
    "make a video explaining how to earn airline points for flights",
    "这个视频讲怎么用信用卡积分换礼品",
    "银行余额不够也别慌——视频主题是理财",
    "balance beam routine, add slow-mo at the landing",
    "the clip is about work-life balance, add calm music",
    "credit score tips reel, 30 seconds",
    "我的花呗额度用完了，片尾加一句理性消费",
    "我張信用卡額度爆咗，片入面講下點樣分期",
    "this video teaches people how to collect reward points",
    "片段係講平衡木比賽嘅，慢鏡播",
]
DASH_RETRACTION = [
    "导出——等等，logo 还没对",
    "render it – hang on – the music is too loud",
    "匯出 - 唔好住，仲要改字幕",
    "export... wait, the intro",
    "出片—先别，片尾还没加",
    "download it — wait a sec, the title is wrong",
    "匯出 —— 咪住，字幕仲有錯字",
    "render it - wait - add the watermark first",
]


@pytest.mark.parametrize(
    "text",
    [
        *SARCASM,
        *COUNTERFACTUAL,
        *OTHER_SENSE,
        *HOW_TO,
        *CAPABILITY,
        *PAST_RENDER,
        *PRAISE,
        *DASH_RETRACTION,
    ],
)
def test_an_export_word_meant_otherwise_never_exports(routers: list[Router], text: str) -> None:
    _never_exports(routers, text)


@pytest.mark.parametrize("text", [*CREDITS_ELSEWHERE, *PRAISE])
def test_a_balance_word_about_something_else_looks_nothing_up(
    routers: list[Router], text: str
) -> None:
    _never_looks_up_credits(routers, text)


@pytest.mark.parametrize("text", PRAISE)
def test_praise_alone_goes_to_the_agent(routers: list[Router], text: str) -> None:
    for router in routers:
        assert plan_of(router, text) == ("sse",), text


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("export it", ("export",)),
        ("导出吧", ("export",)),
        ("can you export it as mp4?", ("export",)),
        ("make the title bigger, then render", ("sse", "export")),
        ("how many credits do I have left?", ("credits",)),
        ("我还剩多少积分", ("credits",)),
    ],
)
def test_a_plain_order_or_balance_question_still_runs(
    router: Router, text: str, plan: tuple[str, ...]
) -> None:
    assert plan_of(router, text) == plan


@pytest.mark.parametrize(
    "text",
    [
        "算了，字幕不用改了，直接导出吧",
        "算了，音乐不用换了，直接出片",
        "唔使改啦，直接匯出",
        "never mind the caption fix, just export it",
        "forget the font change, render it",
        "no need to tweak the colours, just export",
        "算啦，唔使改顏色喇，直接出片",
    ],
)
def test_an_edit_called_off_leaves_the_export_alone(routers: list[Router], text: str) -> None:
    for router in routers:
        assert plan_of(router, text) == ("export",), text


def test_an_edit_kept_beside_one_called_off_still_runs(router: Router) -> None:
    assert plan_of(router, "字幕不用改了，音乐调小，然后导出") == ("sse", "export")


def test_the_gates_read_the_prepared_turn() -> None:
    assert export_unmeant(prepare("I'd export it if it weren't so dark").text)
    assert not export_unmeant(prepare("export it now").text)
    assert praise_only(prepare("😍😍😍 love it!! 💯").text)
    assert not praise_only(prepare("love it, export").text)
    assert not praise_only(prepare("https://example.com/photo.jpg").text)
    assert not export_unmeant(prepare("make it look as if it's raining, then export").text)
    assert credits_elsewhere(prepare("这个视频讲的是怎么攒积分换机票").text)
    assert not credits_elsewhere(prepare("我的积分还剩多少").text)


# properties: each safety class over generated wordings, with and without the LLM

_ORDERS = ["export it", "render it", "download it", "导出吧", "出片啦", "幫我匯出"]


@ROBUST
@given(
    st.sampled_from(_ORDERS),
    st.sampled_from(["🙄", "🙃", "😒", "yeah right", "才怪", "呵呵"]),
    st.sampled_from(["", ", the intro is perfect", "，反正没人看"]),
)
def test_an_export_said_in_sarcasm_never_runs(
    routers: list[Router], order: str, cue: str, tail: str
) -> None:
    _never_exports(routers, f"{order} {cue}{tail}")


@ROBUST
@given(
    st.sampled_from(["I'd", "we'd", "I would", "we would"]),
    st.sampled_from(["export it", "render this", "download it"]),
    st.sampled_from(["weren't", "wasn't"]),
    st.sampled_from(["so dark", "so long", "this blurry", "so loud"]),
)
def test_an_english_counterfactual_export_never_runs(
    routers: list[Router], would: str, order: str, were: str, state: str
) -> None:
    _never_exports(routers, f"{would} {order} if it {were} {state}")


@ROBUST
@given(
    st.sampled_from(["要不是", "要唔係", "如果不是"]),
    st.sampled_from(["画面太暗", "字幕太细", "声音太小", "片头太长"]),
    st.sampled_from(["我就导出了", "我早就 export 咗", "早就渲染了", "我就出片了"]),
)
def test_a_chinese_counterfactual_export_never_runs(
    routers: list[Router], lead: str, reason: str, result: str
) -> None:
    _never_exports(routers, f"{lead}{reason}，{result}")


@ROBUST
@given(
    st.sampled_from(["怎么", "點樣", "如何", "how do I", "how can we", "how to"]),
    st.sampled_from(["export", "render", "download", "导出", "匯出"]),
    st.sampled_from(["", " 㗎", " the video?", "视频？"]),
)
def test_how_to_export_is_a_question_for_the_agent(
    routers: list[Router], how: str, verb: str, tail: str
) -> None:
    _never_exports(routers, f"{how} {verb}{tail}")


@ROBUST
@given(
    st.sampled_from(["download a", "download some", "download a free", "下载一段", "下载几张"]),
    st.sampled_from(["stock clip of rain", "music", "photos of tokyo", "音效", "素材"]),
    st.sampled_from([" and add it behind the title", " and put it at the end", "放在片尾"]),
)
def test_material_downloaded_for_the_video_is_an_edit(
    routers: list[Router], get: str, material: str, use: str
) -> None:
    _never_exports(routers, f"{get} {material}{use}")


@ROBUST
@given(
    st.sampled_from(["I'm an", "we're an", "my boss is the", "our"]),
    st.sampled_from(["export manager", "export company", "export business", "exporter"]),
    st.sampled_from([", make a promo", " and need a booth video", "，帮我剪个片"]),
)
def test_export_as_a_trade_is_no_order(
    routers: list[Router], who: str, trade: str, ask: str
) -> None:
    _never_exports(routers, f"{who} {trade}{ask}")


@ROBUST
@given(
    st.lists(st.sampled_from(["😍", "💯", "🔥", "❤️", "✨", "🥹"]), min_size=1, max_size=4),
    st.sampled_from(["love it", "amazing", "so good", "太正了", "好靚", "wow", "绝了"]),
    st.sampled_from(["", "!!", "!!!", "~"]),
)
def test_praise_alone_asks_nothing_but_the_agent(
    routers: list[Router], emoji: list[str], praise: str, bang: str
) -> None:
    text = f"{''.join(emoji)} {praise}{bang} {''.join(emoji)}"
    for router in routers:
        assert plan_of(router, text) == ("sse",), text


@ROBUST
@given(
    st.sampled_from(
        [
            "credit card",
            "credit score",
            "balance beam",
            "balance transfer",
            "信用卡额度",
            "航空积分",
            "银行余额",
        ]
    ),
    st.sampled_from(["ad, 15 sec", " tips reel", "的视频，加点音乐", " clip in slow motion"]),
)
def test_a_balance_word_in_another_sense_looks_nothing_up(
    routers: list[Router], topic: str, ask: str
) -> None:
    _never_looks_up_credits(routers, f"{topic}{ask}")


@ROBUST
@given(
    st.sampled_from(_ORDERS),
    st.sampled_from(["——", "—", "–", " - ", "...", "，", ", "]),
    st.sampled_from(["唔好住", "等等", "先别", "wait", "hang on", "hold on"]),
    st.sampled_from(["", "，logo 仲未啱", ", the logo is off"]),
)
def test_an_export_taken_back_after_any_separator_never_runs(
    routers: list[Router], order: str, dash: str, cue: str, tail: str
) -> None:
    _never_exports(routers, f"{order}{dash}{cue}{tail}")
