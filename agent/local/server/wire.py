"""Wire shapes of the local backend: request models, envelopes, and errors as responses.

Routes raise `agent.errors.APIError` subclasses whose `body`/`status_code` are what the cloud
would send; `error_response` turns one into an HTTP response (the app's exception handler).
"""

from __future__ import annotations

from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError
from starlette.responses import JSONResponse

from agent.errors import (
    APIError,
    BadRequestError,
    ExportBlockedError,
    FileTooLargeError,
    InsufficientCreditsError,
    InvalidTokenError,
    NotFoundError,
    RateLimitError,
    SessionNotFoundError,
    UnsupportedFileError,
)

__all__ = [
    "Content",
    "RenderRequest",
    "RunRequest",
    "code_error",
    "error_response",
    "fail",
    "ok",
    "success",
    "validation_detail",
]

# protocol.md §6.1 emulator defaults: HTTP status that accompanies each body code.
_CODE_STATUS: dict[int, tuple[int, type[APIError]]] = {
    1001: (401, InvalidTokenError),
    1002: (404, SessionNotFoundError),
    2001: (200, InsufficientCreditsError),
    4001: (200, UnsupportedFileError),
    4002: (200, FileTooLargeError),
    4003: (400, BadRequestError),
}


def ok(data: Any) -> JSONResponse:
    """The code envelope for success."""
    return JSONResponse({"code": 0, "message": "success", "data": data})


def success(data: Any, status_code: int = 200) -> JSONResponse:
    """The render proxy's success envelope."""
    return JSONResponse({"success": True, "data": data}, status_code=status_code)


def code_error(code: int, message: str) -> APIError:
    """An error carrying a body `code` (code envelope) with its default HTTP status."""
    status, cls = _CODE_STATUS.get(code, (400, BadRequestError))
    body = {"code": code, "message": message, "data": None}
    return cls(message, code=code, status_code=status, body=body)


def fail(status: int, message: str, *, code: int | None = None) -> APIError:
    """A render-proxy error: `{"success": false, "error": ...}` (plus `code` when one applies)."""
    body: dict[str, Any] = {"success": False, "error": message}
    if code is not None:
        body["code"] = code
    cls = {402: ExportBlockedError, 404: NotFoundError}.get(status, BadRequestError)
    return cls(message, code=code, status_code=status, body=body)


def rate_limited(message: str, retry_after: int) -> RateLimitError:
    """HTTP 429 with a code-envelope body."""
    body = {"code": 429, "message": message, "data": None}
    return RateLimitError(message, status_code=429, body=body, retry_after=retry_after)


def error_response(exc: APIError) -> JSONResponse:
    """The HTTP response for an error raised by a route."""
    headers: dict[str, str] = {}
    if isinstance(exc, RateLimitError) and exc.retry_after is not None:
        headers["Retry-After"] = str(int(exc.retry_after))
    body = exc.body if exc.body is not None else {"code": exc.code, "message": exc.message}
    return JSONResponse(body, status_code=exc.status_code or 500, headers=headers)


def validation_detail(exc: ValidationError) -> list[dict[str, Any]]:
    """FastAPI-style 422 `detail` entries (`loc` prefixed with `body`)."""
    return [
        {"type": e["type"], "loc": ["body", *e["loc"]], "msg": e["msg"], "input": e["input"]}
        for e in exc.errors(include_url=False)
    ]


class _Camel(BaseModel):
    model_config = ConfigDict(extra="ignore", populate_by_name=True)


class Part(_Camel):
    """A genai `Part`; only text matters to the local agent."""

    text: str | None = None


class Content(_Camel):
    """A genai `Content` (`new_message`)."""

    parts: list[Part] = Field(default_factory=list)
    role: str | None = None

    @property
    def joined_text(self) -> str:
        """All text parts joined by newlines."""
        return "\n".join(p.text for p in self.parts if p.text)


def _alias(snake: str, camel: str) -> Any:
    return Field(validation_alias=AliasChoices(camel, snake), alias=camel)


class RunRequest(_Camel):
    """ADK's `RunAgentRequest`: snake_case or camelCase keys (missing fields report camelCase)."""

    app_name: str = _alias("app_name", "appName")
    user_id: str = _alias("user_id", "userId")
    session_id: str = _alias("session_id", "sessionId")
    new_message: Content = Field(
        default_factory=Content, validation_alias=AliasChoices("newMessage", "new_message")
    )
    streaming: bool = False
    state_delta: dict[str, Any] | None = Field(
        default=None, validation_alias=AliasChoices("stateDelta", "state_delta")
    )
    invocation_id: str | None = Field(
        default=None, validation_alias=AliasChoices("invocationId", "invocation_id")
    )


class RenderRequest(_Camel):
    """`POST /api/render/proxy/lambda` body (`sessionId` is camelCase on the wire)."""

    id: str = Field(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    session_id: str = Field(validation_alias=AliasChoices("sessionId", "session_id"))
    draft: dict[str, Any]
    output: dict[str, Any] = Field(default_factory=lambda: {"format": "mp4", "quality": "high"})
