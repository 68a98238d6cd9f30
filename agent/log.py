"""structlog set-up for the front ends, with a processor that redacts secrets everywhere.

`configure_logging` is called once by a front end; library code only calls `structlog.get_logger`.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import MutableMapping
from typing import Any, TextIO

__all__ = ["configure_logging", "redact", "redact_processor"]

_ROUTED = ("asyncio",)
"""Standard-library loggers whose records go to structlog (never to logging's last-resort
handler, which prints a raw traceback on stderr)."""

_SECRET = re.compile(
    r"(?i:bearer)\s+[A-Za-z0-9._~+/=-]+"
    r"|nmv_usr_[A-Za-z0-9._~+/=-]+"
    r"|clm_[A-Za-z0-9._~+/=-]+"
    r"|sk-ant-[A-Za-z0-9_-]+"
)


def redact(text: str) -> str:
    """Mask bearer tokens, `nmv_usr_…`, `clm_…` and Anthropic keys in a string."""

    def _mask(match: re.Match[str]) -> str:
        value = match.group(0)
        if value[:6].lower() == "bearer":
            return "Bearer ***"
        prefix = value.split("_", 2)
        if value.startswith("nmv_usr_"):
            return "nmv_usr_***"
        if value.startswith("sk-ant-"):
            return "sk-ant-***"
        return f"{prefix[0]}_***"

    return _SECRET.sub(_mask, text)


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {k: _scrub(v) for k, v in value.items()}
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # namedtuple
        return type(value)(*(_scrub(v) for v in value))
    if isinstance(value, list | tuple):
        return type(value)(_scrub(v) for v in value)
    if isinstance(value, BaseException):
        return redact(repr(value))
    return value


def redact_processor(
    _logger: Any, _method: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    """structlog processor: redact secrets in every value of the event."""
    for key, value in list(event_dict.items()):
        event_dict[key] = _scrub(value)
    return event_dict


def _final_redaction(_logger: Any, _method: str, rendered: Any) -> Any:
    # Second pass after rendering: catches secrets inside formatted tracebacks.
    return redact(rendered) if isinstance(rendered, str) else rendered


class _ToStructlog(logging.Handler):
    """Hands a standard-library record to structlog: its message, and the exception as one
    `error` field (the traceback only with `-vv`)."""

    def __init__(self, *, tracebacks: bool) -> None:
        super().__init__()
        self._tracebacks = tracebacks

    def emit(self, record: logging.LogRecord) -> None:
        import structlog

        fields: dict[str, Any] = {}
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            fields["error"] = f"{type(exc).__name__}: {exc}"
            if self._tracebacks:
                fields["exc_info"] = record.exc_info
        log = structlog.get_logger(record.name)
        log.log(record.levelno, record.getMessage(), **fields)


def _route_stdlib(level: int, *, tracebacks: bool) -> None:
    for name in _ROUTED:
        logger = logging.getLogger(name)
        logger.handlers[:] = [_ToStructlog(tracebacks=tracebacks)]
        logger.setLevel(level)
        logger.propagate = False


class _CurrentStderr:
    """A stream that looks up `sys.stderr` at write time (it may be swapped, e.g. by CliRunner)."""

    def write(self, text: str) -> int:
        return sys.stderr.write(text)

    def flush(self) -> None:
        sys.stderr.flush()


def configure_logging(
    *, verbosity: int = 0, json: bool = False, stream: TextIO | None = None
) -> None:
    """Configure structlog once: warnings by default, `-v` info, `-vv` debug; stderr only.

    The `asyncio` logger goes through structlog too: an exception it reports is one `error`
    field, its traceback only with `-vv`.

    Args:
        verbosity: Count of `-v` flags.
        json: Emit one JSON object per line instead of console text.
        stream: Where logs go (stderr by default); never stdout, which carries results.
    """
    import structlog  # not at import time: the thin client commands never configure it

    level = logging.WARNING
    if verbosity == 1:
        level = logging.INFO
    elif verbosity >= 2:
        level = logging.DEBUG
    renderer: Any = (
        structlog.processors.JSONRenderer(ensure_ascii=False)
        if json
        else structlog.dev.ConsoleRenderer(colors=False)
    )
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.format_exc_info,
            redact_processor,
            renderer,
            _final_redaction,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(level),
        logger_factory=structlog.PrintLoggerFactory(stream or _CurrentStderr()),  # type: ignore[arg-type]
        cache_logger_on_first_use=False,
    )
    _route_stdlib(level, tracebacks=level <= logging.DEBUG)
