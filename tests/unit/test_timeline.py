"""The display view of a draft and the diff behind silent-completion replies (agent.timeline)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent.timeline import (
    Change,
    Segment,
    Timeline,
    Track,
    diff_timelines,
    format_range,
    parse_timeline,
)

REPO = Path(__file__).resolve().parents[2]

SEEDS_DRAFT: dict[str, Any] = {
    "d": 10000,
    "m": {"title": "Urban Dreams", "width": 1080, "height": 1920, "aspect": "9:16"},
    "t": [
        {"tt": 0, "sg": [{"s": 0, "d": 10000, "n": "city timelapse"}]},
        {"tt": 1, "sg": [{"s": 0, "d": 10000, "n": "Lo-fi", "v": 35}]},
        {"tt": 7, "sg": [{"s": 0, "d": 3000, "n": "Urban Dreams"}]},
    ],
}

VIDEO = Segment("video", "city timelapse", 0, 10000)
BGM = Segment("bgm", "Lo-fi", 0, 10000, volume=35)
TITLE = Segment("title", "Urban Dreams", 0, 3000)


def _docs_example() -> dict[str, Any]:
    text = (REPO / "docs" / "draft.md").read_text(encoding="utf-8")
    match = re.search(r"```json\n(.*?)```", text, re.DOTALL)
    assert match is not None
    parsed: dict[str, Any] = json.loads(match.group(1))
    return parsed


def test_seeds_draft_parses_into_three_typed_tracks() -> None:
    assert parse_timeline(SEEDS_DRAFT) == Timeline(
        tracks=(Track("video", (VIDEO,)), Track("bgm", (BGM,)), Track("title", (TITLE,))),
        duration_ms=10000,
        title="Urban Dreams",
        width=1080,
        height=1920,
        aspect="9:16",
    )


def test_the_documented_draft_example_parses_using_display_keys_only() -> None:
    timeline = parse_timeline(_docs_example())
    assert timeline.tracks == (
        Track("video", (Segment("video", "harbor.jpg", 0, 5000),)),
        Track("bgm", (Segment("bgm", "Ambient pad", 0, 5000, volume=35),)),
        Track("title", (Segment("title", "Harbor Lights", 0, 3000),)),
    )
    assert (timeline.duration_ms, timeline.title, timeline.aspect) == (
        5000,
        "Harbor Lights",
        "16:9",
    )
    assert timeline.exportable


@pytest.mark.parametrize("draft", [None, {}, {"t": []}, {"t": None}, {"d": 0, "m": {}}, "draft"])
def test_missing_or_empty_drafts_give_an_empty_timeline(draft: Any) -> None:
    timeline = parse_timeline(draft)
    assert timeline == Timeline()
    assert timeline.empty
    assert not timeline.exportable


def test_tracks_without_segments_are_kept_but_not_exportable() -> None:
    timeline = parse_timeline({"t": [{"tt": 0, "sg": []}, {"tt": 7}]})
    assert timeline.tracks == (Track("video"), Track("title"))
    assert timeline.empty
    assert not timeline.exportable


def test_one_segment_anywhere_makes_the_draft_exportable() -> None:
    timeline = parse_timeline({"t": [{"tt": 0, "sg": []}, {"tt": 7, "sg": [{"n": "Hi"}]}]})
    assert timeline.exportable
    assert not timeline.empty


@pytest.mark.parametrize(
    ("tt", "kind"),
    [(0, "video"), (1, "bgm"), (7, "title"), (3, "other"), ("7", "title"), (7.0, "title"),
     (1.5, "other"), (None, "other"), ("text", "other"), (True, "other")],
)  # fmt: skip
def test_track_types_map_to_kinds_and_unknown_ones_to_other(tt: Any, kind: str) -> None:
    assert parse_timeline({"t": [{"tt": tt, "sg": []}]}).tracks[0].kind == kind


def test_odd_segment_values_fall_back_instead_of_raising() -> None:
    draft = {
        "t": [
            {"tt": 1, "sg": [{"s": "1500", "d": 2500.7, "n": 42, "v": "80"}, "junk", None]},
            {"tt": 0, "sg": [{"s": -5, "d": float("nan"), "n": ["a"], "v": True}]},
            {"tt": 7, "sg": {"not": "a list"}},
            "not a track",
        ],
        "m": {"title": 7, "width": "wide", "height": 1080.0, "aspect": None},
        "d": "soon",
    }
    timeline = parse_timeline(draft)
    assert timeline.tracks == (
        Track("bgm", (Segment("bgm", "42", 1500, 2500, volume=80),)),
        Track("video", (Segment("video", "", 0, 0),)),
        Track("title"),
    )
    assert (timeline.title, timeline.width, timeline.height, timeline.aspect) == (
        "7",
        None,
        1080,
        None,
    )
    assert timeline.duration_ms == 4000  # no usable `d`: the latest segment end


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=20,
)
draft_like = st.fixed_dictionaries(
    {},
    optional={
        "d": json_values,
        "m": st.dictionaries(st.sampled_from(["title", "width", "height", "aspect"]), json_values),
        "t": st.lists(
            st.fixed_dictionaries(
                {},
                optional={
                    "tt": json_values,
                    "sg": st.lists(
                        st.dictionaries(st.sampled_from(["s", "d", "n", "v"]), json_values)
                        | json_values,
                        max_size=3,
                    )
                    | json_values,
                },
            )
            | json_values,
            max_size=3,
        )
        | json_values,
    },
)


@settings(deadline=None, database=None)  # a loaded machine must not make this flaky
@given(draft_like | json_values)
def test_parse_timeline_never_raises_on_server_data(draft: Any) -> None:
    timeline = parse_timeline(draft)
    assert timeline.exportable == any(t.segments for t in timeline.tracks)
    for segment in timeline.segments():
        assert segment.start_ms >= 0
        assert segment.duration_ms >= 0
        assert format_range(segment.start_ms, segment.duration_ms).endswith("s")


@pytest.mark.parametrize(
    ("start", "duration", "expected"),
    [
        (0, 3000, "0-3s"),
        (0, 10000, "0-10s"),
        (0, 2500, "0-2.5s"),
        (2500, 2500, "2.5-5s"),
        (1000, 1250, "1-2.3s"),
        (0, 0, "0-0s"),
        (0, 2960, "0-3s"),
        (0, 2940, "0-2.9s"),
        (-100, 1000, "0-0.9s"),
    ],
)
def test_format_range_uses_decimals_only_when_needed(
    start: int, duration: int, expected: str
) -> None:
    assert format_range(start, duration) == expected


def test_format_range_takes_a_unit_for_chinese_replies() -> None:
    assert format_range(0, 2500, unit="秒") == "0-2.5秒"
    assert Segment("bgm", "x", 500, 2000).span == "0.5-2.5"


def test_segment_end_is_start_plus_duration() -> None:
    assert Segment("video", "x", 1500, 2000).end_ms == 3500


def test_no_changes_between_equal_timelines() -> None:
    assert diff_timelines(parse_timeline(SEEDS_DRAFT), parse_timeline(SEEDS_DRAFT)) == ()


def test_everything_is_added_to_an_empty_timeline() -> None:
    assert diff_timelines(Timeline(), parse_timeline(SEEDS_DRAFT)) == (
        Change("added", VIDEO),
        Change("added", BGM),
        Change("added", TITLE),
    )


def test_a_new_title_is_one_added_change() -> None:
    before = parse_timeline({"t": SEEDS_DRAFT["t"][:2]})
    assert diff_timelines(before, parse_timeline(SEEDS_DRAFT)) == (Change("added", TITLE),)


def test_a_removed_track_gives_removed_changes_after_the_others() -> None:
    after = {"t": [SEEDS_DRAFT["t"][0], {"tt": 1, "sg": [{"s": 0, "d": 10000, "n": "Jazz"}]}]}
    assert diff_timelines(parse_timeline(SEEDS_DRAFT), parse_timeline(after)) == (
        Change("changed", Segment("bgm", "Jazz", 0, 10000), before=BGM),
        Change("removed", TITLE),
    )


def test_segments_are_matched_by_kind_and_start_before_position() -> None:
    before = parse_timeline(
        {
            "t": [
                {
                    "tt": 0,
                    "sg": [{"s": 0, "d": 5000, "n": "a.jpg"}, {"s": 5000, "d": 5000, "n": "b.jpg"}],
                }
            ]
        }
    )
    after = parse_timeline({"t": [{"tt": 0, "sg": [{"s": 5000, "d": 3000, "n": "b.jpg"}]}]})
    assert diff_timelines(before, after) == (
        Change(
            "changed", Segment("video", "b.jpg", 5000, 3000), Segment("video", "b.jpg", 5000, 5000)
        ),
        Change("removed", Segment("video", "a.jpg", 0, 5000)),
    )


def test_a_moved_segment_is_matched_by_position_and_reported_as_changed() -> None:
    before = parse_timeline({"t": [{"tt": 7, "sg": [{"s": 0, "d": 3000, "n": "Hi"}]}]})
    after = parse_timeline({"t": [{"tt": 7, "sg": [{"s": 2000, "d": 3000, "n": "Hi"}]}]})
    assert diff_timelines(before, after) == (
        Change("changed", Segment("title", "Hi", 2000, 3000), Segment("title", "Hi", 0, 3000)),
    )


def test_a_volume_change_is_a_change() -> None:
    lowered = {
        **SEEDS_DRAFT,
        "t": [SEEDS_DRAFT["t"][0], {"tt": 1, "sg": [{"s": 0, "d": 10000, "n": "Lo-fi", "v": 20}]}],
    }
    assert diff_timelines(parse_timeline(SEEDS_DRAFT), parse_timeline(lowered)) == (
        Change("changed", Segment("bgm", "Lo-fi", 0, 10000, volume=20), before=BGM),
        Change("removed", TITLE),
    )


def test_segments_of_different_kinds_never_match() -> None:
    before = parse_timeline({"t": [{"tt": 7, "sg": [{"s": 0, "d": 3000, "n": "X"}]}]})
    after = parse_timeline({"t": [{"tt": 3, "sg": [{"s": 0, "d": 3000, "n": "X"}]}]})
    assert diff_timelines(before, after) == (
        Change("added", Segment("other", "X", 0, 3000)),
        Change("removed", Segment("title", "X", 0, 3000)),
    )
