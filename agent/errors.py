"""The single exception tree of nemo-agent; front ends catch only `AgentError`.

    AgentError
    ├── ConfigError                  bad settings, template, table or SKILL.md (operator fault)
    ├── AuthError                    no usable credentials (user must fix NEMO_TOKEN)
    ├── APIError                     the API answered with an error (code, status_code, body)
    │   ├── InvalidTokenError        1001: token bad, expired or revoked
    │   ├── SessionNotFoundError     1002 (and ADK 404 "Session not found")
    │   ├── InsufficientCreditsError 2001
    │   ├── UnsupportedFileError     4001 (also raised by the client's pre-check)
    │   ├── FileTooLargeError        4002 (also raised by the client's pre-check)
    │   ├── BadRequestError          HTTP 400 / 422
    │   ├── ExportBlockedError       HTTP 402 on render (or a plan-worded 402): plan/attribution
    │   ├── ForbiddenError           HTTP 403
    │   │   ├── ScopeError           403 about scope or permission: the token may not do this
    │   │   └── PlanRequiredError    403 about the plan: a paid plan is needed
    │   ├── NotFoundError            HTTP 404
    │   ├── RateLimitError           HTTP 429 (carries retry_after)
    │   └── ServerError              HTTP 5xx
    ├── TransportError               could not talk to the API (connect, timeout)
    │   └── StreamError              the SSE stream broke, timed out or was malformed
    ├── JobFailedError               a render job ran and failed (job id, reason)
    ├── UserInputError               the request cannot be done as stated (message is user text)
    │   └── FileProblemError         a file or link to upload is missing, a folder, empty, bad
    └── RenderError                  the local backend could not produce the MP4

No module raises a bare `Exception`; httpx exceptions never leave `agent.client`.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "APIError",
    "AgentError",
    "AuthError",
    "BadRequestError",
    "ConfigError",
    "ExportBlockedError",
    "FileProblemError",
    "FileTooLargeError",
    "ForbiddenError",
    "InsufficientCreditsError",
    "InvalidTokenError",
    "JobFailedError",
    "NotFoundError",
    "PlanRequiredError",
    "RateLimitError",
    "RenderError",
    "ScopeError",
    "ServerError",
    "SessionNotFoundError",
    "StreamError",
    "TransportError",
    "UnsupportedFileError",
    "UserInputError",
    "WorkerError",
    "error_from_response",
]


class AgentError(Exception):
    """Root of every error nemo-agent raises on purpose; front ends catch this one."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ConfigError(AgentError):
    """Settings, a template, a table or a SKILL.md is invalid; the operator must fix the file."""


class AuthError(AgentError):
    """No usable credentials (e.g. NEMO_TOKEN rejected); the user must fix or unset NEMO_TOKEN."""


class APIError(AgentError):
    """The API answered with an error; carries the NemoVideo `code`, HTTP status and body."""

    def __init__(
        self,
        message: str,
        *,
        code: int | None = None,
        status_code: int | None = None,
        body: Any = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.status_code = status_code
        self.body = body

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}({self.message!r}, code={self.code!r}, "
            f"status_code={self.status_code!r})"
        )


class InvalidTokenError(APIError):
    """Code 1001: the token is bad, expired or revoked; re-auth (anonymous) or fix NEMO_TOKEN."""


class SessionNotFoundError(APIError):
    """Code 1002: the session is unknown; start a new session and upload assets again."""


class InsufficientCreditsError(APIError):
    """Code 2001: not enough credits; register (anonymous users) or top up."""


class UnsupportedFileError(APIError):
    """Code 4001: the file type is not accepted; send one of the supported formats."""


class FileTooLargeError(APIError):
    """Code 4002: the file is over the size cap; compress or trim it first."""


class BadRequestError(APIError):
    """HTTP 400/422: the request was malformed (a client bug or a missing header)."""


class ExportBlockedError(APIError):
    """HTTP 402 on render: export blocked by the plan or missing attribution; not credits."""


class ForbiddenError(APIError):
    """HTTP 403: the API refused this request for this token; see the subclasses."""


class ScopeError(ForbiddenError):
    """HTTP 403 naming a scope or permission: the token may not do this (anonymous tokens have
    no `render` scope); register and use your own token."""


class PlanRequiredError(ForbiddenError):
    """HTTP 403 naming a plan or subscription: this needs a paid plan; upgrade."""


class NotFoundError(APIError):
    """HTTP 404: the resource does not exist."""


class RateLimitError(APIError):
    """HTTP 429: rate limited; wait `retry_after` seconds and try once more."""

    def __init__(
        self,
        message: str,
        *,
        code: int | None = None,
        status_code: int | None = 429,
        body: Any = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, code=code, status_code=status_code, body=body)
        self.retry_after = retry_after


class ServerError(APIError):
    """HTTP 5xx: the server failed; retry later."""


class TransportError(AgentError):
    """The API could not be reached (connect error, timeout); check the network or use --local."""


class StreamError(TransportError):
    """The SSE stream broke, went idle too long or was malformed; recover by polling state."""


