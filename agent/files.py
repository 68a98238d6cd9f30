"""The agent's own files: locating what ships with it, and atomically replacing its state files.

A reader of a state file sees the old content or the new, never half a file.
"""

from __future__ import annotations

import mimetypes
import os
import uuid
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["bundled_path", "describe_files", "private_dirs", "write_atomic"]


def private_dirs(path: Path) -> Path:
    """Create `path` and every missing folder above it with mode 0700 (state and config folders
    hold tokens); existing folders are left as they are."""
    missing = []
    while not path.exists() and path.parent != path:
        missing.append(path)
        path = path.parent
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
    return missing[0] if missing else path


def write_atomic(path: Path, text: str, *, mode: int = 0o666) -> None:
    """Replace `path` with `text` (UTF-8) through a temporary file beside it.

    Args:
        path: The file to write; its folder is created (mode 0700) if needed.
        text: The whole new content.
        mode: Permission bits of a new file (before the umask); `0o600` for secrets.

    Raises:
        OSError: The folder or file cannot be written (the temporary file is removed).
    """
    private_dirs(path.parent)
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
