"""Round-14 interpreter classes: a plan that changes the draft covers the whole request, or the
whole message is declined with the draft untouched (EN/简/繁/粤).

- Questions never mutate: a question about the draft is answered from it; a polite request
  phrased as a question ("can you make it 8 seconds?", 可以帮我…吗) is still an edit.
- Coverage guard (agent/local/interpreter/coverage.py, not yet wired into `interpret`): the
  clause reading it rests on is tested here.
Drafts: `titled` (5 s, title "Harbor Lights" centred 0-3 s), `music` (5 s, "Lo-fi pulse" at
35%), `slideshow3` (harbor, lighthouse, beach, about 3 s each).
"""

from __future__ import annotations

import copy

import pytest

from agent.local.interpreter.coverage import clauses
from agent.local.interpreter.interpret import interpret
from agent.local.interpreter.phrasebook import load_phrasebook
from agent.local.interpreter.plan import InterpretContext, ToolStep
from tests.unit.test_interpreter_support import texts
from tests.unit.test_stranger_round3 import _starts, _verdict

_BOOK, _BEGIN = load_phrasebook(), _starts()


def _run(start: str, message: str) -> tuple[bool, str]:
    """(whether the plan changes the draft, what it says)."""
    draft, uploads = _BEGIN[start]
    lang = "en" if message.isascii() else "zh"
    ctx = InterpretContext(message, lang, uploads, copy.deepcopy(draft), seed=11)
    plan = interpret(ctx)
    return any(isinstance(s, ToolStep) for s in plan.steps), texts(plan)


QUESTIONS = [
    ("titled", "quick q — when does the title disappear?"),
    ("titled", "when does the title end?"),
    ("music", "is the music too loud?"),
    ("music", "does it have music?"),
    ("music", "有背景音乐吗？"),
    ("music", "背景音樂幾大聲？"),
    ("titled", "标题几时消失？"),
    ("titled", "個標題幾時冇咗？"),
]


@pytest.mark.parametrize(("start", "message"), QUESTIONS)
def test_a_question_about_the_draft_changes_nothing_and_is_answered(
    start: str, message: str
) -> None:
    changed, said = _run(start, message)
    assert not changed, message
    assert said, message


POLITE_EDITS = [
    ("titled", "can you make it 8 seconds?", 8),
    ("titled", "could you make the video 8 seconds long?", 8),
    ("titled", "可以帮我改成8秒吗？", 8),
    ("titled", "可唔可以整成8秒？", 8),
]


@pytest.mark.parametrize(("start", "message", "seconds"), POLITE_EDITS)
def test_a_request_phrased_as_a_question_is_still_an_edit(
    start: str, message: str, seconds: int
) -> None:
    case = {
        "start": start,
        "message": message,
        "language": "en" if message.isascii() else "zh",
        "expect": {"verdict": "apply", "duration_s": seconds},
    }
    assert _verdict(case, _BOOK, _BEGIN) == "correct", message


CLAUSES = [
    ("加个标题「港口」放在底部，第1秒到第4秒显示", [{"text"}]),
    ("最后两秒再加一个标题「下次见」，居中", [{"text"}]),
    ("改成15秒，标题放到底部", [{"length"}, {"text"}]),
    ("第一張放耐啲，四秒", [{"photo_lengths"}]),
    ("make the whole thing 7s, and music at 60%", [{"length"}, {"music"}]),
    ("Add a second title 'Est. 1902' at the bottom from 3s to 5s", [{"text"}]),
]


@pytest.mark.parametrize(("message", "wants"), CLAUSES)
def test_a_time_or_a_bare_number_belongs_to_the_clause_beside_it(
    message: str, wants: list[set[str]]
) -> None:
    assert [set(c.wants) for c in clauses(message, _BOOK) if not c.keeps] == wants
