"""`printable`: no control character or escape sequence from the backend reaches a terminal."""

from __future__ import annotations

import io
import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from agent.progress import LineProgress
from agent.terminal import printable

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ESCAPES = st.sampled_from(
    ["\x1b]0;title\x07", "\x1b[2J", "\x1b[38;5;1m", "\x1b[0m", "\x9b2J", "\x1bP1$q\x1b\\",
     "\x1b]8;;http://evil\x1b\\", "\x1bc", "\x1b(0", "\r", "\x08", "\x07", "\x85", "\x1b"]
)  # fmt: skip
_TEXT = st.lists(st.one_of(st.text(max_size=8), _ESCAPES), max_size=12).map("".join)
_SAFE = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="")
    | st.sampled_from("\n\t"),
    max_size=60,
)
_FAST = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_FAST
@given(_TEXT)
@example("\x1b]0;title\x07\x1b[2Jhello")
def test_no_control_character_survives(text: str) -> None:
    assert not _CONTROL.search(printable(text))


@_FAST
@given(_TEXT)
def test_printable_is_idempotent(text: str) -> None:
    assert printable(printable(text)) == printable(text)


@_FAST
@given(_SAFE)
@example("line one\n\tline two, 中文, émoji 🎬")
def test_text_without_controls_is_unchanged(text: str) -> None:
    assert printable(text) == text


def test_the_red_team_sequences_leave_only_the_words() -> None:
    assert printable("\x1b]0;pwned\x07\x1b[2JYour video is ready.\r\n") == (
        "Your video is ready.\n"
    )


@_FAST
@given(_TEXT, _TEXT)
def test_line_progress_writes_no_control_character(status: str, text: str) -> None:
    out, text_out = io.StringIO(), io.StringIO()
    progress = LineProgress(out, text_out=text_out)
    progress.status(status)
    progress.stream(text)
    assert not _CONTROL.search(out.getvalue() + text_out.getvalue())


def test_chat_output_shows_backend_text_without_control_sequences() -> None:
    from rich.console import Console

    from agent.cli.chat import RichProgress

    out, err = io.StringIO(), io.StringIO()
    progress = RichProgress(Console(file=out, width=80), Console(file=err, width=80))
    progress.stream("\x1b]0;title\x07\x1b[2JYour video is ready.")
    progress.status("\x9b2JWorking")
    assert "Your video is ready." in out.getvalue()
    assert "Working" in err.getvalue()
    assert not _CONTROL.search(out.getvalue() + err.getvalue())
