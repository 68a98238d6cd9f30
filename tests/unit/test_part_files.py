"""Temporary download files: created locked; the sweep removes only those no live download holds.

A part "held by another download" is one this test keeps open and locked through its own file
descriptor (`flock` locks belong to an open file, so a second open in this process is refused
exactly as another process would be)."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from agent.part_files import PART, create_part, sweep_parts
from agent.transfer import save_stream

NOW = 1_900_000_000.0


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An output folder of its own (`tmp_path` also holds the test's home)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _stale(folder: Path, name: str = "video.mp4", data: bytes = b"\0" * 4096) -> Path:
    """A part left by a download killed outright: nobody holds its lock."""
    path, fd = create_part(folder / name)
    os.write(fd, data)
    os.close(fd)  # its lock goes with it, as with the process that held it
    return path


def test_a_part_is_named_for_its_destination_and_held_by_its_writer(out: Path) -> None:
    path, fd = create_part(out / "video.mp4")
    try:
        assert PART.match(path.name)
        assert path.name.startswith(".video.mp4.")
        assert sweep_parts(out, clock=lambda: NOW) == []  # live: never touched
        assert path.exists()
    finally:
        os.close(fd)


def test_the_sweep_removes_dead_parts_and_nothing_else(out: Path) -> None:
    dead = [_stale(out), _stale(out, "other.mov")]
    live_path, live_fd = create_part(out / "live.mp4")
    keep = ["video.mp4", ".hidden", "x.part", ".video.mp4.part"]
    for name in keep:
        (out / name).write_bytes(b"mine")
    try:
        assert sorted(sweep_parts(out, clock=lambda: NOW)) == sorted(dead)
        assert _names(out) == sorted([*keep, live_path.name])
    finally:
        os.close(live_fd)


def test_an_empty_part_just_created_is_left_for_a_later_sweep(out: Path) -> None:
    empty = _stale(out, data=b"")
    created = empty.stat().st_mtime
    assert sweep_parts(out, clock=lambda: created + 1) == []  # maybe not locked yet
    assert sweep_parts(out, clock=lambda: created + 61) == [empty]


def test_a_folder_that_cannot_be_read_has_nothing_to_sweep(out: Path) -> None:
    assert sweep_parts(out / "missing") == []


async def _body() -> AsyncIterator[bytes]:
    yield b"\0\0\0\x18ftypmp42"


async def test_the_next_download_into_the_folder_sweeps_what_a_killed_one_left(
    out: Path,
) -> None:
    left = _stale(out)
    assert await save_stream(_body(), out / "again.mp4", expected=12) == 12
    assert not left.exists()
    assert _names(out) == ["again.mp4"]


@pytest.mark.parametrize("umask", [0o022, 0o077])
def test_a_part_honours_the_umask(out: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        path, fd = create_part(out / "video.mp4")
        os.close(fd)
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask
