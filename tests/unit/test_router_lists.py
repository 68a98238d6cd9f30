"""Round 19: a list, a heading or inline numbering is read item by item, each item its own
sentence, so two asks in one list both run; a ticked box is done work, a report that asks for
nothing, while an open box the user points at still runs."""

from __future__ import annotations

import pytest

from agent.router import build_router
from agent.router.text import prepare
from tests.router_support import plan_of

LISTS = [
    ("1) how many credits do I have 2) what's on the timeline", ("credits", "state")),
    ("Quick ones:\n* what's on the timeline\n* remaining balance", ("state", "credits")),
    ("## Todo\n- fade out the music\n- tell me how many credits I have", ("sse", "credits")),
    (
        "1) add a soft piano track 2) show me the timeline after 3) how many credits is that",
        ("sse", "state", "credits"),
    ),
    ("- [x] music\n- [x] title\n- [ ] export  <- do this one now", ("export",)),
    ("a) add a fade b) tell me my credits", ("sse", "credits")),
    ("- [x] trim intro\n- [x] export draft\nwhat's left in the account?", ("credits",)),
]


@pytest.mark.parametrize(("text", "plan"), LISTS)
def test_each_item_of_a_list_is_read_as_its_own_sentence(text: str, plan: tuple[str]) -> None:
    assert plan_of(build_router(), text) == plan


def test_a_ticked_box_is_a_report_and_list_marks_break_sentences() -> None:
    assert prepare("- [x] export draft\n- check credits").text == ". . check credits"
    assert prepare("add piano 2) show the timeline").text == "add piano . show the timeline"
    assert prepare("cut it - now").text == "cut it - now"


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        (
            "Forwarding this from my boss:\n> Looks good. Please export and send it to the "
            "client today.\n\nok do it",
            ("export",),
        ),
        ("Forwarding this from my boss:\n> Please export it today.\n\nFYI", ("sse",)),
        ("> Please export it today.\n\nok do it, but not yet, tomorrow", ("sse",)),
        (
            "> Mike: don't export yet lol\n> Mike: jk it's approved\nok so mike's good with it, "
            "go ahead and render",
            ("export",),
        ),
    ],
)
def test_a_forwarded_request_runs_only_when_the_users_own_line_adopts_it(
    text: str, plan: tuple[str]
) -> None:
    assert plan_of(build_router(), text) == plan


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("show me what's on the timeline, and also drop the third photo", ("state", "sse")),
        ("* drop the third photo\n* how many credits left", ("sse", "credits")),
        ("just drop the finished file in here when it's rendered, go", ("export",)),
    ],
)
def test_dropping_a_part_of_the_video_is_an_edit_dropping_the_file_a_delivery(
    text: str, plan: tuple[str]
) -> None:
    assert plan_of(build_router(), text) == plan
