"""Pure export pieces: the poll schedule, slugs and output names."""

from __future__ import annotations

from itertools import islice
from pathlib import Path

from agent.export import output_path, poll_delays, slugify


def test_polls_start_at_two_seconds_and_grow_to_every_ten() -> None:
    assert list(islice(poll_delays(), 8)) == [2.0, 3.0, 4.5, 6.75, 10.0, 10.0, 10.0, 10.0]


def test_slug_is_readable_and_file_safe() -> None:
    assert slugify("Harbor Lights!") == "harbor-lights"
    assert slugify("  城市 夜景 / 2026 ") == "城市-夜景-2026"
    assert slugify("../../etc") == "etc"
    assert slugify("") == "nemo-video"
    assert len(slugify("x" * 100)) == 40


def test_output_name_uses_title_session_tail_and_first_free_number(tmp_path: Path) -> None:
    draft = {"m": {"title": "Harbor Lights"}}
    first = output_path(tmp_path, draft, "5529798706024415232")
    assert first == tmp_path / "harbor-lights-415232-1.mp4"
    first.write_bytes(b"x")
    assert output_path(tmp_path, draft, "5529798706024415232").name == "harbor-lights-415232-2.mp4"
    assert output_path(tmp_path, {}, "42").name == "nemo-video-42-1.mp4"
