"""The stamp of a list of text documents: what a compiled cache was built from. Pure."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

__all__ = ["stamp"]


def stamp(label: str, documents: Iterable[str]) -> str:
    """SHA-256 of `label` (format, engine) and each document, length-prefixed, in order."""
    digest = hashlib.sha256(label.encode())
    for document in documents:
        data = document.encode("utf-8")
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()
