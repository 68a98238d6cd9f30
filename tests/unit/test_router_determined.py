"""A bare export word that a clause opens with a determiner, or a preposition's object, is a noun:
the gate denies it instead of asking the intent model (found by the round-25 property over plain
forms, "the status bar of the render 剪完了吧？" exported)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent.router import Router
from agent.router.evidence import sense
from tests.router_support import plan_of

NOUNS = [
    "the render 剪完了吧？",
    "the status bar of the render 剪完了吧？",
    "my export 仲未好？",
    "this render 好慢",
    "the export pls",
    "a download 要几耐？",
    "about the export 我有个问题",
    "tell me if the export is working the status bar of the render 剪完了吧？",
    "once the render finishes 话我知",
]
REQUESTS = [
    "do the render",
    "start the render please",
    "go ahead with the render",
    "proceed with the export",
    "export the video",
]


@pytest.mark.parametrize("text", NOUNS)
def test_a_determined_export_word_is_no_request(routers: list[Router], text: str) -> None:
    for router in routers:
        assert "export" not in plan_of(router, text), text


@pytest.mark.parametrize("text", REQUESTS)
def test_a_request_form_before_the_determiner_still_exports(
    routers: list[Router], text: str
) -> None:
    assert "export" in plan_of(routers[0], text)


@given(
    st.sampled_from(["the", "my", "this", "of the", "about the", "if the", "once my", "while the"]),
    st.sampled_from(["render", "export", "download"]),
    st.sampled_from(["剪完了吧?", "好慢", "仲未好?", "is slow", "took ages"]),
)
def test_a_determiner_makes_the_word_a_noun(det: str, word: str, after: str) -> None:
    assert sense(word, det, after) == "modifier"
