"""A photo the user sent in OpenClaw reaches the model as `media://inbound/NAME`; `turn --attach`
with that URI uploads the file from OpenClaw's inbound folder (`OPENCLAW_STATE_DIR` honoured)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from agent.cli import cli

pytestmark = pytest.mark.integration


@pytest.mark.parametrize("state_dir", [None, "oc-state"])
def test_turn_attaches_an_openclaw_inbound_file(
    state_dir: str | None, isolated_home: Path, fixtures_dir: Path
) -> None:
    root = isolated_home / (state_dir or ".openclaw")
    inbound = root / "media" / "inbound"
    inbound.mkdir(parents=True)
    shutil.copy(fixtures_dir / "media" / "harbor-small.png", inbound / "harbor.png")
    env = {"OPENCLAW_STATE_DIR": str(root)} if state_dir else {}
    result = CliRunner().invoke(
        cli,
        ["turn", "--json", "--local", "--attach", "media://inbound/harbor.png", "upload this"],
        env=env,
    )
    payload = json.loads(result.stdout)
    assert (result.exit_code, payload["status"], payload["actions"]) == (0, "ok", ["upload"])
    assert "harbor.png" in payload["reply"]
