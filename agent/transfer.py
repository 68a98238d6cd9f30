"""File transfer rules: upload pre-checks before any network call, atomic download into place.

No HTTP requests are made here; `agent.client` sends them and hands over the response stream.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from agent.errors import (
    FileProblemError,
    FileTooLargeError,
    TransportError,
    UnsupportedFileError,
    UserInputError,
)
from agent.media import HEAD_BYTES, MediaType, accepted_list, media_type_for, sniff
from agent.part_files import create_part, sweep_parts

__all__ = [
    "ByteProgress",
    "UploadMeter",
    "check_destination",
    "check_upload",
    "check_url",
    "open_for_upload",
    "save_stream",
]

ByteProgress = Callable[[int, int], None]
"""Called with (bytes sent, bytes in total) while an upload streams from disk."""


def _unsupported(message: str) -> UnsupportedFileError:
    return UnsupportedFileError(f"{message}. Accepted formats: {accepted_list()}", code=4001)


def _size_text(size: int) -> str:
    """`300 MB`, `1.5 KB`, `900 bytes`: sizes for messages, readable at any cap."""
    for unit, scale in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def _facts(path: Path, name: str) -> tuple[MediaType, int]:
    """The accepted media type and size of a local file, or the user's fault in words."""
    try:
        is_dir, is_file, exists = path.is_dir(), path.is_file(), path.exists()
        size = path.stat().st_size if is_file else 0
    except OSError as exc:
        raise FileProblemError(
            f"cannot read {path}: {exc.strerror or exc}", problem="unreadable", subject=str(path)
        ) from exc
    if is_dir:
        raise FileProblemError(
            f"{name} is a folder; attach the files inside it instead",
            problem="folder",
            subject=name,
        )
    if exists and not is_file:  # a FIFO, socket or device: opening it could block forever
        raise FileProblemError(
            f"{name} is not a regular file (a pipe, socket or device); attach a saved file",
            problem="special",
            subject=name,
        )
    if not is_file:
        raise FileProblemError(
            f"cannot find {path}; check the path and try again",
            problem="missing",
            subject=str(path),
        )
    media = media_type_for(path.name)
    if media is None:
        raise _unsupported(f"{name}: this file type is not supported")
    if size == 0:
        raise FileProblemError(
            f"{name} is empty (0 bytes); attach the complete file", problem="empty", subject=name
        )
    return media, size


def check_upload(path: Path, max_bytes: int) -> MediaType:
    """Check a local file before uploading: exists, a readable regular non-empty file, accepted
    by name and by content, and not over the size cap.

    Returns:
        The accepted media type of the file.

    Raises:
        UserInputError: Missing, a folder, empty or unreadable (the message says which).
        UnsupportedFileError: Not an accepted format, by name or by content.
        FileTooLargeError: Larger than `max_bytes`.
    """
    name = path.name or str(path)
    media, size = _facts(path, name)
    if size > max_bytes:
        raise FileTooLargeError(
            f"{name} is {_size_text(size)}, over the {_size_text(max_bytes)} upload "
            "limit; compress it or trim it shorter and try again",
            code=4002,
        )
    try:
        with path.open("rb") as handle:
            family = sniff(handle.read(HEAD_BYTES))
    except OSError as exc:
        raise FileProblemError(
            f"cannot read {path}: {exc.strerror or exc}", problem="unreadable", subject=str(path)
        ) from exc
    if family not in media.families:
        found = f"{family} data" if family else "not a recognised media file"
        raise _unsupported(f"{name} is named .{media.extension} but its content is {found}")
    return media


def check_url(url: str) -> str:
    """Accept only well-formed http(s) URLs with a host for URL uploads.

    Raises:
        UserInputError: Another scheme (file:, ftp:, data: ...) or a malformed URL.
    """
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise FileProblemError(
            f"{url} is not a valid link; check it and try again", problem="bad_link", subject=url
        ) from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FileProblemError(
            f"{url} is not an http(s) link; only http(s) links can be uploaded",
            problem="not_http",
            subject=url,
        )
    if not parts.hostname:
        raise FileProblemError(
            f"{url} has no host name; check the link and try again", problem="no_host", subject=url
        )
    return url


