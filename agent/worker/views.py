"""How jobs look to clients: the `running` object, a finished job's outcome, `jobs` rows.

The `running` object has `turn --json`'s keys (status `running`, plus `job_id`), its reply in the
job's language says what is happening and how to continue (`prompts/replies/running`).
"""

from __future__ import annotations

import time
from typing import Any

from agent.templates import Language, Templates
from agent.worker.ledger import Job
from agent.worker.live import LiveJob
from agent.worker.protocol import Outcome

__all__ = ["cancelled_outcome", "failed_outcome", "job_row", "running_view"]


def _language(job: Job) -> Language:
    return "zh" if job.language == "zh" else "en"


def running_view(job: Job, live: LiveJob | None, templates: Templates) -> dict[str, Any]:
    """`{"status": "running", "job_id", "reply", "language", "actions", "files", "links",
    "session_id", "error"}` for a job that has not finished."""
    status = live.last_status() if live is not None else job.progress
    actions = list(live.actions if live is not None and live.actions else job.actions)
    session = (live.session_id if live is not None else None) or job.session_id or ""
    links = [str(link) for link in (job.earlier or {}).get("links") or ()]
    reply = templates.render(
        "replies/running",
        _language(job),
        job_id=job.id,
        status=status,
        actions=actions,
        queued=job.status == "queued",
    ).strip()
    return {
        "status": "running",
        "job_id": job.id,
        "reply": reply,
        "language": _language(job),
        "actions": actions,
        "files": [],
        "file_info": [],
        "links": links,
        "session_id": session,
        "error": None,
        "skill": None,
    }


def _ended(job: Job, reply: str, code: str, message: str, actions: list[str]) -> Outcome:
    data = {
        "status": "error",
        "reply": reply,
        "language": _language(job),
        "actions": actions,
        "files": [],
        "file_info": [],
        "links": [],
        "session_id": job.session_id or "",
        "error": {"code": code, "message": message},
        "skill": None,
    }
    return Outcome(data, reply, reply, 1)


def cancelled_outcome(job: Job, templates: Templates) -> Outcome:
    """The outcome of a job cancelled by `cancel` (before or while it ran)."""
    actions = list(job.actions)
    text = templates.render(
        "replies/job_cancelled", _language(job), job_id=job.id, actions=actions
    ).strip()
    return _ended(job, text, "cancelled", "the job was cancelled", actions)


def failed_outcome(job: Job, templates: Templates, message: str, log: str) -> Outcome:
    """The outcome of a job that hit an unexpected error in the worker (a bug: see the log)."""
    text = templates.render(
        "replies/job_failed", _language(job), job_id=job.id, message=message, log=log
    ).strip()
    return _ended(job, text, "internal", message, list(job.actions))


def job_row(job: Job, log: str, now: float | None = None) -> dict[str, Any]:
    """One `jobs --json` row: id, turn id, kind, session, text, status, age, files, error, log."""
    outcome = job.outcome.data if job.outcome is not None else {}
    listed = outcome.get("files")
    files: list[Any] = list(listed) if isinstance(listed, list) else []
    path = outcome.get("path")
    if isinstance(path, str) and path not in files:
        files = [*files, path]
    error = outcome.get("error") if isinstance(outcome.get("error"), dict) else None
    return {
        "job_id": job.id,
        "turn_id": job.turn_id,
        "kind": job.kind,
        "session_id": job.session_id or "",
        "text": job.text,
        "status": job.status,
        "progress": job.progress,
        "age": round((now if now is not None else time.time()) - job.created, 1),
        "files": [f for f in files if isinstance(f, str)],
        "error": error,
        "log": log,
    }
