"""`agent.files`: shipped files are found, state files are replaced whole."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from agent.files import bundled_path, write_atomic


def test_write_atomic_creates_the_folder_and_replaces_the_content(tmp_path: Path) -> None:
    path = tmp_path / "state" / "session.json"
    write_atomic(path, "old")
    write_atomic(path, "新的")
    assert path.read_text(encoding="utf-8") == "新的"
    assert [p.name for p in path.parent.iterdir()] == ["session.json"]


def test_write_atomic_gives_a_secret_file_owner_only_permissions(tmp_path: Path) -> None:
    path = tmp_path / "token.json"
    write_atomic(path, "{}", mode=0o600)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "state" / "session.json"
    write_atomic(path, "old")
    with pytest.raises(UnicodeEncodeError):
        write_atomic(path, "\ud800")
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in path.parent.iterdir()] == ["session.json"]


def test_bundled_path_finds_what_ships_with_the_agent_and_nothing_else() -> None:
    skill, prompts = bundled_path("SKILL.md"), bundled_path("prompts")
    assert skill is not None
    assert skill.is_file()
    assert prompts is not None
    assert (prompts / "replies").is_dir()
    assert bundled_path("no-such-file.txt") is None


def test_turn_json_describes_each_delivered_file_beside_the_paths(tmp_path: Path) -> None:
    from agent.turns import TurnResult

    clip = tmp_path / "harbor-1.mp4"
    clip.write_bytes(b"\x00" * 1234)
    gone = str(tmp_path / "gone.mov")
    data = TurnResult(reply="done", language="en", files=(str(clip), gone)).as_json()
    assert data["files"] == [str(clip), gone]
    assert data["file_info"] == [
        {"path": str(clip), "size_bytes": 1234, "mime": "video/mp4"},
        {"path": gone, "size_bytes": None, "mime": "video/quicktime"},
    ]
