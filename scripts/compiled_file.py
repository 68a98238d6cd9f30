"""Write a compiled table cache, or with `--check` only report whether the shipped one is stale."""

from __future__ import annotations

from pathlib import Path


def write_or_check(out: Path, text: str, summary: str, *, check: bool) -> int:
    """Exit status: 0 written or up to date, 1 stale (`check`)."""
    if check:
        current = out.read_text(encoding="utf-8") if out.is_file() else ""
        print(f"{out.name}: {'up to date' if current == text else 'STALE'}")
        return 0 if current == text else 1
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out} ({summary})")
    return 0
