"""A doctor finding, before (`Finding`) and after (`Check`) its text is rendered."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["Check", "Finding", "Status"]

Status = Literal["ok", "info", "warn", "fail"]


@dataclass(frozen=True, slots=True)
class Check:
    """One finding: `fail` makes `doctor` exit 1 and always carries a fix."""

    name: str
    status: Status
    text: str
    fix: str = ""

    def as_json(self) -> dict[str, str]:
        """`{name, status, text, fix}`."""
        return {"name": self.name, "status": self.status, "text": self.text, "fix": self.fix}


@dataclass(slots=True)
class Finding:
    """A check's result as template ids: `prompts/doctor/check` renders `id` and `fix`."""

    name: str
    status: Status
    id: str
    ctx: dict[str, Any] = field(default_factory=dict)
    fix: str | None = None
    fix_ctx: dict[str, Any] = field(default_factory=dict)
