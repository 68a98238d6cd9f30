"""`nemo-agent install` / `uninstall` for every host, with HOME and the state directory in a
temporary folder: where files land, config merging, dry runs, conflicts and clean removal."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
import skills_ref
from click.testing import CliRunner

from agent.cli import cli
from agent.config import Settings
from agent.hosts.targets import HOSTS
from agent.skill import IDENTITIES, identity_file, load_skill

SKILL_HOME = {
    "claude": ".claude/skills",
    "cursor": ".cursor/skills",
    "codex": ".agents/skills",
    "gemini": ".agents/skills",
    "agents": ".agents/skills",
    "copilot": ".copilot/skills",
    "openclaw": ".openclaw/skills",
}
SKILL_PROJECT = {
    "claude": ".claude/skills",
    "cursor": ".cursor/skills",
    "codex": ".agents/skills",
    "gemini": ".agents/skills",
    "agents": ".agents/skills",
    "copilot": ".github/skills",
    "openclaw": "skills",
}
MCP_HOME = {
    "claude": ".claude.json",
    "cursor": ".cursor/mcp.json",
    "codex": ".codex/config.toml",
    "gemini": ".gemini/settings.json",
}
MCP_PROJECT = {**MCP_HOME, "claude": ".mcp.json"}
PRIOR_JSON = {
    "theme": "dark",
    "mcpServers": {"other": {"command": "/usr/bin/other", "args": ["serve"]}},
}
PRIOR_TOML = 'model = "o4"\n\n[mcp_servers.other]\ncommand = "/usr/bin/other"\nargs = ["serve"]\n'


def run(*args: str) -> Any:
    """Run the CLI in-process and return (exit code, parsed --json output)."""
    result = CliRunner().invoke(cli, [*args, "--json"], catch_exceptions=False)
    return result.exit_code, json.loads(result.stdout)


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every file (bytes) and folder (None) under root, except nemo-agent's own state."""
    return {
        str(p.relative_to(root)): (p.read_bytes() if p.is_file() else None)
        for p in sorted(root.rglob("*"))
        if ".nemo-agent" not in p.relative_to(root).parts
    }


def _populate(home: Path, host: str, table: dict[str, str]) -> Path:
    path = home / table[host]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PRIOR_TOML if host == "codex" else json.dumps(PRIOR_JSON), encoding="utf-8")
    return path


