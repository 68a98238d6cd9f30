"""Rounds 28-29 (issue #10): the classes the stranger sets found beside the conditional export
(that one is `tests/unit/test_router_unsettled.py`), each checked on the full router.

1. The balance asked in one terse word ("bal", "pts?", "餘額?"): credits.
2. An edit typed in a hurry before "nd"/"n" and the export ("mke it longr nd export plz"): the
   edit runs first, never dropped (an approval there stays noise).
3. An export of a new version in another shape or length ("帮我 export 一个 vertical version",
   "render me a 15 sec cut"): the version is made first, then exported; a definite version or
   an output option ("a 4k version") is the export alone.
4. Cantonese 埋 (= as well) after an export verb, after a clause of work ("整條片賣麵包，出埋片"):
   the work, then the export; after an approval, or alone ("幫我 render 埋佢啦", completive),
   the export alone.
5. Singlish "export already can or not?" is a question on its own and a request once the user
   settles it in the same turn ("… the colour ok already lah").
6. The inbox tray pictograph asks for the file ("perfect!! 📥 pls"), and a refusal or a later
   beside it holds it as beside the word.
7. An earlier export named as context, then only an option for this time ("last time you
   exported it was 720p, this time I want 1080p please"): the export again.
"""

from __future__ import annotations

import asyncio

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


@pytest.mark.parametrize(
    "text",
    [
        "帮我 export 一个 vertical version",
        "export a square version for insta",
        "render me a 15 sec cut",
        "帮我导出一个竖屏版本",
        "download a vertical version too pls",
    ],
)
def test_an_export_of_a_new_reshaped_version_makes_it_first(text: str) -> None:
    assert plan_of(build_router(), text) == ("sse", "export"), text


@pytest.mark.parametrize(
    "text",
    [
        "not that one, download the vertical version",
        "export a 4k version",
        "export an mp4 copy",
        "帮我导出一个4K版本",
    ],
)
def test_an_existing_version_or_an_output_option_is_the_export_alone(text: str) -> None:
    assert plan_of(build_router(), text) == ("export",), text


@pytest.mark.parametrize(
    ("text", "files"),
    [
        ("整條片賣麵包，出埋片", ("bread.jpg",)),
        ("整條片賣麵包，出埋片", ()),
        ("個片頭要有間舖個名，出埋片啦", ()),
        ("字幕改大啲，渲染埋佢", ()),
    ],
)
def test_cantonese_as_well_after_work_exports_after_it(text: str, files: tuple[str, ...]) -> None:
    plan = ("upload", "sse", "export") if files else ("sse", "export")
    assert asyncio.run(build_router().route(text, files)).actions == plan, text


@pytest.mark.parametrize("text", ["好靚，出埋片", "幫我 render 埋佢啦", "出埋片"])
def test_cantonese_as_well_after_an_approval_or_alone_is_the_export(text: str) -> None:
    assert plan_of(build_router(), text) == ("export",), text


@pytest.mark.parametrize(
    "text",
    [
        "export already can or not? the colour i ok already lah",
        "the music ok already, render can anot",
        "can help me download or not? all done already",
    ],
)
def test_a_singlish_can_or_not_the_user_settled_asks_for_the_export(text: str) -> None:
    assert plan_of(build_router(), text) == ("export",), text


@pytest.mark.parametrize(
    "text",
    [
        "export already can or not?",
        "can export already or not ah",
        "render can or not? the colour not ok already",
    ],
)
def test_a_singlish_can_or_not_alone_is_a_question(text: str) -> None:
    assert "export" not in plan_of(build_router(), text), text


@pytest.mark.parametrize(
    ("text", "plan"),
    [
        ("😍😍 perfect!! 📥 pls", ("export",)),
        ("📥 pls", ("export",)),
        ("make it brighter then 📥", ("sse", "export")),
        ("📥 later", ("sse",)),
        ("📥 ❌ still fixing", ("sse",)),
    ],
)
def test_the_inbox_tray_asks_for_the_file(text: str, plan: tuple[str, ...]) -> None:
    assert plan_of(build_router(), text) == plan, text


@pytest.mark.parametrize(
    "text",
    [
        "last time you exported it was 720p, this time I want 1080p please",
        "you exported it in 720p yesterday. this time 4k pls",
        "last export was 720p, this time 1080p",
        "上次导出是720p，这次要1080p",
        "上次導出嘅係720p，今次要1080p",
    ],
)
def test_an_option_for_this_time_after_an_earlier_export_exports_again(text: str) -> None:
    routers = [build_router(), build_router(completer=SaysExport())]
    for router in routers:
        assert plan_of(router, text) == ("export",), text


@pytest.mark.parametrize(
    "text",
    [
        "the previous export was blurry, this time make it sharper",
        "what was the last export's resolution? this time 1080p?",
        "last time you exported it was 720p, this time I want 1080p. actually wait, don't export",
        "this time I want 1080p",
    ],
)
def test_a_change_a_question_or_a_retraction_after_an_earlier_export_is_no_export(
    text: str,
) -> None:
    assert "export" not in plan_of(build_router(), text), text
