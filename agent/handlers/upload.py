"""The `upload` action: files and URLs attached to the turn, with a summary of what was added.

The client runs the pre-checks (format by content, size cap) before any network call; large
files get a byte-level progress bar through the notifier while they stream from disk.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from agent.handlers.base import HandlerContext, Reply, human_duration, human_size
from agent.models import UploadedFile
from agent.transfer import ByteProgress, check_upload, check_url

__all__ = ["BAR_THRESHOLD_BYTES", "handle_upload", "split_attachments"]

BAR_THRESHOLD_BYTES = 5 * 1024 * 1024
"""Uploads at least this large get a byte-level progress bar (smaller ones finish too fast)."""


def split_attachments(attachments: tuple[str, ...]) -> tuple[list[Path], list[str]]:
    """Separate local paths (expanded, absolute) from links, keeping their order.

    Anything with a scheme other than `file://` counts as a link, so `ftp://...` is refused as
    a link by the client's URL check instead of being looked up as a file.
    """
    paths: list[Path] = []
    urls: list[str] = []
    for item in attachments:
        lowered = item.lower()
        if lowered.startswith("file://"):
            paths.append(Path(unquote(urlsplit(item).path)).expanduser().resolve())
        elif "://" in item or lowered.startswith(("http:", "https:")):
            urls.append(item)
        else:
            paths.append(Path(item).expanduser().resolve())
    return paths, urls


def _summary(file: UploadedFile, size: int | None) -> dict[str, Any]:
    name = file.filename or (file.url or "").rstrip("/").rsplit("/", 1)[-1] or "file"
    return {
        "name": name,
        "kind": file.file_type or "file",
        "size": human_size(size) if size else None,
        "duration": human_duration(file.duration) if file.duration else None,
    }


def _bar(ctx: HandlerContext) -> ByteProgress:
    """A byte callback that advances the `uploading` bar once per whole percent."""
    shown = -1

    def update(sent: int, total: int) -> None:
        nonlocal shown
        percent = sent * 100 // total if total else 100
        if percent != shown:
            shown = percent
            ctx.notify.bar("uploading", sent, total)

    return update


async def _upload_paths(ctx: HandlerContext, paths: list[Path]) -> list[UploadedFile]:
    total = sum(p.stat().st_size for p in paths if p.is_file())
    if total < BAR_THRESHOLD_BYTES:
        return list((await ctx.client.upload_files(ctx.session_id, paths)).files)
    ctx.notify.bar("uploading", 0, total)
    try:
        result = await ctx.client.upload_files(ctx.session_id, paths, on_progress=_bar(ctx))
    finally:
        ctx.notify.bar_done("uploading")
    return list(result.files)


async def handle_upload(ctx: HandlerContext) -> Reply:
    """Upload the turn's attachments (paths and URLs) to the session.

    Raises:
        UnsupportedFileError: A file is not an accepted format (pre-check or 4001).
        FileTooLargeError: A file is over the size cap (pre-check or 4002).
    """
    paths, urls = split_attachments(ctx.attachments)
    if not paths and not urls:
        return Reply("replies/upload_how", {}, ())
    files: list[UploadedFile] = []
    if paths:
        files += await _upload_paths(ctx, paths)
    if urls:
        files += list((await ctx.client.upload_urls(ctx.session_id, urls)).files)
    # The server may rename files (sanitised names); sizes follow the upload order.
    sizes: list[int | None] = [p.stat().st_size for p in paths] + [None] * len(urls)
    if len(sizes) != len(files):
        sizes = [None] * len(files)
    summary = [_summary(f, size) for f, size in zip(files, sizes, strict=True)]
    return Reply("replies/upload", {"files": summary, "uploaded": files}, ("upload",))


def precheck_attachments(attachments: tuple[str, ...], max_bytes: int) -> None:
    """Refuse bad attachments before any session or network call (as `upload` does).

    Raises:
        UserInputError: A file is missing, a folder, empty or unreadable, or a link is malformed.
        UnsupportedFileError: A file is not an accepted format.
        FileTooLargeError: A file is over the upload cap.
    """
    paths, urls = split_attachments(attachments)
    for path in paths:
        check_upload(path, max_bytes)
    for url in urls:
        check_url(url)
