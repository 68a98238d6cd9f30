"""The strict jinja2 environment (agent.templates) and the timeline reply templates."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import jinja2
import pytest

from agent.errors import ConfigError
from agent.templates import Language, Templates, prompts_dir
from agent.timeline import Change, Segment, Timeline, Track, parse_timeline

REPO = Path(__file__).resolve().parents[2]

SEEDS = Timeline(
    tracks=(
        Track("video", (Segment("video", "city timelapse", 0, 10000),)),
        Track("bgm", (Segment("bgm", "Lo-fi", 0, 10000, volume=35),)),
        Track("title", (Segment("title", "Urban Dreams", 0, 3000),)),
    ),
    duration_ms=10000,
)


@pytest.fixture(scope="module")
def templates() -> Templates:
    """One environment over the repository's prompts/."""
    return Templates()


def test_prompts_dir_is_the_checkout_prompts_folder() -> None:
    assert prompts_dir() == REPO / "prompts"


def test_names_lists_every_j2_file_under_prompts(templates: Templates) -> None:
    on_disk = sorted(
        p.relative_to(REPO / "prompts").as_posix() for p in prompts_dir().rglob("*.j2")
    )
    assert templates.names() == on_disk
    assert "replies/state.en.j2" in on_disk


def test_every_template_compiles() -> None:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(prompts_dir()), encoding="utf-8"), autoescape=True
    )
    for name in Templates().names():
        env.get_template(name)  # raises TemplateSyntaxError on a broken file


def test_every_template_renders_or_reports_missing_context_as_config_error(
    templates: Templates,
) -> None:
    # Templates written by other modules need their own context; with none at all each one
    # must either render (it needs nothing) or fail as a ConfigError, never anything else.
    problems: dict[str, str] = {}
    for name in templates.names():
        stem, lang = name.removesuffix(".j2"), cast("Language | None", None)
        if stem.endswith(".en") or stem.endswith(".zh"):
            stem, lang = stem[:-3], "zh" if stem.endswith(".zh") else "en"
        try:
            templates.render(stem, lang)
        except ConfigError as exc:
            problems[name] = exc.message
    assert all(message.startswith("template ") for message in problems.values())
    assert "replies/state.en.j2" in problems  # it needs a timeline, so it cannot render bare


def test_a_missing_variable_is_a_config_error_naming_template_and_variable(
    templates: Templates,
) -> None:
    with pytest.raises(ConfigError) as caught:
        templates.render("replies/state", "en", timeline=SEEDS)
    assert "replies/state.en.j2" in caught.value.message
    assert "uploads" in caught.value.message


def test_a_missing_template_is_a_config_error(templates: Templates) -> None:
    with pytest.raises(ConfigError, match=r"'replies/nope\.en\.j2' not found"):
        templates.render("replies/nope", "en")


def test_a_template_with_a_syntax_error_is_a_config_error_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "broken.j2").write_text("line one\n{% if %}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"'broken\.j2' line 2"):
        Templates(tmp_path).render("broken")


def test_undefined_attribute_access_is_an_error_not_empty_text(tmp_path: Path) -> None:
    (tmp_path / "t.en.j2").write_text("Hi {{ user.name }}", encoding="utf-8")
    with pytest.raises(ConfigError, match="user"):
        Templates(tmp_path).render("t", "en")
    assert Templates(tmp_path).render("t", "en", user={"name": "Ann"}) == "Hi Ann"


# --- replies/state -------------------------------------------------------------------------


def test_state_en_renders_exactly_the_seeds_summary(templates: Templates) -> None:
    assert templates.render("replies/state", "en", timeline=SEEDS, uploads=[]) == (
        "Timeline (3 tracks): 1. Video: city timelapse (0-10s) 2. BGM: Lo-fi (0-10s, 35%) "
        '3. Title: "Urban Dreams" (0-3s)'
    )


def test_state_zh_renders_the_same_summary_in_chinese(templates: Templates) -> None:
    assert templates.render("replies/state", "zh", timeline=SEEDS, uploads=[]) == (
        "时间线（3 条轨道）：1. 视频：city timelapse（0-10秒） 2. 背景音乐：Lo-fi（0-10秒，35%） "
        "3. 标题：“Urban Dreams”（0-3秒）"
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "Timeline (1 track): 1. Video: a.jpg (0-2.5s), b.png (2.5-5s)\nUploads: a.jpg, b.png",
        ),
        (
            "zh",
            "时间线（1 条轨道）：1. 视频：a.jpg（0-2.5秒）、b.png（2.5-5秒）\n已上传：a.jpg、b.png",
        ),
    ],
)
def test_state_lists_several_clips_of_a_track_and_an_uploads_line(
    templates: Templates, lang: Language, expected: str
) -> None:
    timeline = parse_timeline(
        {"t": [{"tt": 0, "sg": [{"n": "a.jpg", "d": 2500}, {"n": "b.png", "s": 2500, "d": 2500}]}]}
    )
    rendered = templates.render(
        "replies/state", lang, timeline=timeline, uploads=["a.jpg", "b.png"]
    )
    assert rendered == expected


