"""The reply describes exactly what changed (issue 14): the kinds of change a plan's reply claims
are diffed against the kinds of change between the draft before and after the plan."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from agent.local.interpreter.interpret import interpret
from agent.local.interpreter.plan import ToolStep
from tests.unit.test_interpreter_requests import CASES as REQUESTS
from tests.unit.test_interpreter_requests import request_context
from tests.unit.test_interpreter_support import claim_errors, context, conversations

CASES = [(c["id"], request_context(c)) for c in REQUESTS] + [
    (c["id"], context(c)) for c in conversations()
]


@pytest.mark.parametrize(("case_id", "ctx"), CASES, ids=[c[0] for c in CASES])
def test_the_reply_claims_exactly_what_the_draft_diff_shows(case_id: str, ctx: Any) -> None:
    before = copy.deepcopy(ctx.draft)
    plan = interpret(ctx)
    assert claim_errors(plan, before) == (set(), set()), case_id
    if any(isinstance(s, ToolStep) for s in plan.steps):
        assert plan.revision is not None
