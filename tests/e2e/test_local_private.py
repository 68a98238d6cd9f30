"""The embedded backend's data is private from the first start, without a spurious warning."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from structlog.testing import capture_logs

from agent.config import Settings
from agent.local.server.loopback import embedded_backend
from tests.local_support import local_deps

pytestmark = pytest.mark.e2e


def test_a_first_start_makes_private_folders_and_warns_about_nothing(settings: Settings) -> None:
    with capture_logs() as logs, embedded_backend(settings, local_deps()):
        pass
    data = settings.state_dir / "local-backend"
    modes = {stat.S_IMODE(p.stat().st_mode) for p in (settings.state_dir, data)}
    assert modes == {0o700}
    assert [e for e in logs if e["event"].startswith("permissions")] == []


def test_a_loose_existing_data_folder_is_tightened_with_a_warning(settings: Settings) -> None:
    data = settings.state_dir / "local-backend"
    data.mkdir(parents=True)
    settings.state_dir.chmod(0o700)
    data.chmod(0o755)
    with capture_logs() as logs, embedded_backend(settings, local_deps()):
        pass
    assert stat.S_IMODE(Path(data).stat().st_mode) == 0o700
    assert [e["path"] for e in logs if e["event"] == "permissions_tightened"] == [str(data)]
