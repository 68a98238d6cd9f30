"""File transfer rules: upload pre-checks before any network call, atomic download into place.

No HTTP requests are made here; `agent.client` sends them and hands over the response stream.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import AsyncIterator
from pathlib import Path

from agent.errors import FileTooLargeError, TransportError, UnsupportedFileError, UserInputError
from agent.media import HEAD_BYTES, MediaType, accepted_list, media_type_for, sniff

__all__ = ["check_upload", "check_url", "save_stream"]


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
