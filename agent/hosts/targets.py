"""Where each agent host loads skills and MCP servers (hosts.md R1, R2). Pure: paths only.

User scope is under the user's home; project scope (`--project DIR`) under DIR.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

__all__ = [
    "DEFAULT_HOSTS",
    "HOSTS",
    "MCP_HOSTS",
    "SERVER_NAME",
    "Location",
    "McpTarget",
    "SkillTarget",
    "mcp_target",
    "platform_for",
    "skill_target",
]

HOSTS = ("claude", "cursor", "codex", "gemini", "copilot", "openclaw", "agents")
DEFAULT_HOSTS = ("agents", "claude")
"""With no `--host`: `~/.agents/skills` (Codex, Cursor, Gemini, Copilot, OpenClaw) plus
`~/.claude/skills` (Claude Code)."""
MCP_HOSTS = ("claude", "cursor", "codex", "gemini")
SERVER_NAME = "nemo-agent"
"""The MCP server's name in every host's configuration."""

CODEX_STARTUP_TIMEOUT_S = 20
CODEX_TOOL_TIMEOUT_S = 120
GEMINI_TIMEOUT_MS = 120_000

ConfigFormat = Literal["json", "toml"]


@dataclass(frozen=True, slots=True)
class Location:
    """Where to install: the user's home, plus the project folder for project scope."""

    home: Path
    project: Path | None = None
    openclaw_state_dir: Path | None = None
    """`OPENCLAW_STATE_DIR`, when set (default `~/.openclaw`)."""


@dataclass(frozen=True, slots=True)
class SkillTarget:
    """One skill folder for one host: `<root>/<skill>/SKILL.md`."""

    host: str
    folder: Path

    @property
    def file(self) -> Path:
        """The SKILL.md inside the folder."""
        return self.folder / "SKILL.md"


@dataclass(frozen=True, slots=True)
class McpTarget:
    """One host's MCP configuration file and how our server entry is written in it."""

    host: str
    path: Path
    format: ConfigFormat
    key: str
    """The table holding servers: `mcpServers` (JSON) or `mcp_servers` (Codex TOML)."""
    extra: tuple[tuple[str, int], ...] = ()
    """Host-specific fields of the entry (time limits)."""


def _skills_root(host: str, where: Location) -> Path:
    if where.project is not None:
        project = where.project
        roots = {
            "claude": project / ".claude" / "skills",
            "cursor": project / ".cursor" / "skills",
            "copilot": project / ".github" / "skills",
            "openclaw": project / "skills",
        }
        return roots.get(host, project / ".agents" / "skills")
    home = where.home
    openclaw = where.openclaw_state_dir or home / ".openclaw"
    roots = {
        "claude": home / ".claude" / "skills",
        "cursor": home / ".cursor" / "skills",
        "copilot": home / ".copilot" / "skills",
        "openclaw": openclaw / "skills",
    }
    return roots.get(host, home / ".agents" / "skills")


def skill_target(host: str, skill: str, where: Location) -> SkillTarget:
    """The folder a host loads `skill` from (R1); codex, gemini and agents share `.agents`.

    Raises:
        ValueError: `host` is not one of `HOSTS` (the CLI only passes known names).
    """
    if host not in HOSTS:
        raise ValueError(f"unknown host {host!r}")
    return SkillTarget(host, _skills_root(host, where) / skill)


def mcp_target(host: str, where: Location) -> McpTarget | None:
    """The MCP configuration file of a host (R2), or None when we do not register one there."""
    base = where.project if where.project is not None else where.home
    if host == "claude":
        path = base / ".mcp.json" if where.project is not None else base / ".claude.json"
        return McpTarget(host, path, "json", "mcpServers")
    if host == "cursor":
        return McpTarget(host, base / ".cursor" / "mcp.json", "json", "mcpServers")
    if host == "gemini":
        extra: tuple[tuple[str, int], ...] = (("timeout", GEMINI_TIMEOUT_MS),)
        return McpTarget(host, base / ".gemini" / "settings.json", "json", "mcpServers", extra)
    if host == "codex":
        extra = (
            ("startup_timeout_sec", CODEX_STARTUP_TIMEOUT_S),
            ("tool_timeout_sec", CODEX_TOOL_TIMEOUT_S),
        )
        return McpTarget(host, base / ".codex" / "config.toml", "toml", "mcp_servers", extra)
    return None


def platform_for(host: str) -> str:
    """The `X-Skill-Platform` value a skill installed for `host` reports (the seeds' values)."""
    return {"openclaw": "clawhub", "cursor": "cursor"}.get(host, "unknown")
