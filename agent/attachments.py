"""Find file paths and media URLs typed or pasted into a message (quoted, escaped spaces). Pure.

A terminal drag-and-drop pastes `'/path/my photo.jpg'` or `/path/my\\ photo.jpg`; both count as
an attachment, as do `~/x.png`, `./clip.mp4`, `C:\\x.png`, `file://` paths and http(s) media URLs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from agent.media import media_type_for

__all__ = ["INBOUND", "Extracted", "extract_attachments", "inbound_path", "unquote_token"]

# A single- or double-quoted span, or a run of non-space characters where `\ ` escapes a space.
_TOKEN = re.compile(r"'[^'\n]+'|\"[^\"\n]+\"|(?:\\.|[^\s'\"\\])+")
_WINDOWS = re.compile(r"^[A-Za-z]:[\\/]")


@dataclass(frozen=True, slots=True)
class Extracted:
    """The attachments found in a message, and the message without them."""

    attachments: tuple[str, ...]
    text: str


INBOUND = "media://inbound/"
"""How OpenClaw shows the model a file the user sent in chat (openclaw#97237)."""


def inbound_path(value: str, openclaw_dir: Path) -> str:
    """`media://inbound/NAME` as the file OpenClaw keeps it in (`<openclaw>/media/inbound/NAME`);
    any other value unchanged. A name that is not a plain file name is left as it is (and then
    refused as an unsupported link), so the URI cannot reach outside that folder."""
    if not value.startswith(INBOUND):
        return value
    name = unquote(value.removeprefix(INBOUND))
    if not name or Path(name).name != name or name in (".", ".."):
        return value
    return str(openclaw_dir / "media" / "inbound" / name)


def unquote_token(token: str) -> str:
    """Strip one level of quotes, or undo backslash escapes (`my\\ photo.jpg`)."""
    if len(token) >= 2 and token[0] == token[-1] and token[0] in "'\"":
        return token[1:-1]
    if _WINDOWS.match(token):
        return token
    return re.sub(r"\\(.)", r"\1", token)


def _url_attachment(token: str) -> str | None:
    parts = urlsplit(token)
    if parts.scheme == "file":
        return unquote(parts.path)
    if parts.scheme in ("http", "https") and parts.netloc:
        tail = parts.path.rsplit("/", 1)[-1]
        return token if media_type_for(tail) else None
    return None


def _attachment(token: str, exists: Callable[[str], bool]) -> str | None:
    value = unquote_token(token).strip()
    if "://" in value:
        return _url_attachment(value)
    if media_type_for(value.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]) is None:
        return None
    path_like = value.startswith(("/", "~", "./", "../")) or bool(_WINDOWS.match(value))
    return value if path_like or exists(value) else None


def extract_attachments(text: str, exists: Callable[[str], bool] = lambda _p: False) -> Extracted:
    """Split a message into attachments and the remaining text, keeping everything else verbatim.

    Args:
        text: The message as typed or pasted.
        exists: Whether a bare name like `photo.jpg` is an existing file (inject `os.path.isfile`).

    Returns:
        The attachments in order, and the text with their spans removed (whitespace tidied).
    """
    found: list[str] = []
    kept: list[str] = []
    last = 0
    for match in _TOKEN.finditer(text):
        attachment = _attachment(match.group(0), exists)
        if attachment is None:
            continue
        found.append(attachment)
        kept.append(text[last : match.start()])
        last = match.end()
    kept.append(text[last:])
    rest = " ".join("".join(kept).split())
    return Extracted(tuple(found), rest)
