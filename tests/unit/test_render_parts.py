"""Which files in the local backend's outputs folder are a render's partial files."""

from __future__ import annotations

import pytest

from agent.local.server.workers import part_owner


@pytest.mark.parametrize(
    ("name", "owner"),
    [
        ("r_1.part.mp4", "r_1"),
        ("r_1.part.gif", "r_1"),
        ("a.b.part.webm", "a.b"),
        (".r_1.part.mp4.0a1b2c3d.part", "r_1"),
        ("r_1.mp4", None),
        ("r_1.part", None),
        (".r_1.mp4.0a1b2c3d.part", None),
        (".r_1.part.mp4.nothex00.part", None),
        ("notes.txt", None),
    ],
)
def test_part_owner(name: str, owner: str | None) -> None:
    assert part_owner(name) == owner
