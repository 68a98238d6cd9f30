"""The client id and everything under the state and config folders: 0600 files in 0700 folders,
tightened with a warning when they are found looser."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from structlog.testing import capture_logs

from agent.auth import resolve_client_id
from agent.config import Settings
from agent.files import secure_tree, tighten, write_atomic
from agent.runtime import Runtime
from tests.fakes import ApiScript, FakeSkill


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The loosest umask a user could have: nothing is masked."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


@settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(mode=st.integers(min_value=0o400, max_value=0o777), folder=st.booleans())
def test_tighten_removes_group_and_other_bits_and_warns_only_when_it_did(
    tmp_path: Path, mode: int, folder: bool
) -> None:
    target = tmp_path / f"target-{mode:o}-{folder}"
    if folder:
        target.mkdir(exist_ok=True)
    else:
        target.write_text("x", encoding="utf-8")
    target.chmod(mode)
    with capture_logs() as logs:
        changed = tighten(target)
    assert _mode(target) == mode & 0o700
    assert changed == bool(mode & 0o077)
    assert [e["event"] for e in logs] == (["permissions_tightened"] if changed else [])
    target.chmod(0o700)


def test_write_atomic_makes_private_files_in_private_folders(
    tmp_path: Path, open_umask: None
) -> None:
    path = tmp_path / "state" / "session.json"
    write_atomic(path, "{}")
    assert (_mode(path), _mode(path.parent)) == (0o600, 0o700)


def test_a_new_client_id_is_0600_in_a_0700_folder(settings: Settings, open_umask: None) -> None:
    resolve_client_id(settings, new_id=lambda: "cid-new")
    path = settings.client_id_file
    assert (_mode(path), _mode(path.parent)) == (0o600, 0o700)


def test_a_readable_client_id_is_tightened_with_a_warning_and_kept(settings: Settings) -> None:
    path = settings.client_id_file
    path.parent.mkdir(parents=True)
    path.write_text("cid-old\n", encoding="utf-8")
    path.chmod(0o644)
    path.parent.chmod(0o755)
    with capture_logs() as logs:
        assert resolve_client_id(settings) == "cid-old"
    assert (_mode(path), _mode(path.parent)) == (0o600, 0o700)
    assert {e["path"] for e in logs if e["event"] == "permissions_tightened"} == {
        str(path),
        str(path.parent),
    }


async def test_opening_the_runtime_tightens_state_and_config(settings: Settings) -> None:
    for folder in (settings.state_dir, settings.config_dir, settings.state_dir / "local-backend"):
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(0o755)
    files = [settings.state_dir / "session.json", settings.state_dir / "anonymous_token.json"]
    files.append(settings.state_dir / "local-backend" / "backend.sqlite3")
    for file in files:
        file.write_text("{}", encoding="utf-8")
        file.chmod(0o644)
    async with Runtime.open(settings, transport=ApiScript().transport(), skill=FakeSkill()):
        pass
    assert {_mode(f) for f in files} == {0o600}
    assert _mode(settings.state_dir) == _mode(settings.config_dir) == 0o700
    assert _mode(settings.state_dir / "local-backend") == 0o700


def test_secure_tree_leaves_symlinked_targets_alone(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("shared", encoding="utf-8")
    outside.chmod(0o644)
    root = tmp_path / "state"
    root.mkdir()
    (root / "link").symlink_to(outside)
    secure_tree([root])
    assert _mode(outside) == 0o644


def test_files_inside_a_private_folder_are_tightened_quietly(tmp_path: Path) -> None:
    root = tmp_path / "state"
    (root / "local-backend").mkdir(parents=True, mode=0o700)
    root.chmod(0o700)
    wal = root / "local-backend" / "backend.sqlite3-wal"
    wal.write_text("", encoding="utf-8")
    wal.chmod(0o644)
    with capture_logs() as logs:
        secure_tree([root])
    assert _mode(wal) == 0o600
    assert logs == []
