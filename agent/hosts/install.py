"""`install` / `uninstall`: plan every file change first, then apply them all (or none).

A plan reads the files it would change and fails as a whole on one it cannot parse, so a broken
configuration is reported and nothing is written. Applying a plan writes each file atomically,
keeps the previous file as `.bak`, and updates the install record.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from agent.errors import ConfigError
from agent.files import write_atomic
from agent.hosts import mcpconfig
from agent.hosts.records import (
    InstallRecord,
    McpEntry,
    SkillEntry,
    load_record,
    save_record,
    sha256_text,
)
from agent.hosts.targets import (
    SERVER_NAME,
    Location,
    McpTarget,
    mcp_target,
    platform_for,
    skill_target,
)
from agent.skill import identity_file

__all__ = ["Request", "Step", "apply_plan", "plan_install", "plan_uninstall"]

Kind = Literal["skill", "mcp"]


@dataclass(frozen=True, slots=True)
class Request:
    """What the user asked for."""

    hosts: tuple[str, ...]
    skill: str
    where: Location
    mcp: bool = False
    force: bool = False
    command: tuple[str, ...] = ()
    """The MCP server command line, absolute executable first (`/…/nemo-agent`, `mcp`)."""


@dataclass(slots=True)
class Step:
    """One file's change: `as_json()` is what `--json` prints for it."""

    hosts: tuple[str, ...]
    kind: Kind
    path: Path
    action: str
    """skill: installed, updated, replaced, unchanged, conflict, removed, absent, kept;
    mcp: registered, updated, unchanged, removed, absent, kept, skipped."""
    detail: str = ""
    text: str | None = None
    """The new content to write."""
    delete: bool = False
    restore_backup: bool = False
    backup: bool = False
    """Keep the file as it is now as `.bak` before writing (the first registration only, so the
    `.bak` stays the file from before nemo-agent touched it)."""
    """Uninstall of an untouched file: move the `.bak` install kept back in place."""
    record: SkillEntry | McpEntry | None = field(default=None, repr=False)
    prune: tuple[str, ...] = ()
    """Folders install created, removed after the file when they are empty."""
    forget: bool = False
    """Drop the path from the install record."""

    @property
    def conflict(self) -> bool:
        """The step refused to touch a file the user changed."""
        return self.action == "conflict"

    def as_json(self) -> dict[str, Any]:
        """`{host, kind, path, action, detail}`."""
        return {
            "host": ",".join(self.hosts),
            "kind": self.kind,
            "path": str(self.path),
            "action": self.action,
            "detail": self.detail,
        }


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from None


def _missing_dirs(folder: Path) -> list[str]:
    """The folders that writing into `folder` creates, deepest first."""
    missing: list[str] = []
    while not folder.exists() and folder.parent != folder:
        missing.append(str(folder))
        folder = folder.parent
    return missing


def _skill_folders(request: Request) -> dict[Path, tuple[str, ...]]:
    folders: dict[Path, tuple[str, ...]] = {}
    for host in request.hosts:
        target = skill_target(host, request.skill, request.where)
        folders[target.file] = (*folders.get(target.file, ()), host)
    return folders


def _platform(hosts: Sequence[str]) -> str:
    return next((p for p in map(platform_for, hosts) if p != "unknown"), "unknown")


def _install_skill(
    file: Path, hosts: tuple[str, ...], request: Request, record: InstallRecord, now: float
) -> Step:
    bundled = identity_file(request.skill).read_text(encoding="utf-8")
    entry = SkillEntry(
        hosts=list(hosts),
        skill=request.skill,
        path=str(file),
        sha256=sha256_text(bundled),
        platform=_platform(hosts),
        installed_at=now,
        created_dirs=_missing_dirs(file.parent),
    )
    current = _read(file)
    step = Step(hosts, "skill", file, "installed", text=bundled, record=entry)
    if current == bundled:
        step.action, step.text = "unchanged", None
        if record.skill_at(file) is not None:
            step.record = None  # a rerun changes nothing, not even the record
    elif current is not None:
        ours = record.skill_at(file)
        if ours is not None and ours.sha256 == sha256_text(current):
            step.action = "updated"
        elif request.force:
            step.action = "replaced"
        else:
            step.action, step.text, step.record = "conflict", None, None
            step.detail = "edited since it was installed; --force replaces it"
    return step


def _entry(target: McpTarget, command: tuple[str, ...]) -> dict[str, Any]:
    entry: dict[str, Any] = {"type": "stdio"} if target.host == "claude" else {}
    entry |= {"command": command[0], "args": list(command[1:])}
    return entry | dict(target.extra)


def _install_mcp(target: McpTarget, request: Request, record: InstallRecord, now: float) -> Step:
    text = _read(target.path)
    current = mcpconfig.entry_in(text, target.format, target.key, SERVER_NAME, target.path)
    entry = _entry(target, request.command)
    step = Step((target.host,), "mcp", target.path, "registered")
    if current == entry:
        step.action = "unchanged"
        return step
    if target.format == "toml":
        new = mcpconfig.toml_with(text, target.key, SERVER_NAME, entry, target.path)
    else:
        new = mcpconfig.json_with(text, target.key, SERVER_NAME, entry, target.path)
    before = record.mcp_at(target.path)
    step.action = "registered" if current is None or before is None else "updated"
    step.text, step.backup = new, before is None
    step.record = McpEntry(
        host=target.host,
        path=str(target.path),
        sha256=sha256_text(new),
        created=before.created if before is not None else text is None,
        previous=before.previous if before is not None else current,
        command=list(request.command),
        installed_at=now,
        created_dirs=before.created_dirs
        if before is not None
        else _missing_dirs(target.path.parent),
    )
    return step


