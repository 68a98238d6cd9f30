"""Wire types (pydantic, tolerant of extra fields) and stream event values (frozen dataclasses).

Pure: no I/O. Every response body the client parses becomes one of these models.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AliasChoices,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
)

from agent import scalars
from agent.errors import APIError

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
    "parse_model",
    "status_meaning",
]

M = TypeVar("M", bound=BaseModel)

Clock = Callable[[], float]
"""Wall-clock seconds since the epoch (`time.time` in production, a fake in tests)."""
Sleep = Callable[[float], Awaitable[None]]
"""An awaitable sleep (`asyncio.sleep` in production, a recording fake in tests)."""

# Loose wire scalars, normalised once on the way in (agent.scalars; docs/cloud-wire.md).
Text = Annotated[str, BeforeValidator(scalars.text)]
OptText = Annotated[str | None, BeforeValidator(scalars.optional_text)]
Number = Annotated[int | float, BeforeValidator(scalars.number)]
OptNumber = Annotated[int | float | None, BeforeValidator(scalars.optional_number)]
When = Annotated[datetime | None, BeforeValidator(scalars.timestamp)]


class _Response(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True, populate_by_name=True)


class AnonymousToken(_Response):
    """`POST /api/auth/anonymous-token` data; an empty or unreadable `expires_at` is None."""

    token: Text = Field(repr=False)
    user_id: OptText = None
    expires_at: When = None
    credits: OptNumber = None


class SessionInfo(_Response):
    """`POST /api/tasks/me/with-session/nemo_agent` data (numeric ids read as their digits)."""

    task_id: Text
    session_id: Text
    user_id: OptText = None


class ClaimToken(_Response):
    """`POST /api/auth/claim-token` data; the claim token only opens the project in a browser."""

    claim_token: Text = Field(repr=False)
    expires_in: OptNumber = None


class UploadedFile(_Response):
    """One uploaded file; the URL is read from `cdn_url`, `url` or `file_url` (None if absent)."""

    filename: OptText = None
    file_type: OptText = None
    url: OptText = Field(default=None, validation_alias=AliasChoices("cdn_url", "url", "file_url"))
    duration: OptNumber = None
    """Seconds; absent for images."""
    width: OptNumber = None
    height: OptNumber = None


class UploadResult(_Response):
    """Upload data: the files list is read from `files` or `uploaded_files`."""

    files: tuple[UploadedFile, ...] = Field(
        default=(), validation_alias=AliasChoices("files", "uploaded_files")
    )
    session_state_applied: bool | None = None

    @field_validator("files", mode="before")
    @classmethod
    def _files(cls, value: Any) -> list[Any]:
        return [f for f in scalars.as_list(value) if isinstance(f, Mapping | UploadedFile)]


class Credits(_Response):
    """`GET /api/credits/balance/simple` data; `total = available + frozen` (may be fractional)."""

    available: Number
    frozen: Number = 0
    total: OptNumber = None

    @field_validator("frozen", mode="before")
    @classmethod
    def _frozen(cls, value: Any) -> Any:
        return 0 if value is None or value == "" else value

    @property
    def total_credits(self) -> int | float:
        """The reported total, else `available + frozen`."""
        return self.total if self.total is not None else self.available + self.frozen


class StateData(_Response):
    """`data.state` of the state endpoint; the draft format is in docs/draft.md.

    A new session's state may be null or partly missing: null, absent and unusable fields are
    empty (a draft sent as a JSON string is decoded; `video_infos` keyed by name becomes a list).
    """

    video_infos: list[Any] = Field(default_factory=list)
    draft: dict[str, Any] = Field(default_factory=dict)
    canvas_config: dict[str, Any] = Field(default_factory=dict)
    video_analyses: Any = None
    generated_media: Any = None
    revisions: list[Any] = Field(default_factory=list)
    """Recent draft revisions (the local backend only; absent from the cloud)."""

    @field_validator("video_infos", mode="before")
    @classmethod
    def _video_infos(cls, value: Any) -> list[Any]:
        return scalars.as_list(value)

    @field_validator("draft", mode="before")
    @classmethod
    def _draft(cls, value: Any) -> dict[str, Any]:
        return scalars.as_draft(value)

    @field_validator("canvas_config", mode="before")
    @classmethod
    def _canvas(cls, value: Any) -> dict[str, Any]:
        return scalars.as_dict(value)


class ProjectState(_Response):
    """`GET /api/state/nemo_agent/me/<session_id>/latest` data; a null `state` is empty."""

    session_id: OptText = None
    task_id: OptText = None
    task_name: OptText = None
    user_id: OptText = None
    state: StateData = Field(default_factory=StateData)

    @field_validator("state", mode="before")
    @classmethod
    def _state(cls, value: Any) -> Any:
        return value if isinstance(value, Mapping) else {}

    @property
    def exportable(self) -> bool:
        """True when the draft has at least one track with segments (protocol §5.2)."""
        tracks = self.state.draft.get("t")
        return isinstance(tracks, list) and any(isinstance(t, dict) and t.get("sg") for t in tracks)


RenderStatus = Literal["pending", "processing", "completed", "failed", "unknown"]
_WORDS: tuple[tuple[RenderStatus, str], ...] = (
    ("pending", "pending queued queue waiting submitted created scheduled accepted new init"),
    ("processing", "processing running rendering in_progress started encoding active"),
    ("completed", "completed complete success succeeded successful done finished ok"),
    ("failed", "failed fail failure error errored cancelled canceled aborted expired rejected"),
    ("failed", "timeout timed_out"),
)
_MEANINGS: dict[str, RenderStatus] = {
    word: status for status, words in _WORDS for word in words.split()
}


def status_meaning(raw: Any) -> RenderStatus:
    """A render status by meaning, case-insensitively (`SUCCESS` -> completed, `cancelled` ->
    failed); an absent status is pending, an unrecognised one `unknown`."""
    if raw is None or raw == "":
        return "pending"
    word = str(raw).strip().lower().replace("-", "_").replace(" ", "_")
    return _MEANINGS.get(word, "unknown")


def _first(*values: Any) -> Any:
    return next((v for v in values if v is not None and v != ""), None)


def _dict(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _url(*values: Any) -> str | None:
    return next((v for v in values if isinstance(v, str) and v.strip()), None)


POLL_HOLD_HEADER = "X-Nemo-Poll-Hold"
"""Response header of a backend that holds a render poll sent with `?wait=SECONDS` until the job
ends or that long (the embedded local backend's extension; its value: the longest hold, in
seconds). A client polls on its schedule without it."""


class RenderJob(_Response):
    """A render job, read from either poll shape of protocol §3.9 with `from_body`.

    `status` is the meaning (`unknown` for a value nobody documented); `raw_status` is what the
    server sent. A job is only done when it is `completed` and has a `url` (`ready`).
    """

    id: OptText = None
    status: RenderStatus = "pending"
    raw_status: str | None = None
    progress: int | None = None
    url: str | None = None
    duration: float | None = None
    """Seconds, when the server reports it (Shape B)."""
    size: int | None = None
    """Bytes, when the server reports it (Shape B)."""
    error: str | None = None
    created_at: float | None = None
    """Epoch milliseconds (numbers or ISO strings on the wire)."""
    completed_at: float | None = None
    poll_hold: float | None = None
    """The longest the server holds a poll with `?wait=` (`POLL_HOLD_HEADER`); None: it does not."""

    @property
    def ready(self) -> bool:
        """Completed, with the output URL written."""
        return self.status == "completed" and self.url is not None

    @classmethod
    def from_body(cls, body: Any, endpoint: str = "the render API") -> RenderJob:
        """Extract a job from a whole response body (Shape A, Shape B, or both at once).

        Order per §3.9: `data.status ?? status`; `data.outputUrl ?? data.output.url ??
        output.url ?? outputUrl`; `data.progress ?? progress`.

        Raises:
            APIError: The body cannot describe a job (e.g. an object where the id should be).
        """
        top = _dict(body)
        data = _dict(top.get("data"))
        out_a, out_b = _dict(data.get("output")), _dict(top.get("output"))
        raw = _first(data.get("status"), top.get("status"))
        status = status_meaning(raw)
        error = scalars.error_text(_first(data.get("error"), top.get("error")))
        progress = scalars.optional_number(_first(data.get("progress"), top.get("progress")))
        size = scalars.optional_number(
            _first(out_a.get("size"), out_b.get("size"), data.get("size"))
        )
        duration = scalars.optional_number(
            _first(out_a.get("duration"), out_b.get("duration"), data.get("duration"))
        )
        fields = {
            "id": _first(data.get("id"), data.get("render_id"), top.get("taskId"), top.get("id")),
            "status": status,
            "raw_status": None if raw is None else str(raw),
            "progress": None if progress is None else round(progress),
            "url": _url(
                data.get("outputUrl"), out_a.get("url"), out_b.get("url"), top.get("outputUrl")
            ),
            "duration": None if duration is None else float(duration),
            "size": None if size is None else round(size),
            "error": error or (str(raw) if status == "failed" and raw is not None else None),
            "created_at": scalars.epoch_ms(_first(data.get("createdAt"), top.get("createdAt"))),
            "completed_at": scalars.epoch_ms(
                _first(data.get("completedAt"), top.get("completedAt"))
            ),
        }
        try:
            return cls.model_validate(fields)
        except ValidationError as exc:
            raise APIError(_problem(endpoint, "RenderJob", exc), body=body) from None


def _problem(endpoint: str, model: str, exc: ValidationError) -> str:
    """`unexpected <Model> response from <endpoint>: <field>: <what>` for the first error."""
    first = exc.errors(include_url=False)[0]
    where = ".".join(str(p) for p in first["loc"]) or "body"
    return f"unexpected {model} response from {endpoint}: {where}: {first['msg']}"


def parse_model(model: type[M], data: Any, endpoint: str = "the API") -> M:
    """Validate `data` (None reads as an empty object) as `model`.

    Raises:
        APIError: The body cannot be used; the message names the endpoint and the field.
    """
    try:
        return model.model_validate(data if data is not None else {})
    except ValidationError as exc:
        raise APIError(_problem(endpoint, model.__name__, exc), body=data) from None


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
