"""Rounds 28-29 (issue #10): the classes the stranger sets found beside the conditional export
(that one is `tests/unit/test_router_unsettled.py`), each checked on the full router.

1. The balance asked in one terse word ("bal", "pts?", "餘額?"): credits.
"""

from __future__ import annotations

import pytest

from agent.router import build_router
from tests.router_support import plan_of


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
