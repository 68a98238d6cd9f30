"""Next-step suggestions after an edit (protocol §7.5): pure choice, worded by templates."""

from __future__ import annotations

from agent.templates import Templates
from agent.turns import next_steps


def test_after_a_plain_edit_the_protocols_three_steps_are_suggested() -> None:
    assert next_steps({"edit"}, ["sse"]) == ("subtitles", "timing", "export")


def test_an_export_done_this_turn_is_not_suggested_again() -> None:
    assert next_steps({"video"}, ["upload", "sse", "export"]) == ("subtitles", "timing", "music")


def test_what_the_turn_just_added_is_not_suggested() -> None:
    assert next_steps({"title", "bgm"}, ["sse"]) == ("timing", "export")
    assert next_steps({"bgm"}, ["sse", "export"]) == ("subtitles", "timing")


def test_at_most_limit_steps_are_suggested() -> None:
    assert next_steps({"edit"}, ["sse"], limit=2) == ("subtitles", "timing")


def test_the_suggestions_are_worded_in_the_users_language() -> None:
    templates = Templates()
    steps = ["subtitles", "timing", "export"]
    assert templates.render("replies/next_steps", "en", steps=steps) == (
        "Next, you could: add subtitles | adjust the timing | export the MP4"
    )
    assert templates.render("replies/next_steps", "zh", steps=steps) == (
        "接下来可以：加字幕 | 调整时长 | 导出 MP4"
    )


def test_a_step_the_user_just_asked_for_is_not_suggested() -> None:
    assert next_steps({"edit"}, ["sse"], asked="make it 8 seconds") == (
        "subtitles",
        "export",
        "music",
    )
    assert next_steps({"edit"}, ["sse"], asked="加上字幕") == ("timing", "export", "music")
    assert next_steps({"video"}, ["sse"], asked="add some lo-fi music") == (
        "subtitles",
        "timing",
        "export",
    )
    assert next_steps({"edit"}, ["sse"], asked="把時長改成10秒") == ("subtitles", "export", "music")