def _servers(path: Path) -> dict[str, Any]:
    if path.suffix == ".toml":
        return tomllib.loads(path.read_text(encoding="utf-8"))["mcp_servers"]  # type: ignore[no-any-return]
    return json.loads(path.read_text(encoding="utf-8"))["mcpServers"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("host", HOSTS)
def test_the_skill_lands_where_the_host_loads_it_byte_identical(
    host: str, isolated_home: Path
) -> None:
    code, out = run("install", "--host", host)
    assert code == 0
    file = isolated_home / SKILL_HOME[host] / "nemo-agent" / "SKILL.md"
    assert file.read_bytes() == identity_file("nemo-agent").read_bytes()
    assert [(s["kind"], s["path"], s["action"]) for s in out["steps"]] == [
        ("skill", str(file), "installed")
    ]
    assert skills_ref.validate(file.parent) == []


@pytest.mark.parametrize("host", HOSTS)
def test_project_scope_installs_into_the_project(host: str, tmp_path: Path) -> None:
    project = tmp_path / "proj"
    code, _ = run("install", "--host", host, "--project", str(project))
    assert code == 0
    assert (project / SKILL_PROJECT[host] / "nemo-agent" / "SKILL.md").is_file()


def test_no_host_installs_for_agents_and_claude(isolated_home: Path) -> None:
    code, out = run("install")
    assert code == 0
    assert [s["path"] for s in out["steps"]] == [
        str(isolated_home / ".agents/skills/nemo-agent/SKILL.md"),
        str(isolated_home / ".claude/skills/nemo-agent/SKILL.md"),
    ]


def test_openclaw_state_dir_moves_the_openclaw_skills(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENCLAW_STATE_DIR", str(isolated_home / "oc"))
    run("install", "--host", "openclaw")
    assert (isolated_home / "oc/skills/nemo-agent/SKILL.md").is_file()


@pytest.mark.parametrize("name", IDENTITIES[1:])
def test_a_seed_identity_installs_under_its_own_name_and_validates(
    name: str, isolated_home: Path
) -> None:
    code, out = run("install", "--host", "cursor", "--skill", name)
    folder = isolated_home / ".cursor/skills" / name
    assert (code, out["skill"]) == (0, name)
    assert (folder / "SKILL.md").read_bytes() == identity_file(name).read_bytes()
    assert skills_ref.validate(folder) == []


@pytest.mark.parametrize("host", HOSTS)
def test_a_rerun_changes_nothing(host: str, isolated_home: Path) -> None:
    run("install", "--host", host, "--mcp")
    before = snapshot(isolated_home)
    record = (isolated_home / ".nemo-agent/state/install.json").read_bytes()
    code, out = run("install", "--host", host, "--mcp")
    assert code == 0
    assert {s["action"] for s in out["steps"]} <= {"unchanged", "skipped"}
    assert snapshot(isolated_home) == before
    assert (isolated_home / ".nemo-agent/state/install.json").read_bytes() == record


@pytest.mark.parametrize("host", HOSTS)
def test_dry_run_writes_nothing(host: str, isolated_home: Path) -> None:
    before = snapshot(isolated_home)
    code, out = run("install", "--host", host, "--mcp", "--dry-run")
    assert (code, out["dry_run"]) == (0, True)
    assert out["steps"][0]["action"] == "installed"
    assert snapshot(isolated_home) == before
    assert not (isolated_home / ".nemo-agent").exists()


def test_a_locally_edited_copy_is_kept_without_force(isolated_home: Path) -> None:
    run("install", "--host", "claude")
    file = isolated_home / ".claude/skills/nemo-agent/SKILL.md"
    file.write_text("my own notes\n", encoding="utf-8")
    code, out = run("install", "--host", "claude")
    assert (code, out["status"], out["steps"][0]["action"]) == (1, "error", "conflict")
    assert file.read_text(encoding="utf-8") == "my own notes\n"
    assert run("uninstall", "--host", "claude")[1]["steps"][0]["action"] == "conflict"
    assert file.read_text(encoding="utf-8") == "my own notes\n"
    code, out = run("install", "--host", "claude", "--force")
    assert (code, out["steps"][0]["action"]) == (0, "replaced")
    assert file.read_bytes() == identity_file("nemo-agent").read_bytes()


def test_a_skill_folder_install_did_not_write_is_left_alone(isolated_home: Path) -> None:
    file = isolated_home / ".claude/skills/nemo-agent/SKILL.md"
    file.parent.mkdir(parents=True)
    file.write_text("someone else's\n", encoding="utf-8")
    code, out = run("uninstall", "--host", "claude")
    assert (code, out["steps"][0]["action"]) == (0, "kept")
    assert file.read_text(encoding="utf-8") == "someone else's\n"


@pytest.mark.parametrize("host", list(MCP_HOME))
@pytest.mark.parametrize("scope", ["user", "project"])
def test_mcp_registration_keeps_prior_entries_and_uninstall_restores_the_prior_state(
    host: str, scope: str, isolated_home: Path, tmp_path: Path
) -> None:
    base, table, extra = isolated_home, MCP_HOME, []
    if scope == "project":
        base, table, extra = tmp_path / "proj", MCP_PROJECT, ["--project", str(tmp_path / "proj")]
    config = _populate(base, host, table)
    before = snapshot(isolated_home) | {
        "proj": None,
        **{f"p/{k}": v for k, v in snapshot(tmp_path / "proj").items()},
    }
    code, out = run("install", "--host", host, "--mcp", *extra)
    assert code == 0
    assert out["steps"][-1] == {
        "host": host, "kind": "mcp", "path": str(config), "action": "registered", "detail": ""
    }  # fmt: skip
    servers = _servers(config)
    assert servers["other"] == {"command": "/usr/bin/other", "args": ["serve"]}
    ours = servers["nemo-agent"]
    assert Path(ours["command"]).is_absolute()
    assert Path(ours["command"]).exists()
    assert ours["args"][-1] == "mcp"
    if host == "codex":
        assert (ours["startup_timeout_sec"], ours["tool_timeout_sec"]) == (20, 120)
        assert tomllib.loads(config.read_text(encoding="utf-8"))["model"] == "o4"
    else:
        assert json.loads(config.read_text(encoding="utf-8"))["theme"] == "dark"
    assert (
        config.with_name(config.name + ".bak").read_bytes()
        == (PRIOR_TOML if host == "codex" else json.dumps(PRIOR_JSON)).encode()
    )
    assert run("uninstall", "--host", host, "--mcp", *extra)[0] == 0
    after = snapshot(isolated_home) | {
        "proj": None,
        **{f"p/{k}": v for k, v in snapshot(tmp_path / "proj").items()},
    }
    assert after == before


@pytest.mark.parametrize("host", list(MCP_HOME))
def test_uninstall_removes_only_our_entry_from_a_file_changed_since(
    host: str, isolated_home: Path
) -> None:
    config = _populate(isolated_home, host, MCP_HOME)
    run("install", "--host", host, "--mcp")
    text = config.read_text(encoding="utf-8")
    if host == "codex":
        config.write_text(text + '\n[mcp_servers.later]\ncommand = "/bin/later"\n', "utf-8")
    else:
        data = json.loads(text)
        data["mcpServers"]["later"] = {"command": "/bin/later"}
        config.write_text(json.dumps(data), encoding="utf-8")
    assert run("uninstall", "--host", host, "--mcp")[0] == 0
    assert set(_servers(config)) == {"other", "later"}


def test_an_entry_install_replaced_is_put_back_on_uninstall(isolated_home: Path) -> None:
    config = isolated_home / ".cursor/mcp.json"
    config.parent.mkdir(parents=True)
    old = {"mcpServers": {"nemo-agent": {"command": "/old/nemo-agent", "args": ["mcp"]}}}
    config.write_text(json.dumps(old), encoding="utf-8")
    run("install", "--host", "cursor", "--mcp")
    config.write_text(config.read_text(encoding="utf-8") + " ", encoding="utf-8")  # touched since
    run("uninstall", "--host", "cursor", "--mcp")
    assert json.loads(config.read_text(encoding="utf-8")) == old


@pytest.mark.parametrize("host", list(MCP_HOME))
def test_a_corrupted_config_is_refused_and_left_byte_identical(
    host: str, isolated_home: Path
) -> None:
    config = isolated_home / MCP_HOME[host]
    config.parent.mkdir(parents=True, exist_ok=True)
    broken = b'[mcp_servers.x\ncommand = "' if host == "codex" else b'{"mcpServers": {,}'
    config.write_bytes(broken)
    result = CliRunner().invoke(cli, ["install", "--host", host, "--mcp"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {config} is not valid ")
    assert "left unchanged" in result.stderr
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1
    assert config.read_bytes() == broken
    assert not (isolated_home / SKILL_HOME[host] / "nemo-agent").exists()  # all or nothing


def test_mcp_for_hosts_without_an_mcp_config_is_skipped(isolated_home: Path) -> None:
    code, out = run("install", "--host", "copilot", "--host", "openclaw", "--mcp")
    assert code == 0
    assert [s["action"] for s in out["steps"] if s["kind"] == "mcp"] == ["skipped", "skipped"]


def test_the_token_is_never_written_to_host_configs(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEMO_TOKEN", "nmv_test_fake")
    run("install", "--host", "claude", "--host", "cursor", "--host", "codex", "--mcp")
    for rel in (".claude.json", ".cursor/mcp.json", ".codex/config.toml"):
        assert "nmv_test_fake" not in (isolated_home / rel).read_text(encoding="utf-8")
    record = isolated_home / ".nemo-agent/state/install.json"
    assert "nmv_test_fake" not in record.read_text(encoding="utf-8")
    assert record.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    ("host", "platform"),
    [("cursor", "cursor"), ("openclaw", "clawhub"), ("claude", "unknown"), ("codex", "unknown")],
)
def test_a_recorded_install_sets_x_skill_platform(
    host: str, platform: str, isolated_home: Path, env: dict[str, str]
) -> None:
    run("install", "--host", host)
    assert load_skill(Settings.from_env(env)).platform == platform
    run("uninstall", "--host", host)
    assert load_skill(Settings.from_env(env)).platform == "unknown"


@pytest.mark.parametrize("host", HOSTS)
@pytest.mark.parametrize("skill", IDENTITIES)
def test_uninstall_restores_the_prior_state_for_every_host_and_identity(
    host: str, skill: str, isolated_home: Path
) -> None:
    (isolated_home / ".claude").mkdir()
    (isolated_home / ".claude/settings.json").write_text('{"x": 1}', encoding="utf-8")
    before = snapshot(isolated_home)
    assert run("install", "--host", host, "--skill", skill, "--mcp")[0] == 0
    assert snapshot(isolated_home) != before
    code, out = run("uninstall", "--host", host, "--skill", skill, "--mcp")
    assert code == 0
    assert {s["action"] for s in out["steps"]} <= {"removed", "skipped"}
    assert snapshot(isolated_home) == before


def test_an_upgrade_keeps_the_first_backup_so_uninstall_restores_the_original(
    isolated_home: Path, settings: Settings
) -> None:
    from agent.hosts.install import Request, apply_plan, plan_install, plan_uninstall
    from agent.hosts.targets import Location

    config = _populate(isolated_home, "cursor", MCP_HOME)
    original = config.read_bytes()
    where = Location(isolated_home)
    for command in (("/old/nemo-agent", "mcp"), ("/new/nemo-agent", "mcp")):
        request = Request(("cursor",), "nemo-agent", where, mcp=True, command=command)
        steps, record = plan_install(request, settings.state_dir)
        apply_plan(steps, record, settings.state_dir)
    assert [s.action for s in steps] == ["unchanged", "updated"]
    assert _servers(config)["nemo-agent"]["command"] == "/new/nemo-agent"
    assert config.with_name("mcp.json.bak").read_bytes() == original
    steps, record = plan_uninstall(request, settings.state_dir)
    apply_plan(steps, record, settings.state_dir)
    assert config.read_bytes() == original
    assert not config.with_name("mcp.json.bak").exists()


def test_an_entry_removed_by_hand_leaves_the_file_untouched_on_uninstall(
    isolated_home: Path,
) -> None:
    config = _populate(isolated_home, "gemini", MCP_HOME)
    run("install", "--host", "gemini", "--mcp")
    config.write_text('{"mcpServers": {"other": {"command": "/usr/bin/other"}}}', "utf-8")
    code, out = run("uninstall", "--host", "gemini", "--mcp")
    assert (code, out["steps"][-1]["action"]) == (0, "absent")
    assert config.read_text("utf-8") == '{"mcpServers": {"other": {"command": "/usr/bin/other"}}}'


def test_a_stopped_apply_starts_no_further_step_and_records_those_applied(
    isolated_home: Path, settings: Settings
) -> None:
    from agent.hosts.install import Request, apply_plan, plan_install, plan_uninstall
    from agent.hosts.targets import Location

    before = snapshot(isolated_home)
    where, command = Location(isolated_home), ("/bin/nemo-agent", "mcp")
    request = Request(("agents", "claude"), "nemo-agent", where, mcp=True, command=command)
    steps, record = plan_install(request, settings.state_dir)
    asked: list[bool] = []

    def stopped() -> bool:  # Ctrl-C while the first step was written
        asked.append(True)
        return len(asked) > 1

    applied = apply_plan(steps, record, settings.state_dir, stopped=stopped)
    assert len(steps) > 1
    assert applied == steps[:1]
    assert snapshot(isolated_home) != before
    steps, record = plan_uninstall(request, settings.state_dir)
    apply_plan(steps, record, settings.state_dir)
    assert snapshot(isolated_home) == before  # what was applied was recorded, and taken back