async def save_stream(chunks: AsyncIterator[bytes], dest: Path, *, expected: int | None) -> int:
    """Write chunks to a temporary file beside `dest`, then move it into place when complete.

    A cancelled or failed download removes its temporary file; one killed outright leaves it to
    the next download into that folder (`agent.part_files`).

    Args:
        chunks: The body.
        dest: Final path; nothing appears there unless the whole body arrived.
        expected: The body size (Content-Length of an unencoded body), when known.

    Returns:
        The number of bytes written.

    Raises:
        TransportError: The body was shorter or longer than `expected`.
        UserInputError: The file cannot be written there (folder, permissions, disk full).
    """
    check_destination(dest.parent)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _cannot_write(dest, exc) from exc
    sweep_parts(dest.parent)  # what a download killed outright left here
    try:
        tmp, fd = create_part(dest)
    except OSError as exc:
        raise _cannot_write(dest, exc) from exc
    size = 0
    try:
        with os.fdopen(fd, "wb") as out:  # its lock lasts until the part is in place
            async for chunk in chunks:
                out.write(chunk)
                size += len(chunk)
            if expected is not None and size != expected:
                raise TransportError(f"download incomplete: got {size} of {expected} bytes")
            out.flush()
            os.replace(tmp, dest)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, OSError):  # disk full, folder removed meanwhile
            raise _cannot_write(dest, exc) from exc
        raise
    return size


def _cannot_write(path: Path, exc: OSError) -> UserInputError:
    reason = exc.strerror or type(exc).__name__
    return UserInputError(f"cannot write {path}: {reason}; choose another folder or free space")


def check_destination(folder: Path, filename: str | None = None) -> None:
    """Make sure a download can land in `folder` (as `filename`); creates nothing.

    Run it before a render starts, so a bad `-o` fails in a second, not after the render. A
    missing folder is fine when its nearest existing parent is a writable folder.

    Raises:
        UserInputError: `folder` (or a parent) is a file or is not writable, or `filename`
            already exists there (an existing file is never overwritten).
    """
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise UserInputError(
            f"{existing} is a file, not a folder; give a folder or a new name ending in .mp4"
        )
    if not os.access(existing, os.W_OK | os.X_OK):
        raise UserInputError(
            f"cannot write to {existing}: permission denied; choose another folder"
        )
    if filename and (folder / filename).exists():
        raise UserInputError(
            f"{folder / filename} already exists; choose another name or move that file first"
        )


class UploadMeter:
    """Counts the file bytes an upload hands to the transport, across all of its files.

    httpx streams a multipart body by reading each file in chunks; `wrap` returns a file that
    reports every read. A re-read from the start (a retried request) starts that file over.
    """

    def __init__(self, total: int, on_progress: ByteProgress) -> None:
        self.total = total
        self._on_progress = on_progress
        self._positions: list[int] = []

    def wrap(self, handle: BinaryIO) -> _MeteredFile:
        """A read-only view of `handle` that reports progress as it is read."""
        self._positions.append(0)
        return _MeteredFile(handle, self, len(self._positions) - 1)

    def moved(self, index: int, position: int) -> None:
        """File `index` is now read up to `position`; report the total sent."""
        if self._positions[index] != position:
            self._positions[index] = position
            self._on_progress(min(sum(self._positions), self.total), self.total)


class _MeteredFile:
    """The slice of the file protocol httpx multipart uses: read, seek, tell, fileno."""

    def __init__(self, handle: BinaryIO, meter: UploadMeter, index: int) -> None:
        self._handle = handle
        self._meter = meter
        self._index = index

    def read(self, size: int = -1) -> bytes:
        data = self._handle.read(size)
        self._meter.moved(self._index, self._handle.tell())
        return data

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        return self._handle.seek(offset, whence)

    def tell(self) -> int:
        return self._handle.tell()

    def fileno(self) -> int:
        return self._handle.fileno()


def open_for_upload(
    files: Sequence[tuple[Path, str]], stack: ExitStack, on_progress: ByteProgress | None
) -> list[tuple[str, tuple[str, Any, str]]]:
    """Open `(path, mime)` pairs as multipart `files` fields, metered when progress is wanted.

    The files stay open until `stack` closes (after the request is sent).
    """
    handles: list[Any] = [stack.enter_context(path.open("rb")) for path, _ in files]
    if on_progress is not None:
        meter = UploadMeter(sum(path.stat().st_size for path, _ in files), on_progress)
        handles = [meter.wrap(handle) for handle in handles]
    return [
        ("files", (path.name, handle, mime))
        for (path, mime), handle in zip(files, handles, strict=True)
    ]
