"""Doctor findings about installs: each host's skill folders (same as the bundled skill?) and
MCP registrations (does the command they start still exist?)."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from typing import Any

from agent import DISTRIBUTION
from agent.config import Settings
from agent.errors import AgentError
from agent.hosts import mcpconfig
from agent.hosts.findings import Finding
from agent.hosts.records import InstallRecord, sha256_text
from agent.hosts.targets import HOSTS, MCP_HOSTS, SERVER_NAME, Location, mcp_target, skill_target
from agent.skill import IDENTITIES, identity_file

__all__ = ["mcp_findings", "skill_findings"]


def _install_command(host: str, skill: str, project: Path | None, *, mcp: bool = False) -> str:
    parts = ["nemo-agent install", f"--host {host}"]
    if skill != IDENTITIES[0]:
        parts.append(f"--skill {skill}")
    if project is not None:
        parts.append(f"--project {project}")
    if mcp:
        parts.append("--mcp")
    return " ".join(parts)


def _skill_files(
    settings: Settings, record: InstallRecord
) -> dict[Path, tuple[str, str, Path | None]]:
    """Every SKILL.md to check: the user-scope folders of every host and identity, plus
    recorded installs elsewhere (projects); path -> (hosts, skill, project)."""
    where = Location(settings.user_home, None, settings.openclaw_state_dir)
    files: dict[Path, tuple[str, str, Path | None]] = {}
    for skill in IDENTITIES:
        for host in HOSTS:
            file = skill_target(host, skill, where).file
            hosts = files[file][0] + "," + host if file in files else host
            files[file] = (hosts, skill, None)
    for entry in record.skills:
        path = Path(entry.path)
        if path not in files:
            project = next(
                (p for p in path.parents if p.name in (".claude", ".cursor", ".agents", ".github")),
                None,
            )
            files[path] = (
                ",".join(entry.hosts),
                entry.skill,
                project.parent if project else None,
            )
    return files


def skill_findings(settings: Settings, record: InstallRecord) -> list[Finding]:
    found: list[Finding] = []
    for path, (hosts, skill, project) in _skill_files(settings, record).items():
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        ctx = {"host": hosts, "skill": skill, "path": str(path)}
        if text == identity_file(skill).read_text(encoding="utf-8"):
            found.append(Finding("skills", "ok", "skill_ok", ctx))
            continue
        ours = record.skill_at(path)
        host = hosts.split(",")[0]
        command = _install_command(host, skill, project)
        if ours is None or ours.sha256 != sha256_text(text):
            command += " --force"
        found.append(
            Finding("skills", "fail", "skill_differs", ctx, "fix_install", {"command": command})
        )
    if not found:
        command = "nemo-agent install"
        found.append(
            Finding("skills", "warn", "skill_none", {}, "fix_install", {"command": command})
        )
    return found


def mcp_findings(settings: Settings, record: InstallRecord) -> list[Finding]:
    targets = [
        t for host in MCP_HOSTS if (t := mcp_target(host, Location(settings.user_home))) is not None
    ]
    seen = {t.path for t in targets}
    for entry in record.mcp:
        if Path(entry.path) not in seen:
            project = Path(entry.path).parent
            project = project.parent if project.name.startswith(".") else project
            target = mcp_target(entry.host, Location(settings.user_home, project))
            if target is not None and target.path == Path(entry.path):
                targets.append(target)
    found = [_mcp_one(target.host, target.path, target.format, target.key) for target in targets]
    if any(f.status == "ok" for f in found) and importlib.util.find_spec("mcp") is None:
        # Registered, but the server cannot start: the `mcp` extra is missing.
        name = {"name": DISTRIBUTION}
        found.append(Finding("mcp", "fail", "mcp_no_sdk", name, "fix_mcp_extra", name))
    return found


def _mcp_one(host: str, path: Path, fmt: str, key: str) -> Finding:
    command = _install_command(host, IDENTITIES[0], None, mcp=True)
    ctx: dict[str, Any] = {"host": host, "path": str(path)}
    try:
        text = path.read_text(encoding="utf-8") if path.is_file() else None
        entry = mcpconfig.entry_in(text, fmt, key, SERVER_NAME, path)
    except (AgentError, OSError, UnicodeDecodeError) as exc:
        # The parse problem only: install's "left unchanged" advice is the fix here.
        error = exc.message.split(";")[0] if isinstance(exc, AgentError) else f"{path}: {exc}"
        return Finding(
            "mcp",
            "fail",
            "mcp_unreadable",
            {**ctx, "error": error},
            "fix_unreadable",
            {"path": str(path), "command": command},
        )
    if entry is None:
        return Finding("mcp", "info", "mcp_absent", ctx)
    executable = str(entry.get("command", "")) if isinstance(entry, dict) else ""
    ctx["command"] = executable or "-"
    if executable and os.access(executable, os.X_OK):
        return Finding("mcp", "ok", "mcp_ok", ctx)
    return Finding("mcp", "fail", "mcp_missing_command", ctx, "fix_install", {"command": command})
