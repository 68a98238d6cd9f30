"""The export's last gate (`agent.router.retraction`): a retraction, a negation with the export
in its scope, a hedge over the verb it governs or a later correction anywhere in the turn
takes the export back, in English, Chinese (simplified and traditional), Cantonese and
code-switched turns; an edit beside an export with neutral fillers still runs first."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent.router import Router
from agent.router.retraction import retracted
from agent.router.text import prepare
from tests.router_support import plan_of

MANY = settings(max_examples=200, deadline=None)

EDITS = [
    "add a little jingle at the start",
    "make the intro two seconds shorter",
    "swap the music for something calmer",
    "把标题改成红色",
    "幫我把字幕放大少少",
    "加段轻快啲嘅背景音乐",
    "pa-add naman ng subtitles",
    "thoda brightness badha do",
]
EXPORTS = [
    "export it",
    "render the final version",
    "send me the mp4",
    "导出",
    "匯出成片",
    "出片吧",
    "i-export mo",
    "export kar do",
]
# cues that name the export: they take it back wherever they stand
SCOPED = [
    "actually scratch the export part",
    "on second thought no render today",
    "don't export yet",
    "i don't think we should go ahead and render it",
    "not sure we need to export this today",
    "skip the export for now",
    "算了不导了",
    "先别导出",
    "唔好住出住",
    "我觉得还是别导出",
    "wag mo munang i-export",
    "export mat karo abhi",
]
# bare corrections: they take back what came before them
BARE = [
    "actually scratch that",
    "hmm never mind",
    "wait no",
    "算了",
    "on second thought, forget it",
]
FILLERS = ["", "ok so ", "hey, ", "um ", "好的，", "sige, ", "acha, "]
JOINS = [", ", ". ", " and ", "，", " tapos ", " — "]


@MANY
@given(
    st.sampled_from(EDITS),
    st.sampled_from(EXPORTS),
    st.sampled_from(SCOPED),
    st.permutations(range(3)),
    st.sampled_from(JOINS),
    st.sampled_from(JOINS),
)
def test_a_retraction_naming_the_export_wins_in_any_order(
    router: Router,
    edit: str,
    export: str,
    cue: str,
    order: list[int],
    first: str,
    second: str,
) -> None:
    parts = [edit, export, cue]
    a, b, c = (parts[i] for i in order)
    assert "export" not in plan_of(router, a + first + b + second + c)


@MANY
@given(
    st.sampled_from(EDITS),
    st.sampled_from(EXPORTS),
    st.sampled_from(BARE),
    st.sampled_from(JOINS),
    st.sampled_from(["… ", ". ", ", ", "——"]),
)
def test_a_bare_correction_after_the_export_takes_it_back(
    router: Router, edit: str, export: str, cue: str, join: str, before: str
) -> None:
    assert "export" not in plan_of(router, edit + join + export + before + cue)


@MANY
@given(
    st.sampled_from(FILLERS),
    st.sampled_from(EDITS),
    st.sampled_from(JOINS),
    st.sampled_from(["export it", "render the final version", "导出", "匯出", "export kar do"]),
    st.sampled_from(["", " please", " thanks", "，谢谢", " 🙏"]),
)
def test_an_edit_and_an_export_with_fillers_edit_first(
    router: Router, filler: str, edit: str, join: str, export: str, tail: str
) -> None:
    plan = plan_of(router, filler + edit + join + export + tail)
    if "export" in plan:
        assert "sse" in plan, plan
        assert plan.index("sse") < plan.index("export"), plan


@pytest.mark.parametrize(
    "text",
    [
        "i don't really think we should, like, push the render out today since the client "
        "still wants another look",
        "put the logo in the corner and render... hmm actually scrap the render bit, logo only",
        "加个片尾然后导出吧，算了，不导了",
        "幫我加返個 logo 再匯出，唔好住出住，老闆仲想睇多次",
        "export na, wag mo munang i-export pala",
        "dim the vocals then export — on second thought no export tonight",
    ],
)
def test_a_retracted_export_never_runs(router: Router, text: str) -> None:
    plan = plan_of(router, text)
    assert "export" not in plan
    assert plan, "the rest of the turn still goes somewhere"


@pytest.mark.parametrize(
    "text",
    [
        "don't forget to export when the music is in, add the music now",
        "export it — wait no, first make the text bigger, then export",
        "don't export — wait, yes, do export, the client already approved it",
        "drop the mp4 in the chat",
        "skip straight to the export",
    ],
)
def test_a_cue_that_keeps_the_export_is_no_retraction(text: str) -> None:
    assert not retracted(prepare(text).text)
