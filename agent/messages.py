"""Error -> user message mapping (protocol §6.1): which template, with what context. Pure.

Each message is short, in the user's language (the template's), and says what to do next.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from agent.errors import (
    AgentError,
    APIError,
    AuthError,
    ConfigError,
    ExportBlockedError,
    FileProblemError,
    FileTooLargeError,
    ForbiddenError,
    InsufficientCreditsError,
    InvalidTokenError,
    JobFailedError,
    PlanRequiredError,
    RateLimitError,
    RenderError,
    ScopeError,
    ServerError,
    SessionNotFoundError,
    StreamError,
    TransportError,
    UnsupportedFileError,
    UserInputError,
)
from agent.handlers.base import ErrorInfo, Reply, human_size
from agent.log import redact
from agent.media import accepted_list
from agent.session import registration_url

__all__ = ["MessageContext", "error_code", "error_hint", "error_reply"]

_Builder = Callable[["AgentError", "MessageContext"], tuple[str, dict[str, Any]]]


@dataclass(frozen=True, slots=True)
class MessageContext:
    """What the mapping may use besides the error itself.

    Attributes:
        web_url: The web app (`$WEB`) for registration and top-up links.
        user_id: The session owner, if known (`anon_…` for anonymous users).
        own_token: The user supplied NEMO_TOKEN (never anonymous, never re-issued).
        upload_max_bytes: The client's upload size cap, in bytes.
        local: The embedded local backend is in use (no point suggesting `--local`).
    """

    web_url: str
    user_id: str | None = None
    own_token: bool = False
    upload_max_bytes: int = 200 * 1024 * 1024
    local: bool = False


def error_code(exc: AgentError) -> int | str:
    """The code reported for an error: the API body code, else the HTTP status, else the class."""
    if isinstance(exc, APIError) and exc.code is not None:
        return exc.code
    if isinstance(exc, APIError) and exc.status_code is not None:
        return exc.status_code
    return type(exc).__name__


def _credits(_exc: AgentError, mc: MessageContext) -> tuple[str, dict[str, Any]]:
    if _anonymous(mc) and mc.user_id:
        return "errors/credits", {"register_url": registration_url(mc.web_url, mc.user_id)}
    return "errors/credits", {"register_url": None, "topup_url": f"{mc.web_url}/dashboard/billing"}


def _anonymous(mc: MessageContext) -> bool:
    return bool(mc.user_id and mc.user_id.startswith("anon_") and not mc.own_token)


def _scope(exc: AgentError, mc: MessageContext) -> tuple[str, dict[str, Any]]:
    register = registration_url(mc.web_url, mc.user_id or "") if _anonymous(mc) else None
    context = {"register_url": register, "web_url": mc.web_url, "message": redact(exc.message)}
    return "errors/scope", context


def _refused(name: str) -> _Builder:
    def build(exc: AgentError, mc: MessageContext) -> tuple[str, dict[str, Any]]:
        return f"errors/{name}", {"web_url": mc.web_url, "message": redact(exc.message)}

    return build


def _simple(name: str) -> _Builder:
    def build(_exc: AgentError, mc: MessageContext) -> tuple[str, dict[str, Any]]:
        return f"errors/{name}", {"web_url": mc.web_url}

    return build


def _unsupported(_exc: AgentError, _mc: MessageContext) -> tuple[str, dict[str, Any]]:
    return "errors/unsupported", {"formats": accepted_list()}


def _too_large(_exc: AgentError, mc: MessageContext) -> tuple[str, dict[str, Any]]:
    return "errors/too_large", {"limit": human_size(mc.upload_max_bytes)}


def _network(_exc: AgentError, mc: MessageContext) -> tuple[str, dict[str, Any]]:
    return "errors/network", {"local": mc.local}


def _rate_limit(exc: AgentError, _mc: MessageContext) -> tuple[str, dict[str, Any]]:
    after = exc.retry_after if isinstance(exc, RateLimitError) else None
    return "errors/rate_limit", {"retry_after": int(after) if after else 30}


def _with_message(name: str) -> _Builder:
    def build(exc: AgentError, _mc: MessageContext) -> tuple[str, dict[str, Any]]:
        return f"errors/{name}", {"message": redact(exc.message)}

    return build


def _file_problem(exc: AgentError, _mc: MessageContext) -> tuple[str, dict[str, Any]]:
    problem = exc.problem if isinstance(exc, FileProblemError) else "missing"
    subject = exc.subject if isinstance(exc, FileProblemError) else ""
    return "errors/file_problem", {"problem": problem, "subject": redact(subject)}


# Most specific class first: the first isinstance match wins.
_TABLE: tuple[tuple[type[AgentError], _Builder], ...] = (
    (InsufficientCreditsError, _credits),
    (ExportBlockedError, _simple("plan")),
    (ScopeError, _scope),
    (PlanRequiredError, _refused("plan_required")),
    (ForbiddenError, _refused("forbidden")),
    (UnsupportedFileError, _unsupported),
    (FileTooLargeError, _too_large),
    (InvalidTokenError, _simple("auth")),
    (SessionNotFoundError, _simple("session")),
    (RateLimitError, _rate_limit),
    (ServerError, _simple("server")),
    (StreamError, _simple("stream")),
    (TransportError, _network),
    (AuthError, _simple("auth")),
    (JobFailedError, _simple("export_failed")),
    (RenderError, _with_message("render")),
    (FileProblemError, _file_problem),
    (UserInputError, _with_message("user_input")),
    (ConfigError, _with_message("config")),
)


def error_reply(exc: AgentError, mc: MessageContext) -> Reply:
    """The reply that tells the user what went wrong and what to do next.

    Args:
        exc: The error a handler or the session layer raised.
        mc: Links and facts the messages refer to.

    Returns:
        A `Reply` with an `errors/*` template and `error` set (code and redacted message).
    """
    template: str = "errors/generic"
    context: dict[str, Any] = {"message": redact(exc.message)}
    for cls, build in _TABLE:
        if isinstance(exc, cls):
            template, context = build(exc, mc)
            break
    if mc.local:
        # The embedded backend's address dies with the command: offer no link to it.
        context = {k: v for k, v in context.items() if not k.endswith("_url")} | {"local": True}
    links = tuple(v for k, v in context.items() if k.endswith("_url") and isinstance(v, str))
    info = ErrorInfo(code=error_code(exc), message=redact(exc.message))
    return Reply(template, context, links=links, error=info)


_HINTS = frozenset(
    f"errors/{name}"
    for name in (
        "network",
        "server",
        "rate_limit",
        "auth",
        "credits",
        "plan",
        "export_failed",
        "scope",
        "plan_required",
        "forbidden",
    )
)
"""Messages that say what to do next about errors whose own text does not (`HTTP 500`)."""


def error_hint(exc: AgentError, mc: MessageContext) -> Reply | None:
    """What to do about an error whose own message only says what happened, for one-line CLI
    errors; None when the message already says it (user input, files, settings, renders).

    Args:
        exc: The error a command raised.
        mc: Links and facts the messages refer to.
    """
    if type(exc) is AuthError:  # our own message, which already says how to fix NEMO_TOKEN
        return None
    reply = error_reply(exc, mc)
    return reply if reply.template in _HINTS else None
