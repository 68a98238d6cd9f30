"""A deferred or conditional export never runs now: a temporal or conditional clause whose
subject is the user or someone else defers it; one about our own work only orders it."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.router import KeywordRouter, build_keyword_router, build_router
from agent.router.deferral import deferred

ROBUST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

EXPORTS = ["export it", "render", "download the video", "send me the mp4", "we'll export"]
SUBORDINATORS = ["once", "after", "when", "as soon as", "if", "only if"]
ACTORS = [
    "I upload the photo", "I say so", "I've checked the colours", "the client approves",
    "my boss has seen it", "we get feedback", "legal signs off", "my sister picks the song",
    "they reply", "I'm happy with it", "Sarah approves", "our manager gives the ok",
]  # fmt: skip
EDITS = ["", "add some piano music, ", "make it 8 seconds and ", "trim the intro; "]
ZH_EXPORTS = ["导出", "下载", "发给我", "匯出"]
ZH_WAITS = [
    "等我上传完logo再", "客户确认之后再", "等老板看过以后再", "我确认了之后你再",
    "只要我说可以你就", "等我朋友选好音乐再", "審核通過後再", "等阵我睇完先再",
    "我老公说可以了你再", "老板睇完话得先好",
]  # fmt: skip
OWN_WORK = ["once done", "when you're done", "after that", "when finished", "once that's done"]


@pytest.fixture(scope="module")
def keywords() -> KeywordRouter:
    return build_keyword_router()


def _never_exports(router: KeywordRouter, text: str) -> None:
    route = router.route(text)
    assert route is not None, text
    assert "export" not in route.actions, text
    assert "export" in route.declined, text


@ROBUST
@given(
    st.sampled_from(EDITS),
    st.sampled_from(EXPORTS),
    st.sampled_from(SUBORDINATORS),
    st.sampled_from(ACTORS),
)
def test_an_export_waiting_on_the_user_or_someone_else_never_runs(
    keywords: KeywordRouter, edit: str, export: str, subordinator: str, actor: str
) -> None:
    clause = f"{subordinator} {actor}"
    _never_exports(keywords, f"{edit}{export} {clause}")
    _never_exports(keywords, f"{edit}{clause}, {export}")


@ROBUST
@given(st.sampled_from(["", "字幕改成白色，", "先加点音乐，"]), st.sampled_from(ZH_WAITS))
def test_a_chinese_export_waiting_on_someone_never_runs(
    keywords: KeywordRouter, edit: str, wait: str
) -> None:
    for export in ZH_EXPORTS:
        _never_exports(keywords, f"{edit}{wait}{export}")


@ROBUST
@given(st.sampled_from(["add some music", "make it 8 seconds"]), st.sampled_from(OWN_WORK))
def test_a_clause_about_our_own_work_only_orders_the_export(
    keywords: KeywordRouter, edit: str, own: str
) -> None:
    route = keywords.route(f"{edit} and {own}, export it")
    assert route is not None
    assert route.actions == ("sse", "export")


@pytest.mark.parametrize(
    "text",
    [
        "when you're done I'll do the export myself",
        "I'll render it once I've checked the colours",
        "你弄好了我自己导出",
        "We will proceed with the export pending legal sign-off.",
        "Let's circle back on the export after the review meeting.",
        "when the voiceover's recorded I'll upload it and we can export",
    ],
)
def test_the_users_own_export_to_come_is_not_a_command(keywords: KeywordRouter, text: str) -> None:
    _never_exports(keywords, text)


@pytest.mark.parametrize(
    "text",
    [
        "could you export it when you get a chance",
        "if possible export in 4k",
        "export it once you're finished",
        "做好之后再导出",
        "帮我做完再导出",
        "把我的照片做完再导出",
        "if i could get the mp4 now that would be great",
        "when i said export i meant now",
        "export it if i have enough credits",
    ],
)
def test_polite_or_own_work_clauses_do_not_defer(text: str) -> None:
    assert not deferred(text)


def test_once_i_upload_is_this_very_upload_when_the_turn_carries_a_file() -> None:
    assert deferred("export it once i upload the photo")
    assert not deferred("export it once i upload the photo", media=True)


@pytest.mark.parametrize(
    "text",
    [
        "as soon as I find the logo I'll send it, then we render",
        "if it looks good I'll render tomorrow",
        "the client will approve tomorrow, export then",
    ],
)
async def test_no_later_stage_guesses_over_a_deferred_turn(text: str) -> None:
    route = await build_router().route(text)
    assert route.actions == ("sse",)
    assert "export" in route.declined


async def test_for_now_runs_the_export_whatever_waits() -> None:
    route = await build_router().route("if the client hates it we'll redo it, but for now export")
    assert route.actions == ("export",)


def test_a_reported_export_stays_a_mention_through_its_options(keywords: KeywordRouter) -> None:
    for text in (
        "my coworker told me you can export in 4k, is that true?",
        "she asked me to export it but I want a title first",
    ):
        route = keywords.route(text)
        assert route is not None
        assert "export" not in route.actions
