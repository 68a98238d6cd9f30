"""Round 33 (issue #10): what an export can carry (`agent.router.carried`): a change inside the
export's clause goes to the agent first; another file than the video exports nothing; files
fetched as input are no export. Paraphrases written for this test, EN, simplified and
traditional Chinese."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.router import Router, build_router
from tests.router_support import plan_of

ROBUST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ROUTER: Router = build_router()


@pytest.mark.parametrize(
    "text",
    [
        "render it portrait for reels",
        "export a square copy for the feed",
        "download it in sepia",
        "export w/o the outro",
        "render it minus the voiceover",
        "导出竖屏版",
        "匯出黑白版本",
        "导出一版冇字幕嘅",
    ],
)
def test_a_change_inside_the_export_goes_to_the_agent_first(text: str) -> None:
    assert plan_of(ROUTER, text) == ("sse", "export"), text


@pytest.mark.parametrize(
    "text",
    [
        "export it in 1080p",
        "render it at 60fps",
        "export as mp4",
        "download the vertical version",
        "download it with subtitles burned in",
        "export it without changes",
    ],
)
def test_output_settings_and_versions_that_exist_export_alone(text: str) -> None:
    assert plan_of(ROUTER, text) == ("export",), text


@pytest.mark.parametrize(
    "text",
    [
        "export the thumbnail",
        "send me just the cover image, not the video",
        "download the srt",
        "导出一下缩略图",
        "把字幕文件发我",
        "grab my clips from https://drive.example.com/f/abc and cut a recap",
    ],
)
def test_another_file_or_an_input_fetched_exports_nothing(text: str) -> None:
    assert "export" not in plan_of(ROUTER, text), text


def test_another_file_beside_the_video_export_runs_both() -> None:
    assert plan_of(ROUTER, "export the video and also send me the srt") == ("sse", "export")


def test_another_file_taken_back_leaves_the_video_export() -> None:
    assert plan_of(ROUTER, "export the audio? no, I mean export the whole video") == ("export",)


_VERBS = st.sampled_from(["export it", "render it", "download it", "export the video"])
_CHANGES = st.sampled_from(
    ["vertical", "in black and white", "without the music", "w/o the intro", "square", "in 9:16"]
)
_TAILS = st.sampled_from(["", " for tiktok", " pls", " now", " thanks"])


@ROBUST
@given(verb=_VERBS, change=_CHANGES, tail=_TAILS)
def test_property_a_change_the_export_cannot_carry_never_loses_its_edit(
    verb: str, change: str, tail: str
) -> None:
    text = f"{verb} {change}{tail}"
    plan = plan_of(ROUTER, text)
    assert "export" not in plan or plan.index("sse") < plan.index("export"), text


@pytest.mark.parametrize(
    "text",
    [
        "wow the music totally buries the voiceover. perfect. ship it 🙄",
        "great, another blurry cut. send it over 🙃",
    ],
)
def test_an_eye_roll_beside_any_export_wording_exports_nothing(text: str) -> None:
    assert "export" not in plan_of(ROUTER, text), text


@pytest.mark.parametrize(
    "text",
    [
        "oh great, render it with the logo cut off. that'll impress them",
        "yeah sure, export it with the typo in the title",
        "export the captions as plain text so I can check them",
        "download the lyrics for me",
    ],
)
def test_a_mocked_fault_or_a_document_exports_nothing(text: str) -> None:
    assert "export" not in plan_of(ROUTER, text), text


def test_a_quoted_part_left_out_goes_to_the_agent_first() -> None:
    assert plan_of(ROUTER, "export it without the 'DRAFT' label in the corner") == (
        "sse",
        "export",
    )


@pytest.mark.parametrize("text", ["導出，但係唔要片尾個logo", "导出吧，不过不要片头"])
def test_a_part_left_out_after_a_chinese_export_goes_to_the_agent_first(text: str) -> None:
    assert plan_of(ROUTER, text) == ("sse", "export"), text


def test_the_subtitles_asked_instead_of_the_video_export_nothing() -> None:
    text = "export the video no not the video the subtitles export the subtitles"
    assert "export" not in plan_of(ROUTER, text)
