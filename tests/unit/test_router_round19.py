"""Round 19/20: the edit ordered before an export is never dropped, whatever its spelling.

"plz exprot after chnaging the fnt to bold" planned the export alone: the clause after "after"
was read as nothing (a gerund no table spelled, "changing" from "change", and typos besides), so
the export ran on the unedited video. Two stages closed the class: edit verbs match their
silent-e gerunds ("changing", "removing"), and a clause led by "after", "once" or "as soon as"
whose doer is us (a gerund, or "you") is work ordered before its main clause, even in words no
table reads. A wait on someone else ("after the client signs off") stays a wait.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.router import Router, build_keyword_router
from agent.router.rules import alternation
from tests.router_support import plan_of

ROBUST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _edit_kept(actions: tuple[str, ...]) -> bool:
    """No export runs unless the edit runs before it."""
    if "export" not in actions:
        return "sse" in actions
    return "sse" in actions and actions.index("sse") < actions.index("export")


# EN (typos, slang, non-native), 简, 繁, 粤 and code-switched: an edit ordered before the export
EDIT_THEN_EXPORT = [
    "plz export after changing the font to bold",
    "export after making the title bold",
    "export after chnaging the fnt to bold",
    "plz exprot after makin the titel bold",
    "render it after you tweek the colurs",
    "render once u swapp the musik for smth chill",
    "after chnaging the fnt to bold, export",
    "render it as soon as ya fix teh colr grading",
    "pls export after u make the font bold lah",
    "export it once you've bumped the font to bold",
    "after you've made the font bold, render pls",
    "把字体改成粗体之后再导出",
    "字体改粗了再导出",
    "先改字体再导出",
    "將字體改成粗體之後再匯出",
    "將字體改粗咗先匯出",
    "字體改粗完就匯出啦",
    "改咗 font 做 bold 之后 export",
]
# the same order, where the rules keep the edit and may decline the export: never harmful
EDIT_KEPT = [
    "导出之前先把字体改粗",
    "匯出之前先將字體改粗",
    "export 之前先把 font 改成 bold",
    "整粗啲字體先至出片",
    "export, but first chnage the fnt to bold",
    "bounce it out after making the text bold",
]


@pytest.mark.parametrize("text", EDIT_THEN_EXPORT)
def test_an_edit_ordered_before_the_export_runs_first(routers: list[Router], text: str) -> None:
    for router in routers:
        assert plan_of(router, text) == ("sse", "export"), text


@pytest.mark.parametrize("text", EDIT_KEPT)
def test_an_edit_ordered_before_the_export_is_never_dropped(
    routers: list[Router], text: str
) -> None:
    for router in routers:
        assert _edit_kept(plan_of(router, text)), (text, plan_of(router, text))


@pytest.mark.parametrize(
    "text",
    [
        "export after the client signs off",
        "export once I'm back from lunch",
        "export after lunch tomorrow",
    ],
)
def test_a_wait_on_someone_else_is_still_a_wait(routers: list[Router], text: str) -> None:
    for router in routers:
        assert "export" not in plan_of(router, text), text


def _misspelled(word: str, at: int) -> str:
    """`word` with two neighbouring letters swapped at `at` (a typo no table lists)."""
    i = at % (len(word) - 1)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


# (gerund, base): a gerund after "after"/"once", the base verb after "you"/"u"
VERBS = [
    ("changing", "change"), ("making", "make"), ("swapping", "swap"), ("turning", "turn"),
    ("adding", "add"), ("moving", "move"), ("putting", "put"), ("fixing", "fix"),
]  # fmt: skip
OBJECTS = ["the fnt to bold", "the titel red", "the musik louder", "teh intro shorter"]
EXPORTS = ["export", "exprot", "render it", "export it", "bounce it out"]
LEADS = ["after", "once", "as soon as", "after you", "once u"]


@ROBUST
@given(
    st.sampled_from(EXPORTS),
    st.sampled_from(LEADS),
    st.sampled_from(VERBS),
    st.integers(min_value=0, max_value=20),
    st.sampled_from(OBJECTS),
)
def test_an_export_after_our_work_in_any_spelling_never_runs_alone(
    routers: list[Router],
    export: str,
    lead: str,
    verb: tuple[str, str],
    at: int,
    thing: str,
) -> None:
    gerund, base = verb
    doing = _misspelled(base if lead.endswith(("you", "u")) else gerund, at)
    text = f"plz {export} {lead} {doing} {thing}"
    keyword = build_keyword_router().route(text)
    assert keyword is None or keyword.actions != ("export",), text
    for router in routers:
        assert _edit_kept(plan_of(router, text)), (text, plan_of(router, text))


def test_edit_verbs_match_their_silent_e_gerunds() -> None:
    verbs = re.compile(alternation(["change", "remove", "tone down", "include", "free"], verb=True))
    for said in ("changing the font", "removing the logo", "toning down the bass", "changes"):
        assert verbs.search(said), said
    assert verbs.search("including all tracks") is None  # a preposition, not an edit
    assert verbs.search("freing") is None  # "free" keeps its e


@pytest.mark.parametrize(
    "text",
    [
        "Export's greyed out for me on the website, can you just do it from here?",
        "the export button is disabled, can u handle it?",
        "export greyed out lol, u do it",
    ],
)
def test_a_failed_export_handed_to_us_runs(routers: list[Router], text: str) -> None:
    assert plan_of(routers[0], text) == ("export",)


def test_a_failed_export_only_reported_does_not_run(routers: list[Router]) -> None:
    assert "export" not in plan_of(routers[0], "the export button was greyed out yesterday")
