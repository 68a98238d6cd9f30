"""The bilingual request suite (issue 14): EN, simplified, traditional and Cantonese requests,
each judged from the draft it leaves (fixtures/interpreter/requests-*.jsonl), never from wording.

A case's `outcome` is `changed` (the draft differs from the start and has the listed facts) or
`unchanged` (no tool step, the draft is untouched and the reply is specific, not the generic
list of what the interpreter can do). Each reply is in the script of its request.
Ids listed in `requests-pending.txt` are expected to fail (strict xfail) until implemented.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from agent.local.hanzi import script_of
from agent.local.interpreter import interpret
from agent.local.phrasebook import load_phrasebook
from agent.local.plan import InterpretContext, Plan, Revision, ToolStep
from tests.unit.test_interpreter_support import (
    FIXTURES,
    assets,
    check_plan,
    fact,
    final_draft,
    read_jsonl,
    starts,
    texts,
)

LANGUAGES = ("en", "zh", "hant", "yue")
CASES = [case for lang in LANGUAGES for case in read_jsonl(f"requests-{lang}.jsonl")]
_PENDING_FILE = FIXTURES / "requests-pending.txt"
PENDING = (
    {line.strip() for line in _PENDING_FILE.read_text(encoding="utf-8").splitlines()}
    if _PENDING_FILE.exists()
    else set()
)
BOOK = load_phrasebook()


def request_context(case: dict[str, Any]) -> InterpretContext:
    """The interpreter input of a request case; `!name` in `history` is an undone revision."""
    named, drafts = assets(), starts()
    history = tuple(
        Revision(seq, copy.deepcopy(drafts[name.lstrip("!")]), name, name.startswith("!"))
        for seq, name in enumerate(case.get("history", []), start=1)
    )
    return InterpretContext(
        message=case["message"],
        language=case["session"],
        assets=tuple(named[name] for name in case["assets"]),
        draft=copy.deepcopy(drafts[case["start"]]),
        seed=11,
        history=history,
    )


def _params() -> list[Any]:
    marks = pytest.mark.xfail(strict=True, reason="pending (issue 14)")
    return [
        pytest.param(case, id=case["id"], marks=[marks] if case["id"] in PENDING else [])
        for case in CASES
    ]


def _reply_script(plan: Plan) -> str:
    said = texts(plan)
    if plan.language == "en":
        return "en"
    return script_of(said) or "hans"


@pytest.mark.parametrize("case", _params())
def test_request_leaves_the_expected_draft(case: dict[str, Any]) -> None:
    ctx = request_context(case)
    start = copy.deepcopy(ctx.draft)
    plan = interpret(ctx)
    check_plan(plan)
    draft = final_draft(plan, ctx.draft)
    facts = {path: fact(draft, path) for path in case["draft"]}
    tools = [s for s in plan.steps if isinstance(s, ToolStep)]
    said = texts(plan)
    observed = {
        "facts": facts,
        "changed": draft != start,
        "script": _reply_script(plan),
        "specific": BOOK.replies[plan.language]["capabilities"] not in said and bool(said),
    }
    expected = {
        "facts": case["draft"],
        "changed": case["outcome"] == "changed",
        "script": case["script"],
        "specific": True,
    }
    assert observed == expected, said
    if case["outcome"] == "unchanged":
        assert tools == []
    assert ctx.draft == start, "the input draft must not be mutated"


def test_request_suite_is_large_bilingual_and_unique() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 150
    scripts = {
        lang: {c["script"] for c in read_jsonl(f"requests-{lang}.jsonl")} for lang in LANGUAGES
    }
    assert scripts == {"en": {"en"}, "zh": {"hans"}, "hant": {"hant"}, "yue": {"hant"}}
    assert set(ids) >= PENDING, PENDING - set(ids)