@pytest.mark.parametrize(
    ("lang", "uploads", "expected"),
    [
        ("en", [], "Nothing on the timeline yet. Send a photo and tell me what video to make."),
        (
            "en",
            ["harbor.jpg"],
            "Nothing on the timeline yet. Tell me what video to make from your uploads.\n"
            "Uploads: harbor.jpg",
        ),
        ("zh", [], "时间线上还没有内容。发送一张照片，告诉我想要什么样的视频。"),
        (
            "zh",
            ["harbor.jpg"],
            "时间线上还没有内容。告诉我想用已上传的文件做什么样的视频。\n已上传：harbor.jpg",
        ),
    ],
)
def test_state_of_an_empty_timeline_says_nothing_yet(
    templates: Templates, lang: Language, uploads: list[str], expected: str
) -> None:
    rendered = templates.render("replies/state", lang, timeline=Timeline(), uploads=uploads)
    assert rendered == expected


def test_state_marks_empty_tracks_untitled_segments_and_other_layers(templates: Templates) -> None:
    timeline = parse_timeline(
        {"t": [{"tt": 0, "sg": [{"d": 1000}]}, {"tt": 1, "sg": []}, {"tt": 9, "sg": [{"n": "fx"}]}]}
    )
    assert templates.render("replies/state", "en", timeline=timeline, uploads=[]) == (
        "Timeline (3 tracks): 1. Video: untitled (0-1s) 2. BGM: (empty) 3. Layer: fx (0-0s)"
    )


# --- replies/changes -----------------------------------------------------------------------


def test_changes_en_renders_one_line_per_change(templates: Templates) -> None:
    changes = [
        Change("added", Segment("title", "Harbor Lights", 0, 3000)),
        Change("added", Segment("bgm", "Ambient pad", 0, 5000, volume=35)),
        Change(
            "changed",
            Segment("video", "harbor.jpg", 0, 8000),
            Segment("video", "harbor.jpg", 0, 5000),
        ),
        Change("removed", Segment("title", "Old", 0, 2500)),
    ]
    assert templates.render("replies/changes", "en", changes=changes).splitlines() == [
        '✅ Title added: "Harbor Lights" (0-3s)',
        "✅ BGM added: Ambient pad (0-5s, 35%)",
        "✅ Video changed: harbor.jpg (0-8s)",
        '✅ Title removed: "Old" (0-2.5s)',
    ]


def test_changes_zh_renders_one_line_per_change(templates: Templates) -> None:
    changes = [
        Change("added", Segment("title", "Harbor Lights", 0, 3000)),
        Change("added", Segment("bgm", "Ambient pad", 0, 5000, volume=35)),
        Change(
            "changed",
            Segment("video", "harbor.jpg", 0, 8000),
            Segment("video", "harbor.jpg", 0, 5000),
        ),
        Change("removed", Segment("other", "", 0, 1000)),
    ]
    assert templates.render("replies/changes", "zh", changes=changes).splitlines() == [
        "✅ 已添加标题：“Harbor Lights”（0-3秒）",
        "✅ 已添加背景音乐：Ambient pad（0-5秒，35%）",
        "✅ 已修改视频：harbor.jpg（0-8秒）",
        "✅ 已删除图层：未命名（0-1秒）",
    ]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "✅ Done — nothing visible changed on the timeline."),
        ("zh", "✅ 已完成——时间线上没有可见的变化。"),
    ],
)
def test_changes_without_any_change_still_say_something(
    templates: Templates, lang: Language, expected: str
) -> None:
    assert templates.render("replies/changes", lang, changes=[]) == expected
