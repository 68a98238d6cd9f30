"""File transfer rules: upload pre-checks before any network call, atomic download into place.

No HTTP requests are made here; `agent.client` sends them and hands over the response stream.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Any, BinaryIO

from agent.errors import FileTooLargeError, TransportError, UnsupportedFileError, UserInputError
from agent.media import HEAD_BYTES, MediaType, accepted_list, media_type_for, sniff

__all__ = [
    "ByteProgress",
    "UploadMeter",
    "check_upload",
    "check_url",
    "open_for_upload",
    "save_stream",
]

ByteProgress = Callable[[int, int], None]
"""Called with (bytes sent, bytes in total) while an upload streams from disk."""


def _unsupported(message: str) -> UnsupportedFileError:
    return UnsupportedFileError(f"{message}. Accepted formats: {accepted_list()}", code=4001)


def check_upload(path: Path, max_bytes: int) -> MediaType:
    """Check a local file before uploading: exists, a regular non-empty file, accepted by name
    and by content, and not over the size cap.

    Returns:
        The accepted media type of the file.

    Raises:
        UnsupportedFileError: Missing, a directory, empty, or not an accepted format.
        FileTooLargeError: Larger than `max_bytes`.
    """
    name = path.name or str(path)
    if path.is_dir():
        raise _unsupported(f"{name} is a folder; upload the files inside it")
    if not path.is_file():
        raise _unsupported(f"{name}: no such file")
    media = media_type_for(path.name)
    if media is None:
        raise _unsupported(f"{name}: this file type is not supported")
    size = path.stat().st_size
    if size == 0:
        raise _unsupported(f"{name} is empty")
    if size > max_bytes:
        raise FileTooLargeError(
            f"{name} is {size / 2**20:.0f} MB, over the {max_bytes / 2**20:.0f} MB upload "
            "limit; compress it or trim it shorter and try again",
            code=4002,
        )
    with path.open("rb") as handle:
        family = sniff(handle.read(HEAD_BYTES))
    if family not in media.families:
        found = f"{family} data" if family else "not a recognised media file"
        raise _unsupported(f"{name} is named .{media.extension} but its content is {found}")
    return media


def check_url(url: str) -> str:
    """Accept only http(s) URLs for URL uploads.

    Raises:
        UserInputError: Any other scheme (file:, ftp:, data: ...).
    """
    if not url.lower().startswith(("http://", "https://")):
        raise UserInputError(f"only http(s) links can be uploaded, not {url.split(':', 1)[0]}:")
    return url


async def save_stream(chunks: AsyncIterator[bytes], dest: Path, *, expected: int | None) -> int:
    """Write chunks to a temporary file beside `dest`, then move it into place when complete.

    Args:
        chunks: The body.
        dest: Final path; nothing appears there unless the whole body arrived.
        expected: The body size (Content-Length of an unencoded body), when known.

    Returns:
        The number of bytes written.

    Raises:
        TransportError: The body was shorter or longer than `expected`.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    # Not mkstemp: its 0600 mode would stick to the delivered video; this honours the umask.
    tmp = dest.parent / f".{dest.name}.{secrets.token_hex(6)}.part"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    size = 0
    try:
        with os.fdopen(fd, "wb") as out:
            async for chunk in chunks:
                out.write(chunk)
                size += len(chunk)
        if expected is not None and size != expected:
            raise TransportError(f"download incomplete: got {size} of {expected} bytes")
        os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return size


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
