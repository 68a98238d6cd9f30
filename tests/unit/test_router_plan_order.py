"""The plan's safety invariant, held after every stage (`agent.router.invariants.edits_first`):
each action at most once, and an export never before the turn's `sse` (an export run first
renders the video before the edit the same message asks for)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent.router import Router
from agent.router.invariants import edits_first
from agent.router.route import Route
from tests.router_support import plan_of

MANY = settings(max_examples=150)

ACTIONS = ["upload", "sse", "export", "credits", "state"]

DEADLINES = ["", "We need the final asset by EOD; ", "final deliverable due today: ", "asap, "]
EDITS = [
    "please update the lower third to read 'Q3 Results'",
    "make the intro shorter",
    "add some jazz",
    "把标题改成红色",
    "swap the music for something calmer",
]
EXPORTS = [
    " and render.",
    ", then export it",
    " and send me the mp4",
    "，然后导出",
    " then download",
]


@given(st.lists(st.sampled_from(ACTIONS), max_size=7))
def test_any_plan_comes_out_unique_with_its_export_after_the_edit(actions: list[str]) -> None:
    planned = edits_first(Route(tuple(actions), "keyword", "en")).actions  # type: ignore[arg-type]
    assert len(planned) == len(set(planned))
    assert set(planned) == set(actions)
    if "export" in planned and "sse" in planned:
        assert planned.index("sse") < planned.index("export")


def test_a_plan_already_in_order_is_the_same_route() -> None:
    route = Route(("upload", "sse", "export"), "keyword", "en")
    assert edits_first(route) is route


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We need the final asset by EOD; please update the lower third to read "
            "'Q3 Results' and render.",
            ("sse", "export"),
        ),
        ("export this version and also make a vertical one", ("sse", "export")),
    ],
)
def test_an_export_beside_an_edit_runs_after_it(
    router: Router, text: str, expected: tuple[str, ...]
) -> None:
    assert plan_of(router, text) == expected


@MANY
@given(st.sampled_from(DEADLINES), st.sampled_from(EDITS), st.sampled_from(EXPORTS))
def test_an_edit_then_an_export_never_exports_first_or_twice(
    router: Router, deadline: str, edit: str, export: str
) -> None:
    plan = plan_of(router, deadline + edit + export)
    assert len(plan) == len(set(plan)), plan
    if "export" in plan:
        assert "sse" in plan, plan
        assert plan.index("sse") < plan.index("export"), plan
