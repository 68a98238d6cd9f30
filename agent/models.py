"""Wire types (pydantic, tolerant of extra fields) and stream event values (frozen dataclasses).

Pure: no I/O. Every response body the client parses becomes one of these models.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field

__all__ = [
    "AnonymousToken",
    "ClaimToken",
    "Clock",
    "Credits",
    "ErrorEvent",
    "HeartbeatEvent",
    "ProjectState",
    "RenderJob",
    "RenderStatus",
    "SessionInfo",
    "Sleep",
    "SseEvent",
    "StateData",
    "TextEvent",
    "ToolCallEvent",
    "ToolResultEvent",
    "UploadResult",
    "UploadedFile",
]

Clock = Callable[[], float]
"""Wall-clock seconds since the epoch (`time.time` in production, a fake in tests)."""
Sleep = Callable[[float], Awaitable[None]]
"""An awaitable sleep (`asyncio.sleep` in production, a recording fake in tests)."""


class _Response(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True, populate_by_name=True)


class AnonymousToken(_Response):
    """`POST /api/auth/anonymous-token` data."""

    token: str = Field(repr=False)
    user_id: str | None = None
    expires_at: datetime | None = None
    credits: int | None = None


class SessionInfo(_Response):
    """`POST /api/tasks/me/with-session/nemo_agent` data."""

    task_id: str
    session_id: str
    user_id: str | None = None


class ClaimToken(_Response):
    """`POST /api/auth/claim-token` data; the claim token only opens the project in a browser."""

    claim_token: str = Field(repr=False)
    expires_in: int | None = None


class UploadedFile(_Response):
    """One uploaded file; the URL is read from `cdn_url` or `url`."""

    filename: str | None = None
    file_type: str | None = None
    url: str = Field(validation_alias=AliasChoices("cdn_url", "url"))
    duration: float | None = None
    """Seconds; absent for images."""
    width: int | None = None
    height: int | None = None


class UploadResult(_Response):
    """Upload data: the files list is read from `files` or `uploaded_files`."""

    files: tuple[UploadedFile, ...] = Field(
        default=(), validation_alias=AliasChoices("files", "uploaded_files")
    )
    session_state_applied: bool | None = None


class Credits(_Response):
    """`GET /api/credits/balance/simple` data; `total = available + frozen`."""

    available: int
    frozen: int = 0
    total: int | None = None

    @property
    def total_credits(self) -> int:
        """The reported total, else `available + frozen`."""
        return self.total if self.total is not None else self.available + self.frozen


class StateData(_Response):
    """`data.state` of the state endpoint; the draft format is in docs/draft.md."""

    video_infos: list[Any] = Field(default_factory=list)
    draft: dict[str, Any] = Field(default_factory=dict)
    canvas_config: dict[str, Any] = Field(default_factory=dict)
    video_analyses: Any = None
    generated_media: Any = None
    revisions: list[Any] = Field(default_factory=list)
    """Recent draft revisions (the local backend only; absent from the cloud)."""


class ProjectState(_Response):
    """`GET /api/state/nemo_agent/me/<session_id>/latest` data."""

    session_id: str | None = None
    task_id: str | None = None
    task_name: str | None = None
    user_id: str | None = None
    state: StateData = Field(default_factory=StateData)

    @property
    def exportable(self) -> bool:
        """True when the draft has at least one track with segments (protocol §5.2)."""
        tracks = self.state.draft.get("t")
        return isinstance(tracks, list) and any(isinstance(t, dict) and t.get("sg") for t in tracks)


RenderStatus = Literal["pending", "processing", "completed", "failed"]
_STATUSES: frozenset[str] = frozenset({"pending", "processing", "completed", "failed"})


def _first(*values: Any) -> Any:
    return next((v for v in values if v is not None), None)


def _dict(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


class RenderJob(_Response):
    """A render job, read from either poll shape of protocol §3.9 with `from_body`."""

    id: str | None = None
    status: RenderStatus = "pending"
    progress: int | None = None
    url: str | None = None
    duration: float | None = None
    """Seconds, when the server reports it (Shape B)."""
    size: int | None = None
    """Bytes, when the server reports it (Shape B)."""
    error: str | None = None
    created_at: float | None = None
    """Epoch milliseconds (Shape A)."""
    completed_at: float | None = None

    @classmethod
    def from_body(cls, body: Any) -> RenderJob:
        """Extract a job from a whole response body (Shape A, Shape B, or both at once).

        Order per §3.9: `data.status ?? status`; `data.outputUrl ?? data.output.url ??
        output.url ?? outputUrl`; `data.progress ?? progress`. Unknown statuses read as pending.
        """
        top = _dict(body)
        data = _dict(top.get("data"))
        out_a, out_b = _dict(data.get("output")), _dict(top.get("output"))
        status = _first(data.get("status"), top.get("status"))
        progress = _first(data.get("progress"), top.get("progress"))
        return cls(
            id=_first(data.get("id"), data.get("render_id"), top.get("taskId"), top.get("id")),
            status=status if status in _STATUSES else "pending",
            progress=int(progress) if isinstance(progress, int | float) else None,
            url=_first(
                data.get("outputUrl"), out_a.get("url"), out_b.get("url"), top.get("outputUrl")
            ),
            duration=_first(out_a.get("duration"), out_b.get("duration"), data.get("duration")),
            size=_first(out_a.get("size"), out_b.get("size"), data.get("size")),
            error=_first(data.get("error"), top.get("error")),
            created_at=_first(data.get("createdAt"), top.get("createdAt")),
            completed_at=_first(data.get("completedAt"), top.get("completedAt")),
        )


@dataclass(frozen=True, slots=True)
class TextEvent:
    """Model text; `partial` chunks are a live preview replaced by the final non-partial text."""

    text: str
    partial: bool = False


@dataclass(frozen=True, slots=True)
class ToolCallEvent:
    """The backend agent called a tool (never shown raw to the user)."""

    id: str
    name: str
    args: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ToolResultEvent:
    """A tool finished; `id` matches its `ToolCallEvent`."""

    id: str
    name: str
    response: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class HeartbeatEvent:
    """Keep-alive: the backend is still working."""


@dataclass(frozen=True, slots=True)
class ErrorEvent:
    """The run failed server-side; the stream ends after it."""

    message: str


SseEvent = TextEvent | ToolCallEvent | ToolResultEvent | HeartbeatEvent | ErrorEvent
