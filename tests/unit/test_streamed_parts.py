"""What a front end that showed the stream still prints: `TurnResult.unstreamed` and `rest`."""

from __future__ import annotations

import io

from agent.handlers.base import Reply
from agent.progress import LineProgress
from agent.templates import Templates
from agent.turns import render_turn

TEXT = "Your clip is ready."


def _render(*replies: Reply) -> tuple[tuple[str, ...], str, str]:
    result = render_turn(Templates(), "en", replies, "sid", ["sse"])
    return result.unstreamed, result.rest, result.reply


def test_a_backend_reply_that_was_streamed_leaves_nothing_to_print() -> None:
    unstreamed, rest, reply = _render(Reply("replies/backend", {"texts": [TEXT]}, ("sse",)))
    assert unstreamed == ("",)
    assert rest == ""
    assert reply == TEXT


def test_a_question_keeps_the_question_and_its_options_but_not_the_streamed_text() -> None:
    context = {"texts": [TEXT], "question": "Which style?", "options": ["calm", "lively"]}
    _, rest, reply = _render(Reply("replies/question", context, ("sse",), question="Which style?"))
    assert TEXT in reply
    assert TEXT not in rest
    assert rest.startswith("Which style?")
    assert "2. lively" in rest


def test_a_recovered_reply_keeps_the_recovery_note_but_not_the_streamed_text() -> None:
    _, rest, reply = _render(Reply("replies/recovered", {"texts": [TEXT], "changes": []}))
    assert TEXT in reply
    assert TEXT not in rest
    assert "nothing was sent twice" in rest


def test_replies_without_streamed_text_are_printed_unchanged() -> None:
    unstreamed, rest, reply = _render(
        Reply("replies/low_balance", {"available": 5}), Reply("replies/backend", {"texts": []})
    )
    assert rest == reply
    assert unstreamed[0] == reply


def test_line_progress_writes_streamed_text_at_once_with_a_blank_line_between_pieces() -> None:
    err, out = io.StringIO(), io.StringIO()
    progress = LineProgress(err, text_out=out)
    progress.stream("first")
    assert out.getvalue() == "first\n"
    progress.stream("second")
    assert out.getvalue() == "first\n\nsecond\n"
    assert progress.streamed
    assert err.getvalue() == ""


def test_line_progress_without_a_text_target_streams_nothing_anywhere() -> None:
    err = io.StringIO()
    progress = LineProgress(err)
    progress.stream("text")
    assert err.getvalue() == ""
    assert not progress.streamed
