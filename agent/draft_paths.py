"""Sandbox paths in a draft become CDN URLs before rendering, as the official CLI does. Pure.

The backend agent works in a sandbox where uploads live under `/mnt/userdata/<s3_key>`, and its
draft may reference them there; the renderer cannot read the sandbox. The official TypeScript
CLI rewrites every such path to the upload's `cdn_url` before submitting a render. Whether the
skill API's drafts carry such paths is not documented (fidelity audit R2); a draft without them
is returned unchanged.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["SANDBOX_ROOT", "rewrite_sandbox_paths", "sandbox_urls"]

SANDBOX_ROOT = "/mnt/userdata/"
_KEY_FIELDS = ("s3_key", "key", "path", "file_path", "sandbox_path", "local_path")
_URL_FIELDS = ("cdn_url", "url", "file_url")


def _url(entry: Mapping[str, Any]) -> str | None:
    return next(
        (v for f in _URL_FIELDS if isinstance(v := entry.get(f), str) and v.startswith("http")),
        None,
    )


def _sandbox_path(value: str) -> str:
    return value if value.startswith(SANDBOX_ROOT) else SANDBOX_ROOT + value.lstrip("/")


def sandbox_urls(video_infos: Sequence[Any]) -> tuple[dict[str, str], dict[str, str]]:
    """From state's `video_infos`: exact sandbox path -> URL, and unique file name -> URL."""
    exact: dict[str, str] = {}
    names: dict[str, str | None] = {}
    for entry in video_infos:
        if not isinstance(entry, Mapping) or (url := _url(entry)) is None:
            continue
        for field in _KEY_FIELDS:
            key = entry.get(field)
            if isinstance(key, str) and key.strip():
                exact[_sandbox_path(key.strip())] = url
        name = entry.get("filename")
        if isinstance(name, str) and name:
            names[name] = url if names.get(name, url) == url else None  # ambiguous: no match
    return exact, {k: v for k, v in names.items() if v is not None}


def _rewrite(value: Any, exact: Mapping[str, str], names: Mapping[str, str]) -> Any:
    if isinstance(value, str) and value.startswith(SANDBOX_ROOT):
        return exact.get(value) or names.get(posixpath.basename(value), value)
    if isinstance(value, Mapping):
        return {k: _rewrite(v, exact, names) for k, v in value.items()}
    if isinstance(value, list):
        return [_rewrite(v, exact, names) for v in value]
    return value


def rewrite_sandbox_paths(draft: Mapping[str, Any], video_infos: Sequence[Any]) -> dict[str, Any]:
    """A copy of `draft` with each `/mnt/userdata/...` string replaced by its upload's CDN URL.

    A path matches an upload by its storage key (`/mnt/userdata/<s3_key>`), else by a file
    name only one upload has; a path that matches nothing is left as it is.
    """
    exact, names = sandbox_urls(video_infos)
    rewritten = _rewrite(draft, exact, names)
    return dict(rewritten) if isinstance(rewritten, Mapping) else dict(draft)
