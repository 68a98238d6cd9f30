"""rt28 classes 2-5, turns read whole (`agent.router.asked_whole`): a format asked about exports
nothing ("can i get it in 4k", 可以出4K吗), the wait complained about is the state ("still not
ready??", 仲未整好咩？好耐喎), the balance asked in the formal register is the credits ("I am
writing to ask whether my remaining balance is sufficient…"), and a reference to earlier turns
goes to the agent ("do what I asked two messages ago", 照之前讲的做).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.router import Router
from agent.router.asked_whole import balance_asked, earlier_turn, format_asked, impatient
from agent.router.text import prepare
from tests.router_support import plan_of

ROBUST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize(
    "text",
    [
        "can i get it in 4k",
        "could I have it as a gif?",
        "can i get it in 720p?",
        "could we have it in vertical?",
        "could I maybe get a gif version?",
        "could we also have it as a webm?",
        "is it possible to get it in 1080p",
        "可以出4K吗",
        "有冇得出直版",
        "可唔可以出竖版",
        "能不能导出成gif啊",
        "可以出个4K版吗",
    ],
)
def test_a_format_asked_about_exports_nothing(routers: list[Router], text: str) -> None:
    for router in routers:
        assert "export" not in plan_of(router, text), text
    assert plan_of(routers[0], text) == ("sse",)


@pytest.mark.parametrize(
    "text",
    [
        "give me it in 4k",
        "export it in 4k please",
        "can you export it in 4k please",
        "出个4K版",
        "可以帮我导出4K吗",
        "can I have it as a gif",
        "can I have it as an mp4",
        "can i get a gif version too",
    ],
)
def test_a_format_asked_for_still_exports(router: Router, text: str) -> None:
    assert plan_of(router, text) == ("export",)


def test_a_shape_asked_for_is_made_first(router: Router) -> None:
    # round 33 (`agent.router.carried`): an aspect is no output setting; the agent makes it
    assert plan_of(router, "帮我出一个竖版") == ("sse", "export")


@pytest.mark.parametrize(
    "text",
    [
        "仲未整好咩？好耐喎",
        "still not ready??",
        "搞成點呀",
        "how much longer",
        "it's been ages, still not done?",
        "still not finished?? come on",
        "还没搞好吗？等了好久了",
        "點解仲未搞掂呀",
        "仲要等幾耐呀",
    ],
)
def test_the_wait_complained_about_is_the_state(router: Router, text: str) -> None:
    assert plan_of(router, text) == ("state",)


@pytest.mark.parametrize(
    "text",
    [
        "I am writing to ask whether my remaining balance is sufficient for three more videos",
        "I wish to enquire whether my balance will cover two additional exports.",
        "Could you please confirm whether I have sufficient credits to produce another video?",
        "敬请告知我账户余额是否足够再制作两条视频",
        "请问我的积分是否足够再导出一次",
        "請問我的餘額是否足夠再製作一條影片",
    ],
)
def test_a_formal_balance_question_is_the_credits(routers: list[Router], text: str) -> None:
    for router in routers:
        assert "export" not in plan_of(router, text), text
    assert plan_of(routers[0], text) == ("credits",)


def test_a_balance_check_before_its_export_stays_a_check_then_the_export(router: Router) -> None:
    text = (
        "Could you please confirm our remaining credit balance and, if it is sufficient, "
        "proceed with exporting the final version?"
    )
    assert plan_of(router, text) == ("credits", "export")
    assert plan_of(router, "if I've got enough credits left, export it") == ("credits", "export")
    assert plan_of(router, "先check下credits够不够，够就render") == ("credits", "export")


@pytest.mark.parametrize(
    "text",
    [
        "do what I asked two messages ago",
        "as I mentioned a few minutes ago",
        "do what i said 2 messages back",
        "like I said before",
        "same as last time",
        "follow my previous instructions",
        "照之前讲的做",
        "照我头先讲嘅做",
        "按我之前说的那样改一下",
    ],
)
def test_a_reference_to_earlier_turns_goes_to_the_agent(router: Router, text: str) -> None:
    assert plan_of(router, text) == ("sse",)


def test_the_readers_hold_their_boundaries() -> None:
    assert format_asked(prepare("can i get it in 4k").text)
    assert not format_asked(prepare("can i get it in 4k please").text)
    assert not format_asked(prepare("can I have it as a gif").text)
    assert not format_asked(prepare("can i get it in 4k, then add a title").text)
    assert impatient(prepare("still not ready??").text)
    assert not impatient(prepare("still not ready? add music then").text)
    assert balance_asked(prepare("is my balance sufficient for one more video?").text)
    assert not balance_asked(prepare("fix the colour balance").text)
    assert earlier_turn(prepare("do what I asked two messages ago").text)
    assert not earlier_turn(prepare("add two messages at the start").text)


_TIER = st.sampled_from(["4k", "1080p", "720p", "60fps", "hdr"])
_KIND = st.sampled_from(["a gif", "webm", "vertical", "portrait", "a square"])
_ASK = st.sampled_from(["can i get it", "could i have it", "could we get this", "can we have it"])


@ROBUST
@given(ask=_ASK, tier=_TIER)
def test_property_a_quality_tier_asked_about_never_exports(
    routers: list[Router], ask: str, tier: str
) -> None:
    for text in (f"{ask} in {tier}", f"{ask} in {tier}?"):
        for router in routers:
            assert "export" not in plan_of(router, text), text


@ROBUST
@given(ask=_ASK, kind=_KIND)
def test_property_a_kind_of_file_asked_about_with_a_question_mark_never_exports(
    routers: list[Router], ask: str, kind: str
) -> None:
    text = f"{ask} as {kind}?"
    for router in routers:
        assert "export" not in plan_of(router, text), text
