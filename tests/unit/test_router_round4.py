"""Round-4 classes: a capability question, a title's wording, a refusal after an export asked,
an export put off by someone's word, and an edit ordered before an export (never dropped)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.router import KeywordRouter, build_keyword_router, build_router

ROBUST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EXPORTS = st.sampled_from(["export", "render", "download"])
SPECS = st.sampled_from(
    ["in 4K", "with a transparent background", "as a gif", "at 60fps", "without the watermark"]
)


@pytest.fixture(scope="module")
def keywords() -> KeywordRouter:
    return build_keyword_router()


def _actions(keywords: KeywordRouter, text: str) -> tuple[str, ...]:
    route = keywords.route(text)
    return route.actions if route is not None else ()


@ROBUST
@given(st.sampled_from(["can I", "can you", "could we", "is it possible to"]), EXPORTS, SPECS)
def test_asking_whether_an_export_can_be_made_some_way_never_exports(
    keywords: KeywordRouter, ask: str, verb: str, spec: str
) -> None:
    assert "export" not in _actions(keywords, f"{ask} {verb} {spec}?")


@pytest.mark.parametrize(
    "text", ["can you export it in 4K?", "can I download it now?", "可以下载了吗"]
)
def test_naming_what_to_export_makes_the_question_form_a_request(
    keywords: KeywordRouter, text: str
) -> None:
    assert _actions(keywords, text) == ("export",)


@ROBUST
@given(
    st.sampled_from(["可以", "能不能", "支持"]),
    st.sampled_from(["导出", "下载", "匯出"]),
    st.sampled_from(["4K", "高清", "透明背景", "gif"]),
)
def test_a_chinese_capability_question_never_exports(
    keywords: KeywordRouter, ask: str, verb: str, spec: str
) -> None:
    assert "export" not in _actions(keywords, f"{ask}{verb}{spec}吗？")


@ROBUST
@given(EXPORTS, st.sampled_from(["Day", "Party", "Week"]), st.integers(2000, 2030))
def test_a_title_worded_with_an_export_word_is_content(
    keywords: KeywordRouter, verb: str, noun: str, year: int
) -> None:
    plan = _actions(keywords, f"put {verb.title()} {noun} {year} as the title text")
    assert plan == ("sse",)


@ROBUST
@given(
    EXPORTS,
    st.sampled_from(["Nah not yet.", "No.", "Nope, not now.", "not yet,"]),
    st.sampled_from(["Add the outro first.", "make it warmer", "trim the ending first"]),
)
def test_a_refusal_after_an_export_asked_takes_it_back(
    keywords: KeywordRouter, verb: str, refusal: str, edit: str
) -> None:
    assert _actions(keywords, f"{verb.title()}? {refusal} {edit}") == ("sse",)


@pytest.mark.parametrize("text", ["not yet", "nah", "nope"])
def test_a_refusal_alone_asks_nothing(keywords: KeywordRouter, text: str) -> None:
    assert keywords.route(text) is None


@ROBUST
@given(
    st.sampled_from(["客户", "老板", "甲方"]),
    st.sampled_from(["没意见", "没问题", "点头"]),
    st.sampled_from(["导出", "下载"]),
)
def test_an_export_waiting_on_someone_s_word_in_chinese_is_put_off(
    keywords: KeywordRouter, who: str, word: str, verb: str
) -> None:
    assert "export" not in _actions(keywords, f"如果{who}{word}就{verb}，我明天告诉你")
    assert "export" not in _actions(keywords, f"{verb}那一步先缓缓，我还要问下{who}")


@pytest.mark.parametrize(
    "text",
    [
        "配返首歌先，跟住匯出",
        "go back to the version with the piano and render that one",
        "revert to the warmer colours, then export",
        "can u do the thing where the pic kinda floats n sparkles? then idk, export i guess",
    ],
)
def test_an_edit_before_an_export_is_never_dropped(keywords: KeywordRouter, text: str) -> None:
    assert _actions(keywords, text) == ("sse", "export")


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("我说的是导出，不是再改一遍", ("export",)),  # the thing not asked for
        ("是不是要加音乐", ("sse",)),  # 是不是 still asks
        ("上載呢張", ("upload",)),  # Cantonese 上载 = 上传
        ("正呀！就咁出啦", ("export",)),  # 就咁 = 就这样
        ("Same as before but with the blue filter, then spit out the file", ("sse", "export")),
        ("Kindly revise the lower-third, then circulate the final cut.", ("sse", "export")),
        ("can I still afford another render after this or am I tapped out", ("credits",)),
        # content runs to a dash that opens a request, not through a dash inside it
        ("following up on the promo clip — could you confirm current progress", ("state",)),
        ("end card should say Now Available — Download Free on iOS", ("sse",)),
    ],
)
def test_round4_wordings(keywords: KeywordRouter, text: str, plan: tuple[str, ...]) -> None:
    assert _actions(keywords, text) == plan


@pytest.mark.parametrize(
    "text", ["brb, dont export anything while im gone", "do not render anything till i say so"]
)
async def test_a_turn_that_only_forbids_a_command_asks_the_agent(text: str) -> None:
    route = await build_router().route(text)
    assert route.actions == ("sse",)
    assert "export" in route.declined


@ROBUST
@given(
    st.sampled_from(
        [
            "the slow piano music",
            "the pic kinda floats n sparkles?",
            "something dreamy with soft light leaks",
            "一首轻快的钢琴曲",
            "ok so um the warm filter on all photos",
        ]
    ),
    st.sampled_from([", then", " and then", "? then idk,", "，然后"]),
    st.sampled_from(["export", "render it", "导出", "export i guess"]),
)
def test_words_ordered_before_an_export_are_never_dropped(
    keywords: KeywordRouter, ask: str, then: str, export: str
) -> None:
    assert _actions(keywords, f"{ask}{then} {export}") == ("sse", "export")


@pytest.mark.parametrize("text", ["thanks, then export", "ok then export it", "好的，然后导出"])
def test_courtesy_before_then_export_adds_no_edit(keywords: KeywordRouter, text: str) -> None:
    assert _actions(keywords, text) == ("export",)
