"""Rounds 24-25: the misses by class. The balance asked in slang or about paying again, and a
turn narrowed with "just" to its last ask (an edit dropped, edits forbidden before a look)."""

from __future__ import annotations

import asyncio

import pytest

from agent.router import Route, Router, build_router
from agent.router.narrowed import narrowed
from tests.router_support import plan_of


@pytest.fixture(scope="module")
def router() -> Router:
    """The full router, no fallback model."""
    return build_router()


@pytest.mark.parametrize(
    "text",
    [
        "am i broke on here yet lol",
        "what happens if I download it twice, do I pay twice?",
        "will I get charged twice if I render again?",
        "匯出會唔會扣點㗎？",
        "导出会不会扣点数？",
    ],
)
def test_the_balance_asked_in_slang_or_about_paying_again_is_a_credits_question(
    router: Router, text: str
) -> None:
    assert plan_of(router, text) == ("credits",)


@pytest.mark.parametrize(
    "text",
    [
        "add a fade out and export — scratch the fade, just export",
        "never mind the music change actually, just render it as is",
        "forget the title change, just export it",
    ],
)
def test_a_correction_dropping_the_edit_leaves_the_export_alone(router: Router, text: str) -> None:
    assert plan_of(router, text) == ("export",)


@pytest.mark.parametrize(
    "text",
    [
        "I don't want you to add music, change the title, or export anything — just show me "
        "the current timeline",
        "don't export or download anything, and don't touch the music either, just tell me "
        "what's on the timeline",
    ],
)
def test_edits_forbidden_before_a_look_leave_only_the_look(router: Router, text: str) -> None:
    assert plan_of(router, text) == ("state",)


def test_narrowing_keeps_work_said_after_the_look() -> None:
    planned = Route(("state", "sse"), "keyword", "en")
    said = "dont change the music, just show me the timeline and then add a fade"
    assert narrowed(planned, said) == planned
    kept = Route(("sse", "export"), "keyword", "en")
    assert narrowed(kept, "scratch the fade, add a glow, then export") == kept


@pytest.mark.parametrize("text", ["yo this slaps, ship the mp4 🚀", "ship the file pls"])
def test_the_file_shipped_by_its_name_is_an_export(router: Router, text: str) -> None:
    assert plan_of(router, text) == ("export",)


def test_a_closing_go_ahead_adopts_a_quoted_statement_but_not_a_quoted_question(
    router: Router,
) -> None:
    adopted = (
        "pasting what the agency said: “Looks good, you can export whenever.” so yeah go ahead"
    )
    assert plan_of(router, adopted) == ("export",)
    asked = "re: 'export in 4k?' — no, 1080p is fine, go ahead"
    assert plan_of(router, asked) in {("export",), ("sse",)}
    held = 'she said "export it tonight" but not yet, go ahead'
    assert "export" not in plan_of(router, held)


@pytest.mark.parametrize(
    "text",
    [
        "先save一下，render的事later再讲，把logo放大",
        "先save一下，render的事以后再说，把logo放大",
        "導出嘅事遲啲再講，先將字幕改大",
        "export的事之后再谈，先换首歌",
    ],
)
def test_an_export_put_off_to_later_talk_never_runs(text: str) -> None:
    """Round 27's held-out harm: the user's "the render, later" beats any other export reading
    (here "save" read as a download)."""
    route = asyncio.run(build_router().route(text))
    assert "export" not in route.actions
    assert "sse" in route.actions
