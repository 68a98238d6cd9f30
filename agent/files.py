"""The agent's own files: locating what ships with it, and atomically replacing its state files.

A reader of a state file sees the old content or the new, never half a file. State and config
are private: files 0600 in folders 0700; looser ones are tightened with a warning.
"""

from __future__ import annotations

import os
import stat
import uuid
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import structlog

__all__ = ["bundled_path", "private_dir", "secure_tree", "tighten", "write_atomic"]

_log = structlog.get_logger(__name__)


def tighten(path: Path) -> bool:
    """Remove group and other permissions from an existing file or folder (symlinks untouched).

    Returns:
        True when the mode was looser and was changed (a warning is logged).
    """
    try:
        info = path.lstat()
    except OSError:
        return False
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
        return False
    mode = stat.S_IMODE(info.st_mode)
    if not mode & 0o077:
        return False
    try:
        path.chmod(mode & 0o700)
    except OSError as exc:
        _log.warning("permissions_too_open", path=str(path), mode=oct(mode), error=exc.strerror)
        return False
    _log.warning("permissions_tightened", path=str(path), was=oct(mode), now=oct(mode & 0o700))
    return True


def private_dir(path: Path) -> Path:
    """Create the folder `path` (mode 0700) if needed, or tighten it; returns it."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    tighten(path)
    return path


def secure_tree(roots: Iterable[Path]) -> None:
    """Tighten every existing folder and file under `roots` to 0700 / 0600 (fixed on read)."""
    for root in roots:
        if not tighten(root) and not root.is_dir():
            continue
        for folder, dirs, files in os.walk(root):
            for name in (*dirs, *files):
                tighten(Path(folder, name))


def write_atomic(path: Path, text: str, *, mode: int = 0o600) -> None:
    """Replace `path` with `text` (UTF-8) through a temporary file beside it.

    Args:
        path: The file to write; its folder is created (0700) if needed.
        text: The whole new content.
        mode: Permission bits of a new file (before the umask); private by default.

    Raises:
        OSError: The folder or file cannot be written (the temporary file is removed).
    """
    private_dir(path.parent)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def bundled_path(name: str) -> Path | None:
    """Locate a file or folder shipped with the agent (`prompts`, `SKILL.md`).

    Looks inside the installed wheel, else in the repository checkout; None when neither has it.
    """
    for base in (Path(str(resources.files("agent"))), Path(__file__).resolve().parent.parent):
        if (base / name).exists():
            return base / name
    return None
