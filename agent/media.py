"""Accepted media formats (protocol.md §8.2) and content sniffing from a file's first bytes.

Pure: shared by the client's upload pre-check and the local backend's 4001 check.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "ACCEPTED",
    "HEAD_BYTES",
    "MediaKind",
    "MediaType",
    "accepted_list",
    "media_type_for",
    "sniff",
]

MediaKind = Literal["image", "video", "audio"]

HEAD_BYTES = 64
"""How many leading bytes `sniff` needs."""


@dataclass(frozen=True, slots=True)
class MediaType:
    """One accepted extension: its kind, MIME type and the container families it may hold."""

    extension: str
    kind: MediaKind
    mime: str
    families: frozenset[str]


def _t(ext: str, kind: MediaKind, mime: str, *families: str) -> MediaType:
    return MediaType(ext, kind, mime, frozenset(families))


# Families are what `sniff` reports; an extension accepts the families a real file of that
# type is seen with (an .m4a is an MP4 container, a .mov often is too, WebM is Matroska).
ACCEPTED: dict[str, MediaType] = {
    m.extension: m
    for m in (
        _t("mp4", "video", "video/mp4", "mp4"),
        _t("mov", "video", "video/quicktime", "mp4"),
        _t("avi", "video", "video/x-msvideo", "avi"),
        _t("webm", "video", "video/webm", "matroska"),
        _t("mkv", "video", "video/x-matroska", "matroska"),
        _t("jpg", "image", "image/jpeg", "jpeg"),
        _t("jpeg", "image", "image/jpeg", "jpeg"),
        _t("png", "image", "image/png", "png"),
        _t("gif", "image", "image/gif", "gif"),
        _t("webp", "image", "image/webp", "webp"),
        _t("mp3", "audio", "audio/mpeg", "mp3"),
        _t("wav", "audio", "audio/wav", "wav"),
        _t("m4a", "audio", "audio/mp4", "mp4"),
        _t("aac", "audio", "audio/aac", "aac"),
    )
}


def accepted_list() -> str:
    """The accepted formats grouped by kind, for user-facing messages."""
    groups: dict[str, list[str]] = {"video": [], "image": [], "audio": []}
    for ext, media in ACCEPTED.items():
        groups[media.kind].append(ext)
    return "; ".join(f"{kind}: {', '.join(exts)}" for kind, exts in groups.items())


def media_type_for(filename: str) -> MediaType | None:
    """The accepted media type for a file name's extension, or None."""
    _, dot, ext = filename.rpartition(".")
    return ACCEPTED.get(ext.lower()) if dot else None


def _is_mp3(head: bytes) -> bool:
    if head.startswith(b"ID3"):
        return True
    # MPEG audio frame sync: 11 set bits, layer III or II, not a reserved version.
    return len(head) >= 2 and head[0] == 0xFF and (head[1] & 0xE0) == 0xE0 and (head[1] & 0x06) != 0


def _is_aac(head: bytes) -> bool:
    # ADTS header: 12-bit sync 0xFFF, layer bits 00.
    return len(head) >= 2 and head[0] == 0xFF and (head[1] & 0xF6) == 0xF0


_SIGNATURES: tuple[tuple[str, Callable[[bytes], bool]], ...] = (
    ("jpeg", lambda h: h.startswith(b"\xff\xd8\xff")),
    ("png", lambda h: h.startswith(b"\x89PNG\r\n\x1a\n")),
    ("gif", lambda h: h[:6] in (b"GIF87a", b"GIF89a")),
    ("webp", lambda h: h[:4] == b"RIFF" and h[8:12] == b"WEBP"),
    ("wav", lambda h: h[:4] == b"RIFF" and h[8:12] == b"WAVE"),
    ("avi", lambda h: h[:4] == b"RIFF" and h[8:12] == b"AVI "),
    ("mp4", lambda h: h[4:8] in (b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip")),
    ("matroska", lambda h: h.startswith(b"\x1a\x45\xdf\xa3")),
    ("aac", _is_aac),  # before mp3: an ADTS header also looks like an MPEG frame sync
    ("mp3", _is_mp3),
)


def sniff(head: bytes) -> str | None:
    """The container family of a file from its first `HEAD_BYTES` bytes, or None if unknown.

    Families: jpeg, png, gif, webp, mp4, matroska, avi, wav, mp3, aac.
    """
    for family, matches in _SIGNATURES:
        if matches(head):
            return family
    return None
