"""Resumable renders: a render still running when the 10-minute wait ran out, kept in the state dir.

Protocol Part 0: give up after 10 min "with a resumable job record". The next export of the same
draft in the same session polls that job again instead of submitting (and paying for) a new one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agent.files import write_atomic

__all__ = ["RECORD_FILE", "PendingRenders", "draft_digest"]

RECORD_FILE = "pending-render.json"


def draft_digest(draft: Mapping[str, Any]) -> str:
    """A stable fingerprint of a draft (key order does not matter)."""
    canonical = json.dumps(draft, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class PendingRenders:
    """The record file: `{session_id: {"render_id": ..., "draft": <digest>}}`."""

    path: Path

    @classmethod
    def in_state_dir(cls, state_dir: Path) -> PendingRenders:
        """The record in the agent's state directory."""
        return cls(state_dir / RECORD_FILE)

    def find(self, session_id: str, draft: Mapping[str, Any]) -> str | None:
        """The render id left running for this session and this exact draft, if any."""
        entry = self._load().get(session_id)
        if not isinstance(entry, dict) or entry.get("draft") != draft_digest(draft):
            return None
        render_id = entry.get("render_id")
        return render_id if isinstance(render_id, str) and render_id else None

    def remember(self, session_id: str, draft: Mapping[str, Any], render_id: str) -> None:
        """Keep `render_id` as the job to resume for this session and draft."""
        records = self._load()
        records[session_id] = {"render_id": render_id, "draft": draft_digest(draft)}
        self._save(records)

    def forget(self, session_id: str) -> None:
        """Drop the session's record (its render was delivered, failed or is unknown)."""
        records = self._load()
        if records.pop(session_id, None) is not None:
            self._save(records)

    def _load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _save(self, records: dict[str, Any]) -> None:
        if not records:
            self.path.unlink(missing_ok=True)
            return
        write_atomic(self.path, json.dumps(records, ensure_ascii=False))
