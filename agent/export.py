"""Export mechanics: submit the draft, poll adaptively, retry once on failure, download atomically.

No user-facing text beyond error messages; the export handler and the CLI present the result.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import structlog

from agent.errors import (
    AgentError,
    APIError,
    BadRequestError,
    JobFailedError,
    RateLimitError,
    ServerError,
    TransportError,
)
from agent.models import Clock, RenderJob, Sleep
from agent.output_options import OutputOptions
from agent.transfer import check_destination

__all__ = [
    "ExportResult",
    "JobRecord",
    "RenderApi",
    "export_draft",
    "output_path",
    "poll_delays",
    "slugify",
    "wait_for_render",
]

RENDER_TIMEOUT_SECONDS = 600.0
TIMEOUT_REASON = "timeout"
ProgressCallback = Callable[[float], None]
ResumeCallback = Callable[[str], None]
StatusCallback = Callable[[str], None]
"""Called once per render status nobody documented, with the status as the server sent it."""
_log = structlog.get_logger(__name__)


class RenderApi(Protocol):
    """The client methods an export needs (`agent.client.NemoClient`)."""

    async def submit_render(
        self,
        render_id: str,
        session_id: str,
        draft: Mapping[str, Any],
        output: Mapping[str, Any] | None = None,
    ) -> RenderJob:
        """Submit a render job (`output`: the request's output object)."""
        ...

    async def render_status(self, render_id: str, wait: float | None = None) -> RenderJob:
        """Poll a render job (`wait`: held by a server that can, `RenderJob.poll_hold`)."""
        ...

    async def download(self, url: str, dest: Path) -> int:
        """Download an output URL atomically."""
        ...

    async def download_render(self, render_id: str, dest: Path) -> int:
        """Download through the API's fallback endpoint."""
        ...


class JobRecord(Protocol):
    """Where a timed-out render is kept for resuming (`agent.render_record.PendingRenders`)."""

    def find(self, session_id: str, draft: Mapping[str, Any]) -> str | None:
        """The render id to resume for this session and draft, if any."""
        ...

    def remember(self, session_id: str, draft: Mapping[str, Any], render_id: str) -> None:
        """Keep a render that is still running."""
        ...

    def forget(self, session_id: str) -> None:
        """Drop the session's record."""
        ...


@dataclass(frozen=True, slots=True)
class ExportResult:
    """A delivered MP4."""

    path: Path
    size: int
    """Bytes on disk."""
    duration: float | None
    """Seconds, when known."""
    url: str | None
    """The output URL the server reported."""
    render_id: str
    resumed: bool = False
    """The render was one left running by an earlier export that gave up waiting."""
    refused: tuple[str, ...] = ()
    """Output options the backend refused (the render was resubmitted without them)."""


def poll_delays(first: float = 2.0, factor: float = 1.5, cap: float = 10.0) -> Iterator[float]:
    """Seconds to wait before each poll: ~2 s first, growing to every 10 s (protocol Part 0)."""
    delay = first
    while True:
        yield delay
        delay = min(cap, delay * factor)


def new_render_id() -> str:
    """A unique render id, `render_<uuid hex>`."""
    return f"render_{uuid.uuid4().hex}"


def slugify(title: str, *, limit: int = 40) -> str:
    """A file-name-safe, readable slug (keeps CJK letters): `Harbor Lights!` -> `harbor-lights`."""
    text = unicodedata.normalize("NFKC", title).casefold()
    slug = re.sub(r"[^\w]+", "-", text).strip("-_")
    return slug[:limit].rstrip("-_") or "nemo-video"


def output_path(
    dest_dir: Path, draft: Mapping[str, Any], session_id: str, suffix: str = ".mp4"
) -> Path:
    """`<title-slug>-<session tail>-<n><suffix>` in `dest_dir`, with the first unused `n`."""
    meta = draft.get("m")
    title = meta.get("title") if isinstance(meta, Mapping) else None
    stem = f"{slugify(title if isinstance(title, str) else '')}-{session_id[-6:]}"
    n = 1
    while (dest_dir / f"{stem}-{n}{suffix}").exists():
        n += 1
    return dest_dir / f"{stem}-{n}{suffix}"


@dataclass(slots=True)
class _Poll:
    """What one wait has seen: unknown statuses already reported, the last transient failure."""

    reported: set[str] = field(default_factory=set)
    failure: AgentError | None = None


async def _poll_once(
    client: RenderApi,
    render_id: str,
    seen: _Poll,
    on_status: StatusCallback | None,
    hold: float | None = None,
) -> RenderJob | None:
    """One poll (held up to `hold` seconds by the server); None when it failed transiently (the
    same render id is polled again)."""
    try:
        job = await (
            client.render_status(render_id, hold) if hold else client.render_status(render_id)
        )
    except (TransportError, ServerError, RateLimitError) as exc:
        _log.info("render.poll_failed", render_id=render_id, error=type(exc).__name__)
        seen.failure = exc
        return None
    seen.failure = None
    raw = job.raw_status or ""
    if job.status == "unknown" and raw not in seen.reported:
        seen.reported.add(raw)
        _log.warning("render.unknown_status", render_id=render_id, status=raw[:40])
        if on_status is not None:
            on_status(raw)
    return job


async def _poll_after(
    delay: float,
    hold: float | None,
    sleep: Sleep,
    client: RenderApi,
    render_id: str,
    seen: _Poll,
    on_status: StatusCallback | None,
) -> RenderJob | None:
    """Wait `delay`, then poll; or spend the wait in a poll the server holds (`hold`)."""
    if not hold:
        await sleep(delay)
        return await _poll_once(client, render_id, seen, on_status)
    job = await _poll_once(client, render_id, seen, on_status, min(hold, delay))
    if job is None:
        await sleep(delay)  # the held poll failed early: wait as a scheduled poll would
    return job


async def wait_for_render(
    client: RenderApi,
    render_id: str,
    *,
    sleep: Sleep,
    clock: Clock,
    on_progress: ProgressCallback | None = None,
    on_status: StatusCallback | None = None,
    give_up_after: float = RENDER_TIMEOUT_SECONDS,
    hold: float | None = None,
) -> RenderJob:
    """Poll until the job is `completed` with its output URL; also resumes an earlier job.

    A `completed` without a URL yet, a status nobody documented (reported once through
    `on_status`) and a poll that failed transiently (network, 5xx, 429) all keep polling the
    same render id on the same schedule, up to `give_up_after`. A job still `completed` without
    a URL at that point is returned for the fallback download endpoint.

    With a server that holds polls (`hold`: `RenderJob.poll_hold` of the submission, or of any
    poll), each wait of the schedule is spent in a held poll, which the server answers as soon
    as the job ends: nothing waits for the next scheduled poll.

    Raises:
        JobFailedError: The job failed (`reason` is the server's), or is still running after
            `give_up_after` seconds (`reason == "timeout"`; poll again later with the same id).
    """
    start = clock()
    seen = _Poll()
    last: RenderJob | None = None
    for delay in poll_delays():
        if clock() - start + delay > give_up_after:
            break
        job = await _poll_after(delay, hold, sleep, client, render_id, seen, on_status)
        if job is None:
            continue
        # A job ended without its URL yet is not held (it has ended): its polls wait as usual.
        hold = None if job.status == "completed" else job.poll_hold
        last = job
        if on_progress is not None and job.progress is not None:
            on_progress(float(job.progress))
        if job.ready:
            return job
        if job.status == "failed":
            raise JobFailedError(
                f"render {render_id} failed: {job.error or 'no reason given'}",
                job_id=render_id,
                reason=job.error or job.raw_status,
            )
    if last is not None and last.status == "completed":
        return last  # finished, but the URL never came: the fallback endpoint may have it
    raise JobFailedError(
        f"render {render_id} is still running after {give_up_after / 60:.0f} minutes; "
        "it may still finish: export again to pick up the same job",
        job_id=render_id,
        reason=TIMEOUT_REASON,
    )


def _is_duplicate(error: APIError) -> bool:
    text = error.message.lower()
    return error.status_code == 409 or "duplicate" in text or "already exists" in text


@dataclass(slots=True)
class _Output:
    """The output options asked for, and those the backend refused (filled on submission)."""

    options: OutputOptions | None
    refused: tuple[str, ...] = ()

    def standard(self) -> dict[str, Any] | None:
        return None if self.options is None else self.options.wire(standard_only=True)


async def _submit(
    client: RenderApi, render_id: str, session_id: str, draft: Mapping[str, Any], out: _Output
) -> RenderJob:
    options = out.options
    if options is None or not options.extensions:
        return await client.submit_render(render_id, session_id, draft, out.standard())
    try:
        return await client.submit_render(render_id, session_id, draft, options.wire())
    except BadRequestError:
        # The backend refused the extensions: render the standard MP4 and say so.
        out.refused = tuple(options.extensions)
        return await client.submit_render(render_id, session_id, draft, out.standard())


async def _submit_and_wait(
    client: RenderApi,
    render_id: str,
    session_id: str,
    draft: Mapping[str, Any],
    out: _Output,
    **wait: Any,
) -> RenderJob:
    submitted = await _submit(client, render_id, session_id, draft, out)
    job = await wait_for_render(client, render_id, hold=submitted.poll_hold, **wait)
    return job.model_copy(update={"id": render_id})


async def _render(
    client: RenderApi,
    session_id: str,
    draft: Mapping[str, Any],
    new_id: Callable[[], str],
    out: _Output,
    **wait: Any,
) -> RenderJob:
    try:
        return await _submit_and_wait(client, new_id(), session_id, draft, out, **wait)
    except JobFailedError as exc:
        if exc.reason == TIMEOUT_REASON:
            raise
    except APIError as exc:
        if not _is_duplicate(exc):
            raise
    # One retry with a fresh id (protocol §3.8); a second failure propagates.
    return await _submit_and_wait(client, new_id(), session_id, draft, out, **wait)


async def _resume(client: RenderApi, render_id: str, **wait: Any) -> RenderJob | None:
    """Poll a job left running earlier; None when it failed or the backend no longer knows it."""
    try:
        job = await wait_for_render(client, render_id, **wait)
    except JobFailedError as exc:
        if exc.reason == TIMEOUT_REASON:
            raise
        return None
    except APIError as exc:
        if exc.status_code != 404:
            raise
        return None
    return job.model_copy(update={"id": render_id})


async def _resume_or_render(
    client: RenderApi,
    session_id: str,
    draft: Mapping[str, Any],
    new_id: Callable[[], str],
    jobs: JobRecord | None,
    on_resume: ResumeCallback | None,
    out: _Output,
    **wait: Any,
) -> tuple[RenderJob, bool]:
    """Resume the recorded job for this draft if there is one, else submit; record a timeout."""
    pending = jobs.find(session_id, draft) if jobs is not None else None
    try:
        if jobs is not None and pending:
            if on_resume is not None:
                on_resume(pending)
            job = await _resume(client, pending, **wait)
            if job is not None:
                return job, True
            jobs.forget(session_id)
        return await _render(client, session_id, draft, new_id, out, **wait), False
    except JobFailedError as exc:
        if jobs is not None and exc.reason == TIMEOUT_REASON:
            jobs.remember(session_id, draft, exc.job_id)
        raise


def _target(
    dest_dir: Path, filename: str | None, draft: Mapping[str, Any], session_id: str, suffix: str
) -> Path:
    dest_dir.mkdir(parents=True, exist_ok=True)
    return dest_dir / filename if filename else output_path(dest_dir, draft, session_id, suffix)


async def _download(client: RenderApi, job: RenderJob, path: Path) -> int:
    render_id = job.id or ""
    if job.url:
        try:
            return await client.download(job.url, path)
        except (TransportError, APIError):
            pass  # the output URL is unreachable: use the API's download endpoint (§3.11)
    return await client.download_render(render_id, path)


async def export_draft(
    client: RenderApi,
    session_id: str,
    draft: Mapping[str, Any],
    dest_dir: Path,
    *,
    sleep: Sleep,
    clock: Clock,
    on_progress: ProgressCallback | None = None,
    render_id_factory: Callable[[], str] = new_render_id,
    filename: str | None = None,
    give_up_after: float = RENDER_TIMEOUT_SECONDS,
    jobs: JobRecord | None = None,
    on_resume: ResumeCallback | None = None,
    on_status: StatusCallback | None = None,
    output: OutputOptions | None = None,
) -> ExportResult:
    """Render `draft` to MP4 and download it into `dest_dir` under a stable readable name.

    Args:
        client: The API client.
        session_id: The session that owns the draft.
        draft: `data.state.draft`, posted unchanged.
        dest_dir: Where the MP4 goes (created if needed).
        sleep: Awaitable sleep between polls.
        clock: Epoch seconds, for the 10-minute limit.
        on_progress: Called with the server's progress percentage after each poll.
        render_id_factory: New render ids (one per attempt).
        filename: Use this file name instead of the generated one.
        give_up_after: Stop polling after this many seconds.
        jobs: Where a render still running at `give_up_after` is recorded; with it, an export of
            the same draft resumes polling that job instead of submitting a new one.
        on_resume: Called with the render id before a recorded job is resumed.
        on_status: Called once per render status nobody documented (see `wait_for_render`).
        output: Output options (resolution, quality, fps, format); extensions the backend
            refuses with 400 are dropped and listed in `ExportResult.refused`.

    Raises:
        JobFailedError: The render failed twice, or timed out (resumable via the job id).
        ExportBlockedError: HTTP 402 (plan or attribution; not credits).
        TransportError: The download failed on both the output URL and the fallback.
        UserInputError: `dest_dir` cannot take the file, or `filename` exists (before rendering).
    """
    check_destination(dest_dir, filename)
    wait = {
        "sleep": sleep,
        "clock": clock,
        "on_progress": on_progress,
        "on_status": on_status,
        "give_up_after": give_up_after,
    }
    out = _Output(output)
    job, resumed = await _resume_or_render(
        client, session_id, draft, render_id_factory, jobs, on_resume, out, **wait
    )
    suffix = ".mp4" if out.refused or output is None else output.extension
    path = _target(dest_dir, filename, draft, session_id, suffix)
    size = await _download(client, job, path)
    if jobs is not None:
        jobs.forget(session_id)
    duration = job.duration
    if duration is None and isinstance(draft.get("d"), int | float):
        duration = float(draft["d"]) / 1000
    return ExportResult(path, size, duration, job.url, job.id or "", resumed, out.refused)
