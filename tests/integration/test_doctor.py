"""`nemo-agent doctor`: one finding per check, a fix for every failure, never the token. The API,
the worker and the render are injected here; the CLI test runs everything for real on --local."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from agent import __version__
from agent.cli import cli
from agent.config import Settings
from agent.files import private_dir
from agent.hosts.doctor import Check, Doctor

TOKEN = "nmv_test_doctor"


def _api(status: int = 200, body: dict[str, Any] | None = None) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, json=body if body is not None else {"code": 0, "data": {}})

    return httpx.MockTransport(handler)


def _down() -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("no route", request=request)

    return httpx.MockTransport(handler)


async def _no_worker() -> dict[str, Any] | None:
    return None


def _run(settings: Settings, **kw: Any) -> dict[str, Check]:
    kw.setdefault("transport", _api())
    kw.setdefault("worker_status", _no_worker)
    kw.setdefault("render_test", lambda path: 4000)
    checks = asyncio.run(Doctor(settings, **kw).run())
    for check in checks:
        assert (check.status == "fail") <= bool(check.fix), check  # every failure names the fix
        assert TOKEN not in check.text + check.fix
    return {f"{c.name}:{c.text}": c for c in checks}


def _one(checks: dict[str, Check], name: str) -> list[Check]:
    return [c for key, c in checks.items() if key.startswith(f"{name}:")]


def _install(*args: str) -> None:
    result = CliRunner().invoke(cli, ["install", *args])
    assert result.exit_code == 0, result.output


def test_a_fresh_install_passes_every_check(settings: Settings, isolated_home: Path) -> None:
    _install("--host", "claude", "--host", "cursor", "--host", "codex", "--mcp")
    checks = _run(settings)
    assert {c.status for c in checks.values()} <= {"ok", "info", "warn"}
    names = [key.split(":")[0] for key in checks]
    for name in ("python", "package", "skill", "skills", "mcp", "api", "token", "state", "render",
                 "worker"):  # fmt: skip
        assert name in names
    assert [c.status for c in _one(checks, "mcp")] == ["ok", "ok", "ok", "info"]  # gemini: none
    assert len([c for c in _one(checks, "skills") if c.status == "ok"]) == 3


def test_nothing_installed_is_a_warning_with_the_install_command(settings: Settings) -> None:
    (skills,) = _one(_run(settings), "skills")
    assert (skills.status, skills.fix) == ("warn", "run `nemo-agent install`")


def test_an_edited_skill_fails_with_the_force_fix(settings: Settings, isolated_home: Path) -> None:
    _install("--host", "cursor", "--skill", "image-to-video-deevid")
    file = isolated_home / ".cursor/skills/image-to-video-deevid/SKILL.md"
    file.write_text(file.read_text(encoding="utf-8") + "\nmine\n", encoding="utf-8")
    (skills,) = _one(_run(settings), "skills")
    assert skills.status == "fail"
    assert str(file) in skills.text
    assert "nemo-agent install --host cursor --skill image-to-video-deevid --force" in skills.fix


def test_an_mcp_registration_whose_command_is_gone_fails(
    settings: Settings, isolated_home: Path
) -> None:
    config = isolated_home / ".cursor/mcp.json"
    config.parent.mkdir()
    entry = {"command": str(isolated_home / "gone/nemo-agent"), "args": ["mcp"]}
    config.write_text(json.dumps({"mcpServers": {"nemo-agent": entry}}), encoding="utf-8")
    cursor = next(c for c in _one(_run(settings), "mcp") if c.text.startswith("cursor"))
    assert cursor.status == "fail"
    assert "no longer exists" in cursor.text
    assert cursor.fix == "run `nemo-agent install --host cursor --mcp`"


def test_an_unreadable_mcp_config_fails_and_names_the_file(
    settings: Settings, isolated_home: Path
) -> None:
    config = isolated_home / ".codex/config.toml"
    config.parent.mkdir()
    config.write_text("[mcp_servers\n", encoding="utf-8")
    codex = next(c for c in _one(_run(settings), "mcp") if c.text.startswith("codex"))
    assert codex.status == "fail"
    assert f"fix or move {config}" in codex.fix


@pytest.mark.parametrize(
    ("status", "body", "token_status"),
    [(200, {"code": 0, "data": {}}, "ok"), (401, {"code": 1001, "message": "bad"}, "fail")],
)
def test_nemo_token_is_checked_against_the_api_and_never_shown(
    env: dict[str, str], status: int, body: dict[str, Any], token_status: str
) -> None:
    settings = Settings.from_env({**env, "NEMO_TOKEN": TOKEN})
    (token,) = _one(_run(settings, transport=_api(status, body)), "token")
    assert token.status == token_status
    assert "NEMO_TOKEN" in token.text


def test_a_cached_anonymous_token_reports_its_expiry(settings: Settings) -> None:
    private_dir(settings.state_dir)
    cache = settings.state_dir / "anonymous_token.json"
    record = {"token": TOKEN, "api_url": settings.api_url, "expires_at": 1_000_000 + 3 * 86400}
    cache.write_text(json.dumps(record), encoding="utf-8")
    cache.chmod(0o600)
    (token,) = _one(_run(settings, clock=lambda: 1_000_000.0), "token")
    assert (token.status, token.text) == ("ok", "anonymous token cached, expires in 3 days")
    (expired,) = _one(_run(settings, clock=lambda: 2_000_000.0), "token")
    assert expired.status == "info"


def test_an_unreachable_api_fails_with_the_network_fix(settings: Settings) -> None:
    (api,) = _one(_run(settings, transport=_down()), "api")
    assert api.status == "fail"
    assert "ConnectError" in api.text
    assert "--local" in api.fix


def test_an_open_state_directory_and_token_file_fail_with_chmod(settings: Settings) -> None:
    settings.state_dir.mkdir(parents=True, mode=0o755)
    settings.state_dir.chmod(0o755)
    (settings.state_dir / "anonymous_token.json").write_text("{}", encoding="utf-8")
    (settings.state_dir / "anonymous_token.json").chmod(0o644)
    fixes = [c.fix for c in _one(_run(settings), "state")]
    assert fixes == [
        f"run `chmod 700 {settings.state_dir}`",
        f"run `chmod 600 {settings.state_dir / 'anonymous_token.json'}`",
    ]


def test_state_folders_nemo_agent_creates_are_private(settings: Settings) -> None:
    private_dir(settings.state_dir / "deeper")
    assert settings.state_dir.stat().st_mode & 0o777 == 0o700
    (state,) = _one(_run(settings), "state")
    assert state.status == "ok"


def test_a_worker_of_another_version_is_a_warning(settings: Settings) -> None:
    async def other() -> dict[str, Any]:
        return {"pid": 42, "version": "0.0.1", "running": 0, "queued": 0}

    async def ours() -> dict[str, Any]:
        return {"pid": 42, "version": __version__, "running": 1, "queued": 2}

    (warn,) = _one(_run(settings, worker_status=other), "worker")
    assert (warn.status, warn.fix) == ("warn", "run `nemo-agent worker stop`, then any command "
                                       "starts a fresh one")  # fmt: skip
    (ok,) = _one(_run(settings, worker_status=ours), "worker")
    assert ok.text == f"running (pid 42, version {__version__}, 1 running, 2 queued)"


def test_findings_are_also_in_chinese(settings: Settings) -> None:
    checks = _run(settings, lang="zh", transport=_down())
    assert "无法访问" in _one(checks, "api")[0].text


@pytest.mark.e2e
def test_doctor_cli_on_the_local_backend_renders_for_real(isolated_home: Path) -> None:
    env = {"HOME": str(isolated_home), "NEMO_AGENT_HOME": str(isolated_home / ".nemo-agent"),
           "PATH": str(Path(sys.executable).parent), "LC_ALL": "C.UTF-8"}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "agent", "doctor", "--local", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    payload = json.loads(result.stdout)
    checks = {c["name"]: c for c in payload["checks"]}
    assert (result.returncode, payload["status"]) == (0, "ok"), result.stdout
    assert checks["render"]["status"] == "ok"
    assert checks["api"]["text"].startswith("the embedded local backend started")
    assert checks["state"]["status"] == "ok"


def test_a_registered_server_without_the_mcp_extra_fails(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    _install("--host", "cursor", "--mcp")
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "mcp" else real(name, *a)
    )
    (missing,) = [c for c in _one(_run(settings), "mcp") if c.status == "fail"]
    assert "`mcp` extra" in missing.text
    assert "pip install 'nemovideo-agent[mcp]'" in missing.fix