class JobFailedError(AgentError):
    """A render job ran and failed; carries the job id and the server's reason."""

    def __init__(self, message: str, *, job_id: str, reason: str | None = None) -> None:
        super().__init__(message)
        self.job_id = job_id
        self.reason = reason


class UserInputError(AgentError):
    """The request cannot be satisfied as stated; the message tells the user what to do."""


class FileProblemError(UserInputError):
    """A file or link to upload cannot be used; the user must fix the path or link.

    `problem` is one of `missing`, `folder`, `special` (a pipe, socket or device), `empty`,
    `unreadable`, `bad_link`, `not_http`, `no_host`; `subject` is the file name, path or link
    it is about.
    """

    def __init__(self, message: str, *, problem: str, subject: str) -> None:
        super().__init__(message)
        self.problem = problem
        self.subject = subject


class RenderError(AgentError):
    """The local backend could not produce the MP4 (bad media, encoder failure)."""


class WorkerError(AgentError):
    """The background worker could not be started or reached, or does not know a job."""


_BY_CODE: dict[int, type[APIError]] = {
    1001: InvalidTokenError,
    1010: InvalidTokenError,  # CLI gateway spelling of an auth failure (protocol Q22)
    1011: InvalidTokenError,
    1002: SessionNotFoundError,
    2001: InsufficientCreditsError,
    4001: UnsupportedFileError,
    4002: FileTooLargeError,
}

_BY_STATUS: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: InvalidTokenError,
    402: ExportBlockedError,
    404: NotFoundError,
    422: BadRequestError,
    429: RateLimitError,
}


def _message_from(body: Any, status_code: int) -> str:
    if isinstance(body, dict):
        for key in ("message", "error", "msg"):
            value = body.get(key)
            if isinstance(value, str) and value:
                return value
        detail = body.get("detail")
        if isinstance(detail, str) and detail:
            return detail
        if isinstance(detail, list) and detail:
            first = detail[0]
            if isinstance(first, dict) and "msg" in first:
                raw = first.get("loc")
                parts = raw if isinstance(raw, list | tuple) else []
                loc = ".".join(str(p) for p in parts if p is not None)
                return f"{first['msg']}: {loc}" if loc else str(first["msg"])
    return f"HTTP {status_code}"


def _body_code(body: Any) -> int | None:
    if isinstance(body, dict):
        code = body.get("code")
        if isinstance(code, int) and not isinstance(code, bool):
            return code
        if isinstance(code, str) and code.isdigit():
            return int(code)
    return None


_CREDIT_WORDS = ("credit", "balance", "insufficient", "top up", "top-up", "积分", "余额", "点数")
_PLAN_WORDS = ("plan", "subscription", "subscribe", "upgrade", "tier", "starter", "套餐")
_SCOPE_WORDS = ("scope", "permission", "not allowed", "anonymous", "forbidden", "权限")


def _mentions(message: str, words: tuple[str, ...]) -> bool:
    lowered = message.lower()
    return any(word in lowered for word in words)


def _payment_or_refusal(status_code: int, message: str, endpoint: str | None) -> type[APIError]:
    """402 and 403 by body wording first, then by endpoint (docs/cloud-wire.md).

    The skill API documents 402 only for export ("plan, not credits"); the newest first-party
    surface (MCP) uses 402 for credits and 403 for a required plan.
    """
    if _mentions(message, _CREDIT_WORDS):
        return InsufficientCreditsError
    if status_code == 402:
        on_render = endpoint is None or "/render/" in endpoint
        return (
            ExportBlockedError
            if on_render or _mentions(message, _PLAN_WORDS)
            else (InsufficientCreditsError)
        )
    if _mentions(message, _PLAN_WORDS):
        return PlanRequiredError
    return ScopeError if _mentions(message, _SCOPE_WORDS) else ForbiddenError


def error_from_response(
    status_code: int, body: Any, *, retry_after: float | None = None, endpoint: str | None = None
) -> APIError:
    """Map an error response to its exception: body `code` first, HTTP status second.

    Args:
        status_code: The HTTP status of the response.
        body: The decoded JSON body, or None when it was not JSON.
        retry_after: Seconds from a `Retry-After` header, if any.
        endpoint: The request path (a 402 means export blocked only on the render endpoints).

    Returns:
        The `APIError` subclass instance for the response (never raises).
    """
    code = _body_code(body)
    message = _message_from(body, status_code)
    cls: type[APIError] | None = _BY_CODE.get(code) if code else None
    refusal = code if code in (402, 403) else status_code
    if cls is None and refusal in (402, 403):
        cls = _payment_or_refusal(refusal, message, endpoint)
    if cls is None:
        if (
            status_code == 404
            and isinstance(body, dict)
            and body.get("detail") == ("Session not found")
        ):
            cls = SessionNotFoundError
        elif status_code >= 500:
            cls = ServerError
        else:
            cls = _BY_STATUS.get(status_code, APIError)
    if cls is RateLimitError:
        return RateLimitError(
            message, code=code, status_code=status_code, body=body, retry_after=retry_after
        )
    return cls(message, code=code, status_code=status_code, body=body)
