"""Round 19: an edit said through typos before an export is never dropped. Whatever letters
are swapped, dropped or doubled in the edit's words, a plan with an export also runs `sse`;
export-only turns with chatter before the export stay an export alone. Holds for the full router
and behind a fallback model that always says export (`SaysExport`)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.router import Route, Router, build_keyword_router, build_router
from agent.router.garbled import GarbledEdit, edit_before_export
from tests.router_support import plan_of

ROBUST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# edit clauses whose words (all but the small ones) take the typos
EDITS = [
    "can you add a fade out at the end", "make the title bigger",
    "change the font to something bolder", "trim the first clip a bit", "remove the last photo",
    "swap the music for something calmer", "lower the volume of the music",
    "move the logo to the right corner", "brighten the third photo",
    "add subtitles please", "speed up the outro", "crop the video to square", "rotate the picture",
    "insert a black frame between the clips", "make the ending longer", "blur the license plate",
    "shorten the intro", "delete the black frame at the end", "put a caption on the second slide",
]  # fmt: skip
SEQUENCES = ["then", "thn", "and then", "and", ", then", "n then", "&"]
EXPORTS = ["export", "expoort", "export it", "render it", "export pls", "exprot it"]
EXPORT_ONLY = [
    "client signed off this morning, go ahead and export", "looks perfect, export it",
    "bhai video ekdum mast hai, ab download kar do", "ok we're done here, export it",
    "Team has approved the cut. Please export and share the file.",
    "deleted the mp4 by accident, send it again pls", "export asap, no changes",
    "okay so the colors look good now, export it at 1080p",
]  # fmt: skip


def _typo(word: str, kind: int, at: int) -> str:
    """`word` with one typo at `at`: two letters swapped, one dropped or one doubled."""
    at %= len(word) - 1
    if kind == 0:
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    if kind == 1:
        return word[:at] + word[at + 1 :]
    return word[:at] + word[at] + word[at:]


@st.composite
def _garbled(draw: st.DrawFn) -> str:
    words = draw(st.sampled_from(EDITS)).split()
    for i, word in enumerate(words):
        if len(word) >= 4 and draw(st.booleans()):
            words[i] = _typo(word, draw(st.integers(0, 2)), draw(st.integers(0, 20)))
    return " ".join(words)


@ROBUST
@given(_garbled(), st.sampled_from(SEQUENCES), st.sampled_from(EXPORTS))
def test_typos_in_the_edit_words_never_leave_an_export_without_its_edit(
    routers: list[Router], edit: str, sequence: str, export: str
) -> None:
    text = f"{edit} {sequence} {export}".replace(" ,", ",")
    for router in routers:
        actions = plan_of(router, text)
        assert "export" not in actions or "sse" in actions, (text, actions)


@pytest.mark.parametrize("text", EXPORT_ONLY)
def test_chatter_before_an_export_is_no_garbled_edit(text: str) -> None:
    assert build_keyword_router().garbled_edit(text) is False
    assert plan_of(build_router(), text) == ("export",)


@pytest.mark.parametrize(
    ("word", "typo"),
    [("fdae", True), ("fnt", True), ("fadde", True), ("cahnge", True), ("titel", True),
     ("deleted", False), ("colors", False), ("chance", False), ("client", False), ("the", False)],
)  # fmt: skip
def test_a_typo_is_a_swap_drop_or_double_of_an_edit_word_not_a_real_inflection(
    word: str, typo: bool
) -> None:
    reader = GarbledEdit.from_words(
        ["fade", "font", "change", "title", "delete", "add"], {"the"}, {}
    )
    assert reader.typo_of_edit(word) is typo


def test_the_edit_runs_just_before_the_export_and_only_for_a_garbled_edit() -> None:
    planned = Route(("upload", "export"), "keyword", "en")
    assert edit_before_export(planned, True) == Route(("upload", "sse", "export"), "keyword", "en")
    assert edit_before_export(planned, False) == planned
    edited = Route(("sse", "export"), "keyword", "en")
    assert edit_before_export(edited, True) == edited
