"""Rounds 24-25: the three classes of harmful route in the stranger sets, each as a property.

1. A clause of work before a sequence word and the export runs first, in any register
   ("这个clip的transition太硬了，smooth一点，然后render出来给我"); an approval there does not.
2. Files with a terse target and an export ("this → 9:16, export"): the target is work.
3. A line labelled with someone else's name or role ("Boss: 把视频导出来发我") is reported
   speech: it never exports unless the user's own words adopt it.
Each holds for the full router and behind a fallback model that always says export.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.router import Route, Router, build_router
from agent.router.reported import Reported, reported
from agent.router.sequenced import edit_in_sequence, work_before_sequence
from tests.router_support import plan_of

ROBUST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORK = [
    "这个clip的transition太硬了，smooth一点", "the intro drags, tighten it", "字幕大一点",
    "make the logo pop more", "把背景音乐换成轻一点的", "crop out the watermark",
    "color grade it warmer", "intro那段cut短一点", "fix the typo in the title",
]  # fmt: skip
APPROVALS = ["looks good", "ok", "好了", "搞掂", "就这样", "perfect, thanks", "all good"]
SEQUENCES = ["，然后", "，再", "，之后", ", then", ", and then", ". after that", "，搞完"]
EXPORTS = ["render出来给我", "导出", "export it", "render it", "出片", "export pls"]
TARGETS = ["this → 9:16", "9:16", "15s", "make it 30 sec", "vertical", "竖屏", "pics -> reel"]
SPEAKERS = ["Boss", "Client", "老板", "客户说", "Mei", "my manager", "Client said"]
REPORTED_EXPORTS = ["把视频导出来发我", "export the final cut now", "render it and send it over"]
OWN_WORDS = [
    "", "先等一下，我还要改字幕颜色\n帮我把字幕改成黄色", "what's on the timeline?",
    "make the title bigger", "how many credits do I have left",
]  # fmt: skip


@ROBUST
@given(st.sampled_from(WORK), st.sampled_from(SEQUENCES), st.sampled_from(EXPORTS))
def test_work_before_a_sequence_word_runs_before_the_export(
    routers: list[Router], work: str, sequence: str, export: str
) -> None:
    text = f"{work}{sequence}{export}"
    for router in routers:
        actions = plan_of(router, text)
        assert "export" not in actions or "sse" in actions[: actions.index("export")], (
            text,
            actions,
        )


@pytest.mark.parametrize("approval", APPROVALS)
@pytest.mark.parametrize("sequence", ["，然后", ", then"])
def test_an_approval_before_the_sequence_word_leaves_the_export_alone(
    approval: str, sequence: str
) -> None:
    assert work_before_sequence(f"{approval}{sequence} export it") is False


def test_the_sequence_rule_adds_the_edit_only_to_an_export_plan_without_one() -> None:
    said = "这个clip的transition太硬了,smooth一点,然后render出来给我"
    planned = Route(("export",), "keyword", "zh")
    assert edit_in_sequence(planned, said) == Route(("sse", "export"), "keyword", "zh")
    credits = Route(("credits", "export"), "keyword", "zh")
    assert edit_in_sequence(credits, said) == credits
    assert edit_in_sequence(planned, "looks good, then export it") == planned


@ROBUST
@given(st.sampled_from(TARGETS), st.sampled_from([", export", "，导出", " then render", ""]))
def test_files_with_a_terse_target_and_an_export_never_skip_the_edit(
    routers: list[Router], target: str, export: str
) -> None:
    text = f"{target}{export or ', export'}"
    for router in routers:
        actions = plan_of(router, text, ("flyer.png",))
        assert "export" not in actions or "sse" in actions[: actions.index("export")], (
            text,
            actions,
        )


@ROBUST
@given(st.sampled_from(SPEAKERS), st.sampled_from(REPORTED_EXPORTS), st.sampled_from(OWN_WORDS))
def test_a_line_labelled_with_someone_else_never_exports(
    routers: list[Router], speaker: str, said: str, own: str
) -> None:
    text = f"{speaker}: {said}\n{own}".strip()
    for router in routers:
        assert "export" not in plan_of(router, text), text


def test_a_reported_line_is_read_apart_from_the_users_own_words() -> None:
    assert reported("Boss: 把视频导出来发我\n我：先等一下") == Reported(
        "把视频导出来发我", "先等一下", adopts=False
    )
    assert reported("Mei: export it\ngo ahead") == Reported("export it", "go ahead", adopts=True)
    assert reported("Note: export it in 4k") is None
    assert reported("https://example.com/a.jpg make it move") is None


def test_the_users_adoption_of_a_reported_export_runs_it() -> None:
    assert plan_of(build_router(), "Client: export the final cut\nok go ahead") == ("export",)
