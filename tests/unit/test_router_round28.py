"""Rounds 28-29 (issue #10): the classes the stranger sets found beside the conditional export
(that one is `tests/unit/test_router_unsettled.py`), each checked on the full router.

1. The balance asked in one terse word ("bal", "pts?", "餘額?"): credits.
2. An edit typed in a hurry before "nd"/"n" and the export ("mke it longr nd export plz"): the
   edit runs first, never dropped (an approval there stays noise).
"""

from __future__ import annotations

import pytest

from agent.router import Router, build_router
from tests.router_support import SaysExport, plan_of


@pytest.mark.parametrize(
    "text",
    ["bal", "Bal?", "my bal pls", "bal left?", "pts?", "my pts?", "points", "餘額?", "积分?"],
)
def test_the_balance_in_one_terse_word_asks_for_credits(text: str) -> None:
    assert plan_of(build_router(), text) == ("credits",), text


def test_a_terse_balance_before_an_export_runs_first() -> None:
    assert plan_of(build_router(), "bal pls then export") == ("credits", "export")


def test_points_an_edit_works_on_are_no_balance() -> None:
    assert plan_of(build_router(), "add bullet points") == ("sse",)


@pytest.mark.parametrize(
    "text",
    [
        "mke it longr nd export plz",
        "plz chnge the fnt nd render",
        "brightn it a bit nd downlod",
        "mak it shortr n export",
        "trim it adn render",
    ],
)
def test_an_edit_typed_in_a_hurry_before_and_runs_before_the_export(text: str) -> None:
    routers: list[Router] = [build_router(), build_router(completer=SaysExport())]
    for router in routers:
        assert plan_of(router, text) == ("sse", "export"), text


def test_an_approval_before_a_hurried_and_is_no_edit() -> None:
    assert plan_of(build_router(), "looks gud nd export plz") == ("export",)
