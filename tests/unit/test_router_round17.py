"""Round 17 (r17 stranger sets): an edit asked through an export word or beside a file keeps its
`sse`, a waved-off edit is no edit, export verbs in Spanish and Singlish and in numbered steps,
a link to a page is no file, a report beside a question is noise, and a "why" asks the agent."""

from __future__ import annotations

import asyncio

import pytest

from agent.router import build_router
from agent.router.romance import read_romance
from tests.router_support import SaysExport, plan_of


@pytest.mark.parametrize(
    "text",
    [
        "please finalize the colour grading and send over the master",
        "finalize the titles, then export",
        "render the snow heavier and download it",
        "render the captions in gold then export the video",
        "kindly finalise the audio mix and send over the master",
    ],
)
def test_a_change_asked_through_an_export_word_runs_before_the_export(text: str) -> None:
    assert plan_of(build_router(), text) == ("sse", "export")


@pytest.mark.parametrize(
    "text",
    [
        "new pic attached make it a square clip with a slow zoom and then export it",
        "photo's attached animate it with some rain and then download",
    ],
)
def test_an_edit_after_the_file_in_one_run_on_keeps_its_sse(text: str) -> None:
    route = asyncio.run(build_router().route(text, ["photo.jpg"]))
    assert route.actions == ("upload", "sse", "export")


@pytest.mark.parametrize(
    "text",
    [
        "don't bother with captions, just render it",
        "Do not bother adding a logo. Export as it is.",
        "forget the fade, leave it, export please",
        "never mind the filter, keep it as is, download it",
        "scratch that, don't change the font. render it",
        "算了不加滤镜了，导出吧",
    ],
)
def test_an_edit_waved_off_before_an_export_is_no_edit(text: str) -> None:
    for router in (build_router(), build_router(completer=SaysExport())):
        assert plan_of(router, text) == ("export",), text


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("dun render first ah, how many points I still have", ("credits",)),
        ("dun export yet lah", ("sse",)),
    ],
)
def test_singlish_dun_declines_the_export(text: str, plan: tuple[str, ...]) -> None:
    route = asyncio.run(build_router().route(text))
    assert route.actions == plan
    assert "export" in route.declined


@pytest.mark.parametrize(
    "text",
    [
        "cámbiale la música y después lo exportas porfa",
        "ponle un título bonito y luego expórtalo",
        "the logo too small leh, make it bigger, then can export liao",
        "Step 1: add captions. Step 2: render.",
        "第一步：加字幕。第二步：导出",
        "ajoute de la musique puis exporte la vidéo",
        "coloca legendas e depois exporta o vídeo",
        "font bigger a bit can? after that export lor",
    ],
)
def test_an_export_in_another_register_after_an_edit_runs_after_it(text: str) -> None:
    assert plan_of(build_router(), text) == ("sse", "export")


def test_a_past_spanish_export_is_only_named() -> None:
    assert read_romance("ya lo exportaste?") == "ya exported?"
    assert read_romance("no lo exportes todavia") == "no export it todavia"
    assert "export" not in plan_of(build_router(), "ya lo exportaste? no tiene sonido")


@pytest.mark.parametrize(
    "text",
    [
        "the export button isnt working for me can you just do it",
        "export keeps failing on my phone, could you just handle it from your side",
    ],
)
def test_an_export_that_fails_for_the_user_handed_to_us_exports(text: str) -> None:
    assert plan_of(build_router(), text) == ("export",)


def test_an_export_that_fails_kept_from_us_runs_nothing() -> None:
    assert plan_of(build_router(), "the export button is broken, dont do it from your side") == (
        "sse",
    )


@pytest.mark.parametrize(
    "text",
    [
        "add a closing card with https://store.example.org/download on it",
        "put the link https://example.com/export/help in the description card",
    ],
)
def test_a_link_to_a_page_is_no_file_and_no_command(text: str) -> None:
    assert plan_of(build_router(), text) == ("sse",)


def test_a_link_to_a_media_file_still_uploads() -> None:
    assert plan_of(build_router(), "animate https://example.com/pics/dog.png") == ("upload", "sse")


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("Tom said the video was exported last week. What's in the project now?", ("state",)),
        ("我上周导出过一次。现在时间线里有什么？", ("state",)),
        ("kitna credit bacha hai? aur project mein kya kya hai", ("credits", "state")),
        ("積分仲有幾多？同埋而家時間線有啲咩", ("credits", "state")),
        (
            "Could I possibly see an overview of everything we have in the project "
            "(clips, music and titles) before I decide?",
            ("state",),
        ),
    ],
)
def test_questions_get_their_read_only_answers_and_a_report_beside_them_is_noise(
    text: str, plan: tuple[str, ...]
) -> None:
    assert plan_of(build_router(), text) == plan


@pytest.mark.parametrize(
    "text", ["why does the middle of the video look so blurry?", "點解條片結尾咁暗嘅？"]
)
def test_a_why_question_about_the_video_goes_to_the_agent(text: str) -> None:
    assert plan_of(build_router(), text) == ("sse",)


@pytest.mark.parametrize(
    "text", ["não exporta ainda", "non esportarlo ancora", "no lo exportes todavía"]
)
def test_a_romance_not_declines_the_export(text: str) -> None:
    route = asyncio.run(build_router(completer=SaysExport()).route(text))
    assert "export" not in route.actions
    assert "export" in route.declined


@pytest.mark.parametrize(
    "text", ["First: check credits. Second: if enough, render.", "if enough, export it"]
)
def test_an_export_on_a_balance_left_unsaid_plans_the_check_only(text: str) -> None:
    assert plan_of(build_router(), text) == ("credits",)
