"""The agent's own files: locating what ships with it, and atomically replacing its state files.

A reader of a state file sees the old content or the new, never half a file. State and config
are private: files 0600 in folders 0700; looser ones are tightened with a warning.
"""

from __future__ import annotations

import mimetypes
import os
import stat
import uuid
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import structlog

__all__ = [
    "bundled_path",
    "describe_files",
    "private_dir",
    "secure_tree",
    "tighten",
    "write_atomic",
]

_log = structlog.get_logger(__name__)


def tighten(path: Path, *, warn: bool = True) -> bool:
    """Remove group and other permissions from an existing file or folder (symlinks untouched).

    Args:
        path: The file or folder.
        warn: Log a warning when it was looser (False inside an already private folder, where
            nobody else could reach it: a file the local backend or SQLite just created).

    Returns:
        True when the mode was looser and was changed.
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
    if warn:
        _log.warning("permissions_tightened", path=str(path), was=oct(mode), now=oct(mode & 0o700))
    return True


def private_dir(path: Path) -> Path:
    """Create the folder `path` and every missing folder above it (mode 0700: state and config
    folders hold tokens), or tighten it; returns it."""
    missing = []
    folder = path
    while not folder.exists() and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    for each in reversed(missing):
        each.mkdir(mode=0o700, exist_ok=True)
    tighten(path)
    return path


def secure_tree(roots: Iterable[Path]) -> None:
    """Tighten every existing folder and file under `roots` to 0700 / 0600 (fixed on read).

    A warning is logged for what others could actually reach: a loose root, or anything inside
    a folder that was loose.
    """
    for root in roots:
        exposed = {root: tighten(root)}
        if not root.is_dir():
            continue
        for folder, dirs, files in os.walk(root):
            here = exposed.get(Path(folder), False)
            for name in dirs:
                child = Path(folder, name)
                exposed[child] = tighten(child, warn=here) or here
            for name in files:
                tighten(Path(folder, name), warn=here)


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


def describe_files(paths: Iterable[str]) -> list[dict[str, Any]]:
    """`{path, size_bytes, mime}` for each delivered file (R7): hosts check the size against a
    channel's cap (WhatsApp: 16 MB) before sending. A file that is gone has `size_bytes` None."""
    described = []
    for path in paths:
        try:
            size: int | None = os.stat(path).st_size
        except OSError:
            size = None
        mime = mimetypes.guess_type(path)[0] or "application/octet-stream"
        described.append({"path": path, "size_bytes": size, "mime": mime})
    return described
