"""Upload ingestion: safe file names, type/size checks by content, probing, URL fetching.

Files are streamed to a staging path, checked (4001/4002), probed, then moved under
`media/<asset_id>/<name>`; nothing is held whole in memory.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import secrets
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import httpx

from agent.errors import APIError, RenderError
from agent.local.server.backend import Backend
from agent.local.server.wire import code_error
from agent.media import HEAD_BYTES, accepted_list, media_type_for, sniff

__all__ = ["Staged", "accept_file", "fetch_url", "safe_filename"]

_UNSAFE = re.compile(r"[^\w.\-]+")
_CHUNK = 1 << 16


def safe_filename(name: str, *, fallback: str = "upload") -> str:
    """A file name with no directory part, no traversal and no odd characters (max 100 chars)."""
    base = unicodedata.normalize("NFC", name.replace("\\", "/").rsplit("/", 1)[-1])
    cleaned = _UNSAFE.sub("_", base).strip("._") or fallback
    stem, dot, ext = cleaned.rpartition(".")
    if dot and len(cleaned) > 100:
        return stem[: 99 - len(ext)] + "." + ext
    return cleaned[:100]


@dataclass(frozen=True, slots=True)
class Staged:
    """A received file waiting for checks."""

    name: str
    path: Path
    size: int


def _check_type(staged: Staged) -> str:
    media = media_type_for(staged.name)
    with staged.path.open("rb") as fh:
        family = sniff(fh.read(HEAD_BYTES))
    if media is None or family not in media.families:
        raise code_error(
            4001, f"unsupported file type: {staged.name} (accepted: {accepted_list()})"
        )
    return media.kind


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(_CHUNK), b""):
            h.update(chunk)
    return h.hexdigest()[:16]


async def accept_file(backend: Backend, staged: Staged, base_url: str) -> dict[str, Any]:
    """Check, probe and keep one staged file; its `files[*]` entry (with `asset_id`).

    Raises:
        UnsupportedFileError: Wrong type by name or content, or undecodable (4001).
        FileTooLargeError: Over the configured cap (4002).
    """
    if staged.size > backend.config.upload_max_bytes:
        cap_mb = backend.config.upload_max_bytes / 1024 / 1024
        raise code_error(4002, f"file too large: {staged.name} (limit {cap_mb:g} MB)")
    kind = _check_type(staged)
    try:
        info = await asyncio.to_thread(backend.probe, staged.path)
    except RenderError as exc:
        raise code_error(4001, f"could not decode {staged.name}: {exc.message}") from exc
    asset_id = "as_" + secrets.token_hex(6)
    final = backend.media_path(asset_id, staged.name)
    final.parent.mkdir(parents=True)
    await asyncio.to_thread(shutil.move, staged.path, final)
    duration_ms = getattr(info, "duration_ms", None)
    entry: dict[str, Any] = {
        "asset_id": asset_id,
        "filename": staged.name,
        "file_type": kind,
        "cdn_url": f"{base_url}/media/{asset_id}/{staged.name}",
        "width": getattr(info, "width", None),
        "height": getattr(info, "height", None),
        "hash": await asyncio.to_thread(_digest, final),
        "size": staged.size,
    }
    if kind != "image":
        entry["duration"] = round(duration_ms / 1000, 3) if duration_ms else None
        entry["fps"] = getattr(info, "fps", None)
    return {k: v for k, v in entry.items() if v is not None}


def _url_error(url: str, why: str) -> APIError:
    return code_error(4003, f"could not fetch {url}: {why}")


def _check_scheme(url: str) -> None:
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        raise _url_error(url, "not a valid URL") from None
    if parts.scheme not in ("http", "https"):
        raise _url_error(url, "only http and https URLs are accepted")
    if not parts.hostname:
        raise _url_error(url, "the URL has no host")


async def _download(response: httpx.Response, dest: Path, cap: int, url: str) -> int:
    size = 0
    with dest.open("wb") as fh:
        async for chunk in response.aiter_bytes(_CHUNK):
            size += len(chunk)
            if size > cap:
                raise code_error(4002, f"file too large: {url}")
            fh.write(chunk)
    return size


async def fetch_url(backend: Backend, url: str, staging: Path) -> Staged:
    """Download an http(s) URL to `staging` (redirects followed only to http/https, capped).

    Raises:
        BadRequestError: Bad scheme, unreachable, timeout or a non-2xx answer (code 4003).
        FileTooLargeError: The body is over the size cap (4002).
    """
    config = backend.config
    _check_scheme(url)
    name = safe_filename(unquote(urlsplit(url).path), fallback="download")
    timeout = httpx.Timeout(config.url_timeout_s)
    async with httpx.AsyncClient(
        transport=backend.deps.fetch_transport, timeout=timeout, follow_redirects=False
    ) as client:
        current = url
        for _ in range(config.url_max_redirects + 1):
            _check_scheme(current)
            try:
                async with client.stream("GET", current) as response:
                    if response.is_redirect and "location" in response.headers:
                        current = urljoin(current, response.headers["location"])
                        continue
                    if not response.is_success:
                        raise _url_error(url, f"HTTP {response.status_code}")
                    size = await _download(response, staging, config.upload_max_bytes, url)
                    return Staged(name, staging, size)
            except httpx.HTTPError as exc:
                raise _url_error(url, type(exc).__name__) from exc
    raise _url_error(url, "too many redirects")