def plan_install(
    request: Request, state_dir: Path, *, clock: Callable[[], float] = time.time
) -> tuple[list[Step], InstallRecord]:
    """Every change `install` would make, and the record it reads.

    Raises:
        ConfigError: A configuration file to change does not parse (nothing is planned), or the
            install record is damaged.
    """
    record = load_record(state_dir)
    now = clock()
    steps = [
        _install_skill(file, hosts, request, record, now)
        for file, hosts in _skill_folders(request).items()
    ]
    if request.mcp:
        seen: set[Path] = set()
        for host in request.hosts:
            target = mcp_target(host, request.where)
            if target is None:
                path = Path("-")
                steps.append(Step((host,), "mcp", path, "skipped", "no MCP registration for it"))
            elif target.path not in seen:
                seen.add(target.path)
                steps.append(_install_mcp(target, request, record, now))
    return steps, record


def _uninstall_skill(
    file: Path, hosts: tuple[str, ...], request: Request, rec: InstallRecord
) -> Step:
    step = Step(hosts, "skill", file, "removed", delete=True, forget=True)
    entry = rec.skill_at(file)
    current = _read(file)
    if current is None:
        step.action, step.delete = "absent", False
    elif entry is None:
        step.action, step.delete, step.forget = "kept", False, False
        step.detail = "not installed by nemo-agent"
    elif sha256_text(current) != entry.sha256 and not request.force:
        step.action, step.delete, step.forget = "conflict", False, False
        step.detail = "edited since it was installed; --force removes it"
    else:
        step.prune = tuple(entry.created_dirs)
    return step


def _uninstall_mcp(target: McpTarget, record: InstallRecord) -> Step:
    step = Step((target.host,), "mcp", target.path, "removed", forget=True)
    entry = record.mcp_at(target.path)
    text = _read(target.path)
    if entry is None:
        step.action, step.forget = ("kept" if text else "absent"), False
        step.detail = "not registered by nemo-agent" if text else ""
        return step
    if text is None:
        step.action = "absent"
        return step
    step.prune = tuple(entry.created_dirs)
    backup = _backup(target.path)
    if sha256_text(text) == entry.sha256 and (entry.created or backup.is_file()):
        step.delete, step.restore_backup = entry.created, not entry.created
        return step
    if mcpconfig.entry_in(text, target.format, target.key, SERVER_NAME, target.path) is None:
        step.action, step.prune = "absent", ()  # removed by hand since: nothing to write
        return step
    new: str | None
    if target.format == "toml" and entry.previous is not None:
        new = mcpconfig.toml_with(text, target.key, SERVER_NAME, entry.previous, target.path)
    elif target.format == "toml":
        new = mcpconfig.toml_without(text, target.key, SERVER_NAME, target.path)
    else:
        new = mcpconfig.json_without(text, target.key, SERVER_NAME, entry.previous, target.path)
    if new is None and entry.created:
        step.delete = True
    else:
        step.text = new if new is not None else ("{}\n" if target.format == "json" else "")
    return step


def plan_uninstall(request: Request, state_dir: Path) -> tuple[list[Step], InstallRecord]:
    """Every change `uninstall` would make: only what `install` recorded.

    Raises:
        ConfigError: A configuration file to change does not parse, or the record is damaged.
    """
    record = load_record(state_dir)
    steps = [
        _uninstall_skill(file, hosts, request, record)
        for file, hosts in _skill_folders(request).items()
    ]
    if request.mcp:
        for host in request.hosts:
            target = mcp_target(host, request.where)
            if target is not None:
                steps.append(_uninstall_mcp(target, record))
    return steps, record


def _backup(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def _apply_step(step: Step) -> None:
    if step.restore_backup:
        os.replace(_backup(step.path), step.path)
    elif step.delete:
        step.path.unlink(missing_ok=True)
    elif step.text is not None:
        if step.backup and step.path.is_file():
            write_atomic(_backup(step.path), step.path.read_text(encoding="utf-8"), mode=0o600)
        write_atomic(step.path, step.text, mode=0o600 if step.kind == "mcp" else 0o666)
    for folder in map(Path, step.prune):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


def apply_plan(
    steps: Sequence[Step],
    record: InstallRecord,
    state_dir: Path,
    *,
    stopped: Callable[[], bool] = lambda: False,
) -> list[Step]:
    """Write every planned change and the updated install record; the steps applied.

    `stopped` is asked before each step: once it says True (Ctrl-C), no further step starts,
    and the ones applied (each whole) are recorded, so `uninstall` can take them back.

    Raises:
        OSError: A file cannot be written (the steps before it stay applied and recorded).
    """
    applied: list[Step] = []
    try:
        for step in steps:
            if stopped():
                break
            _apply_step(step)
            applied.append(step)
            if step.record is not None:
                record.put(step.record)
            elif step.forget:
                record.drop(step.path)
    finally:
        save_record(state_dir, record)
    return applied
