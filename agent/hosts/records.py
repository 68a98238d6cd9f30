"""The install record (`<state dir>/install.json`): what `install` wrote, so `uninstall` removes
only that and skills launched from an install report the right `X-Skill-Platform` (R9).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from agent.errors import ConfigError
from agent.files import write_atomic

__all__ = [
    "RECORD_FILE",
    "InstallRecord",
    "McpEntry",
    "SkillEntry",
    "load_record",
    "recorded_platform",
    "save_record",
    "sha256_text",
]

RECORD_FILE = "install.json"


class SkillEntry(BaseModel):
    """One SKILL.md that `install` wrote."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    kind: Literal["skill"] = "skill"
    hosts: list[str]
    skill: str
    path: str
    """Absolute path of the SKILL.md."""
    sha256: str
    """Of the bytes written, to tell a local edit from our copy."""
    platform: str = "unknown"
    installed_at: float = 0.0
    created_dirs: list[str] = Field(default_factory=list)
    """Folders install created, deepest first; uninstall removes them when empty."""


class McpEntry(BaseModel):
    """One MCP server registration that `install --mcp` wrote."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    kind: Literal["mcp"] = "mcp"
    host: str
    path: str
    """Absolute path of the host's configuration file."""
    sha256: str
    """Of the whole file as written, so an untouched file can be restored from its backup."""
    created: bool
    """The file did not exist before `install`."""
    previous: Any = None
    """The entry of the same name before `install` (None: there was none)."""
    command: list[str] = Field(default_factory=list)
    installed_at: float = 0.0
    created_dirs: list[str] = Field(default_factory=list)
    """Folders install created, deepest first; uninstall removes them when empty."""


class InstallRecord(BaseModel):
    """Everything installed for this state directory."""

    model_config = ConfigDict(extra="ignore")

    version: int = 1
    skills: list[SkillEntry] = Field(default_factory=list)
    mcp: list[McpEntry] = Field(default_factory=list)

    def skill_at(self, path: Path) -> SkillEntry | None:
        """The entry for the SKILL.md at `path`, if `install` wrote it."""
        return next((e for e in self.skills if e.path == str(path)), None)

    def mcp_at(self, path: Path) -> McpEntry | None:
        """The registration in the configuration file at `path`, if `install` wrote it."""
        return next((e for e in self.mcp if e.path == str(path)), None)

    def put(self, entry: SkillEntry | McpEntry) -> None:
        """Add or replace the entry for the same path."""
        if isinstance(entry, SkillEntry):
            self.skills = [e for e in self.skills if e.path != entry.path] + [entry]
        else:
            self.mcp = [e for e in self.mcp if e.path != entry.path] + [entry]

    def drop(self, path: Path) -> None:
        """Forget whatever was recorded at `path`."""
        self.skills = [e for e in self.skills if e.path != str(path)]
        self.mcp = [e for e in self.mcp if e.path != str(path)]


def sha256_text(text: str) -> str:
    """The hex SHA-256 of UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_record(state_dir: Path) -> InstallRecord:
    """Read the record; an absent file is an empty record.

    Raises:
        ConfigError: The file exists but cannot be read or is not a record.
    """
    path = state_dir / RECORD_FILE
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return InstallRecord()
    except OSError as exc:
        raise ConfigError(f"cannot read the install record {path}: {exc.strerror}") from None
    try:
        return InstallRecord.model_validate(json.loads(raw))
    except (ValueError, ValidationError):
        raise ConfigError(
            f"the install record {path} is damaged; move it away and run install again"
        ) from None


def save_record(state_dir: Path, record: InstallRecord) -> None:
    """Write the record atomically (mode 0600 for a new file)."""
    text = record.model_dump_json(indent=2) + "\n"
    write_atomic(state_dir / RECORD_FILE, text, mode=0o600)


def recorded_platform(state_dir: Path, skill: str) -> str | None:
    """The platform of the newest recorded install of `skill` that names one (R9).

    A missing or damaged record says nothing (None); detection falls through to the next rule.
    """
    try:
        record = load_record(state_dir)
    except ConfigError:
        return None
    entries = sorted(
        (e for e in record.skills if e.skill == skill and e.platform != "unknown"),
        key=lambda e: e.installed_at,
    )
    return entries[-1].platform if entries else None
