"""rt27 class 4: a wrap-up before a plain export ("ok sound good colours good captions good I
reckon we're finished grab the file", 都搞掂晒啦 出片, 冇嘢要改 出片): the export alone, no edit
before it. Work still named before the export keeps its edit.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.router import Router
from agent.router.text import prepare
from agent.router.wrapped import only_wrapped_up
from tests.router_support import plan_of

ROBUST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize(
    "text",
    [
        "alright music's fine, colours are good, we're done here, export it",
        "nothing left to change, export",
        "ok that's everything, render it",
        "都搞掂晒啦 出片",
        "好啦 冇嘢要改 出片",
        "搞掂晒 匯出",
        "没什么要改的了，导出吧",
        "字幕没问题，音乐也可以了，导出吧",
        "都冇嘢要改喇，匯出啦",
        "the boss saw it today and he's happy with it, so render it",
    ],
)
def test_a_wrap_up_before_the_export_is_the_export_alone(router: Router, text: str) -> None:
    assert plan_of(router, text) == ("export",)


@pytest.mark.parametrize(
    "text",
    [
        "captions bigger, export",
        "make the music louder then export",
        "ok everything looks good, now add a fade then export",
        "字幕改大啲 出片",
        "字幕改好了就出片",
        "加段音乐，导出",
    ],
)
def test_work_named_before_the_export_keeps_its_edit(router: Router, text: str) -> None:
    assert plan_of(router, text) == ("sse", "export")


def test_only_wrapped_up_reads_what_comes_before_the_export() -> None:
    assert only_wrapped_up(prepare("都搞掂晒啦 出片").text)
    assert only_wrapped_up(prepare("sound good colours good we're finished, export").text)
    assert not only_wrapped_up(prepare("export").text)
    assert not only_wrapped_up(prepare("改好就导出").text)
    assert not only_wrapped_up(prepare("captions bigger, export").text)


@ROBUST
@given(
    st.sampled_from(
        ["add a fade", "make the logo bigger", "cut the intro", "字幕改大啲", "加段音乐"]
    ),
    st.sampled_from(["", "ok ", "alright, ", "好啦 "]),
    st.sampled_from(["", ", all good", ", we're done", "，搞掂", "，没问题"]),
)
def test_a_wrap_up_never_drops_work_named_beside_it(
    router: Router, work: str, opener: str, closer: str
) -> None:
    text = f"{opener}{work}{closer}, then export"
    assert "sse" in plan_of(router, text), text
