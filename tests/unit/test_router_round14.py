"""Round 14 (r13 stranger sets): words that only tell beside a command, a suggestion asked for,
a tag question after a reported export, and an hourglass put on the export."""

from __future__ import annotations

import pytest

from agent.router import build_router
from agent.router.text import normalize
from tests.router_support import SaysExport, plan_of


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("thx that's perfect 😍", ("sse",)),
        ("thanks, it's great", ("sse",)),
        ("Team has approved the cut. Please export and share the file.", ("export",)),
        ("the client has approved it, export", ("export",)),
        ("bhai video ekdum mast hai, ab download kar do", ("export",)),
        ("yeh edit badhiya hai, export kar do", ("export",)),
        (
            "okay so the colors look good now can you go ahead and export it at 1080p",
            ("export",),
        ),
    ],
)
def test_praise_or_an_approval_told_is_no_edit(text: str, plan: tuple[str, ...]) -> None:
    assert plan_of(build_router(), text) == plan


@pytest.mark.parametrize(
    "text",
    [
        "make sure the colors look good, then export",
        "make sure the colors look good and export",
        "the colors look good but make the title red and export",
        "thats good, fix the typo and export",
    ],
)
def test_a_result_asked_for_or_an_edit_beside_praise_still_runs_first(text: str) -> None:
    """ "make sure" is a filler to the keyword stage; the praise reading sees the words it hid."""
    for router in (build_router(), build_router(completer=SaysExport())):
        assert plan_of(router, text) == ("sse", "export"), text


@pytest.mark.parametrize(
    "text",
    [
        "請問這個影片適合配什麼音樂？",
        "呢條片配咩歌好？",
        "what music would suit this video?",
        "any suggestions for a font?",
        "推荐一下字体",
    ],
)
def test_a_suggestion_asked_for_goes_to_the_agent(text: str) -> None:
    assert plan_of(build_router(), text) == ("sse",)


def test_a_question_about_what_the_video_holds_is_still_a_state_answer() -> None:
    assert plan_of(build_router(), "what music is in the video?") == ("state",)


@pytest.mark.parametrize(
    "text",
    [
        "my coworker asked if we already exported this one, did we?",
        "we exported it yesterday, did we?",
        "the boss asked if we rendered it, have we?",
    ],
)
def test_a_tag_question_after_a_named_export_asks_its_state(text: str) -> None:
    for router in (build_router(), build_router(completer=SaysExport())):
        assert plan_of(router, text) == ("state",), text


def test_an_hourglass_on_the_export_holds_it_and_asked_it_is_status() -> None:
    assert normalize("ok but ⏳ on the export, client might want changes").startswith(
        "ok but no export"
    )
    assert normalize("any ⏳ on the export?") == "any status on the export?"
    for router in (build_router(), build_router(completer=SaysExport())):
        plan = plan_of(router, "ok 👍 but ⏳ on the export, client might still want changes")
        assert plan in (("sse",), ()), plan
