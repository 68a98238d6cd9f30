"""rt27 classes 1 and 3: command words that describe the video's content, and a quality
complaint, go to the video agent (`sse`), never the state or the balance answer.

1. A timeline the video shows ("put a timeline of the Tang dynasty on screen, 618 to 907",
   画面里要有一条从2000年到今天的时间线), a balance in a scene ("a scene where the bank teller
   reads out the customer's balance", 旁白说：你的余额不足), a credit given ("give a credit to the
   drone pilot at the end", 片尾要鸣谢摄影师, 加個結尾字幕多謝攝影師).
3. A complaint about the look or sound ("why is it so grainy", 点解咁矇): not the state.

The project's own timeline and the user's own balance keep their answers.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.router import Router
from agent.router.depicted import depicted_timeline, given_credit, quality_complaint
from agent.router.text import prepare
from agent.router.unmeant import credits_elsewhere
from tests.router_support import plan_of

ROBUST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize(
    "text",
    [
        "can the video open with an animated timeline of my career",
        "add a timeline graphic of the company's history, 1990 to now",
        "make a timeline animation of the french revolution",
        "show a timeline of the apollo missions on screen",
        "视频里加一条时间线，展示公司发展历程",
        "做一个时间轴动画，从1949到现在",
        "片头放一个时间轴，讲清楚宋朝历史",
        "畫面要有條時間線，由1997年到而家",
        "影片中加入一條時間軸介紹品牌歷史",
    ],
)
def test_a_timeline_the_video_shows_is_content(router: Router, text: str) -> None:
    assert plan_of(router, text) == ("sse",)


@pytest.mark.parametrize(
    "text",
    [
        "show me the timeline",
        "what's on my timeline",
        "看一下时间线",
        "时间线上有什么",
        "这条时间线上有几个片段",
        "show the timeline from 0:10 to 0:20",
    ],
)
def test_the_projects_timeline_is_still_the_state(router: Router, text: str) -> None:
    assert plan_of(router, text) == ("state",)


@pytest.mark.parametrize(
    "text",
    [
        "credit the music to Kevin MacLeod in the corner",
        "give a credit to the sound guy at the end",
        "the credits should scroll slowly",
        "add my sister's name to the credits",
        "a shot of the scale, balance is everything in yoga",
        "a scene where the cashier tells the customer their balance",
        "the narrator says the account balance is zero",
        "旁白说：你的余额不足",
        "主角说：我的余额不够了",
        "片尾要鸣谢摄影师",
        "加個結尾字幕多謝攝影師",
        "结尾加一行致谢名单",
        "make the credits line say 'Edited by Sam'",
    ],
)
def test_a_credit_given_or_a_balance_in_a_scene_is_content(router: Router, text: str) -> None:
    assert plan_of(router, text) == ("sse",)


@pytest.mark.parametrize(
    "text",
    [
        "what's my balance",
        "how many credits do I have left",
        "add 100 credits to my account",
        "我还有多少积分",
        "余额多少",
        "check my credits",
    ],
)
def test_the_users_own_balance_is_still_the_balance(router: Router, text: str) -> None:
    assert plan_of(router, text) == ("credits",)


def test_a_scene_then_the_users_own_balance_keeps_both(router: Router) -> None:
    assert "credits" in plan_of(router, "the narrator says hello. also what's my balance")
    assert "credits" in plan_of(router, "旁白加一句，然后查下我的余额")


@pytest.mark.parametrize(
    "text",
    [
        "why is it so grainy",
        "why does the video look so blurry",
        "how come the footage is all pixelated",
        "为什么画面这么模糊",
        "點解段片咁糊",
        "点解咁矇",
        "為什麼聲音這麼小聲",
    ],
)
def test_a_quality_complaint_goes_to_the_agent(router: Router, text: str) -> None:
    assert plan_of(router, text) == ("sse",)


def test_the_reading_functions_draw_the_line() -> None:
    assert depicted_timeline(prepare("put a timeline of the tang dynasty on screen").text)
    assert depicted_timeline(prepare("画面里要有一条从2000年到今天的时间线").text)
    assert not depicted_timeline(prepare("show me the timeline").text)
    assert not depicted_timeline(prepare("看看这条时间线").text)
    assert given_credit(prepare("give a credit to the drone pilot at the end").text)
    assert not given_credit(prepare("add 100 credits to my account").text)
    assert credits_elsewhere(prepare("credit the music to the band").text)
    assert not credits_elsewhere(prepare("how many credits do i have").text)
    assert quality_complaint(prepare("why is it so grainy").text)
    assert quality_complaint(prepare("点解咁矇").text)
    assert not quality_complaint(prepare("why is it so slow").text)


@ROBUST
@given(
    st.sampled_from(["add", "put", "include", "I want", "can you make", "加", "放", "做"]),
    st.sampled_from(
        [
            "a timeline of the roman empire",
            "an animated timeline of my life",
            "a timeline graphic from 1900 to 2000",
            "一条时间线，从1978到今天",
            "一個時間軸動畫",
        ]
    ),
    st.sampled_from(["", " on screen", " at the start", "在片头", " please"]),
)
def test_a_timeline_made_for_the_video_never_asks_the_state(
    router: Router, verb: str, thing: str, where: str
) -> None:
    text = f"{verb} {thing}{where}"
    assert "state" not in plan_of(router, text), text


@ROBUST
@given(
    st.sampled_from(
        [
            "give a credit to",
            "credit",
            "add a thank-you credit for",
            "put a special credit for",
            "片尾鸣谢",
            "結尾字幕多謝",
        ]
    ),
    st.sampled_from(["the drone pilot", "my cousin", "the composer", "摄影师", "贊助商"]),
    st.sampled_from(["", " at the end", " in the outro", "，谢谢"]),
)
def test_a_credit_given_in_the_video_never_asks_the_balance(
    router: Router, give: str, who: str, where: str
) -> None:
    text = f"{give} {who}{where}"
    assert "credits" not in plan_of(router, text), text
